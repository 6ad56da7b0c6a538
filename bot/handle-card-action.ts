import type { IAdaptiveCardActionInvokeActivity, IMessageActivity } from '@microsoft/teams.api';
import type { IActivityContext } from '@microsoft/teams.apps';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { Person } from '@/kernel/action';
import type { BotDeps } from '@bot/bot-deps';
import { cardAttachment } from '@/teams/card-attachment';
import { actorFrom } from '@/teams/actor';
import { memberLookup } from '@/teams/member-lookup';
import { memberToPerson } from '@/capture/resolve-mentions';
import { runCardAction } from './run-card-action';
import { knownPeopleOf } from '@/capture/school-of';

/**
 * Known staff and role holders first (no round trip), then the Teams member lookup in this conversation: by the Teams
 * user id the card carries for @mentioned owners, else by Entra id (people picked in the card).
 * The looked-up member must have the Entra id asked for, so a tampered hint finds nobody.
 */
export function personFinder(
  deps: BotDeps,
  lookup: (id: string) => Promise<unknown>,
): (id: string, hints?: Record<string, string>) => Promise<Person | null> {
  return async (id, hints = {}) => {
    const person = (await knownPeopleOf(deps)).find((p) => p.id === id);
    if (person) return person;
    try {
      const found = memberToPerson((await lookup(hints[id] ?? id)) as Parameters<typeof memberToPerson>[0]);
      return found && found.id === id ? found : null;
    } catch {
      // Unknown to Teams (or the connector is down): the caller refuses the save rather than guess.
      return null;
    }
  };
}

/**
 * `adaptiveCard/action` invoke: run the click, answer with the new card (the clicker sees it at
 * once) and, when it is a saved or discarded result, update the message so everyone sees it.
 */
export async function handleCardAction(deps: BotDeps, ctx: IActivityContext<IAdaptiveCardActionInvokeActivity>) {
  const activity = ctx.activity;
  const conversationId = activity.conversation.id;
  const result = await runCardAction(deps, {
    value: activity.value,
    actor: actorFrom(activity.from),
    viewerTeamsId: activity.from.id,
    findPerson: personFinder(deps, memberLookup(deps, ctx)),
  });
  deps.logger.info({ outcome: result.outcome }, 'card action');
  if (result.forEveryone && activity.replyToId) {
    try {
      await ctx.api.conversations.updateActivity(conversationId, activity.replyToId, {
        type: 'message',
        attachments: [cardAttachment(result.card) as never],
      });
    } catch (error) {
      // The clicker already sees the new card from the invoke response; others see it on refresh.
      deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not update the card for everyone');
    }
  }
  return {
    statusCode: 200 as const,
    type: 'application/vnd.microsoft.card.adaptive' as const,
    value: result.card as unknown as IAdaptiveCard,
  };
}

/** True for a message that is really a click on an `Action.Submit` fallback button (older clients). */
export function isSubmitFallback(value: unknown): value is { verb: string } & Record<string, unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { verb?: unknown }).verb === 'string';
}

/**
 * A click on the Action.Submit fallback arrives as a message with `value` = the button's data plus
 * the inputs. Same command as the Universal Action; the new card replaces the old one in place.
 */
export async function handleSubmitFallback(deps: BotDeps, ctx: IActivityContext<IMessageActivity>): Promise<void> {
  const activity = ctx.activity;
  const conversationId = activity.conversation.id;
  const { verb, ...data } = activity.value as { verb: string } & Record<string, unknown>;
  const result = await runCardAction(deps, {
    value: { action: { verb, data } },
    actor: actorFrom(activity.from),
    viewerTeamsId: activity.from.id,
    findPerson: personFinder(deps, memberLookup(deps, ctx)),
  });
  deps.logger.info({ outcome: result.outcome, fallback: true }, 'card action');
  const message = { type: 'message' as const, attachments: [cardAttachment(result.card) as never] };
  if (activity.replyToId) await ctx.api.conversations.updateActivity(conversationId, activity.replyToId, message);
  else await ctx.send(message);
}
