import type { OutboxEntry } from '@/kernel/ports/mail-sender';
import { sendRequest, type GetToken } from '@tab/api/send-request';

/** The weekly digest as the SEND team previews it. */
export interface DigestApi {
  /** The recipient's email for this week as HTML. @throws ApiError 404 when they have nothing to report */
  preview(recipientId: string): Promise<string>;
  /** Embedded mode's written emails, newest first; tenant mode sends through Microsoft 365 and lists none. */
  outbox(): Promise<{ mode: 'embedded' | 'tenant'; messages: OutboxEntry[] }>;
}

export function createDigestApi(getToken: GetToken): DigestApi {
  return {
    preview: async (id) =>
      (
        await sendRequest(getToken, `/api/digest/preview?${new URLSearchParams({ recipient: id }).toString()}`, { accept: 'text/html' })
      ).text(),
    outbox: async () =>
      (await sendRequest(getToken, '/api/digest/outbox')).json() as Promise<{ mode: 'embedded' | 'tenant'; messages: OutboxEntry[] }>,
  };
}
