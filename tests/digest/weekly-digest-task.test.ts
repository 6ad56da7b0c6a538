import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEMO_STAFF } from '@/app/demo/school';
import { GraphMailSender } from '@/digest/graph-mail-sender';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteDigestLog } from '@/storage/sqlite/sqlite-digest-log';
import { digestTask, MONDAY, outboxRecipients, outboxSender, seededStore } from './support/digest-fixture';
import { fakeClock, startSendMailServer } from './support/send-mail-server';

const run = promisify(execFile);

describe('WeeklyDigestTask', () => {
  it('sends the SEND lead and every owner with something to report one digest each', async () => {
    const store = await seededStore();
    const { task } = digestTask(store.file, outboxSender(store.outboxDir));
    const result = await task.run(MONDAY);
    expect(result.week).toBe('2026-W48');
    expect(result.sent[0]).toBe(DEMO_STAFF.senco.id);
    expect(result.failed).toEqual([]);
    const recipients = outboxRecipients(store.outboxDir);
    expect(recipients).toHaveLength(result.sent.length);
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(recipients).toContain(DEMO_STAFF.senco.email);
  });

  it('does not send twice when run again in the same week', async () => {
    const store = await seededStore();
    const { task } = digestTask(store.file, outboxSender(store.outboxDir));
    const first = await task.run(MONDAY);
    const second = await task.run(new Date('2026-11-25T16:00:00Z'));
    expect(second.sent).toEqual([]);
    expect(second.skipped.sort()).toEqual([...first.sent].sort());
    expect(outboxRecipients(store.outboxDir)).toHaveLength(first.sent.length);
  });

  it('sends again the next week', async () => {
    const store = await seededStore();
    const { task } = digestTask(store.file, outboxSender(store.outboxDir));
    const first = await task.run(MONDAY);
    const next = await task.run(new Date('2026-11-30T07:00:00Z'));
    expect(next.week).toBe('2026-W49');
    expect(next.sent.length).toBeGreaterThan(0);
    expect(outboxRecipients(store.outboxDir)).toHaveLength(first.sent.length + next.sent.length);
  });

  it('sends each digest once when two instances run over the same database at once', async () => {
    const store = await seededStore();
    const a = digestTask(store.file, outboxSender(store.outboxDir));
    const b = digestTask(store.file, outboxSender(store.outboxDir));
    const [ra, rb] = await Promise.all([a.task.run(MONDAY), b.task.run(MONDAY)]);
    const sent = [...ra.sent, ...rb.sent].sort();
    expect(new Set(sent).size).toBe(sent.length);
    expect(outboxRecipients(store.outboxDir)).toHaveLength(sent.length);
    expect([...ra.sent, ...ra.skipped].sort()).toEqual([...rb.sent, ...rb.skipped].sort());
  });

  it('sends each digest once when two processes run it over the same file at once', async () => {
    const store = await seededStore();
    const script = path.join(__dirname, 'support', 'run-digest-process.ts');
    const spawnOne = () =>
      run(process.execPath, ['--import', 'tsx', script, store.file, store.outboxDir], { cwd: path.resolve(__dirname, '../..') });
    const [a, b] = await Promise.all([spawnOne(), spawnOne()]);
    const ra = JSON.parse(a.stdout) as { sent: string[]; skipped: string[] };
    const rb = JSON.parse(b.stdout) as { sent: string[]; skipped: string[] };
    const sent = [...ra.sent, ...rb.sent];
    expect(new Set(sent).size).toBe(sent.length);
    expect(sent.length).toBeGreaterThan(1);
    expect(outboxRecipients(store.outboxDir)).toHaveLength(sent.length);
  }, 30_000);

  it('retries a digest whose send failed on the next run, and only that one', async () => {
    const store = await seededStore();
    const clock = fakeClock();
    const graph = await startSendMailServer(clock.now);
    try {
      const sender = new GraphMailSender({
        baseUrl: graph.baseUrl,
        mailbox: 'send-tracker@oakfield.example',
        getAccessToken: async () => 't',
        clock,
      });
      const { task } = digestTask(store.file, sender);
      graph.queue({ status: 500 });
      const first = await task.run(MONDAY);
      expect(first.failed).toEqual([DEMO_STAFF.senco.id]);
      const second = await task.run(new Date('2026-11-23T08:00:00Z'));
      expect(second.sent).toEqual([DEMO_STAFF.senco.id]);
      const accepted = graph.requests
        .slice(1)
        .map(
          (r) =>
            (r.body as { message: { toRecipients: { emailAddress: { address: string } }[] } }).message.toRecipients[0]?.emailAddress
              .address,
        );
      expect(accepted.filter((a) => a === DEMO_STAFF.senco.email)).toHaveLength(1);
      expect(new Set(accepted).size).toBe(accepted.length);
    } finally {
      await graph.close();
    }
  });
});

describe('SqliteDigestLog', () => {
  it('lets a claim whose runner died be taken over after the lease, but not before', async () => {
    const store = await seededStore();
    const log = new SqliteDigestLog(openDatabase(store.file), 30 * 60_000);
    const claimed = await log.claim('staff-1', '2026-W48', MONDAY);
    expect(claimed).not.toBeNull();
    expect(await log.claim('staff-1', '2026-W48', new Date(MONDAY.getTime() + 10 * 60_000))).toBeNull();
    const retaken = await log.claim('staff-1', '2026-W48', new Date(MONDAY.getTime() + 31 * 60_000));
    expect(retaken?.token).not.toBe(claimed?.token);
    // The dead runner's late "sent" no longer counts: only the new claim can mark it.
    await log.markSent(claimed!, 'late', MONDAY);
    expect(await log.claim('staff-1', '2026-W48', new Date(MONDAY.getTime() + 62 * 60_000))).not.toBeNull();
  });

  it('never hands out a claim once the digest was sent', async () => {
    const store = await seededStore();
    const log = new SqliteDigestLog(openDatabase(store.file), 1);
    const claim = await log.claim('staff-2', '2026-W48', MONDAY);
    await log.markSent(claim!, 'file.eml', MONDAY);
    expect(await log.claim('staff-2', '2026-W48', new Date('2026-11-29T23:00:00Z'))).toBeNull();
  });
});
