// First: telemetry must be in place before any module below loads `http`.
import { telemetry } from './start-telemetry';
import { seedDemoData } from './demo/seed-demo-data';
import { seedDemoRegister } from './demo/seed-demo-register';
import { DEMO_STAFF } from './demo/school';
import { loadConfig, type Config } from './config';
import { ConfigError } from '@/kernel/errors';
import { createLogger } from '@/platform/logger';
import { scheduleTask } from '@/platform/schedule-task';
import { entraJwksUri, entraSso } from '@/http/auth/entra-sso';
import { createBotFor, storedSchoolDirectory } from './bot-wiring';
import { demoRoles } from './demo/demo-context';
import { seedRolesIfEmpty } from '@/roles/seed-roles';
import { createServer } from './create-server';
import { localIdentity, type Authenticate } from '@/http/identity';
import { OutboxActionRepository } from '@/storage/outbox/outbox-action-repository';
import { startOutboxReplay } from '@/storage/outbox/outbox-replay-loop';
import { openStores } from './open-stores';
import { createReminderTask } from './reminder-wiring';
import { createWeeklyDigest } from './weekly-digest-wiring';

/** Tenant mode: Teams SSO tokens. Embedded mode: everyone on this machine is the demo SENCO. */
function authenticatorFor(config: Config): Authenticate {
  if (!config.sso) return localIdentity({ ...DEMO_STAFF.senco, sendTeam: true });
  return entraSso({ ...config.sso, jwksUri: entraJwksUri });
}

/** `npm start`: read configuration, open the store, seed the demo school if empty, listen. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const now = () => new Date();
  const { actions: repo, tasks: stores, register: registerStores, graphAuth } = openStores(config, now, logger);
  if (repo instanceof OutboxActionRepository) startOutboxReplay(repo, { logger });
  if (config.demoData) {
    const added = await seedDemoData(repo, now());
    if (added > 0) logger.info({ added }, 'seeded demo data');
  }
  if (registerStores && config.mode === 'embedded' && config.demoData) {
    await seedRolesIfEmpty(registerStores.roles, demoRoles());
    const pupils = await seedDemoRegister({ ...registerStores, plans: registerStores.ehcPlans, actions: repo }, now());
    if (pupils > 0) logger.info({ pupils }, 'seeded the demo register');
  }
  const directory = registerStores ? storedSchoolDirectory(config, registerStores, logger) : undefined;
  const digest = config.digest ? createWeeklyDigest(config, config.digest, repo, logger, now, stores, graphAuth) : null;
  const reminderTask = createReminderTask(config, config.reminders, repo, logger, { ...stores, graphAuth });
  // Every instance runs the schedule: the claims make each reminder and digest go out once however
  // many run at the same moment. POST /api/tasks/* is there for a cloud timer as well.
  if (digest && config.digest?.cron) scheduleTask('weekly-digest', digest.task, config.digest.cron, logger, now);
  scheduleTask('reminders', reminderTask, config.reminders.cron, logger, now);
  const server = createServer({
    config,
    repo,
    logger,
    now,
    authenticate: authenticatorFor(config),
    bot: await createBotFor(config, repo, logger, now, stores, directory),
    digest: digest?.routes,
    reminders: { reminderTask, taskKey: config.reminders.taskKey },
    register: registerStores
      ? { ...registerStores, onImported: () => directory?.invalidate(), retentionYears: config.retentionYears }
      : undefined,
    roles: registerStores ? { roles: registerStores.roles, onChange: () => directory?.invalidate() } : undefined,
  });
  // App Service stops an instance with SIGTERM: finish the requests in hand and send the telemetry still buffered.
  const stop = () => {
    server.close();
    void (telemetry?.shutdown() ?? Promise.resolve()).finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  server.listen(config.port, config.host, () => {
    const url = `http://${config.host}:${server.address().port}`;
    process.stdout.write(
      [
        '',
        `SEND Tracker is running (${config.mode} mode, ${config.sharePoint ? 'SharePoint Lists' : `SQLite at ${config.databaseFile}`}).`,
        `  Tracker tab:     ${url}/tab/`,
        `  Weekly check-in: ${url}/tab/?view=check-in`,
        `  Bot endpoint:    ${url}/api/messages (try it with: npx agentsplayground -e ${url}/api/messages -c msteams)`,
        '',
      ].join('\n'),
    );
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigError
      ? `${error.message}\n`
      : `SEND Tracker failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
