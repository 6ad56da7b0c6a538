import MailComposer from 'nodemailer/lib/mail-composer';
import * as mimeFuncs from 'nodemailer/lib/mime-funcs';

export interface MimeMessageInput {
  from: { name: string; email: string };
  to: { name: string; email: string };
  subject: string;
  text: string;
  html: string;
  date: Date;
  /** Without angle brackets; generated when omitted. */
  messageId?: string;
}

/**
 * The digest as an RFC 5322 / MIME message, built by nodemailer's MailComposer (which sends nothing):
 * multipart/alternative, a quoted-printable UTF-8 text part and an HTML part, CRLF line ends,
 * names and subject encoded (RFC 2047) so a line break in either can never start a new header.
 * The subject is always base64-encoded words: Outlook shows a long non-ASCII subject intact either
 * way, and one encoding keeps the header predictable.
 */
export async function buildMimeMessage(input: MimeMessageInput): Promise<Buffer> {
  const encoded = mimeFuncs.encodeWords(input.subject.replace(/[\r\n]+/g, ' '), 'B', 52);
  const subject = mimeFuncs.foldLines(`Subject: ${encoded}`, 76).slice('Subject: '.length).replace(/\r?\n/g, '\r\n');
  const composer = new MailComposer({
    from: { name: input.from.name, address: input.from.email },
    to: { name: input.to.name, address: input.to.email },
    text: input.text,
    html: input.html,
    date: input.date,
    textEncoding: 'quoted-printable',
    newline: 'windows',
    ...(input.messageId ? { messageId: `<${input.messageId}>` } : {}),
    headers: {
      Subject: { prepared: true, value: subject },
      // RFC 3834: an automatic message, so out-of-office replies are not sent back to it.
      'Auto-Submitted': 'auto-generated',
    },
  });
  return composer.compile().build();
}
