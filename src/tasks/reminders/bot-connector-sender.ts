import { AppError } from '../../errors';
import type { Card, PersonalConversations, ReminderSender, SendOutcome } from './reminder-sender';

export interface BotConnectorSenderOptions {
  conversations: PersonalConversations;
  /** Where to post into group chats and channels (the service URL the bot last saw for the tenant). */
  serviceUrl: () => Promise<string | null>;
  /** A Bot Framework access token, or null on loopback (Agents Playground, tests). */
  token: () => Promise<string | null>;
}

/** The Bot Connector refused or failed a post; the reminder's claim is given back. */
export class ReminderSendError extends AppError {
  override readonly id = 'reminder_send_failed';
  override readonly status = 502;
}

const adaptive = (card: Card) => ({ contentType: 'application/vnd.microsoft.card.adaptive', content: card });

/**
 * Proactive messages over the Bot Connector REST API: `POST {serviceUrl}/v3/conversations/{id}/activities`.
 * @throws ReminderSendError on a non-2xx reply
 */
export class BotConnectorReminderSender implements ReminderSender {
  constructor(private readonly options: BotConnectorSenderOptions) {}

  async sendToPerson(person: { id: string }, card: Card): Promise<SendOutcome> {
    const conversation = await this.options.conversations.find(person.id);
    if (!conversation) return 'no-conversation';
    await this.post(conversation.serviceUrl, conversation.conversationId, { type: 'message', attachments: [adaptive(card)] });
    return 'sent';
  }

  async postWithMention(conversationId: string, person: { id: string; name: string }, text: string, card: Card): Promise<void> {
    const serviceUrl = await this.options.serviceUrl();
    if (!serviceUrl) throw new ReminderSendError('No Bot Connector service URL is known yet: nobody has talked to the bot.');
    const mention = `<at>${person.name}</at>`;
    await this.post(serviceUrl, conversationId, {
      type: 'message',
      text: `${mention} ${text}`,
      entities: [{ type: 'mention', text: mention, mentioned: { id: person.id, name: person.name } }],
      attachments: [adaptive(card)],
    });
  }

  private async post(serviceUrl: string, conversationId: string, activity: Record<string, unknown>): Promise<void> {
    const token = await this.options.token();
    const url = `${serviceUrl.replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(activity),
    });
    if (!response.ok) throw new ReminderSendError(`Bot Connector replied ${response.status}`);
  }
}
