import type { Person } from '../action';

export type Card = Record<string, unknown>;
export type SendOutcome = 'sent' | 'no-conversation';

/**
 * How reminders reach people. The production adapter posts through the Bot Connector; tests use
 * the same adapter against a loopback Bot Connector.
 */
export interface ReminderSender {
  /** Posts `card` in the person's personal chat with the bot; 'no-conversation' when we have none. */
  sendToPerson(person: Pick<Person, 'id' | 'name'>, card: Card): Promise<SendOutcome>;
  /** Posts `card` in a chat or channel, @mentioning `person` in `text`. */
  postWithMention(conversationId: string, person: Pick<Person, 'id' | 'name'>, text: string, card: Card): Promise<void>;
}

/** A stored personal conversation with the bot (from install or the user's first message). */
export interface PersonalConversation {
  serviceUrl: string;
  conversationId: string;
  /** The person's Teams user id ("29:…") as the chat recorded it, when it did: cards refresh for it. */
  teamsUserId?: string;
}

/** The lookup the sender needs from the bot's conversation reference store. */
export interface PersonalConversations {
  find(userId: string): Promise<PersonalConversation | null>;
}
