import { teamsUserIdOf } from './conversations';
/**
 * One "server instance" for the two-process test: opens the shared SQLite file, waits for `go` on
 * stdin (so both instances start together), runs the reminder task once and prints its summary.
 * Usage: tsx run-reminder-task.ts <database file> <bot connector url> <ISO instant> <send lead id>
 */
import readline from 'node:readline';
import { reminderCard } from '@/reminders/reminder-card';
import { DEFAULT_REMINDER_POLICY } from '@/reminders/reminder-policy';
import { createSchoolCalendar } from '@/kernel/school-calendar';
import { createLogger } from '@/platform/logger';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { SqliteReminderLog } from '@/storage/sqlite/sqlite-reminder-log';
import { SqliteReminderRunLog } from '@/storage/sqlite/sqlite-reminder-run-log';
import { ReminderTask } from '@/reminders/reminder-task';
import { BotConnectorReminderSender } from '@/reminders/bot-connector-sender';

async function main(): Promise<void> {
  const [file, connectorUrl, instant, sendLeadId] = process.argv.slice(2) as [string, string, string, string];
  const db = openDatabase(file);
  const now = new Date(instant);
  const task = new ReminderTask({
    repo: new SqliteActionRepository(db, () => now),
    log: new SqliteReminderLog(db),
    runs: new SqliteReminderRunLog(db),
    sender: new BotConnectorReminderSender({
      // Everyone has installed the app: their personal chat id is derived from their id.
      conversations: {
        find: async (userId) => ({ serviceUrl: connectorUrl, conversationId: `personal-${userId}`, teamsUserId: teamsUserIdOf(userId) }),
        // Not asked by a run (only the Reminders panel asks who has a chat).
        peopleWithTheApp: async () => [],
      },
      serviceUrl: async () => connectorUrl,
      token: async () => null,
    }),
    present: reminderCard,
    policy: DEFAULT_REMINDER_POLICY,
    calendar: createSchoolCalendar(),
    sendLead: { id: sendLeadId, name: 'SEND lead' },
    logger: createLogger('silent'),
  });
  process.stdout.write('ready\n');
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line.trim() === 'go') break;
  }
  lines.close();
  const summary = await task.run(now);
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  db.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
