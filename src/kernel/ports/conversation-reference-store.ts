/**
 * Where a conversation the bot belongs to lives, so reminders can be sent later without an
 * incoming message (Bot Framework "proactive" messages need the service URL and conversation id).
 */
export interface StoredConversationReference {
  conversationId: string;
  conversationType: string | null;
  tenantId: string | null;
  serviceUrl: string;
  /** The bot's own account in that conversation (id and name), as Teams sent it. */
  bot: { id: string; name?: string };
  channelId: string;
  updatedAt: string;
  /**
   * Personal (1:1) chats only: who the chat is with, so reminders can find it by Entra object id. `id`
   * is their Teams user id ("29:…"); a chat the app made by installing itself for them has none until
   * Teams' install event brings it.
   */
  user?: { id?: string; aadObjectId?: string };
}

/** A small port: one row per conversation, the latest reference wins. */
export interface ConversationReferenceStore {
  /** Inserts or replaces the reference for `ref.conversationId`. */
  save(ref: StoredConversationReference): Promise<void>;
  get(conversationId: string): Promise<StoredConversationReference | null>;
  list(): Promise<StoredConversationReference[]>;
}
