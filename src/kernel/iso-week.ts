import { addDays, isoWeekday, type IsoDate } from './dates';

/**
 * ISO 8601 week of a date, e.g. `2026-W48`. The week belongs to the year of its Thursday, so
 * Mon 29 Dec 2025 is `2026-W01`. Used as the "once a week" key for digests.
 */
export function isoWeek(date: IsoDate): string {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const dayOfYear = Math.round((Date.parse(`${thursday}T00:00:00Z`) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
  return `${year}-W${String(Math.ceil(dayOfYear / 7)).padStart(2, '0')}`;
}
