import http from 'node:http';
import { listenOnLoopback } from '@tests/support/listen-on-loopback';

export interface RecordedRequest {
  /** Fake-clock time the request arrived (ms). */
  at: number;
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

type Reply = { status: 429 | 503; retryAfter?: string } | { status: 400 | 500 };

/**
 * A minimal loopback stand-in for Graph `POST /users/{mailbox}/sendMail`: 202 Accepted with no
 * body, as documented at https://learn.microsoft.com/graph/api/user-sendmail, or the failures a
 * test queues (429/503 with Retry-After, as https://learn.microsoft.com/graph/throttling describes).
 */
export async function startSendMailServer(clock: () => number = () => Date.now()) {
  const requests: RecordedRequest[] = [];
  const queued: Reply[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: kept as text so the shape check fails loudly.
      }
      requests.push({
        at: clock(),
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        body,
      });
      if (req.method !== 'POST' || !/^\/v1\.0\/users\/[^/]+\/sendMail$/.test(req.url ?? '')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'ResourceNotFound', message: 'no route' } }));
        return;
      }
      const reply = queued.shift();
      if (!reply) {
        // Not chained: restify, loaded by other tests in the same worker, patches writeHead to return nothing.
        res.writeHead(202);
        res.end();
        return;
      }
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if ('retryAfter' in reply && reply.retryAfter !== undefined) headers['retry-after'] = reply.retryAfter;
      const code = reply.status === 429 ? 'TooManyRequests' : reply.status === 503 ? 'ServiceUnavailable' : 'ErrorInternalServerError';
      res.writeHead(reply.status, headers);
      res.end(JSON.stringify({ error: { code, message: 'stand-in fault' } }));
    });
  });
  const { port } = await listenOnLoopback(server);
  return {
    baseUrl: `http://127.0.0.1:${port}/v1.0`,
    requests,
    queue: (...replies: Reply[]) => queued.push(...replies),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Time that only moves when someone sleeps: a minute of throttling takes no real time. */
export function fakeClock(start = Date.parse('2026-11-23T07:00:00Z')) {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
  };
}
