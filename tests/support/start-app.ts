import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@/app/config';
import { createLogger } from '@/platform/logger';
import { createServer } from '@/app/create-server';
import { localIdentity, type Authenticate, type User } from '@/http/identity';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { listenOnLoopback } from '@tests/support/listen-on-loopback';

export interface RunningApp {
  baseUrl: string;
  repo: SqliteActionRepository;
  databaseFile: string;
  close: () => Promise<void>;
}

/** Starts the real server on 127.0.0.1 with a fresh SQLite file. `user` is who every request comes from. */
export async function startApp(options: { user?: User; authenticate?: Authenticate; now?: () => Date } = {}): Promise<RunningApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-tracker-app-'));
  const config = loadConfig({ DATA_DIR: dir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent' });
  const now = options.now ?? (() => new Date());
  const repo = new SqliteActionRepository(openDatabase(config.databaseFile), now);
  const authenticate =
    options.authenticate ??
    localIdentity(options.user ?? { id: 'senco-1', name: 'Priya Shah', email: 'p.shah@oakfield.example', sendTeam: true });
  const server = createServer({ config, repo, logger: createLogger('silent'), now, authenticate });
  const { port } = await listenOnLoopback(server);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    repo,
    databaseFile: config.databaseFile,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** fetch + JSON, returning the status and parsed body. */
export async function call(baseUrl: string, method: string, url: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(baseUrl + url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
