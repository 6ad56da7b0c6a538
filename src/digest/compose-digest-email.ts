import type { DigestContent } from './build-digest';
import type { DeepLinks } from './deep-links';
import { renderDigestHtml } from './digest-html';
import { renderDigestText } from './digest-text';
import { digestView } from './digest-view';
import type { OutgoingMail } from '@/kernel/ports/mail-sender';

/** One recipient's digest as an email: subject, HTML and plain-text bodies. */
export function composeDigestEmail(content: DigestContent, links: DeepLinks, schoolName: string): OutgoingMail {
  const view = digestView(content, links, schoolName);
  return {
    to: { name: content.recipient.name, email: content.recipient.email },
    subject: view.subject,
    html: renderDigestHtml(view),
    text: renderDigestText(view),
  };
}
