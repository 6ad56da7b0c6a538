import { createIntervention } from '@/interventions/create-intervention';
import { NotFoundError, ValidationError } from '@/kernel/errors';
import { sencoActor } from '@tests/support/factories';
import { buildIntervention, schoolWithOnePupil, ta } from './support';

const setUp = () => schoolWithOnePupil('2025-12-20T09:00:00Z');

describe('starting an intervention', () => {
  it('puts the mid-point and end reviews on the tracker, owned by the member of staff, with initials only', async () => {
    const { deps, pupil } = await setUp();
    const { intervention, reviewItemIds, warnings } = await createIntervention(
      deps,
      buildIntervention({ pupilId: pupil.id }),
      sencoActor,
      '2025-12-20',
    );

    expect(intervention.reviewDates).toEqual(['2026-03-02', '2026-04-27']);
    expect(warnings).toEqual([]);
    const items = await deps.actions.query({ pupilId: pupil.id });
    expect(items.map((a) => a.id).sort()).toEqual([...reviewItemIds].sort());
    expect(items.map((a) => ({ due: a.dueDate, type: a.itemType, owner: a.owner.id, pupil: a.pupil, key: a.idempotencyKey }))).toEqual([
      {
        due: '2026-03-02',
        type: 'intervention',
        owner: ta.id,
        pupil: { id: pupil.id, name: 'J.B.', yearGroup: 4 },
        key: `intervention:${intervention.id}:review:2026-03-02`,
      },
      {
        due: '2026-04-27',
        type: 'intervention',
        owner: ta.id,
        pupil: { id: pupil.id, name: 'J.B.', yearGroup: 4 },
        key: `intervention:${intervention.id}:review:2026-04-27`,
      },
    ]);
  });

  it('creates the intervention and its review items once, however often the request is retried', async () => {
    const { deps, pupil } = await setUp();
    const input = buildIntervention({
      pupilId: pupil.id,
      reviewDates: ['2026-02-02', '2026-03-02', '2026-04-27'],
      idempotencyKey: 'tab-request-42',
    });
    const first = await createIntervention(deps, input, sencoActor, '2025-12-20');
    const again = await createIntervention(deps, input, sencoActor, '2025-12-20');

    expect(again.intervention.id).toBe(first.intervention.id);
    expect(again.reviewItemIds).toEqual(first.reviewItemIds);
    expect(await deps.interventions.list()).toHaveLength(1);
    expect(await deps.actions.query({ pupilId: pupil.id })).toHaveLength(3);
  });

  it('refuses to start without parent consent once the start date has come, and stores nothing', async () => {
    const { deps, pupil } = await setUp();
    const input = buildIntervention({ pupilId: pupil.id, parentConsentDate: null });
    await expect(createIntervention(deps, input, sencoActor, '2026-01-05')).rejects.toThrow(ValidationError);
    expect(await deps.interventions.list()).toEqual([]);
    const planned = await createIntervention(deps, input, sencoActor, '2025-12-20');
    expect(planned.warnings.map((w) => w.code)).toEqual(['consent_missing']);
  });

  it('refuses a pupil who is not on the register', async () => {
    const { deps } = await setUp();
    await expect(createIntervention(deps, buildIntervention({ pupilId: 'nobody' }), sencoActor, '2025-12-20')).rejects.toThrow(
      NotFoundError,
    );
    expect(await deps.interventions.list()).toEqual([]);
  });

  it('records measures, a later one at the same point replacing the earlier', async () => {
    const { deps, pupil } = await setUp();
    const { intervention } = await createIntervention(deps, buildIntervention({ pupilId: pupil.id }), sencoActor, '2025-12-20');
    await deps.interventions.addMeasure(intervention.id, { point: 'end', date: '2026-04-27', value: 90 }, sencoActor);
    await deps.interventions.addMeasure(intervention.id, { point: 'baseline', date: '2026-01-05', value: 80 }, sencoActor);
    const updated = await deps.interventions.addMeasure(intervention.id, { point: 'end', date: '2026-04-27', value: 92 }, sencoActor);
    expect(updated.measures).toEqual([
      { point: 'baseline', date: '2026-01-05', value: 80 },
      { point: 'end', date: '2026-04-27', value: 92 },
    ]);
    expect(updated.version).toBe(4);
    await expect(
      deps.interventions.addMeasure(intervention.id, { point: 'mid', date: '2026-02-30', value: 1 }, sencoActor),
    ).rejects.toThrow(ValidationError);
  });
});
