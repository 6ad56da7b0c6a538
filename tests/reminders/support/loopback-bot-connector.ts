import http from 'node:http';
import { listenOnLoopback } from '@tests/support/listen-on-loopback';

export interface ReceivedActivity {
  conversationId: string;
  activity: {
    type: string;
    text?: string;
    entities?: { type: string; text: string; mentioned: { id: string; name: string } }[];
    attachments?: { contentType: string; content: Record<string, unknown> }[];
  };
}

export interface LoopbackBotConnector {
  /** The service URL to give the sender. */
  url: string;
  received: ReceivedActivity[];
  /** Conversation ids of posts answered 429, in order. */
  throttled: string[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 playing the Bot Connector's proactive-message endpoint,
 * `POST /v3/conversations/{id}/activities`. Records each activity and answers with an id, as the
 * connector does; anything else is a 404. `failFor` conversations get a 503. `throttle` plays Teams'
 * rate limits: the first `times` posts to a conversation get 429 with `retryAfter` (if given) as `Retry-After`.
 */
export async function startLoopbackBotConnector(
  options: { failFor?: string[]; throttle?: Record<string, { times: number; retryAfter?: string }> } = {},
): Promise<LoopbackBotConnector> {
  const received: ReceivedActivity[] = [];
  const throttled: string[] = [];
  const server = http.createServer((req, res) => {
    const match = /^\/v3\/conversations\/([^/]+)\/activities$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const conversationId = decodeURIComponent(match[1]!);
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      if (options.failFor?.includes(conversationId)) {
        res.statusCode = 503;
        res.end();
        return;
      }
      const throttle = options.throttle?.[conversationId];
      if (throttle && throttled.filter((id) => id === conversationId).length < throttle.times) {
        throttled.push(conversationId);
        res.statusCode = 429;
        if (throttle.retryAfter !== undefined) res.setHeader('retry-after', throttle.retryAfter);
        res.end();
        return;
      }
      received.push({ conversationId, activity: JSON.parse(body) as ReceivedActivity['activity'] });
      res.statusCode = 201;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `activity-${received.length}` }));
    });
  });
  const { port } = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    throttled,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The Adaptive Card in a received activity. */
export function cardOf(received: ReceivedActivity): Record<string, unknown> {
  const attachment = received.activity.attachments?.[0];
  if (attachment?.contentType !== 'application/vnd.microsoft.card.adaptive') throw new Error('no adaptive card in activity');
  return attachment.content;
}
