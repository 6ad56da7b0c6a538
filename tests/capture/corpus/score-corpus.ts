import type { EventType } from '@/kernel/item-type';
import type { ProposedAction } from '@/capture/parse/proposed-action';
import { pupilLabel } from '@/kernel/pupil-label';
import { CORPUS, type CorpusMessage, type Expected } from './meeting-lines';

/** What a parser made of one corpus message: its proposed actions and the meeting type it read. */
export interface ParsedMessage {
  actions: readonly ProposedAction[];
  eventType: EventType;
}

export const FIELDS = ['split', 'owner', 'due', 'pupil', 'type', 'vague', 'event'] as const;
export type Field = (typeof FIELDS)[number];

export interface CorpusScore {
  messages: number;
  /** Expected actions, plus the lines of messages that hold none (chatter). */
  lines: number;
  expectedActions: number;
  /** Expected actions with no proposal in their place. */
  lost: number;
  /** Proposals beyond what was agreed (every proposal from chatter counts). */
  invented: number;
  /** Right answers over chances, per field. `split` and `event` count per message, the rest per expected action. */
  fields: Record<Field, { right: number; of: number }>;
  /** One line per wrong answer, for a person to read. */
  misses: string[];
}

const VAGUE = /is not an action|is not one person/;

function ownerOf(action: ProposedAction): string | null {
  if (action.owner === null) return null;
  return action.owner.kind === 'person' ? action.owner.person.name : `role:${action.owner.role}`;
}

function pupilOf(action: ProposedAction): string | null {
  if (action.pupil) return pupilLabel(action.pupil);
  const choices = action.pupilChoices ?? [];
  return choices.length > 1 ? `?${choices[0]!.name}` : null;
}

function typeOf(action: ProposedAction): string {
  return action.itemTypeGuessed ? 'guess' : action.itemType;
}

/** The field values of a proposal, in the corpus's own terms. */
export function observed(action: ProposedAction): Expected {
  const vague = action.warnings.some((w) => VAGUE.test(w));
  const type = typeOf(action) as Expected[3];
  return vague ? [ownerOf(action), action.due, pupilOf(action), type, 'vague'] : [ownerOf(action), action.due, pupilOf(action), type];
}

/**
 * Scores a parser on the corpus. Proposals are lined up with the expected actions in order (the
 * parser keeps the order of the message); a missing proposal is wrong on every field.
 */
export function scoreCorpus(parse: (message: CorpusMessage) => ParsedMessage, corpus: readonly CorpusMessage[] = CORPUS): CorpusScore {
  const fields = Object.fromEntries(FIELDS.map((f) => [f, { right: 0, of: 0 }])) as CorpusScore['fields'];
  const misses: string[] = [];
  let lines = 0;
  let expectedActions = 0;
  let lost = 0;
  let invented = 0;
  const tally = (field: Field, right: boolean, what: string) => {
    fields[field].of++;
    if (right) fields[field].right++;
    else misses.push(`${field}: ${what}`);
  };
  for (const message of corpus) {
    const parsed = parse(message);
    const first = message.text.split('\n')[0]!.slice(0, 70);
    lines += message.expect.length > 0 ? message.expect.length : message.text.split('\n').length;
    expectedActions += message.expect.length;
    lost += Math.max(0, message.expect.length - parsed.actions.length);
    invented += Math.max(0, parsed.actions.length - message.expect.length);
    tally('split', parsed.actions.length === message.expect.length, `${parsed.actions.length} for ${message.expect.length} in "${first}"`);
    if (message.expect.length > 0) {
      const event = message.event ?? 'sen_support_meeting';
      tally('event', parsed.eventType === event, `${parsed.eventType} for ${event} in "${first}"`);
    }
    message.expect.forEach((expected, i) => {
      const action = parsed.actions[i];
      const got = action ? observed(action) : undefined;
      const where = `"${action?.description ?? first}"`;
      const names = ['owner', 'due', 'pupil', 'type'] as const;
      names.forEach((field, k) =>
        tally(field, got !== undefined && got[k] === expected[k], `${String(got?.[k])} for ${String(expected[k])} in ${where}`),
      );
      tally(
        'vague',
        got !== undefined && (got[4] === 'vague') === (expected[4] === 'vague'),
        `${got?.[4] ?? 'not vague'} for ${expected[4] ?? 'not vague'} in ${where}`,
      );
    });
  }
  return { messages: corpus.length, lines, expectedActions, lost, invented, fields, misses };
}

/** "97.3%" */
export const percent = (score: { right: number; of: number }) => `${((100 * score.right) / Math.max(1, score.of)).toFixed(1)}%`;
