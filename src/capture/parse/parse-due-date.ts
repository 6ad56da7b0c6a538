import * as chrono from 'chrono-node';
import { addDays, daysBetween, formatDate, fromLondonLocal, isIsoDate, londonDate, type IsoDate } from '@/kernel/dates';
import {
  addMonths,
  COUNT,
  countValue,
  endOfMonth,
  inNextWeek,
  isoOf,
  MONTH,
  monthNumber,
  onOrAfter,
  WEEKDAY,
  weekdayNumber,
} from './date-words';
import type { CaptureContext } from './proposed-action';

export type DueDateContext = Pick<CaptureContext, 'now' | 'termEnd' | 'nextReview' | 'halfTerm'>;

export interface DueDateResult {
  due: IsoDate | null;
  /** Why a date that was written could not be used ("'31/02' is not a real date"). */
  warnings: string[];
  /** The text without the due-date phrase (and its "by", "on", "before"). Starts and repeats stay. */
  rest: string;
}

/**
 * A day and month written without a year is taken in the current year, unless that is more than
 * this many days ago: then it means next year ("7/1" written in November is next January).
 */
export const PAST_DATE_GRACE_DAYS = 60;

const FRIDAY = 5;

/** A date phrase found in the text: where it is and what it resolves to. */
interface Found {
  index: number;
  length: number;
  due: IsoDate | null;
  warning?: string;
  /** "for four weeks" says what to do, so it stays in the description. */
  keep?: boolean;
  /** A period to count from the start date (or today), rather than a date. */
  period?: { count: number; unit: string };
}

/** A rule resolves its match, or returns undefined to leave the phrase to chrono. */
type SchoolRule = {
  pattern: RegExp;
  resolve: (m: RegExpExecArray, today: IsoDate, ctx: DueDateContext) => Omit<Found, 'index' | 'length'> | undefined;
};

const fromContext = (date: IsoDate | null | undefined, phrase: string) =>
  date && isIsoDate(date) ? { due: date } : { due: null, warning: `'${phrase}' has no date set here: choose the date` };

function dayMonth(
  written: string,
  today: IsoDate,
  day: number,
  month: number,
  yearText?: string,
): { due: IsoDate | null; warning?: string } {
  const notReal = { due: null, warning: `'${written}' is not a real date` };
  if (yearText !== undefined) {
    const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    const date = isoOf(year, month, day);
    return isIsoDate(date) ? { due: date } : notReal;
  }
  const thisYear = Number(today.slice(0, 4));
  let date = isoOf(thisYear, month, day);
  if (!isIsoDate(date)) return notReal;
  if (daysBetween(date, today) > PAST_DATE_GRACE_DAYS) date = isoOf(thisYear + 1, month, day);
  return isIsoDate(date) ? { due: date } : notReal;
}

const school = (source: string, resolve: SchoolRule['resolve']): SchoolRule => ({ pattern: new RegExp(source, 'i'), resolve });

/**
 * The project's own refiners, read before chrono: the school's dates (term, half term, review), the
 * school week (it ends on Friday), periods ("for four weeks", counted from the start), and British
 * dates that do not exist (chrono skips "31/02" silently; a SENCO should be told).
 */
