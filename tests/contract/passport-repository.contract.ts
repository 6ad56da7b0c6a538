import { ConflictError, ValidationError } from '@/kernel/errors';
import type { PassportRepository } from '@/kernel/ports/passport-repository';
import { sencoActor, teacherActor } from '@tests/support/factories';

/** Builds a fresh, empty store whose clock reads `now()`. */
export type PassportFactory = (now: () => Date) => Promise<PassportRepository>;

const content = {
  likeAndAdmire: 'Kind to younger children',
  importantToMe: 'Knowing what is happening next',
  howToSupport: ['Give a 5-minute warning before changes'],
  communication: 'Short sentences',
};

/** The behaviour every PassportRepository adapter must have. */
export function describePassportRepositoryContract(name: string, makeStore: PassportFactory): void {
  describe(`PassportRepository contract: ${name}`, () => {
    let repo: PassportRepository;

    beforeEach(async () => {
      repo = await makeStore(() => new Date('2026-02-01T10:00:00Z'));
    });

    it('has no profile for a pupil until one is saved at version 1, with who saved it and when', async () => {
      expect(await repo.get('p1')).toBeNull();

      const saved = await repo.save('p1', 0, content, sencoActor);

      expect(saved).toEqual({ pupilId: 'p1', content, version: 1, updatedBy: sencoActor, updatedAt: '2026-02-01T10:00:00.000Z' });
      expect(await repo.get('p1')).toEqual(saved);
      expect(await repo.get('p2')).toBeNull();
    });

    it('saves each edit as the next version', async () => {
      await repo.save('p1', 0, content, sencoActor);
      const second = await repo.save('p1', 1, { ...content, importantToMe: 'Football' }, teacherActor);

      expect(second).toMatchObject({ version: 2, updatedBy: teacherActor });
      expect((await repo.get('p1'))!.content.importantToMe).toBe('Football');
    });

    it('refuses a save from a stale copy with ConflictError carrying the stored version, overwriting nothing', async () => {
      await repo.save('p1', 0, content, sencoActor);
      await repo.save('p1', 1, { ...content, importantToMe: 'Football' }, teacherActor);

      const error = await repo.save('p1', 1, content, sencoActor).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).currentVersion).toBe(2);
      expect((await repo.get('p1'))!.content.importantToMe).toBe('Football');
      await expect(repo.save('p3', 1, content, sencoActor)).rejects.toThrow(ConflictError);
    });

    it('lets only one of two first saves of the same profile win', async () => {
      const results = await Promise.allSettled([
        repo.save('p1', 0, content, sencoActor),
        repo.save('p1', 0, { ...content, communication: 'Signs' }, teacherActor),
      ]);

      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason)).toEqual([
        expect.any(ConflictError),
      ]);
      expect((await repo.get('p1'))!.version).toBe(1);
    });

    it('keeps every saved version, oldest first, with who saved each; a refused save adds none', async () => {
      await repo.save('p1', 0, content, sencoActor);
      await repo.save('p1', 1, { ...content, importantToMe: 'Football' }, teacherActor);
      await expect(repo.save('p1', 1, content, sencoActor)).rejects.toThrow(ConflictError);

      const versions = await repo.versions('p1');
      expect(versions.map((v) => [v.version, v.updatedBy.id, v.content.importantToMe])).toEqual([
        [1, sencoActor.id, 'Knowing what is happening next'],
        [2, teacherActor.id, 'Football'],
      ]);
      expect(await repo.versions('p2')).toEqual([]);
    });

    it('rejects bad content with ValidationError and stores nothing', async () => {
      await expect(repo.save('p1', 0, { ...content, howToSupport: [''] }, sencoActor)).rejects.toThrow(ValidationError);
      expect(await repo.get('p1')).toBeNull();
    });
  });
}
