import { NotFoundError, ValidationError } from '@/kernel/errors';
import type { InterventionRepository } from '@/kernel/ports/intervention-repository';
import { buildIntervention } from '@tests/interventions/support';
import { sencoActor, teacherActor } from '@tests/support/factories';

/** Builds a fresh, empty store whose clock reads `now()`. */
export type InterventionFactory = (now: () => Date) => Promise<InterventionRepository>;

/** The behaviour every InterventionRepository adapter must have. */
export function describeInterventionRepositoryContract(name: string, makeStore: InterventionFactory): void {
  describe(`InterventionRepository contract: ${name}`, () => {
    let clock: Date;
    let repo: InterventionRepository;

    beforeEach(async () => {
      clock = new Date('2026-01-05T09:00:00Z');
      repo = await makeStore(() => clock);
    });

    it('stores a new intervention at version 1 with default review dates, no measures and its creator', async () => {
      const created = await repo.create(buildIntervention(), sencoActor);

      expect(created).toMatchObject({
        version: 1,
        measures: [],
        createdBy: sencoActor,
        createdAt: '2026-01-05T09:00:00.000Z',
        pupilId: 'pupil-1',
      });
      expect(created.reviewDates.length).toBeGreaterThan(0);
      expect(created.reviewDates).toEqual([...created.reviewDates].sort());
      expect(await repo.get(created.id)).toEqual(created);
    });

    it('returns the stored intervention for a repeated idempotency key instead of a second one', async () => {
      const first = await repo.create(buildIntervention({ idempotencyKey: 'form-1' }), sencoActor);
      const again = await repo.create(buildIntervention({ idempotencyKey: 'form-1', name: 'Changed' }), sencoActor);

      expect(again).toEqual(first);
      expect(await repo.list()).toHaveLength(1);
    });

    it('lists interventions by start date, and only one pupil’s when asked', async () => {
      const late = await repo.create(
        buildIntervention({ startDate: '2026-02-02', plannedEndDate: '2026-05-25', parentConsentDate: null }),
        sencoActor,
      );
      const early = await repo.create(buildIntervention(), sencoActor);
      const other = await repo.create(buildIntervention({ pupilId: 'pupil-2' }), sencoActor);

      expect((await repo.list()).map((i) => i.id)).toEqual([...[early.id, other.id].sort(), late.id]);
      expect((await repo.list({ pupilId: 'pupil-1' })).map((i) => i.id)).toEqual([early.id, late.id]);
      expect(await repo.list({ pupilId: 'nobody' })).toEqual([]);
    });

    it('records measures in baseline, mid, end order, a later one replacing the same point, each a new version', async () => {
      const created = await repo.create(buildIntervention(), sencoActor);
      clock = new Date('2026-03-01T09:00:00Z');
      await repo.addMeasure(created.id, { point: 'end', date: '2026-04-27', value: 100 }, teacherActor);
      await repo.addMeasure(created.id, { point: 'baseline', date: '2026-01-05', value: 90 }, teacherActor);
      const last = await repo.addMeasure(created.id, { point: 'end', date: '2026-04-28', value: 101 }, teacherActor);

      expect(last.version).toBe(4);
      expect(last.updatedAt).toBe('2026-03-01T09:00:00.000Z');
      expect(last.measures.map((m) => [m.point, m.value])).toEqual([
        ['baseline', 90],
        ['end', 101],
      ]);
      expect(await repo.get(created.id)).toEqual(last);
    });

    it('keeps both measures when two are added at the same moment', async () => {
      const created = await repo.create(buildIntervention(), sencoActor);
      await Promise.all([
        repo.addMeasure(created.id, { point: 'baseline', date: '2026-01-05', value: 90 }, teacherActor),
        repo.addMeasure(created.id, { point: 'mid', date: '2026-02-16', value: 94 }, sencoActor),
      ]);

      const stored = await repo.get(created.id);
      expect(stored.measures.map((m) => m.point)).toEqual(['baseline', 'mid']);
      expect(stored.version).toBe(3);
    });

    it('refuses an unknown intervention with NotFoundError and bad input with ValidationError', async () => {
      await expect(repo.get('nope')).rejects.toThrow(NotFoundError);
      await expect(repo.addMeasure('nope', { point: 'mid', date: '2026-02-16', value: 1 }, sencoActor)).rejects.toThrow(NotFoundError);
      await expect(repo.create(buildIntervention({ plannedEndDate: '2025-01-01' }), sencoActor)).rejects.toThrow(ValidationError);
      const created = await repo.create(buildIntervention(), sencoActor);
      await expect(repo.addMeasure(created.id, { point: 'mid', date: 'soon', value: 1 }, sencoActor)).rejects.toThrow(ValidationError);
      expect(await repo.list()).toHaveLength(1);
    });
  });
}
