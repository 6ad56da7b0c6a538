import type { PersonalConversation, PersonalConversations } from '@/kernel/ports/reminder-sender';

/** The Teams user id a personal chat records for its person, made from the chat's id in these tests. */
export const teamsUserIdOf = (conversationId: string) => `29:1${conversationId}`;

/** Personal conversations known up front (as if each person had installed the app), with their Teams user ids. */
export function knownConversations(serviceUrl: string, byUser: Record<string, string>): PersonalConversations {
  return {
    async find(userId): Promise<PersonalConversation | null> {
      const conversationId = byUser[userId];
      return conversationId ? { serviceUrl, conversationId, teamsUserId: teamsUserIdOf(conversationId) } : null;
    },
    peopleWithTheApp: async () => Object.keys(byUser),
  };
}
