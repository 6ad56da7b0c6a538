import { seedDemoData } from '../demo/seed-demo-data';
import { DEMO_STAFF } from '../demo/school';
import { loadConfig } from '../env';
import { ConfigError } from '../errors';
import { createLogger } from '../logger';
import { createServer } from './create-server';
import { localIdentity } from './identity';
import { openRepository } from './open-repository';

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
  const server = createServer({
    config,
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
