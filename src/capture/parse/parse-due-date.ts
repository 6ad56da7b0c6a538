import { addDays, daysBetween, formatDate, isIsoDate, londonDate, type IsoDate } from '@/kernel/dates';
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

export type DueDateContext = Pick<CaptureContext, 'now' | 'termEnd' | 'nextReview'>;

export interface DueDateResult {
  due: IsoDate | null;
  /** Why a date that was written could not be used ("'31/02' is not a real date"). */
  warnings: string[];
  /** The text without the date phrase (and its "by", "on", "before"). */
  rest: string;
}

/**
 * A day and month written without a year is taken in the current year, unless that is more than
 * this many days ago: then it means next year ("7/1" written in November is next January).
 */
export const PAST_DATE_GRACE_DAYS = 60;

const FRIDAY = 5;

interface Resolution {
  due: IsoDate | null;
  warning?: string;
}

interface Rule {
  pattern: RegExp;
  resolve: (m: RegExpExecArray, today: IsoDate, ctx: DueDateContext) => Resolution;
  /** "Run phonics group for six weeks": the period says what to do, so it stays in the description. */
  keep?: boolean;
}

const PREP = String.raw`(?:\b(?:by|before|on|until|till|due(?:\s+by)?|no\s+later\s+than|deadline:?|at)\s+(?:the\s+)?)?`;
/** `m[1]`, `m[2]`... in each resolver are the groups inside `core` (the `core` group itself is skipped). */
const rule = (core: string, resolve: Rule['resolve'], keep = false): Rule => ({
  pattern: new RegExp(`${PREP}(?<core>${core})`, 'i'),
  resolve: (m, today, ctx) => {
    const inner = Object.assign([m[0], ...m.slice(2)], { groups: m.groups, index: m.index, input: m.input });
    return resolve(inner as RegExpExecArray, today, ctx);
  },
  keep,
});

