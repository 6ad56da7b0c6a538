import type { Pupil } from '@/kernel/action';
import type { EventType } from '@/kernel/item-type';
import { pupilLabel } from '@/kernel/pupil-label';
import { describeAction } from './describe-action';
import { findOwner, type OwnerFinding } from './find-owner';
import { findPupil, initialsForNames, pupilMatchers, pupilsNamed, type PupilMatcher } from './find-pupil';
import { findVagueness } from './find-vagueness';
import { guessItemType } from './guess-item-type';
import { meetingTypeOf } from './meeting-type';
import { parseDueDate } from './parse-due-date';
import { toPlainText } from './plain-text';
import type { CaptureContext, ProposedAction } from './proposed-action';
import { hasClearActionLines as clearLines, isChatter, splitLines, startsWithActionVerb, type LineJudge } from './split-lines';

/**
 * Only the first this-many characters of a message are read (a Teams message is at most ~28 KB of
 * HTML; a list of agreed actions is far shorter). The caller may tell the sender when a message is longer.
 */
export const MAX_MESSAGE_LENGTH = 10_000;

/** What one message holds: its actions, and what its headings or meeting say about all of them. */
export interface ParsedMessage {
  actions: ProposedAction[];
  /** The meeting type for the card: from the meeting title or a heading, else a SEN support meeting. */
  eventType: EventType;
}

const ambiguity = (choices: Pupil[]) => `'${choices[0]!.name}' could be ${choices.map(pupilLabel).join(' or ')}: choose the pupil`;

interface MessageFacts {
  pupil: Pupil | null;
  eventType: EventType;
}

function parseLine(line: string, ctx: CaptureContext, matchers: PupilMatcher[], message: MessageFacts): ProposedAction[] {
  const found = findPupil(line, matchers, message.pupil);
  const pupil = found.pupil;
  // Dates first: "Refer to SALT - SENCO - 1st May" leaves "Refer to SALT - SENCO", whose owner is plain.
  const date = parseDueDate(line, ctx);
  const { owners, rest } = findOwner(date.rest.replace(/[\s\-–—,;:]+$/, ''), ctx, pupil);
  // When nothing but an owner or a date was written ("Tomorrow"), show the line itself.
  const description = describeAction(initialsForNames(rest, matchers), ctx.mentions) || describeAction(line, ctx.mentions);
  const findings: OwnerFinding[] = owners.length > 0 ? owners : [{ owner: null, warnings: [] }];
  // "X and Y to ..." gives one action each: one owner per tracked item.
  return findings.map(({ owner, warnings }) => {
    const { itemType, guessed } = guessItemType(description, {
      ...(owner?.kind === 'role' ? { ownerRole: owner.role } : {}),
      meeting: message.eventType,
    });
    return {
      description,
      owner,
      due: date.due,
      pupil,
      ...(found.choices.length > 1 ? { pupilChoices: found.choices } : {}),
      itemType,
      itemTypeGuessed: guessed,
      warnings: [
        ...findVagueness({ description, owner, due: date.due, ownerWarnings: warnings, dueWarnings: date.warnings }),
        ...(pupil ? [] : found.choices.length > 1 ? [ambiguity(found.choices)] : ['No pupil']),
      ],
    };
  });
}

/** The parser's judgement for the splitter: an action names its owner or starts with what to do. */
function judgeFor(ctx: CaptureContext): LineJudge {
  const owns = (text: string) => findOwner(parseDueDate(text, ctx).rest, ctx, null).owners.length > 0;
  return {
    isAction: (text) => !isChatter(text) && (startsWithActionVerb(text) || owns(text)),
    ownsLabel: (label) => findOwner(`${label}: x`, ctx, null).owners.some((f) => f.owner !== null),
  };
}

/**
 * The pupil every line of the message is about unless it names another: the one a heading or the
 * meeting title names, else the meeting's pupil, else the one pupil the lines name between them.
 */
function pupilOfMessage(texts: { headings: string[]; lines: string[] }, ctx: CaptureContext, matchers: PupilMatcher[]): Pupil | null {
  for (const heading of [ctx.meetingTitle ?? '', ...texts.headings]) {
    const { pupil } = findPupil(heading, matchers);
    if (pupil) return pupil;
  }
  if (ctx.meetingPupil) return ctx.meetingPupil;
  const named = texts.lines.map((l) => pupilsNamed(l, matchers));
  const ids = new Set(named.flatMap((n) => n.pupils.map((p) => p.id)));
  if (ids.size !== 1 || named.some((n) => n.ambiguous)) return null;
  return named.flatMap((n) => n.pupils)[0]!;
}

function normalised(context: CaptureContext): CaptureContext {
  const mentions = Array.isArray(context.mentions) ? context.mentions : [];
  const staff = [...(Array.isArray(context.staff) ? context.staff : []), ...Object.values(context.roles ?? {})];
  return {
    ...context,
    mentions,
    pupils: Array.isArray(context.pupils) ? context.pupils : [],
    roles: context.roles ?? {},
    staff: staff.filter((p, i) => staff.findIndex((q) => q.id === p.id) === i),
  };
}

/**
 * Reads the agreed actions in one Teams message (its HTML `text`) as proposed actions for a person
 * to confirm, with the meeting type. Pure and total: no I/O, never throws, and never invents an
 * owner — an owner is an @mention listed in `context.mentions`, a role word written in the message
 * (a person when `context.roles` has it, else `{ kind: 'role' }` with a warning), or the name of
 * exactly one person in `context.staff`. Never picks between two pupils who fit. Reads at most
 * `MAX_MESSAGE_LENGTH` characters. No actions when the message holds none.
 */
export function parseMessage(text: string, context: CaptureContext): ParsedMessage {
  const source = typeof text === 'string' ? text.slice(0, MAX_MESSAGE_LENGTH) : '';
  const ctx = normalised(context);
  const plain = toPlainText(source, ctx.mentions);
  const staffFirstNames = new Set(
    [...ctx.staff!, ...ctx.mentions.map((m) => m.person)].map((p) => p.name.trim().split(/\s+/)[0]!.toLowerCase()),
  );
  const matchers = pupilMatchers(ctx.pupils, staffFirstNames);
  const split = splitLines(plain, judgeFor(ctx));
  const message: MessageFacts = {
    pupil: pupilOfMessage({ headings: split.headings, lines: [...split.lines.map((l) => l.text), ...split.notes] }, ctx, matchers),
    eventType: meetingTypeOf([ctx.meetingTitle, ...split.headings]),
  };
  return { actions: split.lines.flatMap((line) => parseLine(line.text, ctx, matchers, message)), eventType: message.eventType };
}

/** The actions of `parseMessage`, for callers that need nothing else. */
export function parseActions(text: string, context: CaptureContext): ProposedAction[] {
  return parseMessage(text, context).actions;
}

/**
 * True when the message clearly lists actions: an `Action:` line, or lines under an "Actions" /
 * "Agreed actions" / "Next steps" heading. For messages the bot sees without an @mention.
 */
export function hasClearActionLines(text: string): boolean {
  return typeof text === 'string' && clearLines(toPlainText(text.slice(0, MAX_MESSAGE_LENGTH), []));
}
