import type { IMessageActivity } from '@microsoft/teams.api';
import type { IActivityContext } from '@microsoft/teams.apps';
import { captureActions } from '@/capture/capture-actions';
import type { BotDeps } from '@bot/bot-deps';
import { cardAttachment } from '@/teams/card-attachment';
import { proposedActionsCards } from '@/capture/cards/proposed-actions-card';
import { MAX_PROPOSED_ACTIONS } from '@/capture/cards/capture-verbs';
import { asksForHelp, helpCard } from '@/capture/cards/help-card';
import { handleSubmitFallback, isSubmitFallback } from './handle-card-action';
import { rememberConversation } from './handle-install';
import { readMessageTrigger } from '@/capture/message-trigger';
import { pupilChoices, toProposalRows } from '@/capture/propose';
import { memberLookup } from '@/teams/member-lookup';
import { resolveMentions } from '@/capture/resolve-mentions';
import { schoolOf } from '@/capture/school-of';

/** When the message was sent, if Teams says so; else now. */
function sentAt(timestamp: unknown, now: () => Date): Date {
  const date = timestamp ? new Date(timestamp as string) : null;
  return date && !Number.isNaN(date.getTime()) ? date : now();
}

/** The meeting a meeting chat belongs to (Teams puts it in channelData), and its title when the app may read it. */
async function meetingTitleOf(deps: BotDeps, ctx: IActivityContext<IMessageActivity>): Promise<string | null> {
  const meetingId = (ctx.activity.channelData as { meeting?: { id?: unknown } } | undefined)?.meeting?.id;
  if (typeof meetingId !== 'string' || meetingId === '' || !deps.meetings) return null;
  return deps.meetings.titleOf(meetingId, (id) => ctx.api.meetings.getById(id));
}

/**
 * A chat message: decide whether to read it, read the actions (one command), reply with the
 * proposed-actions card(s). "help" (or a greeting) gets the help card; a message addressed to the
 * bot with no action in it gets the help card too; anything else with no action is ignored.
 */
export async function handleMessage(deps: BotDeps, ctx: IActivityContext<IMessageActivity>): Promise<void> {
  const activity = ctx.activity;
  if (isSubmitFallback(activity.value)) return handleSubmitFallback(deps, ctx);
  const personal = activity.conversation.conversationType === 'personal';
  if (personal) await rememberConversation(deps, activity);
  const trigger = readMessageTrigger(activity);
  if (!trigger) return;
  if (trigger.addressed && asksForHelp(trigger.text)) {
    await ctx.send({ type: 'message', attachments: [cardAttachment(helpCard({ trackerUrl: deps.trackerUrl, reason: 'help' }))] });
    return;
  }
  const conversationId = activity.conversation.id;
  const { mentions, unresolved, memberIds } = await resolveMentions(trigger.mentions, memberLookup(deps, ctx));
  const [school, meetingTitle] = await Promise.all([schoolOf(deps), meetingTitleOf(deps, ctx)]);
  const { actions: proposed, eventType } = captureActions(school, {
    text: trigger.text,
    mentions,
    unresolvedMentions: unresolved,
    now: sentAt(activity.timestamp, deps.now),
    // The parser adds the role table's holders itself.
    staff: deps.knownPeople,
    ...(deps.schoolDates ? { schoolDates: deps.schoolDates } : {}),
    meetingTitle,
  });
  if (proposed.length === 0) {
    if (trigger.addressed) {
      await ctx.send({
        type: 'message',
        attachments: [cardAttachment(helpCard({ trackerUrl: deps.trackerUrl, reason: 'nothing-found' }))],
      });
    }
    return;
  }
  const shown = proposed.slice(0, MAX_PROPOSED_ACTIONS);
  // Owners are Entra users; a sender Teams cannot name by Entra id is still offered, and Save looks them up.
  const sender = { id: activity.from.aadObjectId ?? activity.from.id, name: activity.from.name || 'Me' };
  const cards = proposedActionsCards({
    messageId: activity.id,
    conversationId,
    eventType,
    rows: toProposalRows(shown),
    memberIds,
    pupils: pupilChoices(school.pupils, shown),
    peopleScope: personal ? 'organisation' : 'conversation',
    sender,
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
      inMeeting: meetingTitle !== null,
    },
    'proposed actions',
  );
}
