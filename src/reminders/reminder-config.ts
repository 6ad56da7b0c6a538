import fs from 'node:fs';
import { Cron } from 'croner';
import { z } from 'zod';
import { reminderPolicySchema, type ReminderPolicy } from './reminder-policy';
import { schoolDatesSchema, type SchoolDates } from '@/kernel/school-calendar';
import { ConfigError } from '@/kernel/errors';
import { DEFAULT_SENDS_PER_SECOND } from './bot-connector-sender';

/**
 * Reminder settings, read and checked at start-up beside `loadConfig` (every problem at once).
 *
 * REMINDER_CRON               when the in-process scheduler runs (Europe/London), default weekdays 08:00 and 14:00
 * REMIND_DAYS_BEFORE          school days before the due date, default 2
 * REMIND_OVERDUE_EVERY_DAYS   overdue follow-up interval in days, default 3
 * REMIND_ESCALATE_AFTER_DAYS  days overdue before the SEND lead is told, default 7
 * SCHOOL_DATES_FILE           JSON `{ "terms": [{start,end}], "holidays": [{start,end,name}] }`
 * SEND_LEAD_ID, SEND_LEAD_NAME the SEND lead's Entra object id and display name (shared with the digest;
 *                             required in tenant mode, embedded mode defaults to the demo SENCO)
 * REMINDER_SENDS_PER_SECOND   proactive cards posted per second at most by the whole app, default 20 (Teams allows ~30 per bot)
 * REMINDER_INSTANCES          how many server instances may run the reminder task at once (App Service scale-out),
 *                             default 1: each instance sends at its share, REMINDER_SENDS_PER_SECOND / REMINDER_INSTANCES,
 *                             so together they stay under the per-bot limit
 * REMINDER_INSTALL_APP        tenant mode with Graph: `on` (default) installs the app for an owner who has no personal
 *                             chat with the bot (Graph, TeamsAppInstallation.ReadWriteSelfForUser.All), `off` falls back at once
 * TEAMS_APP_CATALOG_ID        the app's id in the organisation's app catalog (Teams admin centre), when it is not
 *                             read from someone's existing installation
 * TASK_KEY                    tenant mode: the cloud timer's `x-task-key` for POST /api/tasks/reminders
 */
export interface ReminderConfig {
  cron: string;
  policy: ReminderPolicy;
  schoolDates: SchoolDates;
  sendLead: { id: string; name: string };
  taskKey: string | null;
  /** This instance's Bot Connector posts per second: the app's rate divided among its instances. */
  sendsPerSecond: number;
  /** How many server instances may run at once (REMINDER_INSTANCES): also what decides whether a shared file is safe. */
  instances: number;
  /** Install the app for owners with no personal chat (tenant mode with Graph), and the catalog id if given. */
  installApp: { catalogAppId: string | null } | null;
}

/**
 * Weekdays at 08:00 and again at 14:00 (Europe/London). The afternoon run sends only what the morning
 * could not (claims are per occasion, so nothing twice): a reminder whose morning claim was left by a
 * crashed instance is reclaimed after its lease and still goes out on its day.
 */
export const DEFAULT_REMINDER_CRON = '0 8,14 * * 1-5';

const int = z.coerce.number().int();
const envSchema = z.object({
  REMINDER_CRON: z.string().trim().min(1).default(DEFAULT_REMINDER_CRON),
  REMIND_DAYS_BEFORE: int.optional(),
  REMIND_OVERDUE_EVERY_DAYS: int.optional(),
  REMIND_ESCALATE_AFTER_DAYS: int.optional(),
  SCHOOL_DATES_FILE: z.string().min(1).optional(),
  SEND_LEAD_ID: z.string().trim().min(1).max(100).optional(),
  SEND_LEAD_NAME: z.string().trim().min(1).max(200).optional(),
  REMINDER_SENDS_PER_SECOND: z.coerce.number().positive().max(30).optional(),
  REMINDER_INSTANCES: int.min(1).max(30).default(1),
  TASK_KEY: z.string().min(24, 'must be at least 24 characters').optional(),
  REMINDER_INSTALL_APP: z.enum(['on', 'off']).default('on'),
  TEAMS_APP_CATALOG_ID: z.string().trim().min(1).max(100).optional(),
});

const issues = (prefix: string, error: z.ZodError) =>
  error.issues.map((i) => `${[prefix, ...i.path].filter(Boolean).join('.')}: ${i.message}`);

/**
 * `defaultLead`: who gets escalations in embedded mode when SEND_LEAD_* is not set (the composition root passes the demo SENCO).
 * @throws ConfigError listing every problem found
 */
export function loadReminderConfig(
  mode: 'embedded' | 'tenant',
  env: NodeJS.ProcessEnv,
  defaultLead: { id: string; name: string },
): ReminderConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(issues('', parsed.error));
  const e = parsed.data;
  const problems: string[] = [];
  try {
    new Cron(e.REMINDER_CRON, { paused: true, timezone: 'Europe/London' }).stop();
  } catch (error) {
    problems.push(`REMINDER_CRON: ${(error as Error).message}`);
  }
  const policy = reminderPolicySchema.safeParse({
    daysBefore: e.REMIND_DAYS_BEFORE,
    overdueEveryDays: e.REMIND_OVERDUE_EVERY_DAYS,
    escalateAfterDays: e.REMIND_ESCALATE_AFTER_DAYS,
  });
  if (!policy.success) problems.push(...issues('REMIND', policy.error));
  const schoolDates = readSchoolDates(e.SCHOOL_DATES_FILE, problems);
  if (!!e.SEND_LEAD_ID !== !!e.SEND_LEAD_NAME) problems.push('SEND_LEAD_ID and SEND_LEAD_NAME: set both or neither');
  else if (!e.SEND_LEAD_ID && mode === 'tenant')
    problems.push('SEND_LEAD_ID and SEND_LEAD_NAME: required in tenant mode (reminders escalate to the SEND lead)');
  if (problems.length > 0 || !policy.success) throw new ConfigError(problems);
  return {
    cron: e.REMINDER_CRON,
    policy: policy.data,
    schoolDates,
    sendLead:
      e.SEND_LEAD_ID && e.SEND_LEAD_NAME ? { id: e.SEND_LEAD_ID, name: e.SEND_LEAD_NAME } : { id: defaultLead.id, name: defaultLead.name },
    taskKey: e.TASK_KEY ?? null,
    // Teams' limit is per bot, not per process: the instances share it (one budget, split evenly).
    sendsPerSecond: (e.REMINDER_SENDS_PER_SECOND ?? DEFAULT_SENDS_PER_SECOND) / e.REMINDER_INSTANCES,
    instances: e.REMINDER_INSTANCES,
    installApp: mode === 'tenant' && e.REMINDER_INSTALL_APP === 'on' ? { catalogAppId: e.TEAMS_APP_CATALOG_ID ?? null } : null,
  };
}

function readSchoolDates(file: string | undefined, problems: string[]): SchoolDates {
  if (!file) return { terms: [], holidays: [] };
  try {
    const result = schoolDatesSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (result.success) return result.data;
    problems.push(...issues('SCHOOL_DATES_FILE', result.error));
  } catch (error) {
    problems.push(`SCHOOL_DATES_FILE: cannot read it as JSON (${(error as Error).message})`);
  }
  return { terms: [], holidays: [] };
}
