import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@/app/config';
import { createLogger } from '@/platform/logger';
import { createServer } from '@/app/create-server';
import { localIdentity } from '@/http/identity';
import { OutboxActionRepository } from '@/storage/outbox/outbox-action-repository';
import type { OutboxStore } from '@/storage/outbox/outbox-store';
import { SqliteOutboxStore } from '@/storage/outbox/sqlite-outbox-store';
import { TableOutboxStore } from '@/storage/outbox/table-outbox-store';
import { openDatabase } from '@/storage/sqlite/open-database';
import { startProvisionedSite, type ProvisionedSite } from '@tests/graph-stand-in/provisioned-site';
import { startAzuriteTables } from '@tests/support/azurite';
import { buildNewAction, senco } from '@tests/support/factories';
import { listenOnLoopback } from '@tests/support/listen-on-loopback';

/** The real server over an outbox in front of the Graph stand-in, as the SEND lead. `seed` runs on SharePoint before the outbox opens. */
async function startOutboxApp(seed: (site: ProvisionedSite) => Promise<void> = async () => {}, outboxStore?: OutboxStore) {
  const site = await startProvisionedSite();
  await seed(site);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-outbox-http-'));
  const config = loadConfig({ DATA_DIR: dir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent' });
  const repo = new OutboxActionRepository(site.repository(), outboxStore ?? new SqliteOutboxStore(openDatabase(config.databaseFile)));
  const server = createServer({
    config,
    repo,
    logger: createLogger('silent'),
    now: () => new Date(),
    authenticate: localIdentity({ ...senco, sendTeam: true }),
  });
  const { url } = await listenOnLoopback(server);
  const send = (method: string, route: string, body?: unknown) =>
    fetch(`${url}${route}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const close = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await site.standIn.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { site, repo, send, close };
}

describe('the tab API when SharePoint cannot be reached', () => {
  it('answers a save with 202 "pending" and the plain-English message, and the write arrives on replay', async () => {
    const { site, repo, send, close } = await startOutboxApp();
    try {
      site.standIn.inject({ kind: 'unavailable', operation: '$batch', count: 4, retryAfterSeconds: 0 });
      const res = await send('POST', '/api/actions', { actions: [buildNewAction()] });
      expect(res.status).toBe(202);
      expect(await res.json()).toEqual({
        error: 'pending',
        message: 'Saved on this server and waiting to reach SharePoint; it will be sent automatically',
      });
      expect(await repo.query()).toHaveLength(0);
      expect(await (await send('GET', '/api/health')).json()).toMatchObject({ status: 'ok', outbox: { pending: 1 } });

      await repo.replay();
      expect(await repo.query()).toHaveLength(1);
      expect(await (await send('GET', '/api/health')).json()).toMatchObject({ outbox: { pending: 0 } });
    } finally {
      await close();
    }
  });

  it('keeps a tab edit made while SharePoint is down: 202 "pending", then the change on replay, never a 500', async () => {
    const { site, repo, send, close } = await startOutboxApp();
    try {
      const [action] = await repo.createMany([buildNewAction()], senco);
      expect((await send('GET', '/api/actions')).status).toBe(200); // the tab's list: this instance has read the item

      site.standIn.inject({ kind: 'unavailable', operation: 'list items', count: 8, retryAfterSeconds: 0 });
      const edit = await send('PATCH', `/api/actions/${action!.id}`, { version: 1, patch: { status: 'in_progress' } });
      expect(edit.status).toBe(202);
      expect(await edit.json()).toMatchObject({ error: 'pending' });

      await repo.replay();
      expect(await repo.get(action!.id)).toMatchObject({ status: 'in_progress', version: 2 });
    } finally {
      await close();
    }
  });

  it('answers an edit of an item this instance never read, while SharePoint is down, with 503 and Retry-After', async () => {
    let id = '';
    const { site, repo, send, close } = await startOutboxApp(async (s) => {
      id = (await s.repository().createMany([buildNewAction()], senco))[0]!.id;
    });
    try {
      site.standIn.inject({ kind: 'unavailable', operation: 'list items', count: 4, retryAfterSeconds: 0 });
      const edit = await send('PATCH', `/api/actions/${id}`, { version: 1, patch: { status: 'in_progress' } });
      expect(edit.status).toBe(503);
      expect(edit.headers.get('retry-after')).toBe('30');
      expect(await edit.json()).toMatchObject({ error: 'unavailable', message: expect.stringMatching(/nothing was changed/) });
      expect(await repo.get(id)).toMatchObject({ status: 'open', version: 1 });
    } finally {
      await close();
    }
  });

  it('reports SharePoint down as degraded (200: writes wait in the outbox), and reachable again as ok', async () => {
    const { site, send, close } = await startOutboxApp();
    try {
      expect(await (await send('GET', '/api/health')).json()).toEqual({
        status: 'ok',
        mode: 'embedded',
        store: 'reachable',
        outbox: { reachable: true, pending: 0 },
      });
      site.standIn.inject({ kind: 'unavailable', count: 4, retryAfterSeconds: 0 });
      const down = await send('GET', '/api/health');
      expect(down.status).toBe(200);
      expect(await down.json()).toEqual({
        status: 'degraded',
        mode: 'embedded',
        store: 'unreachable',
        outbox: { reachable: true, pending: 0 },
      });
      expect(await (await send('GET', '/api/health')).json()).toMatchObject({ status: 'ok', store: 'reachable' });
    } finally {
      await close();
    }
  });

  it('answers 503 (take this instance out) when neither SharePoint nor the outbox can keep a write', async () => {
    const azurite = await startAzuriteTables();
    const table = await azurite.table();
    await azurite.stop(); // the shared outbox's storage account cannot be reached
    const { site, send, close } = await startOutboxApp(undefined, new TableOutboxStore(table));
    try {
      site.standIn.inject({ kind: 'unavailable', count: 4, retryAfterSeconds: 0 });
      const res = await send('GET', '/api/health');
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', mode: 'embedded', store: 'unreachable', outbox: { reachable: false } });
    } finally {
      await close();
    }
  }, 20_000);
});
