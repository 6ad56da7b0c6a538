import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Person } from '@/kernel/action';
import type { ReminderRunSummary } from '@/reminders/reminder-task';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { buildNewAction, senco, sencoActor } from '@tests/support/factories';
import { cardOf, startLoopbackBotConnector } from './support/loopback-bot-connector';

const OWNERS = 20;
const ITEMS_PER_OWNER = 3;
const root = path.resolve(__dirname, '../..');
const script = path.join(__dirname, 'support/run-reminder-task.ts');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-tracker-two-instances-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const owner = (i: number): Person => ({ id: `owner-${i}`, name: `Owner ${i}`, email: `owner${i}@oakfield.example` });

/** Starts one instance and resolves once it has opened the database and waits for `go`. */
function startInstance(
  file: string,
  url: string,
  instant: string,
): Promise<{ child: ChildProcessWithoutNullStreams; output: Promise<string> }> {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), [script, file, url, instant, senco.id], { cwd: root });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const output = new Promise<string>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`instance exited ${code}: ${stderr}`)))),
  );
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.startsWith('ready\n')) resolve({ child, output });
    });
    output.catch(reject);
  });
}

describe('two server instances running the reminder task at the same moment', () => {
  it('send each reminder exactly once, one card per owner', async () => {
    const file = path.join(dir, 'shared.db');
    const repo = new SqliteActionRepository(openDatabase(file), () => new Date('2026-04-20T09:00:00Z'));
    const inputs = Array.from({ length: OWNERS }, (_, i) =>
      Array.from({ length: ITEMS_PER_OWNER }, (_item, j) =>
        buildNewAction({ owner: owner(i), dueDate: ['2026-04-21', '2026-04-23', '2026-04-10'][j]! }),
      ),
    ).flat();
    const saved = await repo.createMany(inputs, sencoActor);
    const connector = await startLoopbackBotConnector();
    try {
      const instant = '2026-04-21T07:00:00Z';
      const instances = await Promise.all([startInstance(file, connector.url, instant), startInstance(file, connector.url, instant)]);
      for (const { child } of instances) child.stdin.write('go\n');
      const summaries = (await Promise.all(instances.map((i) => i.output))).map(
        (out) => JSON.parse(out.split('\n')[1]!) as ReminderRunSummary,
      );

      // One card per owner plus one for the SEND lead (the 11-day-overdue items escalate), and no more.
      const conversations = connector.received.map((r) => r.conversationId).sort();
      expect(conversations).toEqual([...Array.from({ length: OWNERS }, (_, i) => `personal-owner-${i}`), `personal-${senco.id}`].sort());

      const remindedIds = connector.received
        .filter((r) => r.conversationId !== `personal-${senco.id}`)
        .flatMap((r) =>
          (cardOf(r).refresh as { action: { data: { items: { actionId: string }[] } } }).action.data.items.map((i) => i.actionId),
        );
      expect(remindedIds.sort()).toEqual(saved.map((a) => a.id).sort());

      expect(summaries.reduce((n, s) => n + s.itemsReminded, 0)).toBe(OWNERS * ITEMS_PER_OWNER);
      expect(summaries.reduce((n, s) => n + s.escalations, 0)).toBe(OWNERS);
      process.stdout.write(`two instances: ${summaries.map((s) => `${s.itemsReminded} items/${s.cardsSent} cards`).join(' + ')}\n`);
    } finally {
      await connector.close();
    }
  }, 60_000);
});
