import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { DigestClaim, DigestLog, SentDigest } from '@/kernel/ports/digest-log';
import { whenUnlocked } from './open-database';

/** A claim older than this is taken to belong to a runner that died mid-send. */
export const DEFAULT_CLAIM_LEASE_MS = 30 * 60_000;

/**
 * DigestLog on the embedded database. The UNIQUE (recipient_id, week) key is the gate: an insert
 * that conflicts means someone else has (or had) the claim; taking over a failed or stale claim is
 * a compare-and-set UPDATE. Both run in an immediate transaction, so two processes on one file
 * cannot both win.
 */
export class SqliteDigestLog implements DigestLog {
  constructor(
    private readonly db: Database.Database,
    private readonly leaseMs = DEFAULT_CLAIM_LEASE_MS,
  ) {}

  async claim(recipientId: string, week: string, now: Date): Promise<DigestClaim | null> {
    const [claim] = await this.claimMany([recipientId], week, now);
    return claim ?? null;
  }

  async claimMany(recipientIds: readonly string[], week: string, now: Date): Promise<DigestClaim[]> {
    const at = now.toISOString();
    const staleBefore = new Date(now.getTime() - this.leaseMs).toISOString();
    const insert = this.db.prepare(
      `INSERT INTO digest_sends (recipient_id, week, status, claim_token, claimed_at)
       VALUES (?, ?, 'claimed', ?, ?) ON CONFLICT (recipient_id, week) DO NOTHING`,
    );
    const retake = this.db.prepare(
      `UPDATE digest_sends SET status = 'claimed', claim_token = ?, claimed_at = ?, attempts = attempts + 1
       WHERE recipient_id = ? AND week = ? AND (status = 'failed' OR (status = 'claimed' AND claimed_at < ?))`,
    );
    return whenUnlocked(this.db, () =>
      this.db
        .transaction(() =>
          [...new Set(recipientIds)].flatMap((recipientId) => {
            const token = randomUUID();
            const won =
              insert.run(recipientId, week, token, at).changes === 1 || retake.run(token, at, recipientId, week, staleBefore).changes === 1;
            return won ? [{ recipientId, week, token }] : [];
          }),
        )
        .immediate(),
    );
  }

  async markSent(claim: DigestClaim, reference: string, now: Date): Promise<void> {
    await this.markSentMany([{ claim, reference }], now);
  }

  async markSentMany(sent: readonly SentDigest[], now: Date): Promise<void> {
    const update = this.db.prepare(
      `UPDATE digest_sends SET status = 'sent', sent_at = ?, reference = ?, last_error = NULL
       WHERE recipient_id = ? AND week = ? AND claim_token = ?`,
    );
    this.db.transaction(() => {
      for (const { claim, reference } of sent) update.run(now.toISOString(), reference, claim.recipientId, claim.week, claim.token);
    })();
  }

  async markFailed(claim: DigestClaim, reason: string, now: Date): Promise<void> {
    this.db
      .prepare(
        `UPDATE digest_sends SET status = 'failed', last_error = ?, claimed_at = ?
         WHERE recipient_id = ? AND week = ? AND claim_token = ?`,
      )
      .run(reason, now.toISOString(), claim.recipientId, claim.week, claim.token);
  }
}
