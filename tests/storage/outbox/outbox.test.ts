import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { PendingWriteError, ValidationError } from '@/kernel/errors';
import { isTransient } from '@/storage/outbox/is-transient';
import { createLogger } from '@/platform/logger';
import { OutboxActionRepository } from '@/storage/outbox/outbox-action-repository';
import { startOutboxReplay } from '@/storage/outbox/outbox-replay-loop';
import type { OutboxStore } from '@/storage/outbox/outbox-store';
import { SqliteOutboxStore } from '@/storage/outbox/sqlite-outbox-store';
import { TableOutboxStore } from '@/storage/outbox/table-outbox-store';
import { ACTIONS_LIST } from '@/storage/sharepoint/list-schema';
import { openDatabase } from '@/storage/sqlite/open-database';
import { startProvisionedSite, type ProvisionedSite } from '@tests/graph-stand-in/provisioned-site';
import { startAzuriteTables, type AzuriteTables } from '@tests/support/azurite';
import { buildNewAction, sencoActor, teacherActor } from '@tests/support/factories';

/** The Graph client tries 1 + 3 retries; this many faults outlast them. */
const OUTLASTS_RETRIES = 4;

let azurite: AzuriteTables;
beforeAll(async () => {
  azurite = await startAzuriteTables();
});
afterAll(() => azurite.stop());

/** An outbox as one instance opens it, and `again()` a second instance (or a restarted one) opening the same outbox. */
interface OutboxKind {
  name: string;
  open(dir: string): Promise<{ outbox: OutboxStore; again: () => Promise<OutboxStore> }>;
}

const KINDS: OutboxKind[] = [
  {
    name: 'a local SQLite file',
    open: async (dir) => {
      const file = path.join(dir, 'send-tracker.db');
      return { outbox: new SqliteOutboxStore(openDatabase(file)), again: async () => new SqliteOutboxStore(openDatabase(file)) };
    },
  },
  {
    name: 'Azure Table Storage (Azurite), shared by every instance',
    open: async () => {
      const table = await azurite.table();
      return { outbox: new TableOutboxStore(table), again: async () => new TableOutboxStore(await azurite.table(table.tableName)) };
    },
  },
];

