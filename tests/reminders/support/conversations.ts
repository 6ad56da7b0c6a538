import type { PersonalConversation, PersonalConversations } from '@/kernel/ports/reminder-sender';

/** Personal conversations known up front (as if each person had installed the app). */
export function knownConversations(serviceUrl: string, byUser: Record<string, string>): PersonalConversations {
  return {
    async find(userId): Promise<PersonalConversation | null> {
      const conversationId = byUser[userId];
      return conversationId ? { serviceUrl, conversationId } : null;
    },
  };
}
