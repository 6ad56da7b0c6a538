import { addDays, isoWeekday, type IsoDate } from '@/kernel/dates';
import { schoolDatesSchema, type SchoolDatesInput } from '@/kernel/school-calendar';
import { parseInput } from '@/kernel/validate';

/** The term a provision map costs, and where its dates came from. */
export interface CostedTerm {
  start: IsoDate;
  end: IsoDate;
  /** Weeks closed inside the term (half term), which deliver no sessions. */
  closedWeeks: number;
  /** 'school calendar': the school's configured terms; 'estimate': a first guess to correct; 'chosen': typed in. */
  source: 'school calendar' | 'estimate' | 'chosen';
}

const weekdayOnOrAfter = (date: IsoDate): IsoDate => (isoWeekday(date) > 5 ? weekdayOnOrAfter(addDays(date, 1)) : date);
const weekdayOnOrBefore = (date: IsoDate): IsoDate => (isoWeekday(date) > 5 ? weekdayOnOrBefore(addDays(date, -1)) : date);

/** Weekdays from `start` to `end`, both included. */
function weekdays(start: IsoDate, end: IsoDate): number {
  let count = 0;
  for (let d = start; d <= end; d = addDays(d, 1)) if (isoWeekday(d) <= 5) count++;
  return count;
}

/**
 * Without configured terms: autumn September to December, spring January to March, summer April
 * to July, each starting and ending on a weekday (a term does not end on a Saturday). Term dates
 * vary by local authority and academy, so the SENCO corrects them.
 */
function estimatedTerm(today: IsoDate): CostedTerm {
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  const [start, end] =
    month >= 9 ? [`${year}-09-01`, `${year}-12-19`] : month <= 3 ? [`${year}-01-05`, `${year}-03-27`] : [`${year}-04-13`, `${year}-07-22`];
  return { start: weekdayOnOrAfter(start), end: weekdayOnOrBefore(end), closedWeeks: 1, source: 'estimate' };
}

/**
 * The term to cost on `today`: from the school calendar when it lists terms (the term today is in,
 * or the next one; the last one after the final term), its closed weeks counted from the holidays
 * inside it; otherwise an estimate.
 */
export function termToCost(dates: SchoolDatesInput, today: IsoDate): CostedTerm {
  const { terms, holidays } = parseInput(schoolDatesSchema, dates, 'schoolDates');
  if (terms.length === 0) return estimatedTerm(today);
  const sorted = [...terms].sort((a, b) => a.start.localeCompare(b.start));
  const term = sorted.find((t) => t.end >= today) ?? sorted.at(-1)!;
  const closedDays = holidays
    .map((h) => ({ start: h.start > term.start ? h.start : term.start, end: h.end < term.end ? h.end : term.end }))
    .filter((h) => h.start <= h.end)
    .reduce((sum, h) => sum + weekdays(h.start, h.end), 0);
  return { start: term.start, end: term.end, closedWeeks: Math.min(4, Math.round((closedDays / 5) * 10) / 10), source: 'school calendar' };
}
