import path from 'node:path';
import { z } from 'zod';
import { DEMO_DIGEST_DEFAULTS, DEMO_STAFF } from './demo/school';
import { ConfigError } from '@/kernel/errors';
import { parseOutboxEnv, type OutboxTableConfig } from '@/storage/outbox/outbox-config';
import { parseSharePointEnv, type SharePointConfig } from '@/storage/sharepoint/sharepoint-config';
import { loadDigestConfig, type DigestConfig } from '@/digest/digest-config';
import { loadReminderConfig, type ReminderConfig } from '@/reminders/reminder-config';
import { isLoopbackAddress } from '@/platform/loopback';

/**
 * All configuration, read and checked once at start-up. Every problem in every section is
 * reported together, then the app exits.
 *
 * Embedded mode (default, nothing set): SQLite under DATA_DIR, a local identity, demo data, the bot
 * open to this machine only (for the Agents Playground), digests written to an outbox folder.
 *
 * Tenant mode (CLIENT_ID set): the bot validates Bot Framework tokens for that app (CLIENT_SECRET,
 * or the App Service managed identity when it is absent); the tab API validates Teams SSO tokens for
 * AAD_APP_CLIENT_ID; the SEND team is SEND_TEAM_GROUP_IDS and/or SEND_TEAM_USER_IDS. Actions live in
 * SharePoint when GRAPH_TENANT_ID, GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET and SHAREPOINT_SITE_ID are set.
 */
export interface Config {
  mode: 'embedded' | 'tenant';
  port: number;
  host: string;
  dataDir: string;
  databaseFile: string;
  demoData: boolean;
  logLevel: string;
  /** The base URL staff reach the app on; deep links in cards and emails start here. */
  publicUrl: string;
  /** The Teams app id (manifest `id`): when set, cards and emails link to the tab inside Teams. */
  teamsAppId: string | null;
  bot: BotCredentials | null;
  sso: SsoConfig | null;
  /** SharePoint Lists via Graph; null: the embedded SQLite store. */
  sharePoint: SharePointConfig | null;
  /** The outbox in front of SharePoint in Azure Table Storage, shared by every instance; null: a table in the local SQLite file. */
  outboxTable: OutboxTableConfig | null;
  /** null when the digest is off (tenant mode without DIGEST_MAILBOX). */
  digest: DigestConfig | null;
  reminders: ReminderConfig;
  /** Years SEN records are kept after the date of birth (IRMS toolkit: 31). */
  retentionYears: number;
}

/** The bot's app registration. No secret: the App Service's user-assigned managed identity. */
export interface BotCredentials {
  clientId: string;
  clientSecret: string | null;
  tenantId: string;
}

export interface SsoConfig {
  clientId: string;
  tenantIds: string[];
  /** v2 tokens carry the client id, v1 tokens the Application ID URI `api://<host>/<client id>`. */
  audiences: string[];
  sendTeamGroupIds: string[];
  sendTeamUserIds: string[];
}

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const guid = (what: string) => z.uuid(`must be ${what} (a GUID)`);
const list = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  )
  .optional();

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default('data'),
  DEMO_DATA: flag.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: z.url().optional(),
  TEAMS_APP_ID: guid('the Teams app id').optional(),
  CLIENT_ID: guid('the bot app registration client id').optional(),
  CLIENT_SECRET: z.string().min(1).optional(),
  TENANT_ID: guid('the tenant id').optional(),
  AAD_APP_CLIENT_ID: guid('the tab SSO app registration client id').optional(),
  ALLOWED_TENANT_IDS: list,
  SEND_TEAM_GROUP_IDS: list,
  SEND_TEAM_USER_IDS: list,
  RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(31),
});

/** `localhost` or a loopback address: the only places embedded mode may listen. */
function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || isLoopbackAddress(host);
}

