import { checkInBuckets, DEFAULT_CHECK_IN_POLICY, type CheckInBuckets, type CheckInPolicy } from '@/kernel/check-in';
import { endOfWeek, type IsoDate } from '@/kernel/dates';
import type { ActionRepository } from '@/kernel/ports/action-repository';

/**
 * The weekly check-in: overdue, due this week, waiting on someone, needs escalation.
 * Two indexed queries (open items due by Sunday; everything waiting) rather than a full scan.
 */
export async function weeklyCheckIn(
  repo: ActionRepository,
  today: IsoDate,
  policy: CheckInPolicy = DEFAULT_CHECK_IN_POLICY,
): Promise<CheckInBuckets> {
  const [dueByWeekEnd, waiting] = await Promise.all([repo.query({ dueTo: endOfWeek(today) }), repo.query({ statuses: ['waiting'] })]);
  const unique = new Map([...dueByWeekEnd, ...waiting].map((a) => [a.id, a]));
  return checkInBuckets([...unique.values()], today, policy);
}
