import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reminderCard } from '@/reminders/reminder-card';
import { DEFAULT_REMINDER_POLICY } from '@/reminders/reminder-policy';
import { createSchoolCalendar } from '@/kernel/school-calendar';
import { createLogger } from '@/platform/logger';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { SqliteReminderLog } from '@/storage/sqlite/sqlite-reminder-log';
import { SqliteReminderRunLog } from '@/storage/sqlite/sqlite-reminder-run-log';
import { ReminderTask } from '@/reminders/reminder-task';
import { BotConnectorReminderSender, ReminderSendError, type SendPacing } from '@/reminders/bot-connector-sender';
import type { Clock } from '@/platform/pacing';
import { buildNewAction, senco, sencoActor, teacher } from '@tests/support/factories';
import { knownConversations } from './support/conversations';
import { startLoopbackBotConnector, type LoopbackBotConnector } from './support/loopback-bot-connector';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-tracker-reminder-pacing-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A clock that never really waits: `sleep` moves time on and remembers how long it was asked to wait. */
function fakeClock(): { clock: Clock; slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return { slept, clock: { now: () => now, sleep: async (ms) => void (slept.push(ms), (now += ms)) } };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const people = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`person-${i}`, `personal-${i}`]));

function senderFor(
  connector: LoopbackBotConnector,
  pacing: SendPacing,
  byUser: Record<string, string> = people,
): BotConnectorReminderSender {
  return new BotConnectorReminderSender({
    conversations: knownConversations(connector.url, byUser),
    serviceUrl: async () => connector.url,
    token: async () => null,
    pacing,
  });
}

describe('pacing proactive sends', () => {
  let connector: LoopbackBotConnector;
  afterEach(() => connector.close());

  it('spaces ten cards at 5 a second one fifth of a second apart, and delivers every one', async () => {
    connector = await startLoopbackBotConnector();
    const { clock, slept } = fakeClock();
    const sender = senderFor(connector, { sendsPerSecond: 5, clock });

    for (let i = 0; i < 10; i++)
      expect(await sender.sendToPerson({ id: `person-${i}` }, {})).toEqual({ delivered: true, installed: false });

    expect(connector.received).toHaveLength(10);
    expect(sum(slept)).toBe(9 * 200); // the first goes at once, each later one waits for a token
  });

  it('lets a burst go at once and then keeps to the rate', async () => {
    connector = await startLoopbackBotConnector();
    const { clock, slept } = fakeClock();
    const sender = senderFor(connector, { sendsPerSecond: 20, burst: 5, clock });

    for (let i = 0; i < 10; i++) await sender.sendToPerson({ id: `person-${i}` }, {});

    expect(sum(slept)).toBe(5 * 50);
  });

  it('waits as long as a 429 Retry-After says, then delivers the card once', async () => {
    connector = await startLoopbackBotConnector({ throttle: { 'personal-0': { times: 2, retryAfter: '3' } } });
    const { clock, slept } = fakeClock();
    const sender = senderFor(connector, { sendsPerSecond: 1000, clock });

    expect(await sender.sendToPerson({ id: 'person-0' }, {})).toEqual({ delivered: true, installed: false });

    expect(connector.throttled).toEqual(['personal-0', 'personal-0']);
    expect(connector.received.map((r) => r.conversationId)).toEqual(['personal-0']);
    expect(slept.filter((ms) => ms === 3000)).toHaveLength(2);
  });

  it('backs off, doubling, when a 429 carries no Retry-After', async () => {
    connector = await startLoopbackBotConnector({ throttle: { 'personal-0': { times: 3 } } });
    const { clock, slept } = fakeClock();
    const sender = senderFor(connector, { sendsPerSecond: 1000, defaultRetryAfterMs: 500, clock });

    await sender.sendToPerson({ id: 'person-0' }, {});

    expect(slept.filter((ms) => ms >= 500)).toEqual([500, 1000, 2000]);
  });

  it('gives up after the bounded re-tries, and at once when Retry-After is longer than it will wait', async () => {
    connector = await startLoopbackBotConnector({
      throttle: { 'personal-0': { times: 99, retryAfter: '1' }, 'personal-1': { times: 99, retryAfter: '600' } },
    });
    const { clock } = fakeClock();
    const sender = senderFor(connector, { sendsPerSecond: 1000, maxRetries: 2, maxRetryAfterMs: 60_000, clock });

    await expect(sender.sendToPerson({ id: 'person-0' }, {})).rejects.toBeInstanceOf(ReminderSendError);
    await expect(sender.sendToPerson({ id: 'person-1' }, {})).rejects.toBeInstanceOf(ReminderSendError);

    expect(connector.throttled).toEqual(['personal-0', 'personal-0', 'personal-0', 'personal-1']);
    expect(connector.received).toHaveLength(0);
  });
});

describe('ReminderTask under Bot Connector throttling', () => {
  it('gives the claim back when the Bot Connector keeps answering 429, so the next run sends the reminder once', async () => {
    const db = openDatabase(path.join(dir, 'throttled.db'));
    const repo = new SqliteActionRepository(db, () => new Date('2026-04-20T09:00:00Z'));
    await repo.createMany([buildNewAction({ dueDate: '2026-04-21' })], sencoActor);
    const reachable = { [teacher.id]: 'personal-tom', [senco.id]: 'personal-priya' };
    const throttled = await startLoopbackBotConnector({ throttle: { 'personal-tom': { times: 99, retryAfter: '2' } } });
    const healthy = await startLoopbackBotConnector();
    const task = (connector: LoopbackBotConnector) =>
      new ReminderTask({
        repo,
        log: new SqliteReminderLog(db),
        runs: new SqliteReminderRunLog(db),
        sender: senderFor(connector, { maxRetries: 2, clock: fakeClock().clock }, reachable),
        present: reminderCard,
        policy: DEFAULT_REMINDER_POLICY,
        calendar: createSchoolCalendar(),
        sendLead: senco,
        logger: createLogger('silent'),
      });
    try {
      expect(await task(throttled).run(new Date('2026-04-21T07:00:00Z'))).toMatchObject({ failed: 1, cardsSent: 0 });
      expect(throttled.throttled).toHaveLength(3);
      expect(await task(healthy).run(new Date('2026-04-21T07:05:00Z'))).toMatchObject({ failed: 0, cardsSent: 1, itemsReminded: 1 });
      expect(await task(healthy).run(new Date('2026-04-21T09:00:00Z'))).toMatchObject({ cardsSent: 0 });
      expect(healthy.received.map((r) => r.conversationId)).toEqual(['personal-tom']);
    } finally {
      await Promise.all([throttled.close(), healthy.close()]);
    }
  });
});