/** @throws ConfigError listing every problem found, in every section. */
export function loadConfig(rawEnv: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (as App Service and .env templates leave them) means "not set".
  const env = Object.fromEntries(Object.entries(rawEnv).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const problems: string[] = [];
  const parsed = schema.safeParse(env);
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const e = parsed.success ? parsed.data : schema.parse({});
  const sharePoint = parseSharePointEnv(env);
  problems.push(...sharePoint.problems);
  const outboxTable = parseOutboxEnv(env);
  problems.push(...outboxTable.problems);

  const mode = env.CLIENT_ID || env.AAD_APP_CLIENT_ID ? 'tenant' : 'embedded';
  if (mode === 'tenant') {
    const missing = (['CLIENT_ID', 'TENANT_ID', 'AAD_APP_CLIENT_ID'] as const).filter((k) => !env[k]);
    problems.push(...missing.map((k) => `${k}: required in tenant mode`));
    if (!e.SEND_TEAM_GROUP_IDS?.length && !e.SEND_TEAM_USER_IDS?.length) {
      problems.push('SEND_TEAM_GROUP_IDS or SEND_TEAM_USER_IDS: required in tenant mode (who sees every record)');
    }
  } else if (!isLoopbackHost(e.HOST)) {
    problems.push(
      `HOST: embedded mode has no sign-in (everyone who reaches it is the demo SENCO), so it listens only on this machine (localhost, 127.0.0.1 or ::1), not on ${e.HOST}. To serve other machines, configure tenant mode (CLIENT_ID, TENANT_ID, AAD_APP_CLIENT_ID, SEND_TEAM_* and SEND_LEAD_*), where every request must be signed in.`,
    );
  }
  // Embedded mode without SEND_LEAD_*: the demo school's SENCO stands in as the lead.
  const digest = collect(problems, () => loadDigestConfig(mode, env, DEMO_DIGEST_DEFAULTS));
  const reminders = collect(problems, () => loadReminderConfig(mode, env, DEMO_STAFF.senco));
  // App Service's /home is a network share every instance writes: SQLite's locks are not safe there.
  // The shared outbox stands in front of SharePoint; without SharePoint it is unused (infra/azure.bicep
  // provisions it before the admin has set SHAREPOINT_SITE_ID).
  const sharedOutbox = sharePoint.config ? outboxTable.config : null;
  const opensSqlite = !sharedOutbox;
  if (mode === 'tenant' && opensSqlite && reminders && reminders.instances > 1 && path.resolve(e.DATA_DIR).startsWith('/home/')) {
    problems.push(
      `DATA_DIR: with ${reminders.instances} instances (REMINDER_INSTANCES) the SQLite file under ${e.DATA_DIR} would sit on a network share they all write, where SQLite's locking is not safe. Keep records in SharePoint (SHAREPOINT_SITE_ID, GRAPH_*) and the outbox in Table Storage (OUTBOX_TABLE_ENDPOINT, provisioned by infra/azure.bicep), or run one instance.`,
    );
  }
  if (problems.length > 0 || reminders === undefined || digest === undefined) throw new ConfigError(problems);

  const publicUrl = e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`;
  const bot = mode === 'tenant' ? { clientId: e.CLIENT_ID!, clientSecret: e.CLIENT_SECRET ?? null, tenantId: e.TENANT_ID! } : null;
  const sso =
    mode === 'tenant'
      ? {
          clientId: e.AAD_APP_CLIENT_ID!,
          tenantIds: [e.TENANT_ID!, ...(e.ALLOWED_TENANT_IDS ?? [])],
          audiences: [e.AAD_APP_CLIENT_ID!, `api://${new URL(publicUrl).host}/${e.AAD_APP_CLIENT_ID}`],
          sendTeamGroupIds: e.SEND_TEAM_GROUP_IDS ?? [],
          sendTeamUserIds: e.SEND_TEAM_USER_IDS ?? [],
        }
      : null;
  return {
    mode,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseFile: path.join(e.DATA_DIR, 'send-tracker.db'),
    demoData: e.DEMO_DATA ?? mode === 'embedded',
    logLevel: e.LOG_LEVEL,
    publicUrl,
    teamsAppId: e.TEAMS_APP_ID ?? null,
    bot,
    sso,
    sharePoint: sharePoint.config ?? null,
    outboxTable: sharedOutbox,
    digest,
    reminders,
    retentionYears: e.RETENTION_YEARS,
  };
}

/** Runs a section's loader, adding its ConfigError problems to `problems` instead of stopping. */
function collect<T>(problems: string[], load: () => T): T | undefined {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
    return undefined;
  }
}
