import { DEMO_STAFF } from '@/app/demo/school';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reminderCard } from '@/reminders/reminder-card';
import { DEFAULT_REMINDER_POLICY } from '@/reminders/reminder-policy';
import { createSchoolCalendar } from '@/kernel/school-calendar';
import { ConfigError } from '@/kernel/errors';
import { createLogger } from '@/platform/logger';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { SqliteReminderLog } from '@/storage/sqlite/sqlite-reminder-log';
import { SqliteReminderRunLog } from '@/storage/sqlite/sqlite-reminder-run-log';
import { DEFAULT_REMINDER_CRON, loadReminderConfig } from '@/reminders/reminder-config';
import { ReminderTask } from '@/reminders/reminder-task';
import { BotConnectorReminderSender } from '@/reminders/bot-connector-sender';
import { buildNewAction, senco, sencoActor, teacher } from '@tests/support/factories';
import { knownConversations } from './support/conversations';
import { startLoopbackBotConnector } from './support/loopback-bot-connector';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-tracker-reminder-task-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function setUp(
  failFor: string[] = [],
  reachable: Record<string, string> = { [teacher.id]: 'personal-tom', [senco.id]: 'personal-priya' },
  /** Faults to put into the real SQLite log. */
  logFaults: Partial<SqliteReminderLog> = {},
  /** Faults to put into the real SQLite run log. */
  runFaults: Partial<SqliteReminderRunLog> = {},
  calendar = createSchoolCalendar(),
) {
  const db = openDatabase(path.join(dir, `task-${++n}.db`));
  const repo = new SqliteActionRepository(db, () => new Date('2026-04-20T09:00:00Z'));
  const connector = await startLoopbackBotConnector({ failFor });
  const task = (url = connector.url, people = reachable) =>
    new ReminderTask({
      repo,
      log: Object.assign(new SqliteReminderLog(db), logFaults),
      runs: Object.assign(new SqliteReminderRunLog(db), runFaults),
      sender: new BotConnectorReminderSender({
        conversations: knownConversations(url, people),
        serviceUrl: async () => url,
        token: async () => null,
      }),
      present: reminderCard,
      policy: DEFAULT_REMINDER_POLICY,
      calendar,
      sendLead: senco,
      logger: createLogger('silent'),
    });
  return { repo, connector, task, runs: new SqliteReminderRunLog(db) };
}

