import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type restify from 'restify';
import { seedDemoData } from '../../../src/demo/seed-demo-data';
import { DEMO_STAFF } from '../../../src/demo/school';
import type { NewActionInput } from '../../../src/domain/action';
import { loadConfig } from '../../../src/env';
import { createLogger } from '../../../src/logger';
import { createServer } from '../../../src/server/create-server';
import { localIdentity, type User } from '../../../src/server/identity';
import { openDatabase } from '../../../src/storage/sqlite/open-database';
import { SqliteActionRepository } from '../../../src/storage/sqlite/sqlite-action-repository';

export interface RunningApp {
  url: string;
  repo: SqliteActionRepository;
  close: () => Promise<void>;
}

export interface StartAppOptions {
  tabDir: string;
  /** Who the local identity is (default: the demo SENCO, in the SEND team). */
  user?: User;
  /** Extra actions to store after the demo data, e.g. thousands for a benchmark. */
  extra?: NewActionInput[];
  now?: () => Date;
}

/** The real server on 127.0.0.1 (port 0) over a fresh SQLite file holding the demo school. */
export async function startApp({ tabDir, user, extra = [], now = () => new Date() }: StartAppOptions): Promise<RunningApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-data-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0' });
  const db = openDatabase(config.databaseFile);
  const repo = new SqliteActionRepository(db, now);
  await seedDemoData(repo, now());
  for (let i = 0; i < extra.length; i += 200) await repo.createMany(extra.slice(i, i + 200), DEMO_STAFF.senco);
  const server: restify.Server = createServer({
    config,
    repo,
    logger: createLogger('silent'),
    now,
    authenticate: localIdentity(user ?? { ...DEMO_STAFF.senco, sendTeam: true }),
    tabDir,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    repo,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
