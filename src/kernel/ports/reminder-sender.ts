import type { Person } from '../action';

export type Card = Record<string, unknown>;

/**
 * Why a person could not be sent a card in their personal chat, in words the SEND team can act on:
 * - `not-installed`: they have no personal chat with the bot and nothing could install the app for them;
 * - `install-not-allowed`: Microsoft Graph refused to install it (permission not granted, or an app
 *   setup policy blocks the app for them);
 * - `install-failed`: Graph did not answer the install in time or said something else went wrong.
 */
export type UnreachableReason = 'not-installed' | 'install-not-allowed' | 'install-failed';

/** A card posted (after installing the app for them first, when `installed`), or why not. */
export type SendOutcome = { delivered: true; installed: boolean } | { delivered: false; reason: UnreachableReason };

/** A personal chat with the bot ready (made by installing the app just now, when `installed`), or why not. */
export type ChatOutcome = { open: true; installed: boolean } | { open: false; reason: UnreachableReason };

/**
 * How reminders reach people. The production adapter posts through the Bot Connector; tests use
 * the same adapter against a loopback Bot Connector.
 */
export interface ReminderSender {
  /** Posts `card` in the person's personal chat with the bot, installing the app for them first where allowed. */
  sendToPerson(person: Pick<Person, 'id' | 'name'>, card: Card): Promise<SendOutcome>;
  /** Posts `card` in a chat or channel, @mentioning `person` in `text`. */
  postWithMention(conversationId: string, person: Pick<Person, 'id' | 'name'>, text: string, card: Card): Promise<void>;
  /** Whether this sender can install the app for someone with no personal chat (tenant mode, Graph, installing on). */
  readonly canInstall: boolean;
  /** Finds the person's personal chat, installing the app for them first where allowed; sends nothing. */
  openChat(personId: string): Promise<ChatOutcome>;
  /** Which of these people the bot can message directly now. */
  withChats(personIds: readonly string[]): Promise<Set<string>>;
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
  /** Entra ids of everyone with a personal chat with the bot (one read of the store). */
  peopleWithTheApp(): Promise<string[]>;
}

/** The person's personal chat with the bot, made by installing the app for them, or why it could not be. */
export type InstallOutcome =
  { installed: true; chatId: string } | { installed: false; reason: Exclude<UnreachableReason, 'not-installed'> };

/**
 * Installs the app in a person's personal scope so the bot can message them ("proactive installation":
 * learn.microsoft.com/microsoftteams/platform/graph-api/proactive-bots-and-messages/graph-proactive-bots-and-messages).
 * Installing is idempotent: for someone who has the app already it only finds the chat.
 */
export interface AppInstaller {
  installFor(userId: string): Promise<InstallOutcome>;
}
