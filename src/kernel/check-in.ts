import type { Action } from './action';
import { daysBetween, endOfWeek, londonDate, type IsoDate } from './dates';
import { isClosed } from './status';

/** Overdue is derived, never stored: open, and due before today (London). */
export function isOverdue(action: Pick<Action, 'status' | 'dueDate'>, today: IsoDate): boolean {
  return !isClosed(action.status) && action.dueDate < today;
}

export interface CheckInPolicy {
  /** Overdue by this many days, or waiting with no update for this many days, needs escalation. */
  escalateAfterDays: number;
}

export const DEFAULT_CHECK_IN_POLICY: CheckInPolicy = { escalateAfterDays: 7 };

/** The four lists the SEND lead runs the weekly check-in from. An item may sit in more than one. */
export interface CheckInBuckets {
  overdue: Action[];
  dueThisWeek: Action[];
  waiting: Action[];
  needsEscalation: Action[];
}

export function needsEscalation(action: Action, today: IsoDate, policy = DEFAULT_CHECK_IN_POLICY): boolean {
  if (isClosed(action.status)) return false;
  if (daysBetween(action.dueDate, today) >= policy.escalateAfterDays) return true;
  return action.status === 'waiting' && daysBetween(londonDate(new Date(action.updatedAt)), today) >= policy.escalateAfterDays;
}

/** Sorts open actions into the weekly check-in buckets, each ordered by due date. */
export function checkInBuckets(actions: Action[], today: IsoDate, policy = DEFAULT_CHECK_IN_POLICY): CheckInBuckets {
  const weekEnd = endOfWeek(today);
  const open = actions.filter((a) => !isClosed(a.status)).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return {
    overdue: open.filter((a) => isOverdue(a, today)),
    dueThisWeek: open.filter((a) => a.dueDate >= today && a.dueDate <= weekEnd),
    waiting: open.filter((a) => a.status === 'waiting'),
    needsEscalation: open.filter((a) => needsEscalation(a, today, policy)),
  };
}
