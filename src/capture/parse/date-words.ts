import { getDaysInMonth } from 'date-fns';
import { addDays, isoWeekday, type IsoDate } from '@/kernel/dates';

/** Month names and the abbreviations staff write, as regex source; `monthNumber` reads them. */
export const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;

/** Full weekday names plus unambiguous short forms ("sat", "sun" and "wed" are ordinary words). */
export const WEEKDAY = String.raw`(?:monday|mon|tuesday|tues|tue|wednesday|weds|thursday|thurs|thur|friday|fri|saturday|sunday)`;

const MONTH_PREFIXES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 1..12 from a month name or abbreviation. */
export function monthNumber(name: string): number {
  return MONTH_PREFIXES.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

const WEEKDAY_PREFIXES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** ISO weekday, 1 = Monday ... 7 = Sunday. */
export function weekdayNumber(name: string): number {
  return WEEKDAY_PREFIXES.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  'a couple of': 2,
  'couple of': 2,
  'a few': 3,
};

/** Regex source for a count written as digits or words ("2", "two", "a couple of"). */
export const COUNT = String.raw`(?:\d{1,3}|a couple of|couple of|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)`;

export function countValue(text: string): number {
  const key = text.toLowerCase().replace(/\s+/g, ' ');
  return NUMBER_WORDS[key] ?? Number(key);
}

/** `YYYY-MM-DD` for a year, month and day that are known to be real. */
export function isoOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return getDaysInMonth(new Date(year, month - 1));
}

export function endOfMonth(date: IsoDate, monthsAhead = 0): IsoDate {
  const year = Number(date.slice(0, 4));
  const index = Number(date.slice(5, 7)) - 1 + monthsAhead;
  const y = year + Math.floor(index / 12);
  const m = (index % 12) + 1;
  return isoOf(y, m, daysInMonth(y, m));
}

/** Same day `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const end = endOfMonth(date, months);
  const day = Math.min(Number(date.slice(8, 10)), Number(end.slice(8, 10)));
  return `${end.slice(0, 8)}${String(day).padStart(2, '0')}`;
}

/** The first `weekday` on or after `date` (so "by Friday" on a Friday is that Friday). */
export function onOrAfter(date: IsoDate, weekday: number): IsoDate {
  return addDays(date, (weekday - isoWeekday(date) + 7) % 7);
}

/** `weekday` in the Monday-to-Sunday week after the one holding `date` ("next Friday"). */
export function inNextWeek(date: IsoDate, weekday: number): IsoDate {
  return addDays(date, 7 - isoWeekday(date) + weekday);
}
