// RFC 2047 encoded-words carry non-ASCII header text; each word is at most 75 characters,
// so at most 45 bytes of UTF-8 (60 base64 characters) go in one, split between characters.
const MAX_WORD_BYTES = 45;

const isPlainAscii = (value: string) => /^[\x20-\x7e]*$/.test(value);

/** Removes line breaks so user text can never start a new header (header injection). */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim();
}

function encodedWords(value: string): string {
  const words: string[] = [];
  let chunk = '';
  for (const ch of value) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > MAX_WORD_BYTES) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

/** An unstructured header value (Subject): as-is when short plain ASCII, else folded encoded-words. */
export function encodeHeaderText(value: string): string {
  const text = oneLine(value);
  return isPlainAscii(text) && text.length <= 70 ? text : encodedWords(text);
}

/** `"Name" <address>` with the name quoted, or encoded when it is not ASCII (e.g. "Zoë"). */
export function formatAddress(name: string, address: string): string {
  const display = oneLine(name);
  const addr = oneLine(address).replace(/[<>\s]/g, '');
  if (!display) return `<${addr}>`;
  if (!isPlainAscii(display)) return `${encodedWords(display)} <${addr}>`;
  return `"${display.replace(/(["\\])/g, '\\$1')}" <${addr}>`;
}
