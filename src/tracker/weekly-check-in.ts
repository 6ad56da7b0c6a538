import { toRow, type ActionRow, type CheckInBucket, type CheckInPages } from '@/kernel/action-page';
import { DEFAULT_CHECK_IN_POLICY, type CheckInPolicy } from '@/kernel/check-in';
import type { IsoDate } from '@/kernel/dates';
import type { ActionRepository } from '@/kernel/ports/action-repository';

/** How many items of each list the check-in shows before "Show more". */
export const CHECK_IN_PAGE_SIZE = 25;

/** The check-in as the tab receives it: each list's total and its first rows. */
export type CheckInReply = Record<CheckInBucket, { items: ActionRow[]; total: number }>;

/**
 * The weekly check-in: overdue, due this week, waiting on someone, needs escalation. Counts first and
 * a short page of each, from indexed queries, so the reply stays small however long the lists grow.
 */
export async function weeklyCheckIn(
  repo: ActionRepository,
  today: IsoDate,
  policy: CheckInPolicy = DEFAULT_CHECK_IN_POLICY,
  limit = CHECK_IN_PAGE_SIZE,
): Promise<CheckInPages> {
  return repo.checkIn(today, policy, limit);
}

export function checkInReply(pages: CheckInPages): CheckInReply {
  const rows = Object.entries(pages).map(([name, { items, total }]) => [name, { items: items.map(toRow), total }]);
  return Object.fromEntries(rows) as CheckInReply;
}
