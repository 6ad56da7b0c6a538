import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reminderCard } from '@/reminders/reminder-card';
import type { Person } from '@/kernel/action';
import { DEFAULT_REMINDER_POLICY } from '@/reminders/reminder-policy';
import { createSchoolCalendar } from '@/kernel/school-calendar';
import { createLogger } from '@/platform/logger';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { SqliteReminderLog } from '@/storage/sqlite/sqlite-reminder-log';
import { SqliteReminderRunLog } from '@/storage/sqlite/sqlite-reminder-run-log';
import { ReminderTask } from '@/reminders/reminder-task';
import { BotConnectorReminderSender } from '@/reminders/bot-connector-sender';
import type { ReminderSender } from '@/kernel/ports/reminder-sender';
import { buildNewAction, senco, sencoActor } from '@tests/support/factories';
import { knownConversations } from './support/conversations';
import { startLoopbackBotConnector } from './support/loopback-bot-connector';

const OWNERS = 25;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-tracker-reminder-crash-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const owner = (i: number): Person => ({ id: `owner-${i}`, name: `Owner ${i}`, email: `owner${i}@oakfield.example` });

describe('a reminder run that dies part-way', () => {
  it('keeps the outcomes recorded so far, and after the lease another instance sends the rest, repeating only the unrecorded sends', async () => {
    const file = path.join(dir, 'crash.db');
    const db = openDatabase(file);
    const repo = new SqliteActionRepository(db, () => new Date('2026-04-20T09:00:00Z'));
    await repo.createMany(
      Array.from({ length: OWNERS }, (_, i) => buildNewAction({ owner: owner(i), dueDate: '2026-04-21' })),
      sencoActor,
    );
    const connector = await startLoopbackBotConnector();
    const everyone = Object.fromEntries([
      ...Array.from({ length: OWNERS }, (_, i) => [owner(i).id, `personal-${i}`]),
      [senco.id, 'personal-senco'],
    ]);
    const real = new BotConnectorReminderSender({
      conversations: knownConversations(connector.url, everyone),
      serviceUrl: async () => connector.url,
      token: async () => null,
      pacing: { sendsPerSecond: 1000 },
    });
    let posted = 0;
    // The process dies while posting the 23rd card: nothing after it happens, nothing is given back.
    const dying: ReminderSender = {
      sendToPerson: (person, card) => (++posted === 23 ? new Promise(() => undefined) : real.sendToPerson(person, card)),
      postWithMention: (...args) => real.postWithMention(...args),
      canInstall: false,
      openChat: (id) => real.openChat(id),
      withChats: (ids) => real.withChats(ids),
    };
    const task = (sender: ReminderSender, log: SqliteReminderLog) =>
      new ReminderTask({
        repo,
        log,
        runs: new SqliteReminderRunLog(db),
        sender,
        present: reminderCard,
        policy: DEFAULT_REMINDER_POLICY,
        calendar: createSchoolCalendar(),
        sendLead: senco,
        logger: createLogger('silent'),
      });
    try {
      void task(dying, new SqliteReminderLog(db)).run(new Date('2026-04-21T07:00:00Z'));
      await new Promise<void>((resolve) => {
        const poll = setInterval(() => posted >= 23 && (clearInterval(poll), resolve()), 5);
      });
      await new Promise((resolve) => setImmediate(resolve));
      const outcomes = () => db.prepare('SELECT outcome, COUNT(*) AS n FROM reminder_log GROUP BY outcome ORDER BY outcome').all();
      // 22 cards went out; the first 20 outcomes were written as one whole group, the other 2 were pending.
      expect(outcomes()).toEqual([
        { outcome: null, n: 5 },
        { outcome: 'sent', n: 20 },
      ]);

      const survivor = task(real, new SqliteReminderLog(openDatabase(file)));
      expect(await survivor.run(new Date('2026-04-21T07:20:00Z'))).toMatchObject({ cardsSent: 0 }); // within the lease
      expect(await survivor.run(new Date('2026-04-21T07:31:00Z'))).toMatchObject({ cardsSent: 5, itemsReminded: 5 });

      const perOwner = new Map<string, number>();
      for (const r of connector.received) perOwner.set(r.conversationId, (perOwner.get(r.conversationId) ?? 0) + 1);
      // Everyone reminded; the two sent but not recorded before the crash are the only duplicates.
      expect(perOwner.size).toBe(OWNERS);
      expect([...perOwner.values()].filter((n) => n === 2)).toHaveLength(2);
      expect(outcomes()).toEqual([{ outcome: 'sent', n: 25 }]);
    } finally {
      await connector.close();
    }
  });
});
