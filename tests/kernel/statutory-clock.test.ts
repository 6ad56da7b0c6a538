import { bankHolidayDates, createSchoolCalendar } from '@/kernel/school-calendar';
import { ehcPlanDetailsSchema, type EhcPlanDetails } from '@/kernel/ehc-plan';
import { statutoryClock, type StepKind } from '@/kernel/statutory-clock';

const issued: EhcPlanDetails = {
  localAuthority: 'Oakshire County Council',
  requestDate: null,
  issueDate: '2026-01-01',
  lastReviewDate: null,
  nextReviewDate: null,
  phaseTransfer: null,
};

const dates = (plan: EhcPlanDetails, dateOfBirth: string | null = null) =>
  Object.fromEntries(statutoryClock(plan, dateOfBirth).steps.map((s) => [s.kind, s.dueDate])) as Partial<Record<StepKind, string>>;

describe('the statutory clock of an EHC plan', () => {
  describe('while the needs assessment runs (requested, no plan issued)', () => {
    it('wants the decision within 6 weeks and the final plan within 20 weeks of the request, as calendar days', () => {
      const clock = statutoryClock({ ...issued, requestDate: '2026-03-02', issueDate: null });

      expect(clock.steps.map((s) => [s.kind, s.dueDate, s.duty])).toEqual([
        ['assessment-decision', '2026-04-13', 'local authority'],
        ['final-plan', '2026-07-20', 'local authority'],
      ]);
      expect(clock.reviewDeadline).toBeNull();
    });

    it('runs through the Easter holiday and its bank holidays without moving a date', () => {
      // 6 weeks from Thursday 26 February 2026 is Thursday 9 April, in the Easter holiday, days after Easter Monday (6 April).
      expect(bankHolidayDates().has('2026-04-06')).toBe(true);
      const calendar = createSchoolCalendar({ holidays: [{ start: '2026-03-30', end: '2026-04-10' }] });

      const due = dates({ ...issued, requestDate: '2026-02-26', issueDate: null })['assessment-decision']!;

      expect(due).toBe('2026-04-09');
      expect(calendar.isSchoolDay(due)).toBe(false);
    });

    it('crosses a month end and a leap day by counting days, not months', () => {
      // 2028 is a leap year: 6 weeks from 25 January 2028 passes 29 February.
      expect(dates({ ...issued, requestDate: '2028-01-25', issueDate: null })['assessment-decision']).toBe('2028-03-07');
      expect(dates({ ...issued, requestDate: '2027-01-25', issueDate: null })['assessment-decision']).toBe('2027-03-08');
    });
  });

  describe('the annual review', () => {
    it('is due by the day before the anniversary of the plan: issued 1 January 2026, reviewed by 31 December 2026', () => {
      const clock = statutoryClock(issued);

      expect(clock.reviewDeadline).toBe('2026-12-31');
      expect(dates(issued)['review-meeting']).toBe('2026-12-31');
    });

    it('runs from the last review once one is held, not from the plan', () => {
      expect(statutoryClock({ ...issued, lastReviewDate: '2026-11-18' }).reviewDeadline).toBe('2027-11-17');
    });

    it('from a review on 29 February (a leap year) is due by 27 February the next year', () => {
      expect(statutoryClock({ ...issued, issueDate: '2027-06-01', lastReviewDate: '2028-02-29' }).reviewDeadline).toBe('2029-02-27');
    });

    it('from 31 March is due by 30 March, and from 1 March by the last day of February', () => {
      expect(statutoryClock({ ...issued, issueDate: '2026-03-31' }).reviewDeadline).toBe('2027-03-30');
      expect(statutoryClock({ ...issued, issueDate: '2027-03-01' }).reviewDeadline).toBe('2028-02-29');
    });

    it('sends invitations and advice 2 weeks before the booked meeting, the report 2 weeks after, and the authority decides within 4 weeks', () => {
      const plan = { ...issued, nextReviewDate: '2026-11-12' };

      expect(statutoryClock(plan).steps.map((s) => [s.kind, s.dueDate, s.duty])).toEqual([
        ['review-invitations', '2026-10-29', 'school'],
        ['review-meeting', '2026-11-12', 'school'],
        ['review-report', '2026-11-26', 'school'],
        ['review-la-decision', '2026-12-10', 'local authority'],
      ]);
      expect(statutoryClock(plan).warnings).toEqual([]);
    });

    it('keeps the invitation date in the October half term rather than moving it: the school must send them before the break', () => {
      const calendar = createSchoolCalendar({ holidays: [{ start: '2026-10-26', end: '2026-10-30' }] });

      const invitations = dates({ ...issued, nextReviewDate: '2026-11-11' })['review-invitations']!;

      expect(invitations).toBe('2026-10-28');
      expect(calendar.isSchoolDay(invitations)).toBe(false);
    });

    it('with no meeting booked, dates every step from the latest day the law allows', () => {
      expect(dates(issued)).toMatchObject({
        'review-invitations': '2026-12-17',
        'review-meeting': '2026-12-31',
        'review-report': '2027-01-14',
        'review-la-decision': '2027-01-28',
      });
    });

    it('warns when the meeting is booked after the latest date the law allows', () => {
      expect(statutoryClock({ ...issued, nextReviewDate: '2027-01-08' }).warnings.map((w) => w.kind)).toEqual(['meeting-after-deadline']);
    });

    it('keeps the cycle of a review when its meeting moves, and starts a new one when a review is held', () => {
      const cycles = (plan: EhcPlanDetails) => [...new Set(statutoryClock(plan).steps.map((s) => s.cycle))];

      expect(cycles({ ...issued, nextReviewDate: '2026-11-12' })).toEqual(['2026-01-01']);
      expect(cycles({ ...issued, nextReviewDate: '2026-12-03' })).toEqual(['2026-01-01']);
      expect(cycles({ ...issued, lastReviewDate: '2026-12-03' })).toEqual(['2026-12-03']);
    });

    it('asks to consider reviewing an under-five every 3 to 6 months, and not a five-year-old', () => {
      const plan = { ...issued, issueDate: '2026-02-10' };

      expect(statutoryClock(plan, '2022-03-01').warnings.map((w) => w.kind)).toEqual(['under-five']);
      expect(statutoryClock(plan, '2021-02-10').warnings).toEqual([]);
    });
  });

  describe('a phase transfer', () => {
    it('needs the plan amended by 15 February of the year of a move between school phases', () => {
      const plan = { ...issued, lastReviewDate: '2026-06-15', phaseTransfer: { year: 2027, to: 'school' as const } };

      expect(dates(plan)['phase-transfer']).toBe('2027-02-15');
    });

    it('and by 31 March for a move from secondary to post-16', () => {
      expect(dates({ ...issued, phaseTransfer: { year: 2027, to: 'post-16' } })['phase-transfer']).toBe('2027-03-31');
    });

    it('warns when the review falls after the amendment date in the year of the move', () => {
      const plan = { ...issued, lastReviewDate: '2026-03-20', phaseTransfer: { year: 2027, to: 'school' as const } };

      expect(statutoryClock(plan).warnings.map((w) => w.kind)).toEqual(['meeting-after-transfer']);
      expect(statutoryClock({ ...plan, nextReviewDate: '2026-11-10' }).warnings).toEqual([]);
    });
  });

  describe('the record it runs from', () => {
    const problems = (plan: unknown) => {
      const parsed = ehcPlanDetailsSchema.safeParse(plan);
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };

    it('takes an issued plan with only its issue date, and an assessment with only its request date', () => {
      expect(problems(issued)).toEqual([]);
      expect(problems({ ...issued, issueDate: null, requestDate: '2026-03-02' })).toEqual([]);
    });

    it('refuses dates out of order, a record with neither request nor issue, and a review of a plan not yet issued', () => {
      expect(problems({ ...issued, requestDate: '2026-02-01' })).toEqual(['issueDate: must not be before the request for assessment']);
      expect(problems({ ...issued, issueDate: null })).toEqual(['requestDate: give the request date or the date the plan was issued']);
      expect(problems({ ...issued, requestDate: '2025-10-01', issueDate: null, nextReviewDate: '2026-05-01' })).toEqual([
        'issueDate: a plan under review needs the date it was issued',
      ]);
      expect(problems({ ...issued, lastReviewDate: '2026-11-01', nextReviewDate: '2026-10-01' })).toEqual([
        'nextReviewDate: must be after the last review',
      ]);
      expect(problems({ ...issued, issueDate: '2026-02-30' })).toEqual(['issueDate: must be a real date in the form YYYY-MM-DD']);
    });
  });
});
