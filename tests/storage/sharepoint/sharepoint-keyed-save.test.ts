import { AppError } from '@/kernel/errors';
import { ACTIONS_LIST, HISTORY_LIST } from '@/storage/sharepoint/list-schema';
import type { SharePointActionRepository } from '@/storage/sharepoint/sharepoint-action-repository';
import { COLUMNS_PAGE_SIZE } from '@tests/graph-stand-in/list-routes';
import { startProvisionedSite, type ProvisionedSite } from '@tests/graph-stand-in/provisioned-site';
import { buildNewAction, sencoActor, teacherActor } from '@tests/support/factories';

/** Saves with idempotency keys (`messageId#row`, as the bot sends them) against the unique IdempotencyKey column. */
describe('keyed saves to SharePoint', () => {
  let site: ProvisionedSite;
  let repo: SharePointActionRepository;

  beforeEach(async () => {
    site = await startProvisionedSite();
    repo = site.repository();
    // A running app has resolved the list ids and read the key column once already.
    await repo.createMany([buildNewAction({ idempotencyKey: 'warm-up#0' })], sencoActor);
    site.standIn.resetCounts();
  });
  afterEach(() => site.standIn.close());

  const keyed = (n: number, message: string) =>
    Array.from({ length: n }, (_, i) => buildNewAction({ description: `Action ${i + 1}`, idempotencyKey: `${message}#${i}` }));
  const actionItems = () => [...site.standIn.store.findList(ACTIONS_LIST.displayName)!.items.values()];
  const historyItems = () => [...site.standIn.store.findList(HISTORY_LIST.displayName)!.items.values()];
  const createStatuses = () => site.standIn.log.filter((r) => r.inBatch && r.operation === 'create item').map((r) => r.status);

  it('saves 20 new keyed actions with one $batch request and no lookup first', async () => {
    const saved = await repo.createMany(keyed(20, 'msg-1'), sencoActor);

    expect(site.standIn.requestCounts()).toEqual({ $batch: 1 });
    expect(createStatuses()).toEqual(Array(20).fill(201));
    expect(saved.map((a) => a.description)).toEqual(keyed(20, 'msg-1').map((a) => a.description));
    expect(actionItems()).toHaveLength(21);
  });

  it('answers a retry of the same 20 with one $batch and one lookup, returning the stored actions in order and writing nothing', async () => {
    const first = await repo.createMany(keyed(20, 'msg-2'), sencoActor);
    site.standIn.resetCounts();

    const again = await repo.createMany(keyed(20, 'msg-2'), sencoActor);

    expect(site.standIn.requestCounts()).toEqual({ $batch: 1, 'list items': 1 });
    expect(createStatuses()).toEqual(Array(20).fill(409));
    expect(again.map((a) => a.id)).toEqual(first.map((a) => a.id));
    expect(actionItems()).toHaveLength(21);
    expect(historyItems()).toHaveLength(0);
    expect((await repo.history(first[7]!.id)).map((h) => h.kind)).toEqual(['created']);
  });

  it('decides from what is stored when a keyed create fails with a status other than 409: saved, so returned, never saved twice', async () => {
    // SharePoint saved the third item, then the reply was lost (500); no Microsoft page promises 409 for a duplicate.
    site.standIn.inject({ kind: 'lost-reply', scope: 'batch-item', operation: 'create item' });
    const saved = await repo.createMany(keyed(3, 'msg-lost'), sencoActor);

    expect(createStatuses()).toEqual([500, 201, 201]);
    expect(site.standIn.requestCounts()).toEqual({ $batch: 1, 'list items': 1 });
    expect(actionItems()).toHaveLength(4);
    const stored = await repo.query();
    expect(saved.map((a) => a.id).every((id) => stored.some((s) => s.id === id))).toBe(true);
  });

  it('still says so when a keyed create failed and nothing was stored', async () => {
    site.standIn.inject({ kind: 'forbidden', scope: 'batch-item', operation: 'create item' });
    await expect(repo.createMany(keyed(2, 'msg-refused'), sencoActor)).rejects.toThrow(/did not save 1 of 2 actions \(HTTP 403\)/);
  });

  it('returns the stored action in place for each key already saved, and creates the rest, in input order', async () => {
    const earlier = await repo.createMany(keyed(20, 'msg-3').slice(0, 8), sencoActor);
    const edited = await repo.update(earlier[2]!.id, 1, { status: 'waiting' }, teacherActor);
    site.standIn.resetCounts();

    const saved = await repo.createMany(keyed(20, 'msg-3'), sencoActor);

    expect(site.standIn.requestCounts()).toEqual({ $batch: 1, 'list items': 1 });
    expect(createStatuses()).toEqual([...Array(8).fill(409), ...Array(12).fill(201)]);
    expect(saved.slice(0, 8).map((a) => a.id)).toEqual(earlier.map((a) => a.id));
    expect(saved[2]).toMatchObject({ id: edited.id, version: 2, status: 'waiting' });
    expect(saved.map((a) => a.description)).toEqual(keyed(20, 'msg-3').map((a) => a.description));
    expect(new Set(saved.map((a) => a.id)).size).toBe(20);
    expect(actionItems()).toHaveLength(21);
    expect(historyItems().map((i) => i.fields.Kind)).toEqual(['updated']);
  });

  it('sends a key repeated within one call once and returns the same action for both', async () => {
    const [a, b, c] = await repo.createMany(
      [
        buildNewAction({ idempotencyKey: 'msg-4#0' }),
        buildNewAction({ idempotencyKey: 'msg-4#0' }),
        buildNewAction({ idempotencyKey: 'msg-4#1' }),
      ],
      sencoActor,
    );

    expect(a!.id).toBe(b!.id);
    expect(c!.id).not.toBe(a!.id);
    expect(createStatuses()).toEqual([201, 201]);
    expect(site.standIn.requestCounts()).toEqual({ $batch: 1 });
  });

  it('reads whether the key column is unique once per repository, on its first keyed save', async () => {
    const fresh = site.repository();
    await fresh.query();
    site.standIn.resetCounts();

    await fresh.createMany(keyed(3, 'msg-5'), sencoActor);
    const firstSave = site.standIn.requestCounts();
    site.standIn.resetCounts();
    await fresh.createMany(keyed(3, 'msg-6'), sencoActor);

    // Every page of the column listing (the stand-in pages it, as Graph may), once.
    expect(firstSave).toEqual({ 'list columns': Math.ceil(ACTIONS_LIST.columns.length / COLUMNS_PAGE_SIZE), $batch: 1 });
    expect(site.standIn.requestCounts()).toEqual({ $batch: 1 });
  });

  it('looks keys up before creating on a site whose key column is not unique yet, so a retry still saves nothing twice', async () => {
    site.standIn.store.findList(ACTIONS_LIST.displayName)!.columns.find((c) => c.name === 'IdempotencyKey')!.enforceUniqueValues = false;
    const legacy = site.repository();
    const first = await legacy.createMany(keyed(20, 'msg-7'), sencoActor);
    site.standIn.resetCounts();

    const again = await legacy.createMany(keyed(20, 'msg-7'), sencoActor);

    expect(site.standIn.requestCounts()).toEqual({ 'list items': 1 });
    expect(again.map((a) => a.id)).toEqual(first.map((a) => a.id));
    expect(actionItems()).toHaveLength(21);
  });

  it('fails rather than inventing an action when a create is refused as a duplicate but no item holds the key any more', async () => {
    await repo.createMany(keyed(2, 'msg-8'), sencoActor);
    site.standIn.beforeNext('list items', () => {
      const list = site.standIn.store.findList(ACTIONS_LIST.displayName)!;
      for (const [id, item] of list.items) if (item.fields.Title === 'Action 2') list.items.delete(id);
    });

    const error = await repo.createMany(keyed(2, 'msg-8'), sencoActor).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AppError);
    expect(actionItems().map((i) => i.fields.Title)).toEqual([expect.any(String), 'Action 1']);
  });
});