const SCHOOL_RULES: SchoolRule[] = [
  school(String.raw`\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?term|this\s+term)\b`, (_m, _t, ctx) =>
    fromContext(ctx.termEnd, 'end of term'),
  ),
  school(String.raw`\b(?:the\s+)?(?:end\s+of\s+)?(?:this\s+)?half[\s-]?term\b`, (_m, _t, ctx) => fromContext(ctx.halfTerm, 'half term')),
  school(String.raw`\b(?:the\s+)?next\s+(?:annual\s+)?review(?:\s+meeting)?\b`, (_m, _t, ctx) =>
    fromContext(ctx.nextReview, 'next review'),
  ),
  school(String.raw`\b(?:(?:the\s+)?end\s+of\s+)?next\s+week\b`, (_m, today) => ({ due: inNextWeek(today, FRIDAY) })),
  school(String.raw`\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week|this\s+week)\b`, (_m, today) => ({ due: onOrAfter(today, FRIDAY) })),
  school(String.raw`\b(?:(?:the\s+)?end\s+of\s+)?next\s+month\b`, (_m, today) => ({ due: endOfMonth(today, 1) })),
  school(String.raw`\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month|this\s+month)\b`, (_m, today) => ({ due: endOfMonth(today) })),
  school(String.raw`\b(?:in|within)\s+(?:a|one)\s+fortnight\b`, (_m, today) => ({ due: addDays(today, 14) })),
  school(String.raw`\bfor\s+(?:the\s+next\s+)?(${COUNT})\s+(days?|weeks?|fortnights?|months?|half[\s-]terms?)\b`, (m) => ({
    due: null,
    keep: true,
    period: { count: countValue(m[1]!), unit: m[2]!.toLowerCase() },
  })),
  // Written dates are read here, not by chrono: it skips "31/02" silently (a SENCO should be told), reads
  // "4.5.26" not at all, "May 11" as May 2011 and the 5 in "from 5 May" as five o'clock.
  school(String.raw`(?<![\d/.-])(\d{4})-(\d{2})-(\d{2})(?![\d-])`, (m) =>
    isIsoDate(m[0]) ? { due: m[0] } : { due: null, warning: `'${m[0]}' is not a real date` },
  ),
  school(String.raw`(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?(?![\d/.:-])`, (m, today) =>
    dayMonth(m[0], today, Number(m[1]), Number(m[2]), m[3]),
  ),
  school(
    String.raw`(?:\b${WEEKDAY}\.?,?\s+)?(?:the\s+)?\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTH})\b\.?(?:,?\s+(\d{4})\b)?`,
    (m, today) => dayMonth(m[0].replace(/^the\s+/i, ''), today, Number(m[1]), monthNumber(m[2]!), m[3]),
  ),
  school(String.raw`(?:\b${WEEKDAY}\.?,?\s+)?\b(${MONTH})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?![/:.]\d)(?:,?\s+(\d{4})\b)?`, (m, today) =>
    dayMonth(m[0], today, Number(m[2]), monthNumber(m[1]!), m[3]),
  ),
  // "by the 30th": this month's, or next month's when that day has gone.
  school(String.raw`\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b`, (m, today) => {
    const day = Number(m[1]);
    const here = isoOf(Number(today.slice(0, 4)), Number(today.slice(5, 7)), day);
    if (isIsoDate(here) && here >= today) return { due: here };
    const next = addMonths(`${today.slice(0, 8)}01`, 1);
    const there = `${next.slice(0, 8)}${String(day).padStart(2, '0')}`;
    return isIsoDate(there) ? { due: there } : { due: null, warning: `'${m[0]}' is not a real date` };
  }),
  // "Friday week": British for a week on Friday.
  school(String.raw`\b(${WEEKDAY})\s+week\b`, (m, today) => ({ due: addDays(onOrAfter(today, weekdayNumber(m[1]!)), 7) })),
  // "Tues", "Thurs", "Weds": how staff write them; chrono knows only "Tue", "Thu", "Wed".
  school(String.raw`\b(?:(next)\s+)?(tues|thurs|weds)\b\.?`, (m, today) => {
    const day = weekdayNumber(m[2]!);
    return { due: m[1] ? inNextWeek(today, day) : onOrAfter(today, day) };
  }),
];

const WEEKDAY_NAMES = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
/** "every Friday", "each Monday", "on Tuesdays", "daily": when it happens, never when it is due. */
const REPEAT = new RegExp(
  String.raw`\b(?:(?:every|each)\s+(?:other\s+)?(${WEEKDAY})|${WEEKDAY_NAMES}s\b|(?:every|each)\s+(?:day|morning|afternoon|lesson|week)|daily|weekly|fortnightly)\b`,
  'gi',
);
/** "from Monday", "starting 4 May": when it starts. */
const START = /\b(?:from|starting(?:\s+on)?|beginning(?:\s+on)?|commencing)\s+$/i;
/** The words in front of a due date that go with it. */
const PREP = /(?:\b(?:by|before|on|until|till|due(?:\s+by)?|no\s+later\s+than|deadline:?|at|for|w\/c)\s+(?:the\s+)?)$/i;
/** What chrono reads that is no date for a tracker: durations ("a week", "10 minutes") and times alone. */
const NOT_A_DUE_DATE =
  /^(?:an?|one|\d+|the)\s+(?:days?|weeks?|months?|years?)$|\b(?:minutes?|mins?|hours?|hrs?|seconds?)\b|^(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:am|pm)?$|^(?:the\s+)?week$|^now$|^(?:a\s+|the\s+|this\s+)?(?:night|morning|afternoon|evening|noon|midday|lunch(?:time)?)$/i;

const engine = chrono.en.GB;

