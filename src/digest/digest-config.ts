import { Cron } from 'croner';
import { z } from 'zod';
import type { Person } from '@/kernel/action';
import { ConfigError } from '@/kernel/errors';

/**
 * Weekly digest settings, read and checked at start-up beside `loadConfig` (every problem at once).
 *
 * DIGEST_CRON      when the in-process scheduler runs (Europe/London); default Monday 07:00; `off` disables it
 * DIGEST_MAILBOX   tenant mode: UPN of the mailbox the digest is sent from (enables the digest);
 *                  embedded mode: the From address written into outbox .eml files
 * SEND_LEAD_ID, SEND_LEAD_NAME, SEND_LEAD_EMAIL
 *                  the SEND lead who gets the whole-school picture (tenant mode: required with DIGEST_MAILBOX;
 *                  embedded mode: defaults to the demo SENCO)
 * SCHOOL_NAME      shown at the top of the email
 * TASK_KEY         tenant mode: the cloud timer's `x-task-key` for POST /api/tasks/weekly-digest (unset: route closed)
 */
export interface DigestConfig {
  /** null: no in-process schedule (tenant mode uses a cloud timer calling the HTTP trigger). */
  cron: string | null;
  mailbox: string;
  lead: Person;
  schoolName: string;
  taskKey: string | null;
}

export const DEFAULT_DIGEST_CRON = '0 7 * * 1';

const envSchema = z.object({
  DIGEST_CRON: z.string().trim().min(1).default(DEFAULT_DIGEST_CRON),
  DIGEST_MAILBOX: z.email('must be the sending mailbox address').optional(),
  SEND_LEAD_ID: z.string().trim().min(1).max(100).optional(),
  SEND_LEAD_NAME: z.string().trim().min(1).max(200).optional(),
  SEND_LEAD_EMAIL: z.email('must be an email address').optional(),
  SCHOOL_NAME: z.string().trim().min(1).max(120).optional(),
  TASK_KEY: z.string().min(24, 'must be at least 24 characters').optional(),
});

/** Who stands in for the SEND lead and the school in embedded mode when nothing is set (the composition root passes the demo school's). */
export interface DigestDefaults {
  lead: Person & { email: string };
  schoolName: string;
}

/**
 * @returns null in tenant mode when DIGEST_MAILBOX is not set (the digest is off).
 * @throws ConfigError listing every problem found
 */
export function loadDigestConfig(mode: 'embedded' | 'tenant', env: NodeJS.ProcessEnv, defaults: DigestDefaults): DigestConfig | null {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const e = parsed.data;
  if (mode === 'tenant' && !e.DIGEST_MAILBOX) return null;
  const problems: string[] = [];
  const cron = e.DIGEST_CRON === 'off' ? null : e.DIGEST_CRON;
  if (cron) {
    try {
      new Cron(cron, { paused: true, timezone: 'Europe/London' }).stop();
    } catch (error) {
      problems.push(`DIGEST_CRON: ${(error as Error).message}`);
    }
  }
  const leadKeys = [e.SEND_LEAD_ID, e.SEND_LEAD_NAME, e.SEND_LEAD_EMAIL];
  const leadGiven = leadKeys.filter(Boolean).length;
  if (mode === 'tenant' && leadGiven < 3) problems.push('SEND_LEAD_ID, SEND_LEAD_NAME and SEND_LEAD_EMAIL: required for the weekly digest');
  if (mode === 'embedded' && leadGiven > 0 && leadGiven < 3)
    problems.push('SEND_LEAD_ID, SEND_LEAD_NAME and SEND_LEAD_EMAIL: set all three or none');
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    cron,
    mailbox: e.DIGEST_MAILBOX ?? 'send-tracker@send-tracker.invalid',
    lead: leadGiven === 3 ? { id: e.SEND_LEAD_ID!, name: e.SEND_LEAD_NAME!, email: e.SEND_LEAD_EMAIL! } : defaults.lead,
    schoolName: e.SCHOOL_NAME ?? (mode === 'embedded' ? defaults.schoolName : 'SEND Tracker'),
    taskKey: e.TASK_KEY ?? null,
  };
}
