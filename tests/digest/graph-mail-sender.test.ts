import { z } from 'zod';
import { GraphMailSender } from '@/digest/graph-mail-sender';
import { MailSendError, type OutgoingMail } from '@/kernel/ports/mail-sender';
import { fakeClock, startSendMailServer } from './support/send-mail-server';

/**
 * The request body Microsoft documents for sendMail (JSON form):
 * https://learn.microsoft.com/graph/api/user-sendmail — `message` (subject, body {contentType, content},
 * toRecipients [{ emailAddress { address, name } }]) and `saveToSentItems`. Strict: nothing else.
 */
const sendMailBody = z.strictObject({
  message: z.strictObject({
    subject: z.string().min(1),
    body: z.strictObject({ contentType: z.literal('HTML'), content: z.string().min(1) }),
    toRecipients: z.array(z.strictObject({ emailAddress: z.strictObject({ address: z.email(), name: z.string() }) })).length(1),
  }),
  saveToSentItems: z.literal(false),
});

const mail = (n = 1): OutgoingMail => ({
  to: { name: 'Zoë Ångström', email: `zoe${n}@oakfield.example` },
  subject: `Your SEND actions ${n}`,
  html: '<p>Hello Zoë</p>',
  text: 'Hello Zoë',
});

describe('GraphMailSender', () => {
  let server: Awaited<ReturnType<typeof startSendMailServer>>;
  let clock: ReturnType<typeof fakeClock>;
  let sender: GraphMailSender;

  beforeEach(async () => {
    clock = fakeClock();
    server = await startSendMailServer(clock.now);
    sender = new GraphMailSender({
      baseUrl: server.baseUrl,
      mailbox: 'send-tracker@oakfield.example',
      getAccessToken: async () => 'test-token',
      clock,
    });
  });
  afterEach(() => server.close());

  it('posts the documented sendMail body to the configured mailbox with a bearer token', async () => {
    await sender.send(mail());
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1.0/users/send-tracker%40oakfield.example/sendMail');
    expect(request?.authorization).toBe('Bearer test-token');
    expect(request?.contentType).toMatch(/^application\/json/);
    const body = sendMailBody.parse(request?.body);
    expect(body.message.toRecipients[0]?.emailAddress).toEqual({ address: 'zoe1@oakfield.example', name: 'Zoë Ångström' });
    expect(body.message.body.content).toBe('<p>Hello Zoë</p>');
  });

  it('waits as long as Retry-After says after a 429, then sends', async () => {
    server.queue({ status: 429, retryAfter: '7' }, { status: 503, retryAfter: '3' });
    await sender.send(mail());
    expect(server.requests).toHaveLength(3);
    expect(clock.sleeps).toEqual([7000, 3000]);
    expect(server.requests[2]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(10_000);
  });

  it('gives up with MailSendError after its attempts, so the task can retry next run', async () => {
    const few = new GraphMailSender({
      baseUrl: server.baseUrl,
      mailbox: 'm@oakfield.example',
      getAccessToken: async () => 't',
      clock,
      maxAttempts: 2,
    });
    server.queue({ status: 429, retryAfter: '1' }, { status: 429, retryAfter: '1' });
    await expect(few.send(mail())).rejects.toEqual(expect.any(MailSendError));
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry a request Graph rejected as bad', async () => {
    server.queue({ status: 400 });
    await expect(sender.send(mail())).rejects.toMatchObject({ id: 'mail_send_failed', httpStatus: 400 });
    expect(server.requests).toHaveLength(1);
  });

  it('never lets more than 30 messages through in any minute, and sends them all', async () => {
    const count = 75;
    server.queue({ status: 429, retryAfter: '5' });
    for (let i = 0; i < count; i += 1) await sender.send(mail(i));
    const accepted = server.requests.slice(1).map((r) => r.at);
    expect(
      new Set(server.requests.slice(1).map((r) => (r.body as z.infer<typeof sendMailBody>).message.toRecipients[0]?.emailAddress.address))
        .size,
    ).toBe(count);
    const all = server.requests.map((r) => r.at);
    const busiest = Math.max(...all.map((start) => all.filter((t) => t >= start && t < start + 60_000).length));
    expect(busiest).toBeLessThanOrEqual(30);
    expect(accepted).toHaveLength(count);
  });
});
