import { REGISTER_PUPILS_LIST } from '@/storage/sharepoint/list-schema';
import { startProvisionedSite, type ProvisionedSite } from '@tests/graph-stand-in/provisioned-site';
import { generatePrimaryRegister } from '@tests/register/generate-register';

describe('SharePoint register store over Graph', () => {
  let site: ProvisionedSite;
  beforeEach(async () => {
    site = await startProvisionedSite();
  });
  afterEach(() => site.standIn.close());

  const school = generatePrimaryRegister(1000);

  it('imports 1,000 pupils in ceil(1000/20) = 50 $batch requests plus one read of the empty list', async () => {
    const { register } = site.registerStores();
    await register.snapshots(); // resolves the list ids once, as a running app already has
    site.standIn.resetCounts();

    expect(await register.upsertMany(school, { fullRoll: true })).toMatchObject({ created: 1000 });

    expect(site.standIn.requestCounts()).toEqual({ 'list items': 1, $batch: 50 });
    expect(site.standIn.batchedCounts()).toEqual({ 'create item': 1000 });
    expect(site.standIn.store.findList(REGISTER_PUPILS_LIST.displayName)!.items.size).toBe(1000);
  });

  it('re-imports an unchanged register of 1,000 with reads only (5 pages of 200), and 10 changes with one $batch', async () => {
    const { register } = site.registerStores();
    await register.upsertMany(school, { fullRoll: true });
    site.standIn.resetCounts();

    expect(await register.upsertMany(school, { fullRoll: true })).toMatchObject({ unchanged: 1000 });
    expect(site.standIn.requestCounts()).toEqual({ 'list items': 5 });

    site.standIn.resetCounts();
    const changed = school.map((p, i) => (i < 10 ? { ...p, attendancePercent: 80 } : p));
    expect(await register.upsertMany(changed, { fullRoll: true })).toMatchObject({ updated: 10, unchanged: 990 });
    expect(site.standIn.requestCounts()).toEqual({ 'list items': 5, $batch: 1 });
    expect(site.standIn.batchedCounts()).toEqual({ 'update fields': 10 });
  });

  it('refuses with ConflictError when another import changed a pupil between its read and its write, and importing again completes', async () => {
    const first = site.registerStores().register;
    const other = site.registerStores().register;
    const small = school.slice(0, 5);
    await first.upsertMany(small, { fullRoll: true });
    site.standIn.beforeNext('$batch', async () => {
      await other.upsertMany(
        small.map((p) => ({ ...p, regGroup: 'X1' })),
        { fullRoll: true },
      );
    });

    await expect(
      first.upsertMany(
        small.map((p) => ({ ...p, regGroup: 'Y2' })),
        { fullRoll: true },
      ),
    ).rejects.toMatchObject({ id: 'conflict' });
    expect((await first.list()).map((p) => p.regGroup)).toEqual(Array(5).fill('X1'));

    expect(
      await first.upsertMany(
        small.map((p) => ({ ...p, regGroup: 'Y2' })),
        { fullRoll: true },
      ),
    ).toMatchObject({ updated: 5 });
    expect(site.standIn.log.some((r) => r.method === 'DELETE')).toBe(false);
  });
});
