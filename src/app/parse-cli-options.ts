import { parseArgs } from 'node:util';
import { z } from 'zod';
import { isIsoDate, type IsoDate } from '@/kernel/dates';
import { ValidationError } from '@/kernel/errors';
import { fromLondonLocal } from '@/kernel/dates';

export const CLI_USAGE = `Usage: npm run --silent parse -- [--now YYYY-MM-DDTHH:MM] [--term-end YYYY-MM-DD] [--next-review YYYY-MM-DD] "message text" | -
  --now          when the message was sent; without a zone it is London time (default: now)
  --term-end     end of the current term, for "end of term"
  --next-review  the pupil's next review, for "next review"
  -              read the message from standard input`;

export interface CliOptions {
  now: Date;
  termEnd: IsoDate | null;
  nextReview: IsoDate | null;
  /** The message, or null to read standard input. */
  text: string | null;
  help: boolean;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** "2026-04-23T10:00" is London wall-clock time; "2026-04-23T09:00Z" or "+01:00" is an exact instant. */
export function parseNow(value: string): Date | null {
  const local = LOCAL.exec(value);
  if (local) {
    const [, y, mo, d, h = '0', mi = '0', s = '0'] = local;
    if (!isIsoDate(`${y}-${mo}-${d}`) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
    return fromLondonLocal(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s));
  }
  if (!WITH_ZONE.test(value) || !isIsoDate(value.slice(0, 10))) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

const dateFlag = z.string().refine(isIsoDate, 'must be a real date, YYYY-MM-DD').nullable();
const flagsSchema = z.object({
  now: z
    .string()
    .nullable()
    .transform((v, ctx) => {
      if (v === null) return new Date();
      const parsed = parseNow(v);
      if (!parsed) ctx.addIssue({ code: 'custom', message: 'must be a date and time such as 2026-04-23T10:00' });
      return parsed ?? new Date(NaN);
    }),
  'term-end': dateFlag,
  'next-review': dateFlag,
});

/**
 * Reads the CLI's arguments. Pure: `now` is only taken from the clock when --now is absent.
 * @throws ValidationError naming every bad flag (the CLI prints it and exits with code 2).
 */
export function parseCliArgs(argv: string[]): CliOptions {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new ValidationError([{ path: '', message: error instanceof Error ? error.message : String(error) }]);
  }
  const { values, positionals } = parsed;
  if (values.help) return { now: new Date(), termEnd: null, nextReview: null, text: null, help: true };
  const problems: { path: string; message: string }[] = [];
  const flags = flagsSchema.safeParse({
    now: values.now ?? null,
    'term-end': values['term-end'] ?? null,
    'next-review': values['next-review'] ?? null,
  });
  if (!flags.success) {
    for (const issue of flags.error.issues) problems.push({ path: `--${issue.path.join('.')}`, message: issue.message });
  }
  if (positionals.length !== 1) {
    problems.push({ path: 'text', message: `give the message as one argument (or - for standard input), got ${positionals.length}` });
  }
  if (!flags.success || problems.length > 0) throw new ValidationError(problems);
  return {
    now: flags.data.now,
    termEnd: flags.data['term-end'],
    nextReview: flags.data['next-review'],
    text: positionals[0] === '-' ? null : positionals[0]!,
    help: false,
  };
}

const OPTIONS = {
  now: { type: 'string' },
  'term-end': { type: 'string' },
  'next-review': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
