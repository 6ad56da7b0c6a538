import type Database from 'better-sqlite3';
import type { IsoDate } from '@/kernel/dates';
import { reminderRunReportSchema, type ReminderRunLog, type ReminderRunReport } from '@/kernel/ports/reminder-run-log';
import { whenUnlocked } from './open-database';

/** ReminderRunLog on the embedded database: one append-only row per run (triggers refuse changes). */
export class SqliteReminderRunLog implements ReminderRunLog {
  constructor(private readonly db: Database.Database) {}

  async record(report: ReminderRunReport): Promise<void> {
    const row = reminderRunReportSchema.parse(report);
    await whenUnlocked(this.db, () =>
      this.db.prepare('INSERT INTO reminder_runs (today, ran_at, report) VALUES (?, ?, ?)').run(row.today, row.ranAt, JSON.stringify(row)),
    );
  }

  async recent(since: IsoDate, limit: number): Promise<ReminderRunReport[]> {
    const rows = this.db
      .prepare('SELECT report FROM reminder_runs WHERE today >= ? ORDER BY today DESC, ran_at DESC, id DESC LIMIT ?')
      .all(since, limit) as { report: string }[];
    return rows.map((r) => reminderRunReportSchema.parse(JSON.parse(r.report)));
  }
}
