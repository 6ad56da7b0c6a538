import { openStores } from '@/app/open-stores';
import { DEMO_DIGEST_DEFAULTS } from '@/app/demo/school';
import { seedDemoData } from '@/app/demo/seed-demo-data';
import { loadConfig } from '@/app/config';
import { createLogger } from '@/platform/logger';
import { createServer } from '@/app/create-server';
import { localIdentity, type User } from '@/http/identity';
import { createWeeklyDigest } from '@/app/weekly-digest-wiring';
import { loadDigestConfig } from '@/digest/digest-config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MONDAY } from './digest-fixture';
import { listenOnLoopback } from '@tests/support/listen-on-loopback';

/**
 * The real server with the digest wired as `npm start` wires it (embedded outbox, SQLite send log),
 * seeded with the demo school. `mode: 'tenant'` switches only the task trigger's guard to the shared key.
 */
export async function startDigestApp(options: { user: User; mode?: 'embedded' | 'tenant'; taskKey?: string }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-app-'));
  const base = loadConfig({
    DATA_DIR: dir,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'https://tracker.oakfield.example',
  });
  const config = { ...base, mode: options.mode ?? 'embedded' } as const;
  const now = () => MONDAY;
  const logger = createLogger('silent');
  const { actions: repo, tasks } = openStores(config, now);
  await seedDemoData(repo, now());
  const digestConfig = loadDigestConfig('embedded', options.taskKey ? { TASK_KEY: options.taskKey } : {}, DEMO_DIGEST_DEFAULTS);
  if (!digestConfig) throw new Error('digest is always on in embedded mode');
  const digest = createWeeklyDigest(base, digestConfig, repo, logger, now, tasks);
  const server = createServer({ config, repo, logger, now, authenticate: localIdentity(options.user), digest: digest.routes });
  const { port } = await listenOnLoopback(server);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    outboxDir: path.join(dir, 'outbox'),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
