import { DEFAULT_REMINDER_POLICY, reminderPolicy, remindersDue } from '@/reminders/reminder-policy';
import { createSchoolCalendar } from '@/kernel/school-calendar';
import { ValidationError } from '@/kernel/errors';
import { assistant, buildAction, teacher } from '@tests/support/factories';

const calendar = createSchoolCalendar({ holidays: [{ start: '2026-03-30', end: '2026-04-10', name: 'Easter holiday' }] });
const policy = DEFAULT_REMINDER_POLICY;
const kinds = (today: string, ...actions: ReturnType<typeof buildAction>[]) =>
  [...remindersDue(actions, today, policy, calendar).byOwner.values()].flat().map((r) => r.kind);

describe('reminder policy', () => {
  it('has defaults of 2 school days before, follow-ups every 3 days and escalation after 7', () => {
    expect(DEFAULT_REMINDER_POLICY).toEqual({ daysBefore: 2, overdueEveryDays: 3, escalateAfterDays: 7 });
  });

  it('reminds 2 school days before the due date, counting over the weekend, and not earlier', () => {
    const action = buildAction({ dueDate: '2026-04-28' }); // Tuesday
    expect(kinds('2026-04-23', action)).toEqual([]); // Thursday: 3 school days before
    expect(kinds('2026-04-24', action)).toEqual(['upcoming']); // Friday: 2 school days before
    expect(kinds('2026-04-27', action)).toEqual(['upcoming']); // Monday: same reminder, caught up if missed
  });

  it('reminds on the due date, then every 3 days overdue, with one occasion per slot', () => {
    const action = buildAction({ dueDate: '2026-04-21' });
    const due = (today: string) => [...remindersDue([action], today, policy, calendar).byOwner.values()].flat()[0];
    expect(due('2026-04-21')).toMatchObject({ kind: 'due', occasion: '2026-04-21' });
    expect(due('2026-04-22')).toBeUndefined();
    expect(due('2026-04-24')).toMatchObject({ kind: 'overdue', occasion: '2026-04-24', daysOverdue: 3 });
    expect(due('2026-04-27')).toMatchObject({ kind: 'overdue', occasion: '2026-04-27' });
    expect(due('2026-04-28')).toMatchObject({ kind: 'overdue', occasion: '2026-04-27' });
  });

  it('escalates to the SEND lead once 7 days overdue, even when the owner snoozed it', () => {
    const snoozed = buildAction({ dueDate: '2026-04-14' }, { remindAfter: '2026-04-30' });
    const result = remindersDue([snoozed], '2026-04-21', policy, calendar);
    expect(result.byOwner.size).toBe(0);
    expect(result.escalations).toMatchObject([{ kind: 'escalation', occasion: '2026-04-21', daysOverdue: 7 }]);
  });

  it('sends nothing about ordinary items on a weekend, a bank holiday or in a school holiday', () => {
    const action = buildAction({ dueDate: '2026-05-04' });
    for (const day of ['2026-05-02', '2026-05-04', '2026-04-06', '2026-04-08']) {
      expect(remindersDue([action, buildAction({ dueDate: '2026-03-01' })], day, policy, calendar)).toEqual({
        byOwner: new Map(),
        escalations: [],
      });
    }
  });

  it('reminds about a deadline that falls in the holiday on the last school day before it, without moving the due date', () => {
    const statutory = buildAction({ dueDate: '2026-04-08' });
    const [reminder] = remindersDue([statutory], '2026-03-27', policy, calendar).byOwner.get(teacher.id)!;
    expect(reminder).toMatchObject({ kind: 'due', occasion: '2026-04-08' });
    expect(reminder!.action.dueDate).toBe('2026-04-08');
    // Back after Easter it is overdue by calendar days from the real date.
    expect(remindersDue([statutory], '2026-04-13', policy, calendar).byOwner.get(teacher.id)).toMatchObject([
      { kind: 'overdue', daysOverdue: 5 },
    ]);
  });

  it('keeps reminding about a statutory step through a school holiday, on weekdays that are not bank holidays', () => {
    const step = buildAction({ dueDate: '2026-04-01', statutory: { step: 'review-report', cycle: '2025-04-02' } });
    const ordinary = buildAction({ dueDate: '2026-04-01' });
    const owed = (today: string) => [...remindersDue([step, ordinary], today, policy, calendar).byOwner.values()].flat();

    // Easter holiday, Thursday 2 April: the step is a day overdue, nothing yet; Wednesday 8 April: the 7-day escalation too.
    expect(owed('2026-04-02')).toEqual([]);
    expect(owed('2026-04-07')).toMatchObject([{ action: { id: step.id }, kind: 'overdue', occasion: '2026-04-07', daysOverdue: 6 }]);
    expect(remindersDue([step, ordinary], '2026-04-08', policy, calendar).escalations.map((r) => r.action.id)).toEqual([step.id]);
    // Good Friday, Easter Monday and the weekend between: nothing for either.
    for (const day of ['2026-04-03', '2026-04-04', '2026-04-06'])
      expect(remindersDue([step, ordinary], day, policy, calendar).escalations).toEqual([]);
    expect(owed('2026-04-06')).toEqual([]);
  });

  it('groups items by owner, ordered by due date, and leaves out closed and snoozed items', () => {
    const later = buildAction({ dueDate: '2026-04-23' });
    const sooner = buildAction({ dueDate: '2026-04-21' });
    const other = buildAction({ dueDate: '2026-04-22', owner: assistant });
    const done = buildAction({ dueDate: '2026-04-22' }, { status: 'done' });
    const snoozed = buildAction({ dueDate: '2026-04-22' }, { remindAfter: '2026-04-28' });
    const result = remindersDue([later, done, other, snoozed, sooner], '2026-04-21', policy, calendar);
    expect(result.byOwner.get(teacher.id)!.map((r) => r.action.id)).toEqual([sooner.id, later.id]);
    expect(result.byOwner.get(assistant.id)!.map((r) => r.action.id)).toEqual([other.id]);
  });

  it('resumes reminders on the snooze date', () => {
    const snoozed = buildAction({ dueDate: '2026-04-20' }, { remindAfter: '2026-04-27' });
    expect(kinds('2026-04-24', snoozed)).toEqual([]);
    expect(kinds('2026-04-27', snoozed)).toEqual(['overdue']);
  });

  it('is configurable and rejects nonsense settings', () => {
    const custom = reminderPolicy({ daysBefore: 5, overdueEveryDays: 1 });
    const action = buildAction({ dueDate: '2026-04-24' });
    expect([...remindersDue([action], '2026-04-17', custom, calendar).byOwner.values()].flat().map((r) => r.kind)).toEqual(['upcoming']);
    expect(() => reminderPolicy({ overdueEveryDays: 0 })).toThrow(ValidationError);
  });
});