function dayMonth(core: string, today: IsoDate, day: number, month: number, yearText?: string): Resolution {
  const notReal = { due: null, warning: `'${core}' is not a real date` };
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

function fromContext(date: IsoDate | null | undefined, phrase: string): Resolution {
  return date && isIsoDate(date) ? { due: date } : { due: null, warning: `'${phrase}' has no date set here: choose the date` };
}

const core = (m: RegExpExecArray) => m.groups!.core!;
const num = (value: string | undefined) => Number(value);

const RULES: Rule[] = [
  rule(String.raw`(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])`, (m) =>
    isIsoDate(`${m[1]}-${m[2]}-${m[3]}`) ? { due: `${m[1]}-${m[2]}-${m[3]}` } : { due: null, warning: `'${core(m)}' is not a real date` },
  ),
  // British order: 7/5 is 7 May.
  rule(String.raw`(?<![\d/.-])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\d/])`, (m, today) =>
    dayMonth(core(m), today, num(m[1]), num(m[2]), m[3]),
  ),
  rule(String.raw`(?<![\d/.-])(\d{1,2})[.-](\d{1,2})[.-](\d{4}|\d{2})(?![\d.-])`, (m, today) =>
    dayMonth(core(m), today, num(m[1]), num(m[2]), m[3]),
  ),
  rule(
    String.raw`(?:\b${WEEKDAY}\.?,?\s+)?(?:the\s+)?(?<![\d/])(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+(${MONTH})\b\.?(?:,?\s+(\d{4})\b)?`,
    (m, today) => dayMonth(core(m), today, num(m[1]), monthNumber(m[2]!), m[3]),
  ),
  rule(String.raw`(?:\b${WEEKDAY}\.?,?\s+)?\b(${MONTH})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?![\d/:])\b(?:,?\s+(\d{4})\b)?`, (m, today) =>
    dayMonth(core(m), today, num(m[2]), monthNumber(m[1]!), m[3]),
  ),
  rule(String.raw`\b(?:the\s+)?end\s+of\s+(${MONTH})\b`, (m, today) => {
    const month = monthNumber(m[1]!);
    const resolved = dayMonth(core(m), today, 1, month);
    return resolved.due ? { due: endOfMonth(resolved.due) } : resolved;
  }),
  rule(String.raw`\b(?:today|tonight|(?:the\s+)?end\s+of\s+(?:the\s+)?day|close\s+of\s+play|end\s+of\s+play|eod)\b`, (_m, today) => ({
    due: today,
  })),
  rule(String.raw`\btomorrow\b`, (_m, today) => ({ due: addDays(today, 1) })),
  // The school week ends on Friday.
  rule(String.raw`\b(?:(?:the\s+)?end\s+of\s+)?next\s+week\b`, (_m, today) => ({ due: inNextWeek(today, FRIDAY) })),
  rule(String.raw`\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week|this\s+week)\b`, (_m, today) => ({ due: onOrAfter(today, FRIDAY) })),
  rule(String.raw`\b(?:(?:the\s+)?end\s+of\s+)?next\s+month\b`, (_m, today) => ({ due: endOfMonth(today, 1) })),
  rule(String.raw`\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month|this\s+month)\b`, (_m, today) => ({ due: endOfMonth(today) })),
  rule(String.raw`\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?term|this\s+term)\b`, (_m, _today, ctx) =>
    fromContext(ctx.termEnd, 'end of term'),
  ),
  rule(String.raw`\b(?:the\s+)?next\s+(?:annual\s+)?review(?:\s+meeting)?\b`, (_m, _today, ctx) =>
    fromContext(ctx.nextReview, 'next review'),
  ),
  rule(
    String.raw`\b(?:in|within|over)\s+(?:the\s+next\s+)?(${COUNT})\s+(days?|weeks?|fortnights?|months?)\b(?:['’]?s?\s+time\b)?|\b(${COUNT})\s+(days?|weeks?|fortnights?|months?)['’]?s?\s+time\b`,
    (m, today) => period(today, m[1] ?? m[3]!, m[2] ?? m[4]!),
  ),
  rule(
    String.raw`\bfor\s+(?:the\s+next\s+)?(${COUNT})\s+(days?|weeks?|fortnights?|months?)\b`,
    (m, today) => period(today, m[1]!, m[2]!),
    true,
  ),
  rule(String.raw`\b(?:(this\s+coming|next|this|coming)\s+)?(${WEEKDAY})\b\.?`, (m, today) => {
    const weekday = weekdayNumber(m[2]!);
    return { due: m[1]?.toLowerCase() === 'next' ? inNextWeek(today, weekday) : onOrAfter(today, weekday) };
  }),
];

/** Counts from today: "in two weeks" is 14 days on; "within a month" is the same date next month. */
function period(today: IsoDate, countText: string, unit: string): Resolution {
  const count = countValue(countText);
  if (!Number.isFinite(count) || count < 1 || count > 366) return { due: null };
  const u = unit.toLowerCase();
  if (u.startsWith('month')) return { due: addMonths(today, count) };
  const days = u.startsWith('day') ? count : u.startsWith('fortnight') ? 14 * count : 7 * count;
  return { due: addDays(today, days) };
}

/**
 * Finds the first due-date phrase in `text` and resolves it against `ctx.now` in Europe/London.
 * "by Friday" is the next Friday on or after today (on a Friday, that same day); "next Friday" is
 * the Friday of next week (Monday-to-Sunday weeks); "end of the week" is Friday; "7/5" is 7 May.
 * Never throws: a date that does not exist comes back as null with a warning.
 */
export function parseDueDate(text: string, ctx: DueDateContext): DueDateResult {
  if (!(ctx.now instanceof Date) || Number.isNaN(ctx.now.getTime())) return { due: null, warnings: [], rest: text };
  const today = londonDate(ctx.now);
  let best: { match: RegExpExecArray; rule: Rule } | undefined;
  for (const r of RULES) {
    const match = r.pattern.exec(text);
    if (!match) continue;
    if (!best || match.index < best.match.index || (match.index === best.match.index && match[0].length > best.match[0].length)) {
      best = { match, rule: r };
    }
  }
  if (!best) return { due: null, warnings: [], rest: text };
  const { match } = best;
  const resolved = best.rule.resolve(match, today, ctx);
  const warnings = resolved.warning ? [resolved.warning] : [];
  if (resolved.due && resolved.due < today) warnings.push(`Due date ${formatDate(resolved.due)} is in the past`);
  const rest = best.rule.keep ? text : `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`;
  return { due: resolved.due, warnings, rest: rest.replace(/\s+/g, ' ').trim() };
}
