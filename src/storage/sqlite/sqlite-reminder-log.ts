import type Database from 'better-sqlite3';
import type { ReminderClaim, ReminderLog } from '@/kernel/ports/reminder-log';
import { DEFAULT_CLAIM_LEASE_MS } from './sqlite-digest-log';
import { whenUnlocked } from './open-database';

const keyOf = (c: ReminderClaim) => `${c.actionId}|${c.kind}|${c.occasion}`;

/**
 * The reminder claim in the embedded store. The INSERT succeeds for one connection only (primary
 * key on action, kind, occasion) and only while the action row is still at the claimed version,
 * so two processes sharing the file never both send the same reminder. A claim left with no outcome
 * for longer than the lease (its runner crashed) is taken over by a compare-and-set UPDATE in the same
 * immediate transaction, so of two survivors only one wins it.
 */
export class SqliteReminderLog implements ReminderLog {
  /** `claimed_at` of each claim this connection holds: it proves we still hold it when giving it back. */
  private readonly held = new Map<string, string>();

  constructor(
    private readonly db: Database.Database,
    private readonly leaseMs = DEFAULT_CLAIM_LEASE_MS,
  ) {}

  async claim(claims: readonly ReminderClaim[], at: Date): Promise<ReminderClaim[]> {
    const claimedAt = at.toISOString();
    const staleBefore = new Date(at.getTime() - this.leaseMs).toISOString();
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO reminder_log (action_id, kind, occasion, version, claimed_at)
       SELECT id, ?, ?, version, ? FROM actions WHERE id = ? AND version = ?`,
    );
    // Outcome-less past the lease: the runner died between claim and record. It may have sent the card
    // (the outcome is written after the send), so taking over can repeat it: at least once after a crash.
    const retake = this.db.prepare(
      `UPDATE reminder_log SET version = ?, claimed_at = ?
       WHERE action_id = ? AND kind = ? AND occasion = ? AND outcome IS NULL AND claimed_at < ?
         AND EXISTS (SELECT 1 FROM actions WHERE id = ? AND version = ?)`,
    );
    const won = await whenUnlocked(this.db, () =>
      this.db
        .transaction(() =>
          claims.filter(
            (c) =>
              insert.run(c.kind, c.occasion, claimedAt, c.actionId, c.version).changes === 1 ||
              retake.run(c.version, claimedAt, c.actionId, c.kind, c.occasion, staleBefore, c.actionId, c.version).changes === 1,
          ),
        )
        .immediate(),
    );
    for (const c of won) this.held.set(keyOf(c), claimedAt);
    return won;
  }

  /** Frees the claim unless it has an outcome, or was taken over from this connection after its lease. */
  async release(claim: ReminderClaim): Promise<void> {
    const claimedAt = this.held.get(keyOf(claim));
    this.held.delete(keyOf(claim));
    this.db
      .prepare(
        `DELETE FROM reminder_log WHERE action_id = ? AND kind = ? AND occasion = ? AND outcome IS NULL
           AND (? IS NULL OR claimed_at = ?)`,
      )
      .run(claim.actionId, claim.kind, claim.occasion, claimedAt ?? null, claimedAt ?? null);
  }

  /** Written whoever holds the claim now: the card went out, and an outcome ends any takeover. */
  async record(claim: ReminderClaim, outcome: string): Promise<void> {
    this.held.delete(keyOf(claim));
    this.db
      .prepare('UPDATE reminder_log SET outcome = ? WHERE action_id = ? AND kind = ? AND occasion = ?')
      .run(outcome, claim.actionId, claim.kind, claim.occasion);
  }

  async shownBefore(actionIds: readonly string[]): Promise<Set<string>> {
    const shown = new Set<string>();
    const select = this.db.prepare('SELECT 1 FROM reminder_log WHERE action_id = ? AND outcome IS NOT NULL LIMIT 1').pluck();
    for (const id of new Set(actionIds)) if (select.get(id) !== undefined) shown.add(id);
    return shown;
  }
}
