/**
 * Calendar dates as ISO `YYYY-MM-DD` strings. School days are London days: "today" is always
 * computed in Europe/London, whatever the server's own time zone.
 */
export type IsoDate = string;

const LONDON_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in London at the instant `now`. */
export function londonDate(now: Date): IsoDate {
  return LONDON_DATE.format(now);
}

/** True when `value` is a real calendar date in `YYYY-MM-DD` form (so 2026-02-31 is false). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function toUtc(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** Day of the week, 1 = Monday ... 7 = Sunday (ISO). */
export function isoWeekday(date: IsoDate): number {
  return ((toUtc(date).getUTCDay() + 6) % 7) + 1;
}

/** The Sunday that ends the school week containing `date`. */
export function endOfWeek(date: IsoDate): IsoDate {
  return addDays(date, 7 - isoWeekday(date));
}

const EN_GB = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** "Fri 24 Apr 2026": how dates are shown to staff. */
export function formatDate(date: IsoDate): string {
  // Built from parts: ICU versions differ on the comma after the weekday.
  const part = (type: Intl.DateTimeFormatPartTypes) => EN_GB.formatToParts(toUtc(date)).find((p) => p.type === type)?.value;
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}
