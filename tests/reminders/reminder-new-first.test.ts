import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reminderCard } from '@/reminders/reminder-card';
import { handleReminderAction } from '@/reminders/reminder-action';
import { REMINDER_VERBS } from '@/reminders/reminder-verbs';
import { DEFAULT_REMINDER_POLICY } from '@/reminders/reminder-policy';
import { createSchoolCalendar } from '@/kernel/school-calendar';
import { createLogger } from '@/platform/logger';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { SqliteReminderLog } from '@/storage/sqlite/sqlite-reminder-log';
import { SqliteReminderRunLog } from '@/storage/sqlite/sqlite-reminder-run-log';
import { ReminderTask } from '@/reminders/reminder-task';
import { BotConnectorReminderSender } from '@/reminders/bot-connector-sender';
import { buildNewAction, senco, sencoActor, teacher } from '@tests/support/factories';
import { cardOf, startLoopbackBotConnector, type LoopbackBotConnector } from './support/loopback-bot-connector';
import { cardText } from './support/card-clicks';
import { knownConversations } from './support/conversations';

/** Each card lists first, under its own heading, what no earlier reminder showed; a refresh keeps it so. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-tracker-new-first-'));
let connector: LoopbackBotConnector;
afterAll(async () => {
  await connector.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('puts the items new since the last card first and says so, and a refresh keeps them there', async () => {
  connector = await startLoopbackBotConnector();
  let now = new Date('2026-04-21T07:00:00Z'); // Tuesday
  const db = openDatabase(path.join(dir, 'new-first.db'));
  const repo = new SqliteActionRepository(db, () => now);
  const task = new ReminderTask({
    repo,
    log: new SqliteReminderLog(db),
    runs: new SqliteReminderRunLog(db),
    sender: new BotConnectorReminderSender({
      conversations: knownConversations(connector.url, { [teacher.id]: 'personal-tom' }),
      serviceUrl: async () => connector.url,
      token: async () => null,
    }),
    present: reminderCard,
    policy: DEFAULT_REMINDER_POLICY,
    calendar: createSchoolCalendar(),
    sendLead: { id: senco.id, name: senco.name },
    logger: createLogger('silent'),
  });
  // Due Thursday: Tuesday's card says it is coming up, Thursday's that it is due.
  await repo.createMany([buildNewAction({ dueDate: '2026-04-23', description: 'Share the one-page profile' })], sencoActor);
  await task.run(now);
  expect(cardText(cardOf(connector.received.at(-1)!))).not.toContain('New since your last reminder');

  now = new Date('2026-04-23T07:00:00Z');
  await repo.createMany([buildNewAction({ dueDate: '2026-04-23', description: 'Phone parent about the reading plan' })], sencoActor);
  await task.run(now);

  const card = cardOf(connector.received.at(-1)!);
  const order = (text: string) =>
    ['New since your last reminder', 'Phone parent about the reading plan', 'From earlier reminders', 'Share the one-page profile'].map(
      (t) => text.indexOf(t),
    );
  const positions = order(cardText(card));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);

  const refresh = (card.refresh as { action: { data: Record<string, unknown> } }).action.data;
  const refreshed = await handleReminderAction({ repo, sendTeamIds: [senco.id], now: () => now }, REMINDER_VERBS.refresh, refresh, teacher);
  const again = order(cardText(refreshed));
  expect(again.every((p) => p >= 0)).toBe(true);
  expect([...again].sort((a, b) => a - b)).toEqual(again);
});
