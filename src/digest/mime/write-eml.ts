import { randomBytes, randomUUID } from 'node:crypto';
import { encodeHeaderText, formatAddress } from './header-encoding';
import { encodeBase64Lines, encodeQuotedPrintable } from './quoted-printable';

export interface EmlInput {
  from: { name: string; email: string };
  to: { name: string; email: string };
  subject: string;
  text: string;
  html: string;
  date: Date;
  /** Without angle brackets; generated when omitted. */
  messageId?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 §3.3 date-time in UTC, e.g. `Mon, 23 Nov 2026 07:00:00 +0000`. */
export function rfc5322Date(d: Date): string {
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/**
 * A minimal RFC 5322 / MIME (RFC 2045–2047) message: multipart/alternative with a quoted-printable
 * UTF-8 text part first and a base64 UTF-8 HTML part last (clients show the last part they can).
 * Every line ends CRLF. Outlook opens the result as an email.
 */
export function writeEml(input: EmlInput): string {
  // "=_" cannot occur in quoted-printable or base64 output, so the boundary can never clash with a body.
  const boundary = `=_send-tracker_${randomBytes(12).toString('hex')}`;
  const domain = input.from.email.split('@')[1] ?? 'send-tracker.invalid';
  const headers = [
    `From: ${formatAddress(input.from.name, input.from.email)}`,
    `To: ${formatAddress(input.to.name, input.to.email)}`,
    `Subject: ${encodeHeaderText(input.subject)}`,
    `Date: ${rfc5322Date(input.date)}`,
    `Message-ID: <${input.messageId ?? `${randomUUID()}@${domain}`}>`,
    'MIME-Version: 1.0',
    // RFC 3834: an automatic message, so out-of-office replies are not sent back to it.
    'Auto-Submitted: auto-generated',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  const lines = [
    ...headers,
    '',
    'This is a multi-part message in MIME format.',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    encodeQuotedPrintable(input.text),
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    encodeBase64Lines(input.html),
    `--${boundary}--`,
    '',
  ];
  return lines.join('\r\n');
}
