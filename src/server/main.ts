import { seedDemoData } from '../demo/seed-demo-data';
import { DEMO_STAFF } from '../demo/school';
import { loadConfig } from '../env';
import { ConfigError } from '../errors';
import { createLogger } from '../logger';
import { loadDigestConfig } from '../tasks/digest-config';
import { scheduleWeeklyDigest } from '../tasks/digest-schedule';
import { loadReminderConfig } from '../tasks/reminder-config';
import { scheduleReminders } from '../tasks/reminder-schedule';
import { createBotFor } from './bot-wiring';
import { createServer } from './create-server';
import { localIdentity } from './identity';
import { openRepository } from './open-repository';
import { openRegisterStores } from './open-register-stores';
import { createWeeklyDigest } from './weekly-digest-wiring';
import { createReminderTask } from './reminder-wiring';

/** `npm start`: read configuration, open the store, seed the demo school if empty, listen. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const now = () => new Date();
  const repo = openRepository(config, now);
  if (config.demoData) {
    const added = await seedDemoData(repo, now());
    if (added > 0) logger.info({ added }, 'seeded demo data');
  }
  const digestConfig = loadDigestConfig(config.mode);
  const digest = digestConfig ? createWeeklyDigest(config, digestConfig, repo, logger, now) : null;
  // Tenant mode runs on several instances: a cloud timer calls POST /api/tasks/weekly-digest instead.
  if (digest && digestConfig?.cron && config.mode === 'embedded') scheduleWeeklyDigest(digest.task, digestConfig.cron, logger, now);
  const bot = await createBotFor(config, repo, logger, now);
  const reminderConfig = loadReminderConfig(config.mode);
  const reminderTask = createReminderTask(config, reminderConfig, repo, logger);
  // Tenant mode runs on several instances: a cloud timer calls POST /api/tasks/reminders instead.
  if (config.mode === 'embedded') scheduleReminders(reminderTask, reminderConfig.cron, logger, now);
  const server = createServer({
    config,
    bot,
    digest: digest?.routes,
    reminders: { reminderTask, taskKey: reminderConfig.taskKey },
    register: openRegisterStores(config, now) ?? undefined,
    repo,
    logger,
    now,
    authenticate: localIdentity({ ...DEMO_STAFF.senco, sendTeam: true }),
  });
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const url = `http://${config.host}:${address.port}`;
    process.stdout.write(
      [
        '',
        `SEND Tracker is running (${config.mode} mode, ${config.tenant ? 'SharePoint' : `SQLite at ${config.databaseFile}`}).`,
        `  Tracker API:   ${url}/api/actions`,
        `  Weekly check-in: ${url}/api/check-in`,
        `  Bot endpoint:  ${url}/api/messages`,
        '',
      ].join('\n'),
    );
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`SEND Tracker failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
