import { AppError } from '../errors';
import type { Person } from '../action';

/** An email ready to go: both bodies are complete documents; `html` is already escaped. */
export interface OutgoingMail {
  to: Pick<Person, 'name' | 'email'>;
  subject: string;
  html: string;
  text: string;
}

/** What a sender reports back: an id for the log (file name or Graph request id), never content. */
export interface SentReceipt {
  reference: string;
}

/**
 * Sends one email. Embedded mode writes an .eml to the outbox; tenant mode calls Graph sendMail.
 * Throws when the mail was not accepted, so the caller can leave the send to be retried.
 */
export interface MailSender {
  send(mail: OutgoingMail): Promise<SentReceipt>;
}

/** The mail service refused or failed the message after every retry; the send will be retried next run. */
export class MailSendError extends AppError {
  override readonly id = 'mail_send_failed';
  override readonly status = 502;
  constructor(
    message: string,
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}

/** One file in the outbox, newest first in listings. */
export interface OutboxEntry {
  file: string;
  bytes: number;
  writtenAt: string;
}
