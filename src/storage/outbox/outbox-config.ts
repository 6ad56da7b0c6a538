import { z } from 'zod';

/**
 * Where the outbox in front of SharePoint lives when it is shared: Azure Table Storage, reached
 * with the web app's managed identity (`endpoint`, as infra/azure.bicep provisions it) or with a
 * connection string (the Azurite emulator, or a developer's storage account).
 */
export type OutboxTableConfig =
  { endpoint: string; connectionString: null; tableName: string } | { endpoint: null; connectionString: string; tableName: string };

export const OUTBOX_ENV = {
  endpoint: 'OUTBOX_TABLE_ENDPOINT',
  connectionString: 'OUTBOX_STORAGE_CONNECTION_STRING',
  tableName: 'OUTBOX_TABLE_NAME',
} as const;

const schema = z.object({
  endpoint: z.url({ protocol: /^https$/, error: 'must be the storage account’s https table endpoint' }).optional(),
  connectionString: z
    .string()
    .refine((v) => /AccountName=|UseDevelopmentStorage=true/.test(v), 'must be a storage connection string')
    .optional(),
  // Table names: 3–63 letters and digits, starting with a letter.
  tableName: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{2,62}$/, 'must be 3 to 63 letters and digits, starting with a letter')
    .default('sendoutbox'),
});

/** Reads the shared outbox's settings: `config` null when neither endpoint nor connection string is set. */
export function parseOutboxEnv(env: NodeJS.ProcessEnv): { config: OutboxTableConfig | null; problems: string[] } {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(OUTBOX_ENV).map(([key, name]) => [key, env[name] || undefined])));
  if (!parsed.success) {
    return { config: null, problems: parsed.error.issues.map((i) => `${OUTBOX_ENV[i.path[0] as keyof typeof OUTBOX_ENV]}: ${i.message}`) };
  }
  const { endpoint, connectionString, tableName } = parsed.data;
  if (endpoint && connectionString) {
    return { config: null, problems: [`${OUTBOX_ENV.endpoint} and ${OUTBOX_ENV.connectionString}: set one, not both`] };
  }
  if (endpoint) return { config: { endpoint, connectionString: null, tableName }, problems: [] };
  if (connectionString) return { config: { endpoint: null, connectionString, tableName }, problems: [] };
  return { config: null, problems: [] };
}