describe('ReminderTask', () => {
  it('sends nothing at a weekend or on a bank holiday', async () => {
    const { repo, connector, task } = await setUp();
    await repo.createMany([buildNewAction({ dueDate: '2026-05-04' }), buildNewAction({ dueDate: '2026-04-01' })], sencoActor);
    try {
      expect(await task().run(new Date('2026-04-25T07:00:00Z'))).toMatchObject({ schoolDay: false, cardsSent: 0 });
      expect(await task().run(new Date('2026-05-04T07:00:00Z'))).toMatchObject({ schoolDay: false, cardsSent: 0 });
      expect(connector.received).toHaveLength(0);
    } finally {
      await connector.close();
    }
  });

  it('in a school holiday sends the statutory steps only, and reports the day as not a school day', async () => {
    const halfTerm = createSchoolCalendar({ holidays: [{ start: '2026-05-25', end: '2026-05-29', name: 'Half term' }] });
    const { repo, connector, task } = await setUp(undefined, undefined, {}, {}, halfTerm);
    await repo.createMany(
      [
        buildNewAction({
          owner: teacher,
          dueDate: '2026-05-27',
          description: 'Send the annual review report',
          statutory: { step: 'review-report', cycle: '2025-06-01' },
        }),
        buildNewAction({ owner: teacher, dueDate: '2026-05-27', description: 'Share the one-page profile' }),
      ],
      sencoActor,
    );
    try {
      expect(await task().run(new Date('2026-05-27T07:00:00Z'))).toMatchObject({ schoolDay: false, cardsSent: 1, itemsReminded: 1 });
      expect(JSON.stringify(connector.received)).toContain('Send the annual review report');
      expect(JSON.stringify(connector.received)).not.toContain('Share the one-page profile');
    } finally {
      await connector.close();
    }
  });

  it('still sends the cards, by due date, when the store cannot say which items earlier cards showed', async () => {
    // The real SQLite log, with its one read failing as a SharePoint outage would.
    const { repo, connector, task } = await setUp(undefined, undefined, {
      shownBefore: () => Promise.reject(new Error('503 from SharePoint')),
    });
    await repo.createMany([buildNewAction({ dueDate: '2026-04-21' })], sencoActor);
    try {
      expect(await task().run(new Date('2026-04-21T07:00:00Z'))).toMatchObject({ cardsSent: 1, itemsReminded: 1, failed: 0 });
    } finally {
      await connector.close();
    }
  });

  it('keeps a report of every run, non-school days included, for the Reminders panel', async () => {
    const { repo, connector, task, runs } = await setUp(undefined, { [teacher.id]: 'personal-tom' });
    await repo.createMany([buildNewAction({ dueDate: '2026-04-21' })], sencoActor);
    try {
      await task().run(new Date('2026-04-18T07:00:00Z'));
      await task().run(new Date('2026-04-21T07:00:00Z'));

      expect(await runs.recent('2026-04-01', 10)).toEqual([
        expect.objectContaining({ ranAt: '2026-04-21T07:00:00.000Z', today: '2026-04-21', schoolDay: true, cardsSent: 1, unreached: [] }),
        expect.objectContaining({ ranAt: '2026-04-18T07:00:00.000Z', today: '2026-04-18', schoolDay: false, cardsSent: 0 }),
      ]);
    } finally {
      await connector.close();
    }
  });

  it('still sends and settles every reminder when the run report cannot be kept', async () => {
    const { repo, connector, task } = await setUp(undefined, undefined, undefined, {
      record: () => Promise.reject(new Error('503 from SharePoint')),
    });
    await repo.createMany([buildNewAction({ dueDate: '2026-04-21' })], sencoActor);
    try {
      expect(await task().run(new Date('2026-04-21T07:00:00Z'))).toMatchObject({ cardsSent: 1, failed: 0 });
      // Recorded as sent: a second run sends nothing.
      expect(await task().run(new Date('2026-04-21T08:00:00Z'))).toMatchObject({ cardsSent: 0 });
      expect(connector.received).toHaveLength(1);
    } finally {
      await connector.close();
    }
  });

  it('gives the claim back when the Bot Connector fails, so the next run sends the reminder once', async () => {
    const { repo, connector, task } = await setUp(['personal-tom']);
    const healthy = await startLoopbackBotConnector();
    await repo.createMany([buildNewAction({ dueDate: '2026-04-21' })], sencoActor);
    try {
      expect(await task().run(new Date('2026-04-21T07:00:00Z'))).toMatchObject({ failed: 1, cardsSent: 0 });
      expect(await task(healthy.url).run(new Date('2026-04-21T09:00:00Z'))).toMatchObject({ failed: 0, cardsSent: 1, itemsReminded: 1 });
      expect(await task(healthy.url).run(new Date('2026-04-21T10:00:00Z'))).toMatchObject({ cardsSent: 0 });
      expect(healthy.received.map((r) => r.conversationId)).toEqual(['personal-tom']);
    } finally {
      await Promise.all([connector.close(), healthy.close()]);
    }
  });

  it('gives the claim back when nobody can be told, and tells the SEND lead once they can be reached', async () => {
    const { repo, connector, task } = await setUp([], {});
    await repo.createMany([buildNewAction({ dueDate: '2026-04-21' })], sencoActor); // no source chat
    try {
      expect(await task().run(new Date('2026-04-21T07:00:00Z'))).toMatchObject({ undelivered: 1, itemsReminded: 0, cardsSent: 0 });
      expect(connector.received).toHaveLength(0);
      const later = await task(connector.url, { [senco.id]: 'personal-priya' }).run(new Date('2026-04-21T09:00:00Z'));
      expect(later).toMatchObject({ leadOnly: 1, undelivered: 0, cardsSent: 1 });
      expect(connector.received.map((r) => r.conversationId)).toEqual(['personal-priya']);
    } finally {
      await connector.close();
    }
  });

  it('does not send a reminder computed from a version that has since changed', async () => {
    const { repo, connector } = await setUp();
    const [action] = await repo.createMany([buildNewAction({ dueDate: '2026-04-21' })], sencoActor);
    const log = new SqliteReminderLog(openDatabase(path.join(dir, `task-${n}.db`)));
    await repo.update(action!.id, 1, { status: 'in_progress' }, sencoActor);
    try {
      const stale = { actionId: action!.id, version: 1, kind: 'due' as const, occasion: '2026-04-21' };
      expect(await log.claim([stale], new Date())).toEqual([]);
      expect(await log.claim([{ ...stale, version: 2 }], new Date())).toHaveLength(1);
      expect(await log.claim([{ ...stale, version: 2 }], new Date())).toEqual([]);
    } finally {
      await connector.close();
    }
  });
});

describe('reminder configuration', () => {
  it('defaults to weekdays at 08:00 with the default policy and the demo SENCO as SEND lead in embedded mode', () => {
    const config = loadReminderConfig('embedded', {}, DEMO_STAFF.senco);
    expect(config).toMatchObject({
      cron: DEFAULT_REMINDER_CRON,
      policy: DEFAULT_REMINDER_POLICY,
      sendLead: { id: senco.id },
      taskKey: null,
    });
  });

  it('reads the policy, term dates file and SEND lead from the environment', () => {
    const file = path.join(dir, 'school-dates.json');
    fs.writeFileSync(file, JSON.stringify({ holidays: [{ start: '2026-05-26', end: '2026-05-29', name: 'Half term' }] }));
    const config = loadReminderConfig(
      'tenant',
      {
        REMIND_DAYS_BEFORE: '3',
        REMIND_OVERDUE_EVERY_DAYS: '5',
        REMIND_ESCALATE_AFTER_DAYS: '10',
        SCHOOL_DATES_FILE: file,
        SEND_LEAD_ID: 'lead-1',
        SEND_LEAD_NAME: 'Sam Lead',
      },
      DEMO_STAFF.senco,
    );
    expect(config.policy).toEqual({ daysBefore: 3, overdueEveryDays: 5, escalateAfterDays: 10 });
    expect(config.schoolDates.holidays).toHaveLength(1);
    expect(config.sendLead).toEqual({ id: 'lead-1', name: 'Sam Lead' });
  });

  it('reports every problem at once', () => {
    let error: unknown;
    try {
      loadReminderConfig(
        'tenant',
        { REMINDER_CRON: 'every day at eight', REMIND_OVERDUE_EVERY_DAYS: '0', SCHOOL_DATES_FILE: path.join(dir, 'missing.json') },
        DEMO_STAFF.senco,
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/REMINDER_CRON/);
    expect(problems).toMatch(/overdueEveryDays/);
    expect(problems).toMatch(/SCHOOL_DATES_FILE/);
    expect(problems).toMatch(/SEND_LEAD_ID/);
  });
});
