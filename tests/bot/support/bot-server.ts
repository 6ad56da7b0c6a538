import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DEMO_STAFF } from '@/app/demo/school';
import { loadConfig } from '@/app/config';
import { createLogger } from '@/platform/logger';
import { createBotFor } from '@/app/bot-wiring';
import { createServer } from '@/app/create-server';
import { localIdentity } from '@/http/identity';
import { openStores } from '@/app/open-stores';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteConversationReferenceStore } from '@/storage/sqlite/sqlite-conversation-reference-store';

/**
 * The real server (restify + Teams SDK bot) in embedded mode on `host` (default 127.0.0.1), port 0, over a fresh
 * SQLite file. `now` is fixed so relative dates ("by Friday") are predictable.
 */
export async function startBotServer({ now = new Date('2026-04-23T09:00:00Z'), host = '127.0.0.1' } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-tracker-bot-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, DEMO_DATA: 'false', LOG_LEVEL: 'silent' });
  const logger = createLogger('silent');
  const clock = () => now;
  const { actions: repo, tasks } = openStores(config, clock);
  const bot = await createBotFor(config, repo, logger, clock, tasks);
  const server = createServer({
    config,
    repo,
    logger,
    now: clock,
    bot,
    authenticate: localIdentity({ ...DEMO_STAFF.senco, sendTeam: true }),
  });
  await new Promise<void>((resolve) => server.listen(0, host, () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    port: (server.address() as AddressInfo).port,
    config,
    repo,
    conversations: new SqliteConversationReferenceStore(openDatabase(config.databaseFile)),
    /** POSTs an activity to /api/messages and returns status and JSON body (if any). */
    post: async (activity: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
