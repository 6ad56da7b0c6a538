import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { startProvisionedSite, type ProvisionedSite } from '@tests/graph-stand-in/provisioned-site';

const TSX = path.join(__dirname, '../../../node_modules/.bin/tsx');
const LOOP = path.join(__dirname, 'support/write-loop.ts');
const TOTAL = 40;

interface Run {
  acks: { i: number; outcome: string }[];
  lines: string[];
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  /** Resolves once `n` acknowledgements have been printed. */
  acked(n: number): Promise<void>;
  kill(): void;
}

function runLoop(env: Record<string, string>): Run {
  const child = spawn(TSX, [LOOP], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const acks: Run['acks'] = [];
  const lines: string[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  let stderr = '';
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      lines.push(line);
      const m = /^ack (\d+) (\w+)$/.exec(line);
      if (m) acks.push({ i: Number(m[1]), outcome: m[2]! });
      for (const waiter of waiters.filter((w) => acks.length >= w.n)) waiter.resolve();
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  return {
    acks,
    lines,
    exit,
    acked: (n) =>
      new Promise<void>((resolve, reject) => {
        if (acks.length >= n) return resolve();
        waiters.push({ n, resolve });
        void exit.then(({ stderr: err }) => reject(new Error(`write loop ended before ${n} acks: ${err}`)));
      }),
    kill: () => child.kill('SIGKILL'),
  };
}

describe('killing the server mid-write (child process, SIGKILL)', () => {
  let site: ProvisionedSite;
  let dir: string;
  beforeAll(async () => {
    site = await startProvisionedSite();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-kill-'));
  });
  afterAll(async () => {
    await site.standIn.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loses and duplicates nothing: after restart and replay every action is stored exactly once, in SQLite and in SharePoint', async () => {
    const dbFile = path.join(dir, 'send-tracker.db');
    const env = { DB_FILE: dbFile, GRAPH_BASE_URL: site.standIn.baseUrl, SITE_ID: site.standIn.siteId, GRAPH_TOKEN: site.standIn.token };
    // SharePoint refuses the first three writes for longer than the Graph client retries.
    site.standIn.inject({ kind: 'unavailable', operation: '$batch', count: 12, retryAfterSeconds: 0 });

    const first = runLoop({ ...env, FROM: '0', TO: String(TOTAL) });
    await first.acked(20);
    first.kill();
    const ended = await first.exit;
    expect(ended.signal).toBe('SIGKILL');
    expect(first.lines).not.toContain('done');
    const acked = first.acks.length;
    expect(acked).toBeLessThan(TOTAL);
    expect(first.acks.filter((a) => a.outcome === 'pending').map((a) => a.i)).toEqual([0, 1, 2]);

    // The restarted server replays its outbox; the client re-sends what it never heard back about.
    const second = runLoop({ ...env, FROM: String(acked), TO: String(TOTAL), REPLAY_FIRST: '1' });
    const { code, stderr } = await second.exit;
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(second.lines[0]).toBe('replayed {"sent":3,"conflicts":0,"failed":0,"pending":0}');

    const expected = Array.from({ length: TOTAL }, (_, i) => `kill-${i}`).sort();
    const keysIn = async (repo: { query(): Promise<{ idempotencyKey?: string | undefined }[]> }) =>
      (await repo.query()).map((a) => a.idempotencyKey ?? '').sort();
    expect(await keysIn(site.repository())).toEqual(expected);
    expect(await keysIn(new SqliteActionRepository(openDatabase(dbFile)))).toEqual(expected);
  }, 60_000);
});
