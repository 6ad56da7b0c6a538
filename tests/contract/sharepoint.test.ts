import { GraphError } from '@microsoft/microsoft-graph-client';
import { ConflictError } from '@/kernel/errors';
import { ACTIONS_LIST } from '@/storage/sharepoint/list-schema';
import { useStandInSites, type ProvisionedSite } from '@tests/graph-stand-in/provisioned-site';
import { buildNewAction, sencoActor, teacherActor } from '@tests/support/factories';
import { describeActionRepositoryContract } from './action-repository.contract';

const newSite = useStandInSites();

describeActionRepositoryContract('SharePoint Lists via Graph (stand-in)', async (now) => (await newSite()).repository({ now }));

const many = (n: number, prefix?: string) =>
  Array.from({ length: n }, (_, i) =>
    buildNewAction({ description: `Action ${i + 1}`, ...(prefix ? { idempotencyKey: `${prefix}#${i}` } : {}) }),
  );

function itemsIn(site: ProvisionedSite, title = ACTIONS_LIST.displayName) {
  return [...site.standIn.store.findList(title)!.items.values()];
}

describe('SharePoint store over Graph', () => {
  let site: ProvisionedSite;
  beforeEach(async () => {
    site = await newSite();
  });

  it('saves 20 actions with one $batch request carrying 20 creates', async () => {
    const repo = site.repository();
    await repo.query(); // resolves the list ids once, as a running app already has
    site.standIn.resetCounts();

    await repo.createMany(many(20), sencoActor);

    expect(site.standIn.requestCounts()).toEqual({ $batch: 1 });
    expect(site.standIn.batchedCounts()).toEqual({ 'create item': 20 });
  });

  it('re-sends only the creates throttled inside a $batch, no sooner than their Retry-After, so nothing is dropped or duplicated', async () => {
    const repo = site.repository();
    site.standIn.inject({ kind: 'throttle', scope: 'batch-item', operation: 'create item', count: 5, retryAfterSeconds: 1 });

    const saved = await repo.createMany(many(20), sencoActor);

    expect(site.standIn.requestCounts().$batch).toBe(2);
    const creates = site.standIn.log.filter((r) => r.inBatch && r.operation === 'create item');
    expect(creates.map((r) => r.status).filter((s) => s === 429)).toHaveLength(5);
    expect(creates.filter((r) => r.status === 201)).toHaveLength(20);
    const firstThrottled = creates.find((r) => r.status === 429)!;
    const resent = creates.slice(20);
    expect(resent.every((r) => r.at - firstThrottled.at >= 1000)).toBe(true);
    const stored = itemsIn(site).map((item) => item.fields.ActionId);
    expect(stored.sort()).toEqual(saved.map((a) => a.id).sort());
    expect((await repo.query()).map((a) => a.description).sort()).toEqual(
      many(20)
        .map((a) => a.description)
        .sort(),
    );
  });

  it('retries a 503 on the outer request through the SDK retry handler', async () => {
    const repo = site.repository();
    await repo.createMany([buildNewAction()], sencoActor);
    site.standIn.resetCounts();
    site.standIn.inject({ kind: 'unavailable', operation: 'list items', retryAfterSeconds: 0 });

    expect(await repo.query()).toHaveLength(1);
    expect(site.standIn.log.filter((r) => r.operation === 'list items').map((r) => r.status)).toEqual([503, 200]);
  });

  it('retries a request whose connection was dropped, saving the action once', async () => {
    const repo = site.repository();
    await repo.query();
    site.standIn.inject({ kind: 'drop', operation: '$batch' });

    const [action] = await repo.createMany([buildNewAction()], sencoActor);

    expect(site.standIn.log.filter((r) => r.operation === '$batch').map((r) => r.status)).toEqual([0, 200]);
    expect(itemsIn(site).map((i) => i.fields.ActionId)).toEqual([action!.id]);
  });

  it('turns a 412 from a writer that got in between our read and our write into ConflictError, overwriting nothing', async () => {
    const repo = site.repository();
    const other = site.repository();
    const [action] = await repo.createMany([buildNewAction()], sencoActor);
    site.standIn.beforeNext('$batch', async () => {
      await other.update(action!.id, 1, { status: 'waiting' }, teacherActor);
    });

    const error = await repo.update(action!.id, 1, { status: 'in_progress' }, sencoActor).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).currentVersion).toBe(2);
    expect(site.standIn.log.filter((r) => r.operation === 'update fields').map((r) => r.status)).toEqual([200, 412]);
    expect(await repo.get(action!.id)).toMatchObject({ version: 2, status: 'waiting' });
    expect((await repo.history(action!.id)).map((h) => h.kind)).toEqual(['created', 'updated']);
  });

  it('retries with the fresh eTag when the item changed in SharePoint but its version did not', async () => {
    const repo = site.repository();
    const [action] = await repo.createMany([buildNewAction()], sencoActor);
    site.standIn.beforeNext('$batch', () => {
      // Someone edits the Title in the Lists UI: the eTag moves, our Version column does not.
      const item = itemsIn(site)[0]!;
      item.fields.Title = 'Retitled in SharePoint';
      item.etagVersion += 1;
    });

    const updated = await repo.update(action!.id, 1, { status: 'in_progress' }, sencoActor);

    expect(updated.version).toBe(2);
    expect(site.standIn.log.filter((r) => r.operation === 'update fields').map((r) => r.status)).toEqual([412, 200]);
    expect((await repo.history(action!.id)).map((h) => h.kind)).toEqual(['created', 'updated']);
  });

  it('follows @odata.nextLink: 250 items with a page size of 100 take 3 GET requests', async () => {
    const repo = site.repository({ pageSize: 100 });
    await repo.createMany(many(200), sencoActor);
    await repo.createMany(many(50), sencoActor);
    site.standIn.resetCounts();

    const all = await repo.query();

    expect(all).toHaveLength(250);
    expect(new Set(all.map((a) => a.id)).size).toBe(250);
    expect(site.standIn.requestCounts()).toEqual({ 'list items': 3 });
  });

  it('gets Graph’s 400 for a filter or sort on a column that is not indexed, unless the Prefer header allows it', async () => {
    const path = `/sites/${site.config.siteId}/lists/${ACTIONS_LIST.displayName}/items?expand=fields`;
    const filtered = `${path}&$filter=${encodeURIComponent("fields/OwnerName eq 'Tom Reed'")}`;

    const error = (await site.client
      .api(filtered)
      .get()
      .catch((e: unknown) => e)) as GraphError;
    expect(error).toBeInstanceOf(GraphError);
    expect(error.statusCode).toBe(400);
    expect(error.message).toBe(
      "Field 'OwnerName' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.",
    );
    await expect(site.client.api(`${path}&$orderby=fields/OwnerEmail`).get()).rejects.toMatchObject({ statusCode: 400 });
    await expect(site.client.api(filtered).header('Prefer', 'HonorNonIndexedQueriesWarningMayFailRandomly').get()).resolves.toMatchObject({
      value: [],
    });
    await expect(site.client.api(`${path}&$orderby=fields/DueDate desc`).get()).resolves.toMatchObject({ value: [] });
  });

  it('writes history as items in the history list and never deletes anything', async () => {
    const repo = site.repository();
    const [action] = await repo.createMany([buildNewAction()], sencoActor);
    await repo.update(action!.id, 1, { status: 'waiting' }, teacherActor);
    await repo.close(action!.id, 2, { status: 'done', note: 'Plan agreed with parent' }, teacherActor);

    expect(itemsIn(site, 'SEND Action History').map((i) => [i.fields.Kind, i.fields.Version])).toEqual([
      ['updated', 2],
      ['closed', 3],
    ]);
    expect(site.standIn.log.some((r) => r.method === 'DELETE')).toBe(false);
  });
});
