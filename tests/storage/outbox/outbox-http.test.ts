import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@/app/config';
import { createLogger } from '@/platform/logger';
import { createServer } from '@/app/create-server';
import { localIdentity } from '@/http/identity';
import { OutboxActionRepository } from '@/storage/outbox/outbox-action-repository';
import { SqliteOutboxStore } from '@/storage/outbox/outbox-store';
import { openDatabase } from '@/storage/sqlite/open-database';
import { startProvisionedSite } from '@tests/graph-stand-in/provisioned-site';
import { buildNewAction, senco } from '@tests/support/factories';
import { listenOnLoopback } from '@tests/support/listen-on-loopback';

describe('the tab API when SharePoint cannot be reached', () => {
  it('answers a save with 202 "pending" and the plain-English message, and the write arrives on replay', async () => {
    const site = await startProvisionedSite();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-outbox-http-'));
    const config = loadConfig({ DATA_DIR: dir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent' });
    const repo = new OutboxActionRepository(site.repository(), new SqliteOutboxStore(openDatabase(config.databaseFile)));
    const server = createServer({
      config,
      repo,
      logger: createLogger('silent'),
      now: () => new Date(),
      authenticate: localIdentity({ ...senco, sendTeam: true }),
    });
    const { url } = await listenOnLoopback(server);
    try {
      site.standIn.inject({ kind: 'unavailable', operation: '$batch', count: 4, retryAfterSeconds: 0 });
      const res = await fetch(`${url}/api/actions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ actions: [buildNewAction()] }),
      });
      expect(res.status).toBe(202);
      expect(await res.json()).toEqual({
        error: 'pending',
        message: 'Saved on this server and waiting to reach SharePoint; it will be sent automatically',
      });
      expect(await repo.query()).toHaveLength(0);

      await repo.replay();
      expect(await repo.query()).toHaveLength(1);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await site.standIn.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
