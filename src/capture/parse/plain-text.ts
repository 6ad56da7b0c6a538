import type { Mention } from './proposed-action';

/**
 * A resolved Teams @mention inside plain text: `\u0000<index>\u0000`, where index points into
 * `CaptureContext.mentions`. NUL is removed from the input first, so a message cannot forge one.
 */
// oxlint-disable-next-line no-control-regex -- a mention is held as a NUL-delimited placeholder while the line is read
export const MENTION_TOKEN = /\u0000(\d+)\u0000/g;
export const mentionToken = (index: number): string => `\u0000${index}\u0000`;

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  rsquo: '’',
  lsquo: '‘',
  ndash: '–',
  mdash: '—',
  bull: '•',
  hellip: '…',
};

/** Decodes the HTML entities Teams puts in message text; anything unknown stays as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // Out-of-range code points would make String.fromCodePoint throw; NUL would forge a mention token.
      if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

const TAG = /<\/?[a-z][^<>]*>/gi;

/** How a mention's name compares: tags and entities gone, spaces collapsed, lower case. */
export function mentionKey(text: string): string {
  return decodeEntities(text.replace(TAG, '')).replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Teams message HTML -> plain text, one line per paragraph, list item or `<br>`.
 * `<at>Name</at>` becomes a mention token when it matches one of `mentions` (by name). An unknown
 * mention at the very start of the message is dropped (that is how people address the bot);
 * elsewhere it stays as the plain name, so it can never become an owner.
 */
export function toPlainText(html: string, mentions: readonly Mention[]): string {
  const keys = mentions.map((m) => mentionKey(m.text));
  const names = mentions.map((m) => mentionKey(m.person.name));
  // oxlint-disable-next-line no-control-regex -- a mention is held as a NUL-delimited placeholder while the line is read
  let text = html.replace(/\u0000/g, '');
  text = text.replace(/<at\b[^<>]*>([^]*?)<\/at\s*>/gi, (_whole, inner: string, offset: number, all: string) => {
    const key = mentionKey(inner);
    let index = keys.indexOf(key);
    if (index < 0) index = names.indexOf(key);
    if (index >= 0 && key !== '') return mentionToken(index);
    const before = all.slice(0, offset).replace(TAG, '');
    return decodeEntities(before).trim() === '' ? '' : inner;
  });
  text = text
    .replace(/<li\b[^<>]*>/gi, '\n- ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(?:p|div|ul|ol|li|h[1-6]|tr|table|blockquote|pre)\b[^<>]*>/gi, '\n')
    .replace(TAG, '');
  return decodeEntities(text)
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ');
}
