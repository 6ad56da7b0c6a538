import type Database from 'better-sqlite3';
import type { ReminderClaim, ReminderLog } from '../../tasks/reminders/reminder-log';

/**
 * The reminder claim in the embedded store. The INSERT succeeds for one connection only (primary
 * key on action, kind, occasion) and only while the action row is still at the claimed version,
 * so two processes sharing the file never both send the same reminder.
 */
export class SqliteReminderLog implements ReminderLog {
  constructor(private readonly db: Database.Database) {}

  async claim(claims: readonly ReminderClaim[], at: Date): Promise<ReminderClaim[]> {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO reminder_log (action_id, kind, occasion, version, claimed_at)
       SELECT id, ?, ?, version, ? FROM actions WHERE id = ? AND version = ?`,
    );
    return this.db
      .transaction(() => claims.filter((c) => insert.run(c.kind, c.occasion, at.toISOString(), c.actionId, c.version).changes === 1))
      .immediate();
  }

  async release(claim: ReminderClaim): Promise<void> {
    this.db
      .prepare('DELETE FROM reminder_log WHERE action_id = ? AND kind = ? AND occasion = ? AND outcome IS NULL')
      .run(claim.actionId, claim.kind, claim.occasion);
  }

  async record(claim: ReminderClaim, outcome: string): Promise<void> {
    this.db
      .prepare('UPDATE reminder_log SET outcome = ? WHERE action_id = ? AND kind = ? AND occasion = ?')
      .run(outcome, claim.actionId, claim.kind, claim.occasion);
  }
}
