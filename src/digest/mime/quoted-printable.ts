const MAX_LINE = 76;

function encodeLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  const tokens: string[] = [];
  bytes.forEach((byte, i) => {
    const last = i === bytes.length - 1;
    const literal = (byte >= 33 && byte <= 126 && byte !== 61) || ((byte === 32 || byte === 9) && !last);
    tokens.push(literal ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`);
  });
  // Soft line breaks ("=" at the end) keep every line within 76 characters, never splitting an =XX escape.
  const out: string[] = [];
  let current = '';
  for (const token of tokens) {
    if (current.length + token.length > MAX_LINE - 1) {
      out.push(`${current}=`);
      current = '';
    }
    current += token;
  }
  out.push(current);
  return out.join('\r\n');
}

/** RFC 2045 §6.7 quoted-printable of UTF-8 text; line breaks become CRLF, lines stay within 76 characters. */
export function encodeQuotedPrintable(text: string): string {
  return text.split(/\r\n|\r|\n/).map(encodeLine).join('\r\n');
}

/** Base64 in 76-character CRLF lines (RFC 2045 §6.8). */
export function encodeBase64Lines(text: string): string {
  return (Buffer.from(text, 'utf8').toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}