describe.each(KINDS)('durable outbox in $name in front of the SharePoint store (Graph stand-in with injected faults)', (store) => {
  let site: ProvisionedSite;
  let dir: string;
  let outbox: OutboxStore;
  let again: () => Promise<OutboxStore>;
  let repo: OutboxActionRepository;

  beforeEach(async () => {
    site = await startProvisionedSite();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-outbox-'));
    ({ outbox, again } = await store.open(dir));
    repo = new OutboxActionRepository(site.repository(), outbox);
    await repo.query(); // list ids resolved, as in a running app
  });
  afterEach(async () => {
    await site.standIn.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const items = () => [...site.standIn.store.findList(ACTIONS_LIST.displayName)!.items.values()];
  const failNextWrite = (kind: 'unavailable' | 'throttle' | 'drop') =>
    site.standIn.inject({ kind, operation: '$batch', count: OUTLASTS_RETRIES, retryAfterSeconds: 0 });

  it.each(['unavailable', 'throttle', 'drop'] as const)(
    'keeps a create that still fails (%s) after retries, tells the caller it is pending, and replay saves it exactly once',
    async (kind) => {
      failNextWrite(kind);
      const error = await repo.createMany([buildNewAction()], sencoActor).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(PendingWriteError);
      expect(error).toMatchObject({
        id: 'pending',
        status: 202,
        message: 'Saved on this server and waiting to reach SharePoint; it will be sent automatically',
      });
      expect(items()).toHaveLength(0);
      expect(await outbox.pending()).toHaveLength(1);
      expect((await outbox.pending())[0]!.write).toMatchObject({
        kind: 'createMany',
        inputs: [{ idempotencyKey: expect.stringMatching(/^outbox:.+#0$/) }],
      });

      expect(await repo.replay()).toEqual({ sent: 1, conflicts: 0, failed: 0, pending: 0 });
      expect(await repo.replay()).toEqual({ sent: 0, conflicts: 0, failed: 0, pending: 0 });
      expect(items()).toHaveLength(1);
      expect(await outbox.list('sent')).toHaveLength(1);
    },
  );

  it('does not duplicate a create that reached SharePoint although the caller saw a failure', async () => {
    const [first] = await repo.createMany([buildNewAction({ idempotencyKey: 'msg-1#0' })], sencoActor);
    // The same create, replayed from the outbox as if the first answer had been lost.
    const queued = await outbox.add(
      { kind: 'createMany', inputs: [buildNewAction({ idempotencyKey: 'msg-1#0' })], actor: sencoActor },
      'HTTP 504',
    );

    expect(await repo.replay()).toMatchObject({ sent: 1 });
    expect(items().map((i) => i.fields.ActionId)).toEqual([first!.id]);
    expect((await outbox.list('sent')).map((e) => e.id)).toEqual([queued]);
  });

  it('records an update that meets a newer change on replay as a conflict for a person, and overwrites nothing', async () => {
    const [action] = await repo.createMany([buildNewAction()], sencoActor);
    failNextWrite('unavailable');
    await expect(repo.update(action!.id, 1, { status: 'in_progress' }, sencoActor)).rejects.toBeInstanceOf(PendingWriteError);
    // Meanwhile someone else changes the item through another instance.
    await site.repository().update(action!.id, 1, { status: 'waiting' }, teacherActor);

    expect(await repo.replay()).toEqual({ sent: 0, conflicts: 1, failed: 0, pending: 0 });
    expect(await repo.get(action!.id)).toMatchObject({ version: 2, status: 'waiting' });
    const [conflict] = await outbox.list('conflict');
    expect(conflict).toMatchObject({
      state: 'conflict',
      lastError: 'conflict',
      write: { kind: 'update', expectedVersion: 1, patch: { status: 'in_progress' } },
    });
  });

  it('queues a later change to the same item behind a pending one and replays both in order', async () => {
    const [action] = await repo.createMany([buildNewAction()], sencoActor);
    failNextWrite('unavailable');
    await expect(repo.update(action!.id, 1, { status: 'in_progress' }, sencoActor)).rejects.toBeInstanceOf(PendingWriteError);
    const before = site.standIn.log.length;
    await expect(repo.close(action!.id, 2, { status: 'done', note: 'Parent phoned' }, sencoActor)).rejects.toBeInstanceOf(
      PendingWriteError,
    );
    expect(site.standIn.log.length).toBe(before); // not even tried: it would have jumped the queue

    expect(await repo.replay()).toEqual({ sent: 2, conflicts: 0, failed: 0, pending: 0 });
    expect((await repo.history(action!.id)).map((h) => h.kind)).toEqual(['created', 'updated', 'closed']);
  });

  it('stops replaying at the first write that still cannot get through, keeping the rest in order', async () => {
    failNextWrite('unavailable');
    await expect(repo.createMany([buildNewAction({ description: 'First' })], sencoActor)).rejects.toBeInstanceOf(PendingWriteError);
    failNextWrite('unavailable');
    await expect(repo.createMany([buildNewAction({ description: 'Second' })], sencoActor)).rejects.toBeInstanceOf(PendingWriteError);

    failNextWrite('unavailable');
    expect(await repo.replay()).toEqual({ sent: 0, conflicts: 0, failed: 0, pending: 2 });
    const pending = await outbox.pending();
    expect(pending.map((e) => (e.write.kind === 'createMany' ? e.write.inputs[0]!.description : ''))).toEqual(['First', 'Second']);
    expect(pending[0]!.attempts).toBe(2);

    expect(await repo.replay()).toMatchObject({ sent: 2, pending: 0 });
    expect((await repo.query()).map((a) => a.description).sort()).toEqual(['First', 'Second']);
  });

  it('passes invalid input straight back as ValidationError and queues nothing', async () => {
    await expect(repo.createMany([buildNewAction({ description: '' })], sencoActor)).rejects.toBeInstanceOf(ValidationError);
    expect(await outbox.list()).toHaveLength(0);
  });

  it('replays what is pending as soon as the replay loop starts (a restarted server)', async () => {
    failNextWrite('throttle');
    await expect(repo.createMany([buildNewAction()], sencoActor)).rejects.toBeInstanceOf(PendingWriteError);
    const restarted = new OutboxActionRepository(site.repository(), await again());
    const loop = startOutboxReplay(restarted, { logger: createLogger('silent') });
    try {
      expect(await loop.firstRun).toEqual({ sent: 1, conflicts: 0, failed: 0, pending: 0 });
      expect(items()).toHaveLength(1);
    } finally {
      loop.stop();
    }
  });

  it('lets another instance replay what this one queued, and only one instance sends it', async () => {
    failNextWrite('unavailable');
    await expect(repo.createMany([buildNewAction()], sencoActor)).rejects.toBeInstanceOf(PendingWriteError);
    const other = new OutboxActionRepository(site.repository(), await again(), { holder: 'instance-b' });
    const third = new OutboxActionRepository(site.repository(), await again(), { holder: 'instance-c' });

    const reports = await Promise.all([other.replay(), third.replay()]);
    expect(reports.map((r) => r.sent).sort()).toEqual([0, 1]);
    expect(items()).toHaveLength(1);
    expect(await repo.pendingCount()).toBe(0);
  });
});

describe('the local SQLite outbox', () => {
  it('never deletes an outbox entry', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-outbox-'));
    try {
      const db = openDatabase(path.join(dir, 'send-tracker.db'));
      await new SqliteOutboxStore(db).add({ kind: 'createMany', inputs: [buildNewAction()], actor: sencoActor }, 'HTTP 503');
      expect(() => db.prepare('DELETE FROM store_outbox').run()).toThrow('outbox entries are kept');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('isTransient', () => {
  const graphError = (status: number) => new GraphError(status, 'from Graph');
  const socketError = (code: string) => Object.assign(new Error('socket'), { code });
  const fetchFailed = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: socketError(code) });

  it.each([
    ['Graph 429', graphError(429)],
    ['Graph 503', graphError(503)],
    ['Graph 504', graphError(504)],
    ['a Graph request that got no response (statusCode -1)', graphError(-1)],
    ['ECONNRESET', socketError('ECONNRESET')],
    ['ETIMEDOUT', socketError('ETIMEDOUT')],
    ['undici UND_ERR_SOCKET inside fetch failed', fetchFailed('UND_ERR_SOCKET')],
    ['a request timeout', Object.assign(new Error('timed out'), { name: 'TimeoutError' })],
  ])('treats %s as worth retrying later', (_label, error) => expect(isTransient(error)).toBe(true));

  it.each([
    ['Graph 400', graphError(400)],
    ['Graph 404', graphError(404)],
    ['Graph 412', graphError(412)],
    ['a ValidationError', new ValidationError([{ path: 'description', message: 'must not be empty' }])],
    ['a plain Error', new Error('boom')],
    ['a thrown string', 'ECONNRESET'],
    ['undefined', undefined],
  ])('does not treat %s as transient', (_label, error) => expect(isTransient(error)).toBe(false));
});
