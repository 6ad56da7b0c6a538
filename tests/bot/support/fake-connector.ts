import http from 'node:http';
import { listenOnLoopback } from '@tests/support/listen-on-loopback';

/** A member the stand-in connector knows, found by Teams id or by Entra object id. */
export interface ConnectorMember {
  id: string;
  name: string;
  aadObjectId: string;
  email: string;
  userPrincipalName: string;
}

export interface RecordedCall {
  method: string;
  path: string;
  body: any;
}

/**
 * A stand-in for the Bot Connector service on 127.0.0.1: the bot's `serviceUrl` in tests. Records
 * `POST /v3/conversations/{id}/activities` (replies) and `PUT .../activities/{id}` (card updates),
 * and answers member lookups `GET /v3/conversations/{id}/members/{userId}` from `members`.
 */
export async function startFakeConnector(members: ConnectorMember[]) {
  const calls: RecordedCall[] = [];
  let next = 0;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
      const body = raw ? JSON.parse(raw) : undefined;
      calls.push({ method: req.method ?? '', path, body });
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      const member = /^\/v3\/conversations\/[^/]+\/members\/(.+)$/.exec(path);
      if (req.method === 'GET' && member) {
        const found = members.find((m) => m.id === member[1] || m.aadObjectId === member[1]);
        return found ? send(200, found) : send(404, { error: { code: 'MemberNotFoundInConversation', message: 'not found' } });
      }
      if (req.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities$/.test(path)) return send(201, { id: `reply-${++next}` });
      if (req.method === 'PUT' && /^\/v3\/conversations\/[^/]+\/activities\/[^/]+$/.test(path))
        return send(200, { id: path.split('/').pop() });
      send(404, { error: { code: 'NotFound', message: path } });
    });
  });
  const url = `${(await listenOnLoopback(server)).url}`;
  return {
    url,
    calls,
    /** Replies the bot posted, newest last. */
    replies: () => calls.filter((c) => c.method === 'POST' && c.path.endsWith('/activities')),
    updates: () => calls.filter((c) => c.method === 'PUT'),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
