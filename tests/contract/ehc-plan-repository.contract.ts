import type { EhcPlanDetails } from '@/kernel/ehc-plan';
import { ConflictError, ValidationError } from '@/kernel/errors';
import type { EhcPlanRepository } from '@/kernel/ports/ehc-plan-repository';
import { sencoActor, teacherActor } from '@tests/support/factories';

/** Builds a fresh, empty store whose clock reads `now()`. */
export type EhcPlanFactory = (now: () => Date) => Promise<EhcPlanRepository>;

const details: EhcPlanDetails = {
  localAuthority: 'Oakshire County Council',
  requestDate: '2024-09-02',
  issueDate: '2025-01-10',
  lastReviewDate: '2025-12-04',
  nextReviewDate: null,
  phaseTransfer: { year: 2027, to: 'school' },
};

/** The behaviour every EhcPlanRepository adapter must have. */
export function describeEhcPlanRepositoryContract(name: string, makeStore: EhcPlanFactory): void {
  describe(`EhcPlanRepository contract: ${name}`, () => {
    let repo: EhcPlanRepository;

    beforeEach(async () => {
      repo = await makeStore(() => new Date('2026-02-01T10:00:00Z'));
    });

    it('has no record for a pupil until one is saved at version 1, with who saved it and when', async () => {
      expect(await repo.get('p1')).toBeNull();

      const saved = await repo.save('p1', 0, details, sencoActor);

      expect(saved).toEqual({ pupilId: 'p1', details, version: 1, updatedBy: sencoActor, updatedAt: '2026-02-01T10:00:00.000Z' });
      expect(await repo.get('p1')).toEqual(saved);
      expect(await repo.get('p2')).toBeNull();
    });

    it("lists every pupil's current record, once each, by pupil", async () => {
      await repo.save('p2', 0, details, sencoActor);
      await repo.save('p1', 0, details, sencoActor);
      await repo.save('p1', 1, { ...details, nextReviewDate: '2026-11-20' }, teacherActor);

      const all = await repo.list();

      expect(all.map((p) => [p.pupilId, p.version, p.details.nextReviewDate])).toEqual([
        ['p1', 2, '2026-11-20'],
        ['p2', 1, null],
      ]);
    });

    it('refuses a save from a stale copy with ConflictError carrying the stored version, overwriting nothing', async () => {
      await repo.save('p1', 0, details, sencoActor);
      await repo.save('p1', 1, { ...details, nextReviewDate: '2026-11-20' }, teacherActor);

      const error = await repo.save('p1', 1, details, sencoActor).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).currentVersion).toBe(2);
      expect((await repo.get('p1'))!.details.nextReviewDate).toBe('2026-11-20');
    });

    it('lets only one of two first saves of the same record win', async () => {
      const results = await Promise.allSettled([
        repo.save('p1', 0, details, sencoActor),
        repo.save('p1', 0, { ...details, localAuthority: 'Elsewhere' }, teacherActor),
      ]);

      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect((await repo.get('p1'))!.version).toBe(1);
    });

    it('keeps every saved version, oldest first, with who saved each; a refused save adds none', async () => {
      await repo.save('p1', 0, details, sencoActor);
      await repo.save('p1', 1, { ...details, lastReviewDate: '2026-01-20' }, teacherActor);
      await expect(repo.save('p1', 1, details, sencoActor)).rejects.toThrow(ConflictError);

      expect((await repo.versions('p1')).map((v) => [v.version, v.updatedBy.id, v.details.lastReviewDate])).toEqual([
        [1, sencoActor.id, '2025-12-04'],
        [2, teacherActor.id, '2026-01-20'],
      ]);
      expect(await repo.versions('p2')).toEqual([]);
    });

    it('rejects dates out of order with ValidationError naming the field, and stores nothing', async () => {
      const error = await repo.save('p1', 0, { ...details, lastReviewDate: '2024-12-01' }, sencoActor).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).problems).toEqual([
        { path: 'details.lastReviewDate', message: 'must not be before the plan was issued' },
      ]);
      expect(await repo.get('p1')).toBeNull();
    });
  });
}
