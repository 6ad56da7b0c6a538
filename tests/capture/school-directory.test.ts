import { loadSchoolDirectory, pupilOf } from '@/capture/load-school-directory';
import { shownPupil } from '@/capture/propose';
import { DEMO_PUPILS, DEMO_ROLES } from '@/app/demo/school';
import { loadConfig } from '@/app/config';
import { storedSchoolDirectory } from '@/app/bot-wiring';
import { cacheSchoolDirectory } from '@/capture/school-directory-cache';
import { seedRolesIfEmpty } from '@/roles/seed-roles';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteRegisterRepository } from '@/storage/sqlite/sqlite-register-repository';
import { SqliteRoleDirectory } from '@/storage/sqlite/sqlite-role-directory';
import { generatePrimaryRegister, IMPORTER } from '@tests/register/generate-register';
import { senco, teacher } from '@tests/support/factories';

describe('the school directory the bot reads', () => {
  it('shows register pupils as initials with their year group, nursery pupils with none; names stay for matching only', () => {
    const jamie = pupilOf({ id: 'x', forename: 'jamie', surname: "o'Brien", yearGroup: 4 });
    expect(jamie).toEqual({ id: 'x', name: 'J.O.', yearGroup: 4, forename: 'jamie', surname: "o'Brien" });
    expect(shownPupil(jamie)).toEqual({ id: 'x', name: 'J.O.', yearGroup: 4 });
    expect(shownPupil(pupilOf({ id: 'y', forename: 'Ava', surname: 'Bell', yearGroup: -1 }))).toEqual({
      id: 'y',
      name: 'A.B.',
      yearGroup: null,
    });
  });

  it('in embedded mode with demo data, offers the demo pupils and seeded demo roles, and the register’s pupils beside them', async () => {
    const db = openDatabase(':memory:');
    const stores = { register: new SqliteRegisterRepository(db), roles: new SqliteRoleDirectory(db) };
    const config = loadConfig({ DATA_DIR: '.', LOG_LEVEL: 'silent' });
    expect(config.demoData).toBe(true);
    expect(await seedRolesIfEmpty(stores.roles, DEMO_ROLES)).toBe(Object.keys(DEMO_ROLES).length);
    expect(await seedRolesIfEmpty(stores.roles, DEMO_ROLES)).toBe(0);

    const before = await storedSchoolDirectory(config, stores).current();
    expect(before).toEqual({ pupils: DEMO_PUPILS, roles: DEMO_ROLES });

    await stores.register.upsertMany(generatePrimaryRegister(3), { fullRoll: true, by: IMPORTER });
    const after = await storedSchoolDirectory(config, stores).current();
    const registered = (await stores.register.list()).map((p) => p.id);
    expect(after.pupils.map((p) => p.id).sort()).toEqual([...registered, ...DEMO_PUPILS.map((p) => p.id)].sort());
  });

  it('in tenant mode offers no demo pupils when the register is empty', async () => {
    const db = openDatabase(':memory:');
    const directory = await loadSchoolDirectory({ register: new SqliteRegisterRepository(db), roles: new SqliteRoleDirectory(db) });
    expect(directory).toEqual({ pupils: [], roles: {} });
  });

  it('reads the stores once per TTL, shares one read between concurrent callers, and keeps the last copy when a refresh fails', async () => {
    let clock = 0;
    let reads = 0;
    let fail = false;
    const cache = cacheSchoolDirectory(
      async () => {
        reads++;
        if (fail) throw new Error('Graph unavailable');
        return { pupils: [], roles: { senco: reads === 1 ? senco : teacher } };
      },
      { ttlMs: 1000, clock: () => clock },
    );

    await Promise.all([cache.current(), cache.current()]);
    clock = 999;
    expect((await cache.current()).roles.senco).toEqual(senco);
    expect(reads).toBe(1);

    clock = 1000;
    fail = true;
    expect((await cache.current()).roles.senco).toEqual(senco);
    fail = false;
    expect((await cache.current()).roles.senco).toEqual(teacher);
    expect(reads).toBe(3);
  });

  it('throws when the first read fails, and reads again on the next turn', async () => {
    let fail = true;
    const cache = cacheSchoolDirectory(async () => {
      if (fail) throw new Error('Graph unavailable');
      return { pupils: [], roles: {} };
    });
    await expect(cache.current()).rejects.toThrow('Graph unavailable');
    fail = false;
    await expect(cache.current()).resolves.toEqual({ pupils: [], roles: {} });
  });
});
