import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors';

/**
 * All configuration, read and checked once at start-up. Every problem is reported together.
 *
 * Embedded mode (default): SQLite under DATA_DIR, a local identity, demo data.
 * Tenant mode: set TENANT_ID, CLIENT_ID, CLIENT_SECRET (the app registration used by the bot and
 * for Graph) and SHAREPOINT_SITE_ID; the store becomes SharePoint Lists on that site.
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
  tenant: TenantConfig | null;
  /** The Teams app id (manifest `id`): when set, cards link to the tab inside Teams. */
  teamsAppId?: string | null;
}

export interface TenantConfig {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  siteId: string;
  graphBaseUrl: string;
}

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default('data'),
  DEMO_DATA: flag.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: z.url().optional(),
  TENANT_ID: z.uuid('must be the tenant id (a GUID)').optional(),
  CLIENT_ID: z.uuid('must be the app registration client id (a GUID)').optional(),
  CLIENT_SECRET: z.string().min(1).optional(),
  SHAREPOINT_SITE_ID: z.string().min(1).optional(),
  GRAPH_BASE_URL: z.url().default('https://graph.microsoft.com/v1.0'),
  TEAMS_APP_ID: z.uuid('must be the Teams app id (a GUID)').optional(),
});

const TENANT_KEYS = ['TENANT_ID', 'CLIENT_ID', 'CLIENT_SECRET', 'SHAREPOINT_SITE_ID'] as const;

/** @throws ConfigError listing every problem found. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const given = TENANT_KEYS.filter((k) => e[k] !== undefined);
  if (given.length > 0 && given.length < TENANT_KEYS.length) {
    throw new ConfigError(
      TENANT_KEYS.filter((k) => e[k] === undefined).map((k) => `${k}: required for tenant mode (you set ${given.join(', ')})`),
    );
  }
  const tenant: TenantConfig | null =
    given.length === TENANT_KEYS.length
      ? {
          tenantId: e.TENANT_ID!,
          clientId: e.CLIENT_ID!,
          clientSecret: e.CLIENT_SECRET!,
          siteId: e.SHAREPOINT_SITE_ID!,
          graphBaseUrl: e.GRAPH_BASE_URL,
        }
      : null;
  const mode = tenant ? 'tenant' : 'embedded';
  return {
    mode,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseFile: path.join(e.DATA_DIR, 'send-tracker.db'),
    demoData: e.DEMO_DATA ?? mode === 'embedded',
    logLevel: e.LOG_LEVEL,
    publicUrl: e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`,
    tenant,
    teamsAppId: e.TEAMS_APP_ID ?? null,
  };
}
