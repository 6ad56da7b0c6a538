import { ConflictError, NotFoundError, ValidationError } from '@/kernel/errors';
import type { RegisterRepository } from '@/kernel/ports/register-repository';
import { generatePrimaryRegister, IMPORTER } from '@tests/register/generate-register';

/** Builds a fresh, empty register whose clock reads `now()`. */
export type RegisterFactory = (now: () => Date) => Promise<RegisterRepository>;

/** The behaviour every RegisterRepository adapter must have. */
export function describeRegisterRepositoryContract(name: string, makeRegister: RegisterFactory): void {
  describe(`RegisterRepository contract: ${name}`, () => {
    let clock: Date;
    let repo: RegisterRepository;
    const school = generatePrimaryRegister(30);

    beforeEach(async () => {
      clock = new Date('2026-01-10T09:00:00Z');
      repo = await makeRegister(() => clock);
    });

    it('creates every pupil on the first import and lists them on roll by surname then forename', async () => {
      expect(await repo.upsertMany(school, { fullRoll: true, by: IMPORTER })).toEqual({
        importId: expect.any(String),
        created: 30,
        updated: 0,
        unchanged: 0,
        leftRoll: 0,
      });

      const listed = await repo.list();
      expect(listed).toHaveLength(30);
      const keys = listed.map((p) => `${p.surname.toLowerCase()}\u0000${p.forename.toLowerCase()}`);
      expect(keys).toEqual([...keys].sort());
      expect(listed.every((p) => p.onRoll && p.importedAt === '2026-01-10T09:00:00.000Z')).toBe(true);
      expect(new Set(listed.map((p) => p.upn))).toEqual(new Set(school.map((p) => p.upn)));
    });

    it('updates on re-import instead of duplicating, keeping each pupil’s id', async () => {
      await repo.upsertMany(school, { fullRoll: true, by: IMPORTER });
      const before = new Map((await repo.list()).map((p) => [p.upn, p.id]));
      const changed = school.map((p, i) => (i < 3 ? { ...p, attendancePercent: 50 } : p));

      expect(await repo.upsertMany(changed, { fullRoll: true, by: IMPORTER })).toEqual({
        importId: expect.any(String),
        created: 0,
        updated: 3,
        unchanged: 27,
        leftRoll: 0,
      });

      const after = await repo.list();
      expect(after).toHaveLength(30);
      expect(after.every((p) => before.get(p.upn) === p.id)).toBe(true);
      expect(after.filter((p) => p.attendancePercent === 50)).toHaveLength(3);
    });

    it('marks pupils missing from a full-roll import off roll, keeping their records', async () => {
      await repo.upsertMany(school, { fullRoll: true, by: IMPORTER });

      expect(await repo.upsertMany(school.slice(5), { fullRoll: true, by: IMPORTER })).toEqual({
        importId: expect.any(String),
        created: 0,
        updated: 0,
        unchanged: 25,
        leftRoll: 5,
      });

      expect(await repo.list()).toHaveLength(25);
      const all = await repo.list({ includeOffRoll: true });
      expect(all).toHaveLength(30);
      expect(
        all
          .filter((p) => !p.onRoll)
          .map((p) => p.upn)
          .sort(),
      ).toEqual(
        school
          .slice(0, 5)
          .map((p) => p.upn)
          .sort(),
      );
    });

    it('keeps pupils missing from a partial import on roll, and brings a leaver back when listed again', async () => {
      await repo.upsertMany(school, { fullRoll: true, by: IMPORTER });
      expect(await repo.upsertMany(school.slice(0, 2), { fullRoll: false, by: IMPORTER })).toEqual({
        importId: expect.any(String),
        created: 0,
        updated: 0,
        unchanged: 2,
        leftRoll: 0,
      });
      expect(await repo.list()).toHaveLength(30);
      await repo.upsertMany(school.slice(1), { fullRoll: true, by: IMPORTER });

      expect(await repo.upsertMany(school, { fullRoll: true, by: IMPORTER })).toEqual({
        importId: expect.any(String),
        created: 0,
        updated: 1,
        unchanged: 29,
        leftRoll: 0,
      });
      expect((await repo.list()).every((p) => p.onRoll)).toBe(true);
    });

    it('treats the same UPN twice in one import as one pupil, the later row winning', async () => {
      const [first] = school;
      const result = await repo.upsertMany([first!, { ...first!, regGroup: '9Z' }], { fullRoll: false, by: IMPORTER });

      expect(result).toEqual({ importId: expect.any(String), created: 1, updated: 1, unchanged: 0, leftRoll: 0 });
      const listed = await repo.list();
      expect(listed).toHaveLength(1);
      expect(listed[0]!.regGroup).toBe('9Z');
    });

    it('records every import, newest first: who, when and what it changed', async () => {
      const first = await repo.upsertMany(school, { fullRoll: true, by: IMPORTER });
      clock = new Date('2026-01-17T09:00:00Z');
      const changed = school.slice(2).map((p, i) => (i === 0 ? { ...p, attendancePercent: 50 } : p));
      const second = await repo.upsertMany(changed, { fullRoll: true, by: { id: 'head-1', name: 'Sam Lee' } });

      expect(await repo.imports()).toEqual([
        { ...second, at: '2026-01-17T09:00:00.000Z', by: { id: 'head-1', name: 'Sam Lee' }, undone: null },
        { ...first, at: '2026-01-10T09:00:00.000Z', by: IMPORTER, undone: null },
      ]);
      expect(second).toMatchObject({ updated: 1, unchanged: 27, leftRoll: 2 });
      expect(second.importId).not.toBe(first.importId);
    });

    it('undoes the latest import: changed pupils and leavers as they were, pupils it added taken off roll', async () => {
      await repo.upsertMany(school.slice(0, 28), { fullRoll: true, by: IMPORTER });
      const before = await repo.list({ includeOffRoll: true });
      clock = new Date('2026-01-17T09:00:00Z');
      // Two new pupils, one changed twice in the file (the first "before" is kept), three not in the file.
      const file = [...school.slice(3, 30), { ...school[3]!, attendancePercent: 40 }, { ...school[3]!, attendancePercent: 41 }];
      const mistaken = await repo.upsertMany(file, { fullRoll: true, by: IMPORTER });
      expect(mistaken).toMatchObject({ created: 2, leftRoll: 3 });

      clock = new Date('2026-01-17T09:05:00Z');
      expect(await repo.undoImport(mistaken.importId, { id: 'head-1', name: 'Sam Lee' })).toEqual({ restored: 4, takenOff: 2 });

      const after = await repo.list({ includeOffRoll: true });
      expect(after).toHaveLength(30); // nobody deleted
      const byId = new Map(after.map((p) => [p.id, p]));
      for (const pupil of before) expect(byId.get(pupil.id)).toEqual(pupil);
      expect(
        after
          .filter((p) => !p.onRoll)
          .map((p) => p.upn)
          .sort(),
      ).toEqual(
        school
          .slice(28)
          .map((p) => p.upn)
          .sort(),
      );
      expect(await repo.list()).toHaveLength(28);
      expect((await repo.imports())[0]).toMatchObject({
        importId: mistaken.importId,
        undone: { at: '2026-01-17T09:05:00.000Z', by: { id: 'head-1', name: 'Sam Lee' } },
      });
    });

    it('undoes only the latest import, and only once', async () => {
      const first = await repo.upsertMany(school.slice(0, 10), { fullRoll: true, by: IMPORTER });
      clock = new Date('2026-01-17T09:00:00Z');
      const second = await repo.upsertMany(school.slice(0, 20), { fullRoll: true, by: IMPORTER });

      await expect(repo.undoImport(first.importId, IMPORTER)).rejects.toThrow(
        new ConflictError('Only the latest import can be undone, and this is not it. Nothing was changed.'),
      );
      await repo.undoImport(second.importId, IMPORTER);
      await expect(repo.undoImport(second.importId, IMPORTER)).rejects.toThrow(ConflictError);
      await expect(repo.undoImport(first.importId, IMPORTER)).rejects.toThrow(ConflictError);
      expect(await repo.list()).toHaveLength(10);
    });

    it('keeps every save of the settings, the newest current, and refuses bad settings storing nothing', async () => {
      expect(await repo.settings()).toBeNull();
      await repo.saveSettings({ numberOnRoll: 412, trainingNeeds: null, hourlyRates: null }, IMPORTER);
      clock = new Date('2026-01-17T09:00:00Z');
      const head = { id: 'head-1', name: 'Sam Lee' };
      await repo.saveSettings({ numberOnRoll: 415, trainingNeeds: ['ASD', 'SLCN'], hourlyRates: { teaching_assistant: 18.5 } }, head);
      expect(await repo.settings()).toEqual({
        numberOnRoll: 415,
        trainingNeeds: ['ASD', 'SLCN'],
        hourlyRates: { teaching_assistant: 18.5 },
        at: '2026-01-17T09:00:00.000Z',
        by: head,
      });
      expect(await repo.settingsHistory()).toEqual([
        {
          numberOnRoll: 415,
          trainingNeeds: ['ASD', 'SLCN'],
          hourlyRates: { teaching_assistant: 18.5 },
          at: '2026-01-17T09:00:00.000Z',
          by: head,
        },
        { numberOnRoll: 412, trainingNeeds: null, hourlyRates: null, at: '2026-01-10T09:00:00.000Z', by: IMPORTER },
      ]);
      for (const bad of [
        { numberOnRoll: 0, trainingNeeds: null, hourlyRates: null },
        { numberOnRoll: 12.5, trainingNeeds: null, hourlyRates: null },
        { numberOnRoll: null, trainingNeeds: ['ASD', 'ASD'], hourlyRates: null },
        { numberOnRoll: null, trainingNeeds: ['Dyslexia'], hourlyRates: null },
        { numberOnRoll: null, trainingNeeds: null, hourlyRates: { teaching_assistant: -1 } },
        { numberOnRoll: null, trainingNeeds: null, hourlyRates: { cook: 9 } },
      ]) {
        await expect(repo.saveSettings(bad as never, IMPORTER)).rejects.toThrow(ValidationError);
      }
      expect(await repo.settingsHistory()).toHaveLength(2);
    });

    it('gets a pupil by id, and refuses an unknown id with NotFoundError', async () => {
      await repo.upsertMany(school.slice(0, 3), { fullRoll: true, by: IMPORTER });
      const [pupil] = await repo.list();

      expect(await repo.get(pupil!.id)).toEqual(pupil);
      await expect(repo.get('no-such-pupil')).rejects.toThrow(NotFoundError);
    });

    it('rejects a malformed record with ValidationError and stores nothing', async () => {
      await expect(repo.upsertMany([{ ...school[0]!, upn: 'not-a-upn' }], { fullRoll: true, by: IMPORTER })).rejects.toThrow(
        ValidationError,
      );
      expect(await repo.list({ includeOffRoll: true })).toEqual([]);
    });

    it('stores one snapshot per term of the on-roll register, replacing it when retaken, in school-year order', async () => {
      await repo.upsertMany(school.slice(0, 20), { fullRoll: true, by: IMPORTER });
      await repo.snapshot('2025-26 Summer');
      await repo.snapshot('2025-26 Autumn');
      await repo.upsertMany(school, { fullRoll: true, by: IMPORTER });
      clock = new Date('2026-01-11T09:00:00Z');
      const retaken = await repo.snapshot('2025-26 Autumn');

      expect(retaken).toMatchObject({ term: '2025-26 Autumn', total: 30, takenAt: '2026-01-11T09:00:00.000Z' });
      expect((await repo.snapshots()).map((s) => [s.term, s.total, s.takenAt])).toEqual([
        ['2025-26 Autumn', 30, '2026-01-11T09:00:00.000Z'],
        ['2025-26 Summer', 20, '2026-01-10T09:00:00.000Z'],
      ]);
      await expect(repo.snapshot('Autumn 2025')).rejects.toThrow(ValidationError);
    });
  });
}
