import { ValidationError } from '@/kernel/errors';
import { createIntervention } from '@/interventions/create-intervention';
import { recordMeasure } from '@/interventions/record-measure';
import { sencoActor } from '@tests/support/factories';
import { buildIntervention, schoolWithOnePupil } from './support';

const senco = { ...sencoActor, sendTeam: true };

/** A reading intervention on a real SQLite file, with its mid-point (2 Mar) and end (27 Apr) reviews on the tracker. */
async function started() {
  const { deps, pupil } = await schoolWithOnePupil('2026-03-02T15:00:00Z');
  const { intervention, reviewItemIds } = await createIntervention(deps, buildIntervention({ pupilId: pupil.id }), senco, '2025-12-20');
  const [mid, end] = reviewItemIds as [string, string];
  return { deps, intervention, mid, end };
}

/** A day after every measure below was taken. */
const AFTER_THE_END = '2026-05-01';

describe('recording an intervention measure', () => {
  it('closes the mid-point review with the measure as its note, and leaves the end review open', async () => {
    const { deps, intervention, mid, end } = await started();
    const result = await recordMeasure(
      deps,
      intervention.id,
      { point: 'mid', date: '2026-03-02', value: 91, note: 'steady' },
      senco,
      '2026-03-02',
    );
    expect(result.closedReviewItemIds).toEqual([mid]);
    expect(await deps.actions.get(mid)).toMatchObject({
      status: 'done',
      closingNote: 'Mid-point measure recorded: 91 on Mon 2 Mar 2026 (steady).',
    });
    expect((await deps.actions.history(mid)).at(-1)).toMatchObject({ kind: 'closed', actor: { id: sencoActor.id } });
    expect(await deps.actions.get(end)).toMatchObject({ status: 'open' });
  });

  it('closes the end review on the end measure, and nothing on a baseline or a measure recorded again', async () => {
    const { deps, intervention, mid, end } = await started();
    expect(
      (await recordMeasure(deps, intervention.id, { point: 'baseline', date: '2026-01-05', value: 84 }, senco, AFTER_THE_END))
        .closedReviewItemIds,
    ).toEqual([]);
    expect(
      (await recordMeasure(deps, intervention.id, { point: 'end', date: '2026-04-27', value: 97 }, senco, AFTER_THE_END))
        .closedReviewItemIds,
    ).toEqual([end]);
    expect(
      (await recordMeasure(deps, intervention.id, { point: 'end', date: '2026-04-28', value: 98 }, senco, AFTER_THE_END))
        .closedReviewItemIds,
    ).toEqual([]);
    expect(await deps.actions.get(mid)).toMatchObject({ status: 'open' });
    expect((await deps.interventions.get(intervention.id)).measures.map((m) => [m.point, m.value])).toEqual([
      ['baseline', 84],
      ['end', 98],
    ]);
  });

  it('refuses a measure dated after today, recording nothing and closing no review', async () => {
    const { deps, intervention, mid } = await started();

    const refused = await recordMeasure(deps, intervention.id, { point: 'mid', date: '2026-03-03', value: 91 }, senco, '2026-03-02').catch(
      (e: unknown) => e,
    );

    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).problems).toEqual([
      { path: 'measure.date', message: 'must not be in the future: record a measure once it is taken' },
    ]);
    expect((await deps.interventions.get(intervention.id)).measures).toEqual([]);
    expect(await deps.actions.get(mid)).toMatchObject({ status: 'open' });
  });
});
