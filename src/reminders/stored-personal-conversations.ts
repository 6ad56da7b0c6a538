import type { ConversationReferenceStore } from '@/kernel/ports/conversation-reference-store';
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
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
    if (!ref) return null;
    return { serviceUrl: ref.serviceUrl, conversationId: ref.conversationId, ...(ref.user?.id ? { teamsUserId: ref.user.id } : {}) };
  }

  /** The most recent service URL the bot has seen (for posting into group chats), or null. */
  async latestServiceUrl(): Promise<string | null> {
    const refs = await this.store.list();
    return refs.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]?.serviceUrl ?? null;
  }
}
