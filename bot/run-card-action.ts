import { z } from 'zod';
import { saveProposedActions } from '@/capture/save-proposed-actions';
import type { Actor, Person } from '@/kernel/action';
import { ConflictError, PendingWriteError, ValidationError, type FieldProblem } from '@/kernel/errors';
import type { BotDeps } from '@bot/bot-deps';
import type { AdaptiveCardJson } from '@/teams/card-attachment';
import { cardActionValueSchema, proposalDataSchema, type ProposalData } from '@/capture/cards/card-data-schemas';
import { discardedCard } from '@/capture/cards/discarded-card';
import { errorCard } from '@/teams/error-card';
import { pendingCard } from '@/capture/cards/pending-card';
import { proposedActionsCard } from '@/capture/cards/proposed-actions-card';
import { savedSummaryCard } from '@/capture/cards/saved-summary-card';
import { CAPTURE_VERBS, type CaptureVerb } from '@/capture/cards/capture-verbs';
import { runReminderClick } from '@/reminders/reminder-action';
import { withRefreshFor } from '@/reminders/refresh-viewers';
import { reminderCardDataSchema } from '@/reminders/reminder-card-schema';
import { REMINDER_VERBS, type ReminderVerb } from '@/reminders/reminder-verbs';
import { schoolOf } from '@/capture/school-of';
import { shownPupil } from '@/capture/propose';

/** The card to show after a click, and whether everyone in the chat should see it (not just the clicker). */
export interface CardActionResult {
  card: AdaptiveCardJson;
  forEveryone: boolean;
  /** Why the click was refused, for logs (never card text). */
  outcome: 'saved' | 'pending' | 'discarded' | 'refused' | 'malformed' | 'unknown_verb' | 'reminder';
}

export interface CardActionInput {
  /** The invoke `value` as Teams sent it: `{ action: { verb, data } }`. */
  value: unknown;
  actor: Actor;
  /** The clicker's Teams user id ("29:…"): a reminder card drawn for them refreshes for them. */
  viewerTeamsId?: string;
  /**
   * Finds a member of staff by Entra object id (known staff, else the Teams member lookup, by the
   * Teams user id in `hints` when the card carries one).
   */
  findPerson: (id: string, hints?: Record<string, string>) => Promise<Person | null>;
}

const malformed = (): CardActionResult => ({
  card: errorCard('This card could not be read (it may be from an older version of the app).'),
  forEveryone: false,
  outcome: 'malformed',
});

/** Why Save refused, split: problems of one row go beside that row, the rest at the top of the card. */
function placeProblems(problems: readonly FieldProblem[]): { card: string[]; rows: Map<number, string[]> } {
  const rows = new Map<number, string[]>();
  const card: string[] = [];
  for (const p of problems) {
    const row = /^items\.(\d+)\./.exec(p.path);
    if (!row) {
      card.push(p.message);
      continue;
    }
    const index = Number(row[1]);
    rows.set(index, [...(rows.get(index) ?? []), p.message.replace(/^Action \d+: /, '')]);
  }
  return { card, rows };
}

/** The same card drawn again as the person left it, with why it was refused. */
async function reRender(
  deps: BotDeps,
  input: CardActionInput,
  data: ProposalData,
  problems: readonly FieldProblem[],
): Promise<CardActionResult> {
  const placed = placeProblems(problems);
  const rows = await Promise.all(
    data.rows.map(async (r) => {
      const person = r.ownerId ? await input.findPerson(r.ownerId, data.memberIds) : null;
      return { ...r, owner: person ? { id: person.id, name: person.name } : null, warnings: placed.rows.get(r.index) ?? [] };
    }),
  );
  const card = proposedActionsCard({
    messageId: data.messageId,
    conversationId: data.conversationId,
    eventType: data.eventType,
    rows,
    first: data.first,
    pupils: (await schoolOf(deps)).pupils.map(shownPupil),
    problems: placed.card,
    memberIds: data.memberIds,
    peopleScope: data.scope,
    sender: { id: input.actor.id, name: input.actor.name },
  });
  return { card, forEveryone: false, outcome: 'refused' };
}

type Verb = { [K in keyof CardActions]: K }[keyof CardActions];

/** One row of the card-action table: the verb's data schema, and the command + presenter it runs. */
interface CardAction<S extends z.ZodType> {
  schema: S;
  run(deps: BotDeps, data: z.output<S>, input: CardActionInput): Promise<CardActionResult>;
}
const row = <S extends z.ZodType>(action: CardAction<S>) => action;

