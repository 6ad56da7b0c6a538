import { z } from 'zod';
import { ValidationError } from './errors';
import bankHolidayFile from './data/bank-holidays-england-and-wales.json';
import { isoDateSchema } from './action';
import { addDays, isoWeekday, type IsoDate } from './dates';
import { parseInput } from './validate';

/**
 * Which days are school days. It decides only whether an internal reminder is SENT on a day;
 * it never moves a due date (statutory deadlines run in calendar days, through holidays).
 */
export interface SchoolCalendar {
  isSchoolDay(date: IsoDate): boolean;
}

const rangeSchema = z
  .strictObject({ start: isoDateSchema, end: isoDateSchema, name: z.string().trim().max(100).optional() })
  .refine((r) => r.start <= r.end, { message: 'start must not be after end' });

/**
 * A school's own dates, as configured (term dates vary by local authority and academy).
 * `terms`: when given, only days inside a term are school days. `holidays`: days inside are not
 * (half terms, INSET days). Either or both; with neither, only weekends and bank holidays are off.
 */
export const schoolDatesSchema = z.strictObject({
  terms: z.array(rangeSchema).default([]),
  holidays: z.array(rangeSchema).default([]),
});
export type SchoolDatesInput = z.input<typeof schoolDatesSchema>;
export type SchoolDates = z.output<typeof schoolDatesSchema>;

const bankHolidayFileSchema = z.object({
  'england-and-wales': z.object({
    division: z.literal('england-and-wales'),
    events: z.array(z.object({ title: z.string(), date: isoDateSchema, notes: z.string(), bunting: z.boolean() })),
  }),
});

/** England & Wales bank holidays in the gov.uk JSON shape (the shipped file covers 2025–2027). */
export function bankHolidayDates(file: unknown = bankHolidayFile): Set<IsoDate> {
  const parsed = parseInput(bankHolidayFileSchema, file, 'bankHolidays');
  return new Set(parsed['england-and-wales'].events.map((e) => e.date));
}

const within = (date: IsoDate, ranges: readonly { start: IsoDate; end: IsoDate }[]) => ranges.some((r) => r.start <= date && date <= r.end);

/**
 * Builds a calendar from the school's dates and the bank holiday list.
 * @throws ValidationError when the school dates are malformed.
 */
export function createSchoolCalendar(dates: SchoolDatesInput = {}, bankHolidays: Set<IsoDate> = bankHolidayDates()): SchoolCalendar {
  const { terms, holidays } = parseInput(schoolDatesSchema, dates, 'schoolDates');
  return {
    isSchoolDay(date) {
      if (isoWeekday(date) > 5) return false;
      if (bankHolidays.has(date)) return false;
      if (terms.length > 0 && !within(date, terms)) return false;
      return !within(date, holidays);
    },
  };
}

/** Gives up after this many days: a calendar with no school day in two years is misconfigured. */
const SEARCH_LIMIT = 730;

function step(calendar: SchoolCalendar, from: IsoDate, direction: 1 | -1): IsoDate {
  let date = from;
  for (let i = 0; i < SEARCH_LIMIT; i++) {
    date = addDays(date, direction);
    if (calendar.isSchoolDay(date)) return date;
  }
  throw new ValidationError([{ path: 'schoolDates', message: `no school day within ${SEARCH_LIMIT} days of ${from}` }]);
}

/** The first school day strictly after `date`. */
export function nextSchoolDay(calendar: SchoolCalendar, date: IsoDate): IsoDate {
  return step(calendar, date, 1);
}

/** The last school day strictly before `date`. */
export function previousSchoolDay(calendar: SchoolCalendar, date: IsoDate): IsoDate {
  return step(calendar, date, -1);
}

/** `date` itself when it is a school day, otherwise the school day before it. */
export function schoolDayOnOrBefore(calendar: SchoolCalendar, date: IsoDate): IsoDate {
  return calendar.isSchoolDay(date) ? date : previousSchoolDay(calendar, date);
}

/** The school day `count` school days before `date` (0 = `date` itself if a school day). */
export function schoolDaysBefore(calendar: SchoolCalendar, date: IsoDate, count: number): IsoDate {
  let day = schoolDayOnOrBefore(calendar, date);
  for (let i = 0; i < count; i++) day = previousSchoolDay(calendar, day);
  return day;
}

/** The school's own date words on `today`: the end of this term, and the last weekday before half term. */
export interface TermDates {
  termEnd: IsoDate | null;
  halfTerm: IsoDate | null;
}

/**
 * What "by the end of term" and "before half term" mean on `today`, from the school's configured
 * dates: the end of the term `today` is in (or the next one, between terms), and the last weekday
 * before the first holiday that starts after today within that term. Null where the dates do not say.
 */
export function termDatesOn(dates: SchoolDatesInput, today: IsoDate): TermDates {
  const { terms, holidays } = parseInput(schoolDatesSchema, dates, 'schoolDates');
  const byStart = <T extends { start: IsoDate }>(ranges: readonly T[]) => [...ranges].sort((a, b) => a.start.localeCompare(b.start));
  const term = byStart(terms).find((t) => t.end >= today) ?? null;
  const holiday = byStart(holidays).find((h) => h.start > today && (!term || h.start <= term.end)) ?? null;
  let halfTerm: IsoDate | null = null;
  if (holiday) {
    halfTerm = addDays(holiday.start, -1);
    while (isoWeekday(halfTerm) > 5) halfTerm = addDays(halfTerm, -1);
  }
  return { termEnd: term?.end ?? null, halfTerm };
}
