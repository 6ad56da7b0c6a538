import type { Action } from '@/kernel/action';
import { checkInBuckets, isOverdue, needsEscalation } from '@/kernel/check-in';
import { createAction } from '@/kernel/lifecycle';
import { buildNewAction, sencoActor } from '@tests/support/factories';

const today = '2026-04-23'; // a Thursday

function action(dueDate: string, status: Action['status'] = 'open', updatedAt = '2026-04-22T09:00:00Z'): Action {
  const base = createAction(
    { ...buildNewAction({ dueDate }), status: 'open', evidenceUrl: null, nextReviewDate: null } as never,
    sencoActor,
    new Date(updatedAt),
    dueDate + status,
  );
  return { ...base, status };
}

describe('weekly check-in', () => {
  it('derives overdue from the due date, and never for closed items', () => {
    expect(isOverdue(action('2026-04-22'), today)).toBe(true);
    expect(isOverdue(action('2026-04-23'), today)).toBe(false);
    expect(isOverdue(action('2026-04-01', 'done'), today)).toBe(false);
  });

  it('sorts open work into overdue, due this week (to Sunday), waiting and needs escalation', () => {
    const buckets = checkInBuckets(
      [
        action('2026-04-10'), // overdue 13 days: escalate
        action('2026-04-21'), // overdue 2 days
        action('2026-04-26'), // due Sunday
        action('2026-04-27'), // next week
        action('2026-05-20', 'waiting', '2026-04-01T09:00:00Z'), // waiting 22 days: escalate
        action('2026-04-24', 'done'),
      ],
      today,
    );
    expect(buckets.overdue.map((a) => a.dueDate)).toEqual(['2026-04-10', '2026-04-21']);
    expect(buckets.dueThisWeek.map((a) => a.dueDate)).toEqual(['2026-04-26']);
    expect(buckets.waiting.map((a) => a.dueDate)).toEqual(['2026-05-20']);
    expect(buckets.needsEscalation.map((a) => a.dueDate)).toEqual(['2026-04-10', '2026-05-20']);
  });

  it('escalates after the configured number of days', () => {
    expect(needsEscalation(action('2026-04-20'), today, { escalateAfterDays: 3 })).toBe(true);
    expect(needsEscalation(action('2026-04-20'), today, { escalateAfterDays: 4 })).toBe(false);
  });
});
