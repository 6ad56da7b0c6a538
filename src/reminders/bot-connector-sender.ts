import { AppError } from '@/kernel/errors';
import type {
  AppInstaller,
  Card,
  ChatOutcome,
  PersonalConversation,
  PersonalConversations,
  ReminderSender,
  SendOutcome,
  UnreachableReason,
} from '@/kernel/ports/reminder-sender';
import { retryAfterMs, systemClock, TokenBucket, type Clock } from '@/platform/pacing';
import { withRefreshFor } from './refresh-viewers';

/** Default proactive send rate: under Teams' ~30 requests/s per bot per tenant, with room for the bot's replies. */
export const DEFAULT_SENDS_PER_SECOND = 20;

/** How fast proactive messages go out, and how long a 429 may hold one up before its claim is given back. */
export interface SendPacing {
  /** Average posts per second, across the whole run. Default 20 (Teams allows ~30 per bot per tenant). */
  sendsPerSecond?: number;
  /** Posts that may go at once after a pause. Default 1: evenly spaced. */
  burst?: number;
  /** Re-tries of a post answered 429. Default 3. */
  maxRetries?: number;
  /** Longest `Retry-After` waited for; a longer one gives the claim back at once. Default 60 s. */
  maxRetryAfterMs?: number;
  /** Wait when a 429 carries no `Retry-After`, doubled on each retry. Default 1 s. */
  defaultRetryAfterMs?: number;
  clock?: Clock;
}

export interface BotConnectorSenderOptions {
  conversations: PersonalConversations;
  /** Where to post into group chats and channels (the service URL the bot last saw for the tenant). */
  serviceUrl: () => Promise<string | null>;
  /** A Bot Framework access token, or null on loopback (Agents Playground, tests). */
  token: () => Promise<string | null>;
  pacing?: SendPacing;
  /**
   * For people with no personal chat: installs the app for them (Microsoft Graph) and keeps the chat
   * it makes, so the card goes there and the next run needs no Graph call. Absent: they are unreachable.
   */
  install?: { installer: AppInstaller; remember(userId: string, conversation: PersonalConversation): Promise<void> };
}

/** The Bot Connector refused or failed a post; the reminder's claim is given back. */
export class ReminderSendError extends AppError {
  override readonly id = 'reminder_send_failed';
  override readonly status = 502;
}

const adaptive = (card: Card) => ({ contentType: 'application/vnd.microsoft.card.adaptive', content: card });

/**
 * Proactive messages over the Bot Connector REST API: `POST {serviceUrl}/v3/conversations/{id}/activities`.
 * Every post (re-tries included) waits for the token bucket, so one run stays under Teams' per-bot rate;
 * a 429 (per-bot or per-conversation limit) is re-tried after its `Retry-After`, a bounded number of times.
 * @throws ReminderSendError on a non-2xx reply, or a 429 still there after the re-tries
 */
export class BotConnectorReminderSender implements ReminderSender {
  private readonly bucket: TokenBucket;
  private readonly clock: Clock;

  constructor(private readonly options: BotConnectorSenderOptions) {
    this.clock = options.pacing?.clock ?? systemClock;
    this.bucket = new TokenBucket(
      { rate: options.pacing?.sendsPerSecond ?? DEFAULT_SENDS_PER_SECOND, perMs: 1000, burst: options.pacing?.burst ?? 1 },
      this.clock,
    );
  }

  get canInstall(): boolean {
    return this.options.install !== undefined;
  }

  async sendToPerson(person: { id: string }, card: Card): Promise<SendOutcome> {
    const chat = await this.chatWith(person.id);
    if (typeof chat === 'string') return { delivered: false, reason: chat };
    // A chat made by installing records no Teams user id yet: no refresh until the install event brings one.
    const forViewer = withRefreshFor(card, [chat.conversation.teamsUserId]);
    await this.post(chat.conversation.serviceUrl, chat.conversation.conversationId, {
      type: 'message',
      attachments: [adaptive(forViewer)],
    });
    return { delivered: true, installed: chat.installed };
  }

  async openChat(personId: string): Promise<ChatOutcome> {
    const chat = await this.chatWith(personId);
    return typeof chat === 'string' ? { open: false, reason: chat } : { open: true, installed: chat.installed };
  }

  async withChats(personIds: readonly string[]): Promise<Set<string>> {
    const known = new Set(await this.options.conversations.peopleWithTheApp());
    return new Set(personIds.filter((id) => known.has(id)));
  }

  /** The person's personal chat with the bot (installing the app for them first where allowed), or why there is none. */
  private async chatWith(userId: string): Promise<{ conversation: PersonalConversation; installed: boolean } | UnreachableReason> {
    const known = await this.options.conversations.find(userId);
    if (known) return { conversation: known, installed: false };
    const made = await this.installFor(userId);
    return typeof made === 'string' ? made : { conversation: made, installed: true };
  }

  /** The personal chat made by installing the app for `userId`, or why there is none. */
  private async installFor(userId: string): Promise<PersonalConversation | UnreachableReason> {
    const { install } = this.options;
    // Without a service URL (nobody has talked to the bot yet) the chat could not be used: install nothing.
    const serviceUrl = install ? await this.options.serviceUrl() : null;
    if (!install || !serviceUrl) return 'not-installed';
    const outcome = await install.installer.installFor(userId);
    if (!outcome.installed) return outcome.reason;
    const conversation = { serviceUrl, conversationId: outcome.chatId };
    await install.remember(userId, conversation);
    return conversation;
  }

  async postWithMention(conversationId: string, person: { id: string; name: string }, text: string, card: Card): Promise<void> {
    const serviceUrl = await this.options.serviceUrl();
    if (!serviceUrl) throw new ReminderSendError('No Bot Connector service URL is known yet: nobody has talked to the bot.');
    const mention = `<at>${person.name}</at>`;
    // In a shared chat the owner's Teams id is not known here: no automatic refresh (see withRefreshFor).
    await this.post(serviceUrl, conversationId, {
      type: 'message',
      text: `${mention} ${text}`,
      entities: [{ type: 'mention', text: mention, mentioned: { id: person.id, name: person.name } }],
      attachments: [adaptive(withRefreshFor(card, []))],
    });
  }

  private async post(serviceUrl: string, conversationId: string, activity: Record<string, unknown>): Promise<void> {
    const { maxRetries = 3, maxRetryAfterMs = 60_000, defaultRetryAfterMs = 1000 } = this.options.pacing ?? {};
    const url = `${serviceUrl.replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
    for (let attempt = 0; ; attempt++) {
      await this.bucket.take();
      const token = await this.options.token();
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(activity),
      });
      if (response.ok) return;
      await response.body?.cancel();
      if (response.status !== 429) throw new ReminderSendError(`Bot Connector replied ${response.status}`);
      // A 429 is not an error of the card: wait as told and post again. The post was refused, not
      // accepted, so re-posting cannot duplicate it.
      const wait = retryAfterMs(response.headers.get('retry-after'), this.clock.now()) ?? defaultRetryAfterMs * 2 ** attempt;
      if (attempt >= maxRetries || wait > maxRetryAfterMs)
        throw new ReminderSendError(`Bot Connector throttled the post (429) ${attempt + 1} time(s)`);
      await this.clock.sleep(wait);
    }
  }
}
