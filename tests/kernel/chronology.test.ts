import { buildChronology, type PupilRecords } from '@/kernel/chronology';
import type { EhcPlan } from '@/kernel/ehc-plan';
import { closeAction, createAction } from '@/kernel/lifecycle';
import { newActionSchema } from '@/kernel/action';
import type { Intervention } from '@/kernel/intervention';
import type { PupilRecord } from '@/kernel/pupil-record';
import { buildNewAction, senco, sencoActor, teacherActor } from '@tests/support/factories';

const pupil: PupilRecord = {
  id: 'p-1',
  upn: 'A123456789012',
  forename: 'Ava',
  surname: 'Ahmed',
  dateOfBirth: '2017-03-01',
  yearGroup: 4,
  regGroup: '4M',
  senStatus: 'E',
  senStartDate: '2024-09-02',
  needs: [{ code: 'ASD', rank: 1 }],
  fsm: null,
  pupilPremium: null,
  eal: null,
  attendancePercent: 96,
  onRoll: true,
  importedAt: '2026-09-07T08:00:00.000Z',
};

const agreed = createAction(
  newActionSchema.parse(buildNewAction({ description: 'Phone parent about the reading plan', dueDate: '2026-10-09' })),
  sencoActor,
  new Date('2026-10-01T09:00:00Z'),
  'a-1',
);
const closed = closeAction(
  agreed,
  { status: 'done', note: 'Parent agreed to read nightly' },
  teacherActor,
  new Date('2026-10-08T15:00:00Z'),
);

const plan = (version: number, lastReviewDate: string | null, at: string): EhcPlan => ({
  pupilId: 'p-1',
  version,
  updatedAt: at,
  updatedBy: sencoActor,
  details: {
    localAuthority: 'Oakshire County Council',
    requestDate: '2024-10-01',
    issueDate: '2025-02-14',
    lastReviewDate,
    nextReviewDate: null,
    phaseTransfer: null,
  },
});

const intervention = {
  id: 'i-1',
  name: 'Reading catch-up',
  staff: { id: 'ta-1', name: 'Grace Okafor', email: 'g.okafor@oakfield.example' },
  startDate: '2026-09-14',
  plannedEndDate: '2026-12-11',
  measureKind: 'reading_age',
  measures: [{ point: 'baseline', date: '2026-09-14', value: 84 }],
  createdBy: sencoActor,
} as unknown as Intervention;

const records: PupilRecords = {
  register: pupil,
  actions: [closed],
  interventions: [intervention],
  passportVersions: [
    { pupilId: 'p-1', version: 1, content: {} as never, updatedBy: { id: senco.id, name: senco.name }, updatedAt: '2026-09-20T10:00:00Z' },
  ],
  ehcPlanVersions: [plan(1, null, '2025-03-01T09:00:00Z'), plan(2, '2026-02-10', '2026-02-10T16:00:00Z')],
};

describe('a pupil’s chronology', () => {
  it('puts every event the app knows in one list, newest first, each once', () => {
    expect(buildChronology(records).map((e) => [e.date, e.kind, e.title, e.detail, e.by])).toEqual([
      ['2026-10-08', 'action', 'Done: Phone parent about the reading plan', 'Parent agreed to read nightly', teacherActor.name],
      [
        '2026-10-01',
        'action',
        'Agreed: Phone parent about the reading plan',
        expect.stringContaining('due Fri 9 Oct 2026'),
        sencoActor.name,
      ],
      ['2026-09-20', 'profile', 'One-page profile written', null, senco.name],
      ['2026-09-14', 'intervention', 'Baseline measure, Reading catch-up: 84 months', null, null],
      [
        '2026-09-14',
        'intervention',
        'Intervention started: Reading catch-up',
        'With Grace Okafor, planned to end Fri 11 Dec 2026',
        sencoActor.name,
      ],
      ['2026-02-10', 'ehc-plan', 'Annual review held', null, sencoActor.name],
      ['2025-02-14', 'ehc-plan', 'EHC plan issued', 'Oakshire County Council', sencoActor.name],
      ['2024-10-01', 'ehc-plan', 'EHC needs assessment requested', 'Oakshire County Council', sencoActor.name],
      ['2024-09-02', 'register', 'On the SEN register: EHC plan', 'From the MIS', null],
    ]);
  });

  it('keeps only the kinds asked for, and links each action’s events to its item', () => {
    const actions = buildChronology(records, ['action']);

    expect(actions.map((e) => e.itemId)).toEqual(['a-1', 'a-1']);
    expect(buildChronology(records, ['ehc-plan', 'register']).map((e) => e.kind)).toEqual(['ehc-plan', 'ehc-plan', 'ehc-plan', 'register']);
  });

  it('files a statutory step with the EHC plan, and a pupil who left the roll under the register', () => {
    const step = createAction(
      newActionSchema.parse(
        buildNewAction({ description: 'Hold the annual review meeting', statutory: { step: 'review-meeting', cycle: '2026-02-10' } }),
      ),
      sencoActor,
      new Date('2026-03-01T09:00:00Z'),
      'a-2',
    );
    const events = buildChronology({ ...records, actions: [step], register: { ...pupil, onRoll: false } }, ['ehc-plan', 'register']);

    expect(events[0]).toMatchObject({ date: '2026-09-07', kind: 'register', title: 'Left the school roll' });
    expect(events.find((e) => e.itemId === 'a-2')).toMatchObject({
      kind: 'ehc-plan',
      title: 'Statutory step set: Hold the annual review meeting',
    });
  });
});
