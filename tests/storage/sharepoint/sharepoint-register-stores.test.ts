import { REGISTER_PUPILS_LIST } from '@/storage/sharepoint/list-schema';
import { startProvisionedSite, type ProvisionedSite } from '@tests/graph-stand-in/provisioned-site';
import { generatePrimaryRegister, IMPORTER } from '@tests/register/generate-register';

describe('SharePoint register store over Graph', () => {
  let site: ProvisionedSite;
  beforeEach(async () => {
    site = await startProvisionedSite();
  });
  afterEach(() => site.standIn.close());

  const school = generatePrimaryRegister(1000);

  it('imports 1,000 pupils in ceil(1000/20) = 50 $batch requests plus one read of the empty list and the import’s record', async () => {
    const { register } = site.registerStores();
    await register.snapshots(); // resolves the list ids once, as a running app already has
    site.standIn.resetCounts();

    expect(await register.upsertMany(school, { fullRoll: true, by: IMPORTER })).toMatchObject({ created: 1000 });

    expect(site.standIn.requestCounts()).toEqual({ 'list items': 1, $batch: 50, 'create item': 1 });
    expect(site.standIn.batchedCounts()).toEqual({ 'create item': 1000 });
    expect(site.standIn.store.findList(REGISTER_PUPILS_LIST.displayName)!.items.size).toBe(1000);
  });

  it('re-imports an unchanged register of 1,000 with reads (5 pages of 200) and its record, 10 changes with one $batch, and undoes them in 2 reads, 1 $batch and 1 write', async () => {
    const { register } = site.registerStores();
    await register.upsertMany(school, { fullRoll: true, by: IMPORTER });
    site.standIn.resetCounts();

    expect(await register.upsertMany(school, { fullRoll: true, by: IMPORTER })).toMatchObject({ unchanged: 1000 });
    expect(site.standIn.requestCounts()).toEqual({ 'list items': 5, 'create item': 1 });

    site.standIn.resetCounts();
    const changed = school.map((p, i) => (i < 10 ? { ...p, attendancePercent: 80 } : p));
    expect(await register.upsertMany(changed, { fullRoll: true, by: IMPORTER })).toMatchObject({ updated: 10, unchanged: 990 });
    const { importId } = (await register.imports())[0]!;
    expect(site.standIn.requestCounts()).toEqual({ 'list items': 6, $batch: 1, 'create item': 1 });
    expect(site.standIn.batchedCounts()).toEqual({ 'update fields': 10 });

    site.standIn.resetCounts();
    expect(await register.undoImport(importId, IMPORTER)).toEqual({ restored: 10, takenOff: 0 });
    // The imports list and the pupils that import changed (filtered on the indexed ImportId), then the writes.
    expect(site.standIn.requestCounts()).toEqual({ 'list items': 2, $batch: 1, 'update fields': 1 });
    expect(site.standIn.batchedCounts()).toEqual({ 'update fields': 10 });
    expect((await register.list()).filter((p) => p.attendancePercent === 80)).toEqual([]);
  });

  it('refuses with ConflictError when another import changed a pupil between its read and its write, and importing again completes', async () => {
    const first = site.registerStores().register;
    const other = site.registerStores().register;
    const small = school.slice(0, 5);
    await first.upsertMany(small, { fullRoll: true, by: IMPORTER });
    site.standIn.beforeNext('$batch', async () => {
      await other.upsertMany(
        small.map((p) => ({ ...p, regGroup: 'X1' })),
        { fullRoll: true, by: IMPORTER },
      );
    });

    await expect(
      first.upsertMany(
        small.map((p) => ({ ...p, regGroup: 'Y2' })),
        { fullRoll: true, by: IMPORTER },
      ),
    ).rejects.toMatchObject({ id: 'conflict' });
    expect((await first.list()).map((p) => p.regGroup)).toEqual(Array(5).fill('X1'));

    expect(
      await first.upsertMany(
        small.map((p) => ({ ...p, regGroup: 'Y2' })),
        { fullRoll: true, by: IMPORTER },
      ),
    ).toMatchObject({ updated: 5 });
    expect(site.standIn.log.some((r) => r.method === 'DELETE')).toBe(false);
  });
});
