import { newInterventionSchema, type Intervention } from '@/kernel/intervention';
import { interventionWarnings } from '@/interventions/intervention-checks';
import { buildIntervention } from './support';

const stored = (overrides = {}): Intervention => ({
  ...newInterventionSchema.parse(buildIntervention(overrides)),
  id: 'i1',
  reviewDates: [],
  measures: [{ point: 'baseline', date: '2026-01-05', value: 80 }],
  version: 1,
  createdBy: { id: 'x', name: 'X' },
  createdAt: '',
  updatedAt: '',
});
const codes = (i: Intervention, today: string) => interventionWarnings(i, today).map((w) => w.code);

describe('intervention checks', () => {
  it('raises nothing for a 16-week, 3 x 30 minute intervention with consent, measured on time', () => {
    expect(codes(stored(), '2026-02-01')).toEqual([]);
  });

  it('warns outside 12-20 weeks and outside the EEF dose (20-50 minutes, 3-5 a week)', () => {
    const short = interventionWarnings(stored({ plannedEndDate: '2026-03-02', sessionsPerWeek: 1, sessionMinutes: 60 }), '2026-01-10');
    expect(short.map((w) => w.message)).toEqual([
      'Planned for 8 weeks: 12-20 weeks works best.',
      '1 sessions a week: EEF guidance is 3-5.',
      '60-minute sessions: EEF guidance is 20-50 minutes.',
    ]);
    expect(codes(stored({ plannedEndDate: '2026-06-01' }), '2026-01-10')).toEqual(['duration']);
  });

  it('flags one still running past its planned end, and a missing mid-point measure', () => {
    expect(codes(stored(), '2026-05-04')).toEqual(['past_planned_end', 'mid_measure_due']);
    expect(interventionWarnings(stored(), '2026-05-04')[0]!.message).toBe(
      'Still running 7 days past its planned end: review, end or re-plan it.',
    );
  });

  it('warns when consent is not recorded, and refuses consent dated after the start', () => {
    expect(codes(stored({ parentConsentDate: null }), '2026-01-01')).toEqual(['consent_missing']);
    expect(newInterventionSchema.safeParse(buildIntervention({ parentConsentDate: '2026-01-06' })).success).toBe(false);
  });
});
