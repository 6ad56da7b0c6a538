import { inferPhase, registerAnalytics } from '@/register/analytics';
import { NATIONAL_FIGURES } from '@/register/national-figures';
import type { NeedCode, SenStatus } from '@/kernel/need-codes';
import type { PupilRecord } from '@/kernel/pupil-record';
import { countRegister, type RegisterSnapshot } from '@/kernel/register-snapshot';

let n = 0;
function pupil(senStatus: SenStatus, need: NeedCode | null, extra: Partial<PupilRecord> = {}): PupilRecord {
  n++;
  return {
    id: `p${n}`,
    upn: `A${String(n).padStart(12, '0')}`,
    forename: 'Sam',
    surname: `Pupil${n}`,
    dateOfBirth: '2017-03-01',
    yearGroup: 3,
    regGroup: '3A',
    senStatus,
    senStartDate: null,
    needs: need ? [{ code: need, rank: 1 }] : [],
    fsm: false,
    pupilPremium: false,
    eal: false,
    attendancePercent: 96,
    onRoll: true,
    importedAt: '2026-01-10T09:00:00.000Z',
    ...extra,
  };
}

/**
 * 20 pupils in Year 3: 2 with EHC plans (ASD, SLCN), 4 on SEN support (SLCN, SLCN, SEMH, MLD), 14 with
 * no SEN. FSM: 1 EHC, 2 support, 3 no SEN. Below 90%: a no-SEN pupil with nothing open (flagged),
 * a no-SEN pupil with an open item, a support pupil. One EHC pupil has no attendance recorded.
 */
const pupils: PupilRecord[] = [
  pupil('E', 'ASD', { fsm: true, attendancePercent: null }),
  pupil('E', 'SLCN', { eal: true }),
  pupil('K', 'SLCN', { id: 'slcn-1', fsm: true, pupilPremium: true }),
  pupil('K', 'SLCN', { fsm: true }),
  pupil('K', 'SEMH', { id: 'semh-low', attendancePercent: 80 }),
  pupil('K', 'MLD'),
  pupil('N', null, { id: 'flag-me', attendancePercent: 85, fsm: true }),
  pupil('N', null, { id: 'has-action', attendancePercent: 88, fsm: true }),
  pupil('N', null, { fsm: true }),
  ...Array.from({ length: 11 }, () => pupil('N', null)),
  pupil('N', null, { onRoll: false, attendancePercent: 50 }),
];

const snapshots: RegisterSnapshot[] = [
  { term: '2025-26 Autumn', takenAt: '2025-10-01T00:00:00Z', ...countRegister([...pupils.slice(0, 5), ...pupils.slice(6, 20)]) },
  { term: '2025-26 Spring', takenAt: '2026-01-20T00:00:00Z', ...countRegister(pupils.slice(0, 20)) },
];

const input = () => ({
  pupils,
  openActionPupilIds: ['has-action', 'semh-low'],
  activeInterventionPupilIds: ['slcn-1'],
  staffTrainingNeeds: ['SLCN'] as NeedCode[],
  snapshots,
});
const analytics = registerAnalytics(input());

