import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { once } from 'node:events';
import { buildNewAction } from '@tests/support/factories';
import { call, startApp, type RunningApp } from '@tests/support/start-app';

/**
 * Another process holding the SQLite file's write lock (a second instance, a backup tool, the
 * sqlite3 shell). The server must keep answering and must never hang or 500 on a write.
 */
function holdWriteLock(file: string): Promise<{ child: ChildProcessWithoutNullStreams; release: () => Promise<void> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(file)});
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); process.stdout.write('released\\n'); });
  `;
  const child = spawn(process.execPath, ['-e', script], { cwd: path.join(__dirname, '../../..') });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', () =>
      resolve({
        child,
        release: async () => {
          child.stdin.end('go\n');
          await once(child, 'exit');
        },
      }),
    );
  });
}

describe('the embedded database locked by another process', () => {
  let app: RunningApp;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(() => app.close());

  it('keeps answering while a write waits for the lock, and the write lands once the lock is gone', async () => {
    const lock = await holdWriteLock(app.databaseFile);
    let settled = false;
    const write = call(app.baseUrl, 'POST', '/api/actions', { actions: [buildNewAction()] }).finally(() => {
      settled = true;
    });

    // The server is not frozen: health and a read answer while the write is still waiting.
    expect((await call(app.baseUrl, 'GET', '/api/health')).status).toBe(200);
    expect((await call(app.baseUrl, 'GET', '/api/actions')).status).toBe(200);
    expect(settled).toBe(false);

    await lock.release();
    expect((await write).status).toBe(200);
    expect(await app.repo.query()).toHaveLength(1);
  });

  it('refuses a write with 503 and Retry-After when the lock outlasts the wait, and writes nothing', async () => {
    const lock = await holdWriteLock(app.databaseFile);
    try {
      const res = await fetch(`${app.baseUrl}/api/actions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ actions: [buildNewAction()] }),
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('2');
      expect(await res.json()).toMatchObject({ error: 'unavailable', message: expect.stringMatching(/nothing was changed/) });
    } finally {
      await lock.release();
    }
    expect(await app.repo.query()).toHaveLength(0);
  }, 15_000);
});
