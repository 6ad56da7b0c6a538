import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { CAPTURE_VERBS, rowInputIds } from '@/capture/cards/capture-verbs';
import { DEMO_STAFF } from '@/app/demo/school';
import { loadConfig } from '@/app/config';
import { createLogger } from '@/platform/logger';
import { createBotFor } from '@/app/bot-wiring';
import { createServer } from '@/app/create-server';
import { localIdentity } from '@/http/identity';
import { openStores } from '@/app/open-stores';
import { TOM, buttonData, cardAction, cardInputs, meetingMessage } from '@tests/bot/support/activities';
import { startFakeConnector } from '@tests/bot/support/fake-connector';
import { buildNewAction } from '@tests/support/factories';
import { listenOnLoopback } from '@tests/support/listen-on-loopback';

/** Everything personal this flow puts through the app: none of it may reach a log line. */
const PUPIL_NAME = 'Jamie Brown-Okoro';
const SECRETS = [
  'J.B.',
  PUPIL_NAME,
  "phone J.B.'s parent",
  'update J.B.',
  'support plan',
  'Reading plan agreed with Ms Okoro',
  'Mum says sleeping badly since the move',
  'Dad phoned back about the EHCP',
];

describe('logs never contain pupil names or action text', () => {
  it('keeps a trace-level log of a whole flow (bot message, card save, REST create/update/close, a refused update) free of them', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-logs-'));
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, DEMO_DATA: 'false', LOG_LEVEL: 'trace' });
    const logger = createLogger('trace', sink);
    const now = () => new Date('2026-04-23T09:00:00Z');
    const { actions: repo, tasks } = openStores(config, now);
    const bot = await createBotFor(config, repo, logger, now, tasks);
    const server = createServer({ config, repo, logger, now, bot, authenticate: localIdentity({ ...DEMO_STAFF.senco, sendTeam: true }) });
    const base = `${(await listenOnLoopback(server)).url}`;
    const connector = await startFakeConnector([TOM]);
    const send = async (method: string, url: string, body: unknown) => {
      const res = await fetch(base + url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as any };
    };
    try {
      const message = `Agreed actions:\n- <at>Tom Reed</at> to phone J.B.'s parent by Friday\n- SENCO to update J.B.'s support plan by 7/5`;
      expect(
        (await send('POST', '/api/messages', meetingMessage(connector.url, message, { mentions: [{ id: TOM.id, name: TOM.name }] })))
          .status,
      ).toBe(200);
      const card = connector.calls.filter((c) => c.method === 'POST').at(-1)!.body.attachments[0].content;
      const data = { ...buttonData(card, CAPTURE_VERBS.saveAll), ...cardInputs(card), [rowInputIds(0).owner]: TOM.aadObjectId };
      const saved = await send('POST', '/api/messages', cardAction(connector.url, CAPTURE_VERBS.saveAll, data));
      expect(JSON.stringify(saved.body)).toContain('Saved 2 actions');

      const created = await send('POST', '/api/actions', {
        actions: [
          buildNewAction({
            pupil: { id: 'p-9', name: PUPIL_NAME, yearGroup: 5 },
            description: 'Reading plan agreed with Ms Okoro',
            decision: 'Mum says sleeping badly since the move',
          }),
        ],
      });
      expect(created.status).toBe(200);
      const id = created.body.actions[0].id as string;
      expect(
        (
          await send('PATCH', `/api/actions/${id}`, {
            version: 1,
            patch: { status: 'in_progress', description: 'Dad phoned back about the EHCP' },
          })
        ).status,
      ).toBe(200);
      const refused = await send('PATCH', `/api/actions/${id}`, {
        version: 2,
        patch: { status: 'nonsense', description: `Dad phoned back about the EHCP ${'x'.repeat(600)}` },
      });
      expect(refused.status).toBe(400);
      const stale = await send('PATCH', `/api/actions/${id}`, {
        version: 1,
        patch: { description: 'Mum says sleeping badly since the move' },
      });
      expect(stale.status).toBe(409);
      expect(
        (
          await send('POST', `/api/actions/${id}/close`, {
            version: 2,
            close: { status: 'done', note: 'Reading plan agreed with Ms Okoro' },
          })
        ).status,
      ).toBe(200);

      const log = lines.join('');
      // The flow was logged (so the check below looks at something), at trace level, as JSON lines.
      expect(lines.length).toBeGreaterThan(5);
      expect(lines.every((l) => JSON.parse(l))).toBeTruthy();
      expect(log).toContain('card action');
      expect(log).toContain('teams-sdk'); // the SDK's own debug lines, which carry whole activities before our summariser
      for (const secret of SECRETS) expect({ secret, found: log.includes(secret) }).toEqual({ secret, found: false });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connector.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