describe('register analytics on a small hand-checked register', () => {
  it('counts only pupils on roll and infers a primary school', () => {
    expect(analytics.pupils).toBe(20);
    expect(analytics.phase).toBe('primary');
    expect(inferPhase([{ yearGroup: 7 }, { yearGroup: 9 }, { yearGroup: 3 }])).toBe('secondary');
  });

  it('compares any SEN with the primary figure and EHC plans and SEN support with all schools', () => {
    expect(analytics.national).toEqual({ year: '2024/25', source: NATIONAL_FIGURES.source });
    expect(analytics.comparisons).toEqual([
      {
        measure: 'anySen',
        label: 'Any SEN',
        count: 6,
        schoolPercent: 30,
        nationalPercent: 18.2,
        nationalScope: 'primary',
        differencePoints: 11.8,
      },
      {
        measure: 'senSupport',
        label: 'SEN support',
        count: 4,
        schoolPercent: 20,
        nationalPercent: 14.2,
        nationalScope: 'all schools',
        differencePoints: 5.8,
      },
      {
        measure: 'ehcPlan',
        label: 'EHC plan',
        count: 2,
        schoolPercent: 10,
        nationalPercent: 5.3,
        nationalScope: 'all schools',
        differencePoints: 4.7,
      },
    ]);
  });

  it('breaks down primary need against national only where DfE gives a figure', () => {
    const row = (code: NeedCode) => analytics.needs.find((r) => r.code === code)!;
    expect(row('ASD')).toMatchObject({
      ehcPlan: 1,
      ehcPlanPercent: 50,
      nationalEhcPlanPercent: 33.6,
      senSupport: 0,
      senSupportPercent: 0,
      nationalSenSupportPercent: null,
    });
    expect(row('SLCN')).toMatchObject({
      ehcPlan: 1,
      senSupport: 2,
      senSupportPercent: 50,
      nationalSenSupportPercent: 25.7,
      nationalEhcPlanPercent: null,
    });
    expect(row('DS')).toMatchObject({ ehcPlan: 0, nationalEhcPlanPercent: null, nationalSenSupportPercent: null });
  });

  it('shows the FSM, pupil premium and EAL overlap by SEN status', () => {
    expect(analytics.overlap.fsm).toEqual({
      ehcPlan: { count: 1, percent: 50, nationalPercent: 43.8 },
      senSupport: { count: 2, percent: 50, nationalPercent: 39.3 },
      noSen: { count: 3, percent: 21.4, nationalPercent: 22.2 },
    });
    expect(analytics.overlap.pupilPremium!.senSupport).toEqual({ count: 1, percent: 25, nationalPercent: null });
    expect(analytics.overlap.eal!.ehcPlan).toEqual({ count: 1, percent: 50, nationalPercent: null });
  });

  it('says "not in the file" (null) for a column no pupil has, and leaves pupils not known out of a percentage', () => {
    const unknown = { fsm: null, pupilPremium: null, eal: null, attendancePercent: null };
    const without = registerAnalytics({
      pupils: [pupil('K', 'SLCN', unknown), pupil('N', null, unknown)],
      openActionPupilIds: [],
      activeInterventionPupilIds: [],
    });
    expect(without.overlap).toEqual({ fsm: null, pupilPremium: null, eal: null });
    expect(without.attendance.belowNinety).toBeNull();
    const some = registerAnalytics({
      pupils: [pupil('K', 'SLCN', { eal: true }), pupil('K', 'SLCN', { eal: null }), pupil('K', 'SPLD', { eal: false })],
      openActionPupilIds: [],
      activeInterventionPupilIds: [],
    });
    expect(some.overlap.eal!.senSupport).toEqual({ count: 1, percent: 50, nationalPercent: null });
  });

  it('flags pupils below 90% attendance who have neither an SEN plan nor an open item', () => {
    expect(analytics.attendance.recorded).toBe(19);
    expect(analytics.attendance.lowAttendance.map((p) => p.id)).toEqual(['semh-low', 'flag-me', 'has-action']);
    expect(analytics.attendance.flagged).toEqual([
      { id: 'flag-me', initials: 'S.P.', yearGroup: 3, senStatus: 'N', attendancePercent: 85, hasOpenAction: false },
    ]);
    expect(analytics.attendance.belowNinety).toEqual({
      ehcPlan: { count: 0, percent: 0, nationalPercent: 34.6 },
      senSupport: { count: 1, percent: 25, nationalPercent: 29.9 },
      noSen: { count: 2, percent: 14.3, nationalPercent: 18.2 },
    });
    expect(analytics.attendance.nationalYear).toBe('2023/24');
  });

  it('compares the last two termly snapshots', () => {
    expect(analytics.change).toEqual({
      from: '2025-26 Autumn',
      to: '2025-26 Spring',
      anySen: 1,
      ehcPlan: 0,
      senSupport: 1,
      anySenPercentPoints: 3.7,
    });
  });

  it('gives every snapshot as a trend in school order, each as shares of its own pupils', () => {
    // Given out of order: Spring before Autumn, and a Summer after both.
    const summer = { term: '2025-26 Summer', takenAt: '2026-05-01T00:00:00Z', ...countRegister(pupils.slice(0, 10)) };
    const trend = registerAnalytics({ ...input(), snapshots: [snapshots[1]!, summer, snapshots[0]!] }).trend;
    expect(trend.map((t) => t.term)).toEqual(['2025-26 Autumn', '2025-26 Spring', '2025-26 Summer']);
    expect(trend[1]).toEqual({ term: '2025-26 Spring', pupils: 20, ehcPlanPercent: 10, senSupportPercent: 20 });
    expect(trend[2]!.pupils).toBe(10);
    expect(registerAnalytics({ ...input(), snapshots: [] }).trend).toEqual([]);
  });

  it('answers the four key questions in sentences computed from the data', () => {
    const [inLine, provision, training, attendance] = analytics.keyQuestions;
    expect(inLine).toMatchObject({
      attention: true,
      answer:
        'Not entirely: Any SEN 30% (national primary schools 18.2%, above); SEN support 20% (national all schools 14.2%, above); EHC plan 10% (national all schools 5.3%, above). National figures: DfE 2024/25.',
    });
    expect(provision).toMatchObject({
      attention: true,
      answer:
        'Main needs: SLCN 3 pupils, 1 (33.3%) in a current intervention; ASD 1 pupil, 0 (0%) in a current intervention; MLD 1 pupil, 0 (0%) in a current intervention. 5 of 6 pupils with SEN have no current intervention.',
    });
    expect(training).toMatchObject({
      attention: true,
      answer: 'No training recorded for Autistic spectrum disorder (1 pupil), Moderate learning difficulty (1 pupil).',
    });
    expect(attendance).toMatchObject({
      attention: true,
      answer: '3 pupils are below 90% attendance: 1 has an SEN plan, 1 more has an open tracker item, and 1 has neither (flagged).',
    });
  });

  it('says the training question cannot be answered until training is recorded', () => {
    const a = registerAnalytics({ pupils, openActionPupilIds: [], activeInterventionPupilIds: [] });
    expect(a.keyQuestions[2]!.answer).toBe('Not answered yet: record the need areas staff are trained in. Main needs are SLCN, ASD, MLD.');
    expect(a.change).toBeNull();
  });

  it('asks for an import instead of answering from an empty register', () => {
    const empty = registerAnalytics({ pupils: [], openActionPupilIds: [], activeInterventionPupilIds: [] });
    expect(empty.comparisons[0]).toMatchObject({ schoolPercent: null, nationalPercent: 18.2 });
    expect(new Set(empty.keyQuestions.map((q) => q.answer))).toEqual(new Set(['No register yet: import the MIS export to answer this.']));
  });
});
