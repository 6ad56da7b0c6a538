import { effectivenessTable, median, metTarget } from '@/interventions/effectiveness';
import { newInterventionSchema, type Intervention, type Measure, type NewInterventionInput } from '@/kernel/intervention';
import { buildIntervention } from './support';

let n = 0;
function done(overrides: Partial<NewInterventionInput>, measures: Measure[]): Intervention {
  n++;
  return {
    ...newInterventionSchema.parse(buildIntervention({ pupilId: `p${n}`, ...overrides })),
    id: `i${n}`,
    reviewDates: [],
    measures,
    version: 1,
    createdBy: { id: 'x', name: 'X' },
    createdAt: '',
    updatedAt: '',
  };
}
/** Reading ages over 2026-01-05 to 2026-07-06 (182 days = 5.98 months). */
const reading = (name: string, from: number, to: number, target = 96) =>
  done({ name, target: { description: 'reading age', value: target } }, [
    { point: 'baseline', date: '2026-01-05', value: from },
    { point: 'end', date: '2026-07-06', value: to },
  ]);

describe('effectiveness table', () => {
  const table = effectivenessTable([
    reading('Reading catch-up', 84, 96), // +12 -> RG 2.01, met
    reading('Reading catch-up', 80, 98), // +18 -> RG 3.01, met
    reading('Reading catch-up', 86, 92), // +6 -> RG 1.0, not met
    reading('Phonics boost', 80, 82), // RG 0.33, not met
    reading('Phonics boost', 81, 84), // RG 0.5, not met
    done({ name: 'Maths booster', measureKind: 'standardised_score', target: { description: 'score 90+', value: 90 } }, [
      { point: 'baseline', date: '2026-01-05', value: 82 },
      { point: 'end', date: '2026-04-27', value: 91 },
    ]),
    done({ name: 'Maths booster', measureKind: 'standardised_score', target: { description: 'score 90+', value: 90 } }, [
      { point: 'baseline', date: '2026-01-05', value: 85 },
    ]),
  ]);

  it('lists ineffective interventions first, with pupils, median gain and % meeting target', () => {
    expect(table).toEqual([
      {
        name: 'Phonics boost',
        pupils: 2,
        measured: 2,
        medianRatioGain: 0.42,
        medianBand: 'modest',
        medianChange: null,
        percentMetTarget: 0,
        belowExpectation: true,
        entryExit: { measureKind: 'reading_age', measureUnit: null, pupils: 2, entry: 80.5, exit: 83 },
      },
      {
        name: 'Maths booster',
        pupils: 2,
        measured: 1,
        medianRatioGain: null,
        medianBand: null,
        medianChange: 9,
        percentMetTarget: 100,
        belowExpectation: false,
        // The pupil with a baseline only is left out.
        entryExit: { measureKind: 'standardised_score', measureUnit: null, pupils: 1, entry: 82, exit: 91 },
      },
      {
        name: 'Reading catch-up',
        pupils: 3,
        measured: 3,
        medianRatioGain: 2.01,
        medianBand: 'substantial',
        medianChange: null,
        percentMetTarget: 66.7,
        belowExpectation: false,
        entryExit: { measureKind: 'reading_age', measureUnit: null, pupils: 3, entry: 84, exit: 96 },
      },
    ]);
  });

  it('gives entry and exit on the measure most of the pupils had, and none when nobody has both', () => {
    const mixed = effectivenessTable([
      reading('Catch-up', 80, 90),
      reading('Catch-up', 70, 76),
      done({ name: 'Catch-up', measureKind: 'standardised_score' }, [
        { point: 'baseline', date: '2026-01-05', value: 85 },
        { point: 'mid', date: '2026-03-02', value: 88 },
      ]),
      done({ name: 'Untested', measureKind: 'standardised_score' }, [{ point: 'baseline', date: '2026-01-05', value: 85 }]),
    ]);
    expect(mixed.find((r) => r.name === 'Catch-up')!.entryExit).toEqual({
      measureKind: 'reading_age',
      measureUnit: null,
      pupils: 2,
      entry: 75,
      exit: 83,
    });
    expect(mixed.find((r) => r.name === 'Untested')!.entryExit).toBeNull();
  });

  it('judges a target by direction, and not at all without an end measure or a number', () => {
    const behaviour = done(
      {
        measureKind: 'custom',
        measureUnit: 'incidents a week',
        target: { description: 'at most 2 a week', value: 2, direction: 'at_most' },
      },
      [{ point: 'end', date: '2026-04-01', value: 1 }],
    );
    expect(metTarget(behaviour)).toBe(true);
    expect(metTarget({ ...behaviour, measures: [] })).toBeNull();
    expect(metTarget({ ...behaviour, target: { ...behaviour.target, value: null } })).toBeNull();
  });

  it('takes the median as the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
