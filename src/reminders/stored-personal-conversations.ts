import type { ConversationReferenceStore, StoredConversationReference } from '@/kernel/ports/conversation-reference-store';
import type { PersonalConversation, PersonalConversations } from '@/kernel/ports/reminder-sender';

/**
 * Finds a person's personal chat with the bot among the stored conversation references (saved when
 * the app is installed). Lists the store once per lookup: a school has hundreds of staff, not more.
 */
export class StoredPersonalConversations implements PersonalConversations {
  constructor(private readonly store: ConversationReferenceStore) {}

  async find(userId: string): Promise<PersonalConversation | null> {
    const refs = await this.store.list();
    const ref = refs
      .filter((r) => r.conversationType === 'personal' && (r.user?.aadObjectId === userId || r.user?.id === userId))
      // The chat Teams told the bot about (it has their Teams id, so cards refresh) before one made by installing.
      .sort((a, b) => Number(!!b.user?.id) - Number(!!a.user?.id) || b.updatedAt.localeCompare(a.updatedAt))[0];
    if (!ref) return null;
    return { serviceUrl: ref.serviceUrl, conversationId: ref.conversationId, ...(ref.user?.id ? { teamsUserId: ref.user.id } : {}) };
  }

  /**
   * Keeps the personal chat that installing the app for `userId` made, so the next run finds it without
   * Graph. Tenant and bot are copied from the newest reference (every reference of one app has them).
   */
  async remember(userId: string, conversation: PersonalConversation, at: Date): Promise<void> {
    const [latest] = await this.newestFirst();
    if (!latest) return;
    await this.store.save({
      conversationId: conversation.conversationId,
      conversationType: 'personal',
      tenantId: latest.tenantId,
      serviceUrl: conversation.serviceUrl,
      bot: latest.bot,
      channelId: latest.channelId,
      updatedAt: at.toISOString(),
      user: { aadObjectId: userId },
    });
  }

  /** Entra ids of people with a personal chat with the bot, newest first. */
  async peopleWithTheApp(): Promise<string[]> {
    const refs = (await this.newestFirst()).filter((r) => r.conversationType === 'personal' && r.user?.aadObjectId);
    return [...new Set(refs.map((r) => r.user!.aadObjectId!))];
  }

  /** The most recent service URL the bot has seen (for posting into group chats), or null. */
  async latestServiceUrl(): Promise<string | null> {
    const [latest] = await this.newestFirst();
    return latest?.serviceUrl ?? null;
  }

  private async newestFirst(): Promise<StoredConversationReference[]> {
    return (await this.store.list()).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }
}