/** Data of a Discard click: the proposal itself, or (older cards) just how many actions it held. */
const discardDataSchema = z.union([
  proposalDataSchema.transform((data) => data.rows.length),
  z.looseObject({ count: z.number().int().min(1) }).transform((data) => data.count),
]);

const saveRow = (which: 'all' | 'selected') =>
  row({ schema: proposalDataSchema, run: (deps, data, input) => saveProposal(deps, input, data, which) });

const reminderRow = (verb: ReminderVerb) =>
  row({
    schema: reminderCardDataSchema,
    run: async (deps, data, input) =>
      deps.reminders
        ? {
            card: withRefreshFor(await runReminderClick(deps.reminders, verb, data, input.actor), [
              input.viewerTeamsId,
            ]) as AdaptiveCardJson,
            forEveryone: false,
            outcome: 'reminder',
          }
        : { card: errorCard('Reminder buttons are not available here.'), forEveryone: false, outcome: 'unknown_verb' },
  });

/** Every Universal Action verb the bot's cards send. A new verb is one row. */
const CARD_ACTIONS = {
  [CAPTURE_VERBS.saveAll]: saveRow('all'),
  [CAPTURE_VERBS.saveSelected]: saveRow('selected'),
  [CAPTURE_VERBS.discard]: row({
    schema: discardDataSchema,
    run: async (_deps, count, input) => ({ card: discardedCard(count, input.actor), forEveryone: true, outcome: 'discarded' }),
  }),
  [REMINDER_VERBS.done]: reminderRow(REMINDER_VERBS.done),
  [REMINDER_VERBS.inProgress]: reminderRow(REMINDER_VERBS.inProgress),
  [REMINDER_VERBS.waiting]: reminderRow(REMINDER_VERBS.waiting),
  [REMINDER_VERBS.snooze]: reminderRow(REMINDER_VERBS.snooze),
  [REMINDER_VERBS.refresh]: reminderRow(REMINDER_VERBS.refresh),
} satisfies Record<CaptureVerb | ReminderVerb, CardAction<z.ZodType>>;
type CardActions = typeof CARD_ACTIONS;

/**
 * One Universal Action click: find the verb's row, validate its data with the row's schema, run its
 * command and present the resulting card. Never throws for bad input: malformed data or an unknown
 * verb gives an error card and writes nothing; a save the rules refuse gives the same card back with
 * the problems listed.
 */
export async function runCardAction(deps: BotDeps, input: CardActionInput): Promise<CardActionResult> {
  const value = cardActionValueSchema.safeParse(input.value);
  if (!value.success) return malformed();
  const { verb, data: raw } = value.data.action;
  if (!Object.hasOwn(CARD_ACTIONS, verb)) {
    return { card: errorCard('That button is not one SEND Tracker knows.'), forEveryone: false, outcome: 'unknown_verb' };
  }
  const action: CardAction<z.ZodType> = CARD_ACTIONS[verb as Verb];
  const data = action.schema.safeParse(raw);
  if (!data.success) return malformed();
  return action.run(deps, data.data, input);
}

/** Save all, or the rows ticked "Include": one command, then the saved summary for everyone. */
async function saveProposal(
  deps: BotDeps,
  input: CardActionInput,
  data: ProposalData,
  which: 'all' | 'selected',
): Promise<CardActionResult> {
  const items = which === 'all' ? data.rows : data.rows.filter((r) => r.include);
  if (items.length === 0)
    return reRender(deps, input, data, [{ path: 'items', message: 'Tick "Include" on at least one action, or use Save all.' }]);
  try {
    const saved = await saveProposedActions(
      { repo: deps.repo, pupils: (await schoolOf(deps)).pupils, findPerson: (id) => input.findPerson(id, data.memberIds) },
      { messageId: data.messageId, conversationId: data.conversationId, eventType: data.eventType, items },
      input.actor,
    );
    return { card: savedSummaryCard(saved, input.actor, deps.trackerUrl), forEveryone: true, outcome: 'saved' };
  } catch (error) {
    if (error instanceof ValidationError) return reRender(deps, input, data, error.problems);
    if (error instanceof PendingWriteError)
      return { card: pendingCard(error.message, items.length), forEveryone: false, outcome: 'pending' };
    // Someone else already saved this card's actions: say so, show nothing of theirs.
    if (error instanceof ConflictError) return { card: errorCard(error.message), forEveryone: false, outcome: 'refused' };
    throw error;
  }
}
