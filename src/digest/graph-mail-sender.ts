import { Client, GraphError, HTTPMessageHandler, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import type { Logger } from '@/platform/logger';
import { MailSendError, type MailSender, type OutgoingMail, type SentReceipt } from '@/kernel/ports/mail-sender';
import { retryAfterMs, systemClock, TokenBucket, type Clock } from '@/platform/pacing';

export interface GraphMailSenderOptions {
  /** Graph root including the version, e.g. `https://graph.microsoft.com/v1.0` (a stand-in in tests). */
  baseUrl: string;
  /** UPN or object id of the mailbox the digest is sent from. */
  mailbox: string;
  /** An app-only token for Graph (client credentials, `https://graph.microsoft.com/.default`). */
  getAccessToken: () => Promise<string>;
  clock?: Clock;
  /** Shared by every send through this mailbox in this process. */
  bucket?: TokenBucket;
  /** Attempts per message, counting the first. Default 8. */
  maxAttempts?: number;
  logger?: Logger;
}

/** Sets the bearer token on every request. */
class BearerToken implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly getToken: () => Promise<string>) {}

  async execute(context: Context): Promise<void> {
    const token = await this.getToken();
    context.options = context.options ?? {};
    const headers = context.options.headers;
    if (headers instanceof Headers) headers.set('Authorization', `Bearer ${token}`);
    else context.options.headers = { ...(headers as Record<string, string> | undefined), Authorization: `Bearer ${token}` };
    await this.next?.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

const RETRIABLE = new Set([429, 503, 504]);

/**
 * Exchange Online allows 30 messages a minute per mailbox. A bucket lets through at most
 * `burst + rate x 60 s` in any minute, so 10 at once then 20 a minute stays within 30 in every window
 * (a bucket of 30 refilling at 30/min could let 60 through in one minute).
 */
export const exchangeMailboxBucket = (clock: Clock = systemClock) => new TokenBucket({ rate: 20, perMs: 60_000, burst: 10 }, clock);

/**
 * Tenant mode: sends through Graph `POST /users/{mailbox}/sendMail` (202 Accepted, no body).
 * https://learn.microsoft.com/graph/api/user-sendmail
 *
 * Our own middleware chain (token, then fetch) replaces the SDK's default one: the SDK's
 * RetryHandler sleeps on real timers and its auth handler only attaches tokens to https Graph
 * hosts, while here retries go through an injectable clock and the base URL is configurable.
 * Each attempt takes a token from the mailbox's bucket (Exchange: 30 messages/minute). 429, 503
 * and 504 are retried after Retry-After; other failures, and running out of attempts, throw
 * MailSendError so the task leaves the send to the next run. Network errors are not retried here:
 * Graph may have accepted the message, and a retry could send it twice.
 */
export class GraphMailSender implements MailSender {
  private readonly client: Client;
  private readonly clock: Clock;
  private readonly bucket: TokenBucket;
  private readonly maxAttempts: number;

  constructor(private readonly options: GraphMailSenderOptions) {
    const url = new URL(options.baseUrl);
    const segments = url.pathname.split('/').filter(Boolean);
    const version = segments.pop() ?? 'v1.0';
    const auth = new BearerToken(options.getAccessToken);
    auth.setNext(new HTTPMessageHandler());
    this.client = Client.initWithMiddleware({
      baseUrl: `${url.origin}${segments.length ? `/${segments.join('/')}` : ''}`,
      defaultVersion: version,
      middleware: auth,
    });
    this.clock = options.clock ?? systemClock;
    this.bucket = options.bucket ?? exchangeMailboxBucket(this.clock);
    this.maxAttempts = options.maxAttempts ?? 8;
  }

  async send(mail: OutgoingMail): Promise<SentReceipt> {
    const body = {
      message: {
        subject: mail.subject,
        body: { contentType: 'HTML', content: mail.html },
        toRecipients: [{ emailAddress: { address: mail.to.email, name: mail.to.name } }],
      },
      saveToSentItems: false,
    };
    const path = `/users/${encodeURIComponent(this.options.mailbox)}/sendMail`;
    for (let attempt = 1; ; attempt += 1) {
      await this.bucket.take();
      try {
        await this.client.api(path).post(body);
        return { reference: `graph-sendmail-attempt-${attempt}` };
      } catch (error) {
        const status = error instanceof GraphError ? error.statusCode : undefined;
        if (status === undefined || !RETRIABLE.has(status) || attempt >= this.maxAttempts) {
          throw new MailSendError(`Graph sendMail failed${status ? ` with HTTP ${status}` : ''} after ${attempt} attempt(s)`, status);
        }
        const headers = error instanceof GraphError ? error.headers : undefined;
        const wait = retryAfterMs(headers?.get('retry-after'), this.clock.now()) ?? Math.min(60_000, 1000 * 2 ** attempt);
        this.options.logger?.warn({ status, attempt, waitMs: wait }, 'sendMail throttled; retrying');
        await this.clock.sleep(wait);
      }
    }
  }
}