function chronoDates(text: string, today: IsoDate): Found[] {
  const instant = fromLondonLocal(Number(today.slice(0, 4)), Number(today.slice(5, 7)), Number(today.slice(8, 10)), 12);
  const found: Found[] = [];
  for (const result of engine.parse(text, { instant, timezone: 'Europe/London' }, { forwardDate: true })) {
    if (NOT_A_DUE_DATE.test(result.text.trim())) continue;
    const start = result.start;
    let due = londonDate(start.date());
    if (start.isCertain('day') && start.isCertain('month') && !start.isCertain('year')) {
      // chrono moves every past day-month to next year; a SENCO writing "1/3" in April means March, late.
      due = dayMonth(result.text, today, start.get('day')!, start.get('month')!).due ?? due;
    } else if (!start.isCertain('day') && start.isCertain('weekday') && !/\bnext\b/i.test(result.text)) {
      due = onOrAfter(today, ((start.get('weekday')! + 6) % 7) + 1);
    }
    found.push({ index: result.index, length: result.text.length, due });
  }
  return found;
}

function schoolDates(text: string, today: IsoDate, ctx: DueDateContext): Found[] {
  const found: Found[] = [];
  for (const { pattern, resolve } of SCHOOL_RULES) {
    const match = pattern.exec(text);
    const resolved = match && resolve(match, today, ctx);
    if (match && resolved) found.push({ index: match.index, length: match[0].length, ...resolved });
  }
  return found;
}

const overlaps = (a: { index: number; length: number }, b: { index: number; length: number }) =>
  a.index < b.index + b.length && b.index < a.index + a.length;

function addPeriod(from: IsoDate, { count, unit }: { count: number; unit: string }): IsoDate | null {
  if (!Number.isFinite(count) || count < 1 || count > 366) return null;
  if (unit.startsWith('month')) return addMonths(from, count);
  if (unit.startsWith('half')) return null;
  return addDays(from, unit.startsWith('day') ? count : unit.startsWith('fortnight') ? 14 * count : 7 * count);
}

/**
 * Finds the due date in `text` and resolves it against `ctx.now` in Europe/London. chrono-node
 * (en-GB: 7/5 is 7 May) reads dates; the school's own words and the school week come first (see
 * `SCHOOL_RULES`). "by Friday" is the next Friday on or after today; "next Friday" is the Friday of
 * next week; a start ("from Monday") or a repeat ("every Friday") is never the due date, but "every
 * Friday for four weeks" is due on the fourth Friday and "from Monday for six weeks" six weeks after
 * that Monday. Never throws: a date that does not exist comes back as null with a warning.
 */
export function parseDueDate(text: string, ctx: DueDateContext): DueDateResult {
  if (!(ctx.now instanceof Date) || Number.isNaN(ctx.now.getTime())) return { due: null, warnings: [], rest: text };
  const today = londonDate(ctx.now);
  const repeats = [...text.matchAll(REPEAT)].map((m) => ({ index: m.index, length: m[0].length, weekday: m[1] }));
  const ours = schoolDates(text, today, ctx);
  const theirs = chronoDates(text, today).filter((c) => !ours.some((o) => overlaps(o, c)));
  const all = [...ours, ...theirs].filter((f) => !repeats.some((r) => overlaps(r, f))).sort((a, b) => a.index - b.index);
  const isStart = (f: Found) =>
    START.test(text.slice(Math.max(0, f.index - 20), f.index)) || /^(?:from|starting)\b/i.test(text.slice(f.index, f.index + 9));
  const start = all.find((f) => isStart(f) && f.due);
  const candidates = all.filter((f) => !isStart(f));
  const chosen = candidates.find((f) => !f.period) ?? candidates.find((f) => f.period);
  if (!chosen) return { due: null, warnings: [], rest: text };
  let due = chosen.due;
  if (chosen.period) {
    const repeat = repeats.find((r) => r.weekday);
    const from = start?.due ?? (repeat ? onOrAfter(today, weekdayNumber(repeat.weekday!)) : today);
    // "every Friday for four weeks": the first Friday is week one, so the last is three weeks on.
    due = repeat && chosen.period.unit.startsWith('week') ? addDays(from, 7 * (chosen.period.count - 1)) : addPeriod(from, chosen.period);
  }
  const warnings = chosen.warning ? [chosen.warning] : [];
  if (due && due < today) warnings.push(`Due date ${formatDate(due)} is in the past`);
  let rest = text;
  if (!chosen.keep) {
    const before = text.slice(0, chosen.index).replace(PREP, '');
    rest = `${before} ${text.slice(chosen.index + chosen.length)}`;
  }
  return { due, warnings, rest: rest.replace(/\s+/g, ' ').trim() };
}
