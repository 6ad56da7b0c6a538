import { TZDate, tzOffset } from '@date-fns/tz';
import {
  addDays as addCalendarDays,
  addMonths as addCalendarMonths,
  differenceInCalendarDays,
  format,
  getISODay,
  getISOWeek,
  getISOWeekYear,
  isMatch,
  isValid,
  parse,
  parseISO,
} from 'date-fns';

/**
 * Calendar dates as ISO `YYYY-MM-DD` strings, over date-fns. School days are London days: "today"
 * is always computed in Europe/London (@date-fns/tz), whatever the server's own time zone. Day
 * arithmetic works on local midnights, so a clock change never moves a date.
 */
export type IsoDate = string;

const LONDON = 'Europe/London';
const ISO = 'yyyy-MM-dd';
const day = (date: IsoDate) => parseISO(date);

/** The calendar date in London at the instant `now`. */
export function londonDate(now: Date): IsoDate {
  return format(new TZDate(now, LONDON), ISO);
}

/**
 * The instant of a London wall-clock time ("2026-04-23T10:00" -> 09:00Z in BST). In the hour the
 * clocks go forward (a time that does not exist) and in the hour they go back (a time that happens
 * twice), the earlier instant is used.
 */
export function fromLondonLocal(year: number, month: number, dayOfMonth: number, hour = 0, minute = 0, second = 0): Date {
  const wall = Date.UTC(year, month - 1, dayOfMonth, hour, minute, second);
  const early = wall - tzOffset(LONDON, new Date(wall - 3_600_000)) * 60_000;
  const late = wall - tzOffset(LONDON, new Date(early)) * 60_000;
  return new Date(Math.min(early, late));
}

/** True when `value` is a real calendar date in `YYYY-MM-DD` form (so 2026-02-31 is false). */
export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isMatch(value, ISO);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return format(addCalendarDays(day(date), days), ISO);
}

/** The same day `months` later; a day the month lacks becomes its last day (31 Jan + 1 = 28 or 29 Feb, 29 Feb + 12 = 28 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return format(addCalendarMonths(day(date), months), ISO);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(day(to), day(from));
}

/** Day of the week, 1 = Monday ... 7 = Sunday (ISO). */
export function isoWeekday(date: IsoDate): number {
  return getISODay(day(date));
}

/** The Sunday that ends the school week containing `date`. */
export function endOfWeek(date: IsoDate): IsoDate {
  return addDays(date, 7 - isoWeekday(date));
}

/**
 * ISO 8601 week of a date, e.g. `2026-W48`. The week belongs to the year of its Thursday, so
 * Mon 29 Dec 2025 is `2026-W01`. Used as the "once a week" key for digests.
 */
export function isoWeek(date: IsoDate): string {
  return `${getISOWeekYear(day(date))}-W${String(getISOWeek(day(date))).padStart(2, '0')}`;
}

// Shown in British English by the platform's own locale data (ICU), as staff read dates: "Sept", not "Sep".
const PARTS = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' } as const;
// A calendar date has no time zone: read its midnight in UTC. An instant is shown in London time.
const DATE_EN_GB = new Intl.DateTimeFormat('en-GB', { ...PARTS, timeZone: 'UTC' });
const DATE_TIME_EN_GB = new Intl.DateTimeFormat('en-GB', {
  ...PARTS,
  timeZone: LONDON,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

// Built from parts: ICU versions differ on the comma after the weekday.
function partsOf(formatter: Intl.DateTimeFormat, instant: Date): Record<string, string> {
  return Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
}

/** "Fri 24 Apr 2026": how dates are shown to staff. */
export function formatDate(date: IsoDate): string {
  const p = partsOf(DATE_EN_GB, new Date(`${date}T00:00:00Z`));
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** "23/04/2026": a date the short British way, as a date field shows it. */
export function formatShortDate(date: IsoDate): string {
  return format(day(date), 'dd/MM/yyyy');
}

/** How staff type a date: day first, with slashes, dashes, dots or spaces, and a two- or four-digit year. */
const TYPED_DATE = /^(\d{1,2})[/\-. ](\d{1,2})[/\-. ](\d{2}|\d{4})$/;

/**
 * A typed British date ("23/4/2026", "23-04-26", "1.9.2026") as an ISO date; null for anything that
 * is not one, including a day the month lacks ("31/04/2026"). Two-digit years are this century.
 */
export function parseTypedDate(text: string): IsoDate | null {
  const m = TYPED_DATE.exec(text.trim());
  if (!m) return null;
  const year = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
  const parsed = parse(`${m[1]}/${m[2]}/${year}`, 'd/M/yyyy', new Date(2000, 0, 1));
  return isValid(parsed) ? format(parsed, ISO) : null;
}

/** "Wed 25 Nov 2026, 22:15": an instant (ISO timestamp) as staff read it, in London time. */
export function formatDateTime(instant: string | Date): string {
  const p = partsOf(DATE_TIME_EN_GB, new Date(instant));
  return `${p.weekday} ${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}`;
}
