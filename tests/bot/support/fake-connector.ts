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
 * answers member lookups `GET /v3/conversations/{id}/members/{userId}` from `members`, and meeting
 * details `GET /v1/meetings/{meetingId}` from `meetings` in the shape Microsoft documents
 * (learn.microsoft.com/microsoftteams/platform/apps-in-teams-meetings/meeting-apps-apis#get-meeting-details-api);
 * an unknown meeting gets the 403 a bot without the meeting permission gets.
 */
export async function startFakeConnector(members: ConnectorMember[], meetings: Record<string, { title: string }> = {}) {
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
      const meeting = /^\/v1\/meetings\/([^/]+)$/.exec(path);
      if (req.method === 'GET' && meeting) {
        const found = meetings[meeting[1]!];
        if (!found)
          return send(403, { error: { code: 'BotNotInConversationRoster', message: 'The bot is not allowed to get meeting details.' } });
        return send(200, {
          details: {
            id: meeting[1],
            msGraphResourceId: 'MSoxMjM0NTY3OC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMGFhYWEqMA**',
            scheduledStartTime: '2026-04-23T09:00:00Z',
            scheduledEndTime: '2026-04-23T10:00:00Z',
            joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzY2ZmE1YjQtZDY0OC00%40thread.v2/0',
            title: found.title,
            type: 'Scheduled',
          },
          conversation: { isGroup: true, conversationType: 'groupChat', id: '19:meeting_NzY2ZmE1YjQtZDY0OC00@thread.v2' },
          organizer: {
            id: '29:1priya-teams-id',
            aadObjectId: '00000000-0000-4000-8000-000000000001',
            objectId: '00000000-0000-4000-8000-000000000001',
            tenantId: 'a1b2c3d4-0000-4000-8000-00000000aaaa',
          },
        });
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
