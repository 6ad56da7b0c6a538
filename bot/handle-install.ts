import type { Activity } from '@microsoft/teams.api';
import type { BotDeps } from '@bot/bot-deps';
import { helpCard } from '@/capture/cards/help-card';
import { cardAttachment } from '@/teams/card-attachment';

/**
 * The bot was added to a chat, channel or meeting (installationUpdate add, or conversationUpdate
 * naming the bot among membersAdded): keep the conversation reference for proactive reminders.
 */
export async function handleInstall(deps: BotDeps, activity: Activity): Promise<void> {
  if (activity.type === 'conversationUpdate') {
    const added = activity.membersAdded ?? [];
    if (!added.some((m) => m.id === activity.recipient.id)) return;
  }
  await rememberConversation(deps, activity);
}

/**
 * The app was installed for someone in their personal scope: remember the chat, and say what the bot
 * does with the help card (first run). Shared chats get no welcome: the bot stays quiet there until
 * asked.
 */
export async function handleInstallAdd(
  deps: BotDeps,
  ctx: { activity: Activity; send: (activity: { type: 'message'; attachments: ReturnType<typeof cardAttachment>[] }) => Promise<unknown> },
): Promise<void> {
  await handleInstall(deps, ctx.activity);
  if (ctx.activity.conversation.conversationType !== 'personal') return;
  await ctx.send({ type: 'message', attachments: [cardAttachment(helpCard({ trackerUrl: deps.trackerUrl, reason: 'welcome' }))] });
}

/**
 * Keeps (or refreshes) the reference a proactive message needs: on install, and whenever someone
 * writes to the bot in their personal chat, so owners who never saw the install still get reminders.
 */
export async function rememberConversation(deps: BotDeps, activity: Activity): Promise<void> {
  if (!activity.serviceUrl) return;
  const tenantId = activity.conversation.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? null;
  await deps.conversations.save({
    conversationId: activity.conversation.id,
    conversationType: activity.conversation.conversationType ? String(activity.conversation.conversationType) : null,
    tenantId,
    serviceUrl: activity.serviceUrl,
    bot: { id: activity.recipient.id, ...(activity.recipient.name ? { name: activity.recipient.name } : {}) },
    channelId: String(activity.channelId),
    updatedAt: deps.now().toISOString(),
    // A personal chat is where reminders go: remember whose it is (see StoredPersonalConversations).
    ...(activity.conversation.conversationType === 'personal'
      ? { user: { id: activity.from.id, ...(activity.from.aadObjectId ? { aadObjectId: activity.from.aadObjectId } : {}) } }
      : {}),
  });
  deps.logger.info({ conversationType: activity.conversation.conversationType }, 'stored conversation reference');
}
