import { hasClearActionLines } from './parse/parse-actions';

/** The parts of a Teams message activity the trigger reads. */
export interface IncomingMessage {
  text?: string;
  recipient: { id: string };
  conversation: { conversationType?: unknown };
  entities?: { type?: string; mentioned?: { id?: string; name?: string }; text?: string | null }[];
}

/** A Teams @mention of someone other than the bot. `id` is the Teams (29:) user id. */
export interface MentionEntity {
  id: string;
  name: string;
  text: string;
}

export interface MessageTrigger {
  /** The message text with the bot's own @mention removed. */
  text: string;
  mentions: MentionEntity[];
  /** True when the bot was @mentioned or the chat is one-to-one: then a reply is expected even if nothing was found. */
  addressed: boolean;
}

/**
 * Decides whether the bot should read a message, and what. It reads when it is @mentioned (or in a
 * one-to-one chat); otherwise (RSC lets it see every message in a chat) only when the message
 * clearly lists actions: an `Action:` line, or a list under an "Actions" heading. Returns null to ignore.
 */
export function readMessageTrigger(activity: IncomingMessage): MessageTrigger | null {
  const raw = typeof activity.text === 'string' ? activity.text : '';
  const mentionEntities = (activity.entities ?? []).filter((e) => e.type === 'mention' && e.mentioned?.id);
  const botMentions = mentionEntities.filter((e) => e.mentioned!.id === activity.recipient.id);
  let text = raw;
  for (const m of botMentions) if (m.text) text = text.split(m.text).join(' ');
  text = text.trim();
  const addressed = botMentions.length > 0 || activity.conversation.conversationType === 'personal';
  if (!addressed && !hasClearActionLines(text)) return null;
  const seen = new Set<string>();
  const mentions: MentionEntity[] = [];
  for (const e of mentionEntities) {
    const id = e.mentioned!.id!;
    if (id === activity.recipient.id || seen.has(id)) continue;
    seen.add(id);
    mentions.push({ id, name: e.mentioned!.name ?? '', text: e.text ?? `<at>${e.mentioned!.name ?? ''}</at>` });
  }
  return { text, mentions, addressed };
}
