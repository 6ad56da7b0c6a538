import { z } from 'zod';
import { ConfigError } from '@/kernel/errors';

/** Settings for the SharePoint store, all from the environment. Secrets are never committed. */
export interface SharePointConfig {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** `{hostname},{site-collection-id},{web-id}`, as `GET /sites/{hostname}:/sites/{path}` returns it. */
  siteId: string;
  /** Only for tests and national clouds; default: public Microsoft Graph. */
  baseUrl?: string;
  /** The Entra sign-in host for a national cloud (e.g. `https://login.microsoftonline.us`); default: the public one. */
  authorityHost?: string;
}

export const SHAREPOINT_ENV = {
  tenantId: 'GRAPH_TENANT_ID',
  clientId: 'GRAPH_CLIENT_ID',
  clientSecret: 'GRAPH_CLIENT_SECRET',
  siteId: 'SHAREPOINT_SITE_ID',
  baseUrl: 'GRAPH_BASE_URL',
  authorityHost: 'GRAPH_AUTHORITY_HOST',
} as const;

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const schema = z.object({
  tenantId: z
    .string()
    .refine((v) => guid.test(v) || /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(v), 'must be the tenant id (a GUID) or its domain'),
  clientId: z.string().regex(guid, 'must be the app registration client id (a GUID)'),
  clientSecret: z.string().min(1, 'must not be empty'),
  siteId: z.string().regex(/^[a-z0-9.-]+,[0-9a-f-]{36},[0-9a-f-]{36}$/i, 'must look like {hostname},{site-collection-id},{web-id}'),
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .refine(
      (v) => v.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(v),
      'must be https (plain http only on loopback)',
    )
    .optional(),
  authorityHost: z
    .url({ protocol: /^https$/ })
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
});

/**
 * Reads the SharePoint settings. None set: `config` is undefined and the app uses the embedded store.
 * Some set: every missing or malformed one is listed in `problems` (nothing is thrown), so the
 * start-up env module can report them together with its own.
 */
export function parseSharePointEnv(env: NodeJS.ProcessEnv): { config?: SharePointConfig; problems: string[] } {
  const raw = Object.fromEntries(Object.entries(SHAREPOINT_ENV).map(([key, name]) => [key, env[name]?.trim() || undefined]));
  const required = ['tenantId', 'clientId', 'clientSecret', 'siteId'] as const;
  if (required.every((key) => raw[key] === undefined)) return { problems: [] };
  const problems = required
    .filter((key) => raw[key] === undefined)
    .map((key) => `${SHAREPOINT_ENV[key]} is not set (the SharePoint store needs ${required.map((k) => SHAREPOINT_ENV[k]).join(', ')})`);
  const result = schema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = issue.path[0] as keyof typeof SHAREPOINT_ENV;
      if (raw[key] !== undefined) problems.push(`${SHAREPOINT_ENV[key]} ${issue.message}`);
    }
  }
  return problems.length || !result.success ? { problems } : { config: result.data, problems };
}

/** As `parseSharePointEnv`, for scripts that need SharePoint. @throws ConfigError with every problem at once. */
export function requireSharePointEnv(env: NodeJS.ProcessEnv): SharePointConfig {
  const { config, problems } = parseSharePointEnv(env);
  if (problems.length) throw new ConfigError(problems);
  if (!config)
    throw new ConfigError(
      Object.values(SHAREPOINT_ENV)
        .slice(0, 4)
        .map((name) => `${name} is not set`),
    );
  return config;
}
