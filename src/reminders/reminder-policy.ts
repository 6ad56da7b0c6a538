import { z } from 'zod';
import type { Action } from '@/kernel/action';
import { addDays, daysBetween, type IsoDate } from '@/kernel/dates';
import { createSchoolCalendar, schoolDayOnOrBefore, schoolDaysBefore, type SchoolCalendar } from '@/kernel/school-calendar';
import { isClosed } from '@/kernel/status';
import { parseInput } from '@/kernel/validate';
import type { ReminderKind } from '@/kernel/ports/reminder-log';

/** When owners hear about their items. Every number is configurable; these are the defaults. */
export const reminderPolicySchema = z.strictObject({
  /** Remind this many school days before the due date. */
  daysBefore: z.number().int().min(0).max(20).default(2),
  /** Once overdue, remind again every this many calendar days. */
  overdueEveryDays: z.number().int().min(1).max(60).default(3),
  /** Tell the SEND lead once an item is this many calendar days overdue. */
  escalateAfterDays: z.number().int().min(1).max(365).default(7),
});
export type ReminderPolicy = z.output<typeof reminderPolicySchema>;
export type ReminderPolicyInput = z.input<typeof reminderPolicySchema>;

/** @throws ValidationError naming the bad setting */
export function reminderPolicy(input: ReminderPolicyInput = {}): ReminderPolicy {
  return parseInput(reminderPolicySchema, input, 'reminderPolicy');
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = reminderPolicy();

export type { ReminderKind };

/**
 * One reminder an item has earned. `occasion` names it: the same item, kind and occasion is the
 * same reminder, however many runs or instances see it (that is what the exactly-once claim keys on).
 * Owner reminders catch up: a run missed on the exact day is made good on the next school day.
 */
export interface DueReminder {
  action: Action;
  kind: ReminderKind;
  occasion: IsoDate;
  /** Calendar days past the due date (negative before it). */
  daysOverdue: number;
}

export interface RemindersDue {
  /** Owner id -> the items for that owner's one card, ordered by due date. */
  byOwner: Map<string, DueReminder[]>;
  /** Items to raise with the SEND lead. */
  escalations: DueReminder[];
}

/**
 * The owner reminder an open item has earned today, if any. At most one per item per day:
 * the most recent kind wins. Non-school due dates are reminded on the school day before them.
 */
export function ownerReminderFor(action: Action, today: IsoDate, policy: ReminderPolicy, calendar: SchoolCalendar): DueReminder | null {
  const daysOverdue = daysBetween(action.dueDate, today);
  if (daysOverdue > 0) {
    // Follow-up slots every M days from the due date; the occasion is the slot's first day.
    const slot = Math.floor(daysOverdue / policy.overdueEveryDays);
    if (slot === 0) return null;
    return { action, kind: 'overdue', occasion: addDays(action.dueDate, slot * policy.overdueEveryDays), daysOverdue };
  }
  const dueDay = schoolDayOnOrBefore(calendar, action.dueDate);
  if (today >= dueDay) return { action, kind: 'due', occasion: action.dueDate, daysOverdue };
  if (today >= schoolDaysBefore(calendar, action.dueDate, policy.daysBefore)) {
    return { action, kind: 'upcoming', occasion: action.dueDate, daysOverdue };
  }
  return null;
}

/**
 * The days a statutory step is reminded on: every weekday but bank holidays, school holidays
 * included. Its date runs through the holidays (the SEND Code of Practice counts calendar days),
 * so its reminder must too; ordinary items wait for term.
 */
const WORKING_WEEK: SchoolCalendar = createSchoolCalendar();

/** Which items a run on `today` reminds: all on a school day, only statutory steps on another weekday, none at a weekend or bank holiday. */
export function reminderDay(today: IsoDate, calendar: SchoolCalendar): 'all' | 'statutory' | null {
  if (calendar.isSchoolDay(today)) return 'all';
  return WORKING_WEEK.isSchoolDay(today) ? 'statutory' : null;
}

function isSnoozed(action: Action, today: IsoDate): boolean {
  return !!action.remindAfter && action.remindAfter > today;
}

/**
 * What the reminder run owes today: one list per owner and the escalations for the SEND lead.
 * In a school holiday only statutory steps, counted on the working week; at a weekend or on a bank
 * holiday nothing (`reminderDay`). Snoozed items are left out of owner reminders but still escalate,
 * so a snooze cannot hide a long-overdue item from the SEND lead.
 */
export function remindersDue(actions: readonly Action[], today: IsoDate, policy: ReminderPolicy, calendar: SchoolCalendar): RemindersDue {
  const byOwner = new Map<string, DueReminder[]>();
  const escalations: DueReminder[] = [];
  const day = reminderDay(today, calendar);
  if (day === null) return { byOwner, escalations };
  const open = actions
    .filter((a) => !isClosed(a.status) && (day === 'all' || a.statutory))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
  for (const action of open) {
    const daysOverdue = daysBetween(action.dueDate, today);
    if (daysOverdue >= policy.escalateAfterDays) {
      escalations.push({ action, kind: 'escalation', occasion: addDays(action.dueDate, policy.escalateAfterDays), daysOverdue });
    }
    if (isSnoozed(action, today)) continue;
    // The school's calendar still dates it: a step due in half term is first reminded before the break.
    const reminder = ownerReminderFor(action, today, policy, calendar);
    if (!reminder) continue;
    const list = byOwner.get(action.owner.id) ?? [];
    list.push(reminder);
    byOwner.set(action.owner.id, list);
  }
  return { byOwner, escalations };
}
