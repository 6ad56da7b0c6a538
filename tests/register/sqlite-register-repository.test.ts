import { SqliteRegisterRepository } from '@/storage/sqlite/sqlite-register-repository';
import { ValidationError } from '@/kernel/errors';
import { generatePrimaryRegister, IMPORTER } from './generate-register';
import { freshDatabase } from './support';

describe('SQLite register store', () => {
  it('refuses a raw DELETE of a register record, an import’s record or a settings save, and a raw change to a save', async () => {
    const db = freshDatabase();
    const repo = new SqliteRegisterRepository(db);
    await repo.upsertMany(generatePrimaryRegister(3), { fullRoll: true, by: IMPORTER });
    await repo.saveSettings({ numberOnRoll: 210, trainingNeeds: ['ASD'], hourlyRates: null }, IMPORTER);
    expect(() => db.prepare('DELETE FROM register_pupils').run()).toThrow(/never deleted/);
    expect(() => db.prepare('DELETE FROM register_imports').run()).toThrow('register imports are kept, never deleted');
    expect(() => db.prepare('DELETE FROM register_settings').run()).toThrow('register settings are append-only');
    expect(() => db.prepare("UPDATE register_settings SET data = '{}'").run()).toThrow('register settings are append-only');
  });

  it('stores one snapshot per term, replacing it when retaken, in school-year order', async () => {
    let clock = new Date('2026-01-10T09:00:00Z');
    const repo = new SqliteRegisterRepository(freshDatabase(), () => clock);
    const school = generatePrimaryRegister(50);
    await repo.upsertMany(school.slice(0, 40), { fullRoll: true, by: IMPORTER });
    await repo.snapshot('2025-26 Summer');
    await repo.snapshot('2025-26 Autumn');
    await repo.upsertMany(school, { fullRoll: true, by: IMPORTER });
    clock = new Date('2026-01-11T09:00:00Z');
    await repo.snapshot('2025-26 Autumn');
    const snapshots = await repo.snapshots();
    expect(snapshots.map((s) => [s.term, s.total, s.takenAt])).toEqual([
      ['2025-26 Autumn', 50, '2026-01-11T09:00:00.000Z'],
      ['2025-26 Summer', 40, '2026-01-10T09:00:00.000Z'],
    ]);
    await expect(repo.snapshot('Autumn 2025')).rejects.toThrow(ValidationError);
  });
});
