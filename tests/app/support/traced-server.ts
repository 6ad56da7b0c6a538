/**
 * The server with telemetry on, run as its own process by telemetry.test.ts (instrumentation patches
 * modules process-wide). Composed as open-stores.ts and main.ts compose it, over SharePoint (the Graph
 * stand-in, env GRAPH_BASE_URL, SITE_ID, GRAPH_TOKEN) for actions and task stores, the outbox in DATA_DIR; every request is the
 * SEND lead and the clock reads NOW. Prints `listening <port>`; on SIGTERM it closes and sends what telemetry it holds.
 */
import { telemetry } from '@/app/start-telemetry';
import path from 'node:path';
import { loadConfig } from '@/app/config';
import { createServer } from '@/app/create-server';
import { createReminderTask } from '@/app/reminder-wiring';
import { localIdentity } from '@/http/identity';
import { createLogger } from '@/platform/logger';
import { OutboxActionRepository } from '@/storage/outbox/outbox-action-repository';
import { SqliteOutboxStore } from '@/storage/outbox/sqlite-outbox-store';
import { createGraphClientFromConfig, createSharePointRepository } from '@/storage/sharepoint/create-sharepoint-repository';
import { createTaskStoresWithClient } from '@/storage/sharepoint/create-sharepoint-task-stores';
import { StaticTokenProvider } from '@/storage/sharepoint/msal-auth-provider';
import { openDatabase } from '@/storage/sqlite/open-database';
import { senco } from '@tests/support/factories';

async function main(): Promise<void> {
  const env = process.env;
  if (!telemetry) throw new Error('APPLICATIONINSIGHTS_CONNECTION_STRING is not set');
  const started = telemetry;
  const config = loadConfig({ DATA_DIR: env.DATA_DIR, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent' });
  const logger = createLogger('silent');
  const db = openDatabase(path.join(env.DATA_DIR!, 'send-tracker.db'));
  const now = () => new Date(env.NOW!);
  const sharePointConfig = {
    tenantId: 'oakfield.example',
    clientId: '00000000-0000-4000-8000-00000000000a',
    clientSecret: 'unused',
    siteId: env.SITE_ID!,
    baseUrl: env.GRAPH_BASE_URL!,
  };
  const authProvider = new StaticTokenProvider(env.GRAPH_TOKEN!);
  const sharePoint = createSharePointRepository(sharePointConfig, { authProvider, now });
  const repo = new OutboxActionRepository(sharePoint, new SqliteOutboxStore(db, now));
  const client = createGraphClientFromConfig(sharePointConfig, { authProvider });
  const stores = createTaskStoresWithClient(client, sharePointConfig.siteId, sharePointConfig.baseUrl);
  const reminderTask = createReminderTask(config, config.reminders, repo, logger, stores);
  const server = createServer({
    config,
    repo,
    logger,
    now,
    authenticate: localIdentity({ ...senco, sendTeam: true }),
    reminders: { reminderTask, taskKey: null },
    tabDir: env.DATA_DIR,
  });
  process.once('SIGTERM', () => {
    server.close();
    void started.shutdown().finally(() => process.exit(0));
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
