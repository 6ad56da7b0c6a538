import { saveProposedActions } from '@/capture/save-proposed-actions';
import type { Actor, Person } from '@/kernel/action';
import { ConflictError, PendingWriteError, ValidationError } from '@/kernel/errors';
import type { BotDeps } from '@bot/bot-deps';
import type { AdaptiveCardJson } from '@/teams/card-attachment';
import { cardActionValueSchema, proposalDataSchema, type ProposalData } from '@/capture/cards/card-data-schemas';
import { discardedCard } from '@/capture/cards/discarded-card';
import { errorCard } from '@/teams/error-card';
import { pendingCard } from '@/capture/cards/pending-card';
import { proposedActionsCard } from '@/capture/cards/proposed-actions-card';
import { savedSummaryCard } from '@/capture/cards/saved-summary-card';
import { CAPTURE_VERBS } from '@/capture/cards/capture-verbs';
import { handleReminderAction, isReminderVerb } from '@/reminders/reminder-action';
import { schoolOf } from '@/capture/school-of';

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

async function reRender(deps: BotDeps, input: CardActionInput, data: ProposalData, problems: string[]): Promise<CardActionResult> {
  const rows = await Promise.all(
    data.rows.map(async (r) => {
      const person = r.ownerId ? await input.findPerson(r.ownerId, data.memberIds) : null;
      return { ...r, owner: person ? { id: person.id, name: person.name } : null, warnings: [] };
    }),
  );
  const { pupils } = await schoolOf(deps);
  const card = proposedActionsCard({
    messageId: data.messageId,
    conversationId: data.conversationId,
    eventType: data.eventType,
    rows,
    first: data.first,
    pupils,
    problems,
    memberIds: data.memberIds,
  });
  return { card, forEveryone: false, outcome: 'refused' };
}

/**
 * One Universal Action click: validate the data, run one command, present the resulting card.
 * Never throws for bad input: malformed data or an unknown verb gives an error card and writes nothing;
 * a save the rules refuse gives the same card back with the problems listed.
 */
export async function runCardAction(deps: BotDeps, input: CardActionInput): Promise<CardActionResult> {
  const value = cardActionValueSchema.safeParse(input.value);
  if (!value.success) return malformed();
  const { verb, data: raw } = value.data.action;

  if (isReminderVerb(verb)) {
    if (!deps.reminders)
      return { card: errorCard('Reminder buttons are not available here.'), forEveryone: false, outcome: 'unknown_verb' };
    try {
      return {
        card: (await handleReminderAction(deps.reminders, verb, raw, input.actor)) as AdaptiveCardJson,
        forEveryone: false,
        outcome: 'reminder',
      };
    } catch (error) {
      if (error instanceof ValidationError) return malformed();
      throw error;
    }
  }

  switch (verb) {
    case CAPTURE_VERBS.saveAll:
    case CAPTURE_VERBS.saveSelected: {
      const parsed = proposalDataSchema.safeParse(raw);
      if (!parsed.success) return malformed();
      const data = parsed.data;
      const items = verb === CAPTURE_VERBS.saveAll ? data.rows : data.rows.filter((r) => r.include);
      if (items.length === 0) return reRender(deps, input, data, ['Tick "Include" on at least one action, or use Save all.']);
      try {
        const saved = await saveProposedActions(
          { repo: deps.repo, pupils: (await schoolOf(deps)).pupils, findPerson: (id) => input.findPerson(id, data.memberIds) },
          { messageId: data.messageId, conversationId: data.conversationId, eventType: data.eventType, items },
          input.actor,
        );
        return { card: savedSummaryCard(saved, input.actor, deps.trackerUrl), forEveryone: true, outcome: 'saved' };
      } catch (error) {
        if (error instanceof ValidationError)
          return reRender(
            deps,
            input,
            data,
            error.problems.map((p) => p.message),
          );
        if (error instanceof PendingWriteError)
          return { card: pendingCard(error.message, items.length), forEveryone: false, outcome: 'pending' };
        // Someone else already saved this card's actions: say so, show nothing of theirs.
        if (error instanceof ConflictError) return { card: errorCard(error.message), forEveryone: false, outcome: 'refused' };
        throw error;
      }
    }
    case CAPTURE_VERBS.discard: {
      const parsed = proposalDataSchema.safeParse(raw);
      const count = parsed.success ? parsed.data.rows.length : typeof raw.count === 'number' ? raw.count : 0;
      if (!parsed.success && count === 0) return malformed();
      return { card: discardedCard(count, input.actor), forEveryone: true, outcome: 'discarded' };
    }
    default:
      return { card: errorCard('That button is not one SEND Tracker knows.'), forEveryone: false, outcome: 'unknown_verb' };
  }
}
