import type { IMessageActivity } from '@microsoft/teams.api';
import type { IActivityContext } from '@microsoft/teams.apps';
import { captureActions } from '@/capture/capture-actions';
import type { BotDeps } from '@bot/bot-deps';
import { cardAttachment } from '@/teams/card-attachment';
import { proposedActionsCards } from '@/capture/cards/proposed-actions-card';
import { MAX_PROPOSED_ACTIONS } from '@/capture/cards/capture-verbs';
import { handleSubmitFallback, isSubmitFallback } from './handle-card-action';
import { rememberConversation } from './handle-install';
import { readMessageTrigger } from '@/capture/message-trigger';
import { pupilChoices, toProposalRows } from '@/capture/propose';
import { memberLookup } from '@/teams/member-lookup';
import { resolveMentions } from '@/capture/resolve-mentions';
import { schoolOf } from '@/capture/school-of';

const HELP =
  'I did not find any actions in that. Write one per line, for example: "Action: <at>Tom Reed</at> to phone J.B.\'s parent by Friday", or a list under "Agreed actions:".';

/** When the message was sent, if Teams says so; else now. */
function sentAt(timestamp: unknown, now: () => Date): Date {
  const date = timestamp ? new Date(timestamp as string) : null;
  return date && !Number.isNaN(date.getTime()) ? date : now();
}

/**
 * A chat message: decide whether to read it, read the actions (one command), reply with the
 * proposed-actions card(s). Ignores messages that are not addressed to the bot and list no actions.
 */
export async function handleMessage(deps: BotDeps, ctx: IActivityContext<IMessageActivity>): Promise<void> {
  const activity = ctx.activity;
  if (isSubmitFallback(activity.value)) return handleSubmitFallback(deps, ctx);
  if (activity.conversation.conversationType === 'personal') await rememberConversation(deps, activity);
  const trigger = readMessageTrigger(activity);
  if (!trigger) return;
  const conversationId = activity.conversation.id;
  const { mentions, unresolved, memberIds } = await resolveMentions(trigger.mentions, memberLookup(deps, ctx));
  const school = await schoolOf(deps);
  const proposed = captureActions(school, {
    text: trigger.text,
    mentions,
    unresolvedMentions: unresolved,
    now: sentAt(activity.timestamp, deps.now),
  });
  if (proposed.length === 0) {
    if (trigger.addressed) await ctx.send({ type: 'message', text: HELP });
    return;
  }
  const shown = proposed.slice(0, MAX_PROPOSED_ACTIONS);
  const cards = proposedActionsCards({
    messageId: activity.id,
    conversationId,
    eventType: 'sen_support_meeting',
    rows: toProposalRows(shown),
    memberIds,
    pupils: pupilChoices(school.pupils, shown),
    problems:
      proposed.length > shown.length
        ? [`Only the first ${MAX_PROPOSED_ACTIONS} of ${proposed.length} actions are shown: post the rest in another message.`]
        : [],
  });
  // A long list comes as several cards (each under Teams' 28 KB limit), each saved on its own.
  for (const card of cards) await ctx.send({ type: 'message', attachments: [cardAttachment(card)] });
  deps.logger.info(
    {
      conversationType: activity.conversation.conversationType,
      proposed: proposed.length,
      cards: cards.length,
      unresolvedMentions: unresolved.length,
    },
    'proposed actions',
  );
}
