import type { IsoDate } from '../dates';

/** Why an item earned a reminder: coming up, due today, overdue, or overdue long enough to escalate. */
export type ReminderKind = 'upcoming' | 'due' | 'overdue' | 'escalation';

/** One reminder, as the exactly-once claim knows it. */
export interface ReminderClaim {
  actionId: string;
  /** The item's version the reminder card shows. */
  version: number;
  kind: ReminderKind;
  /** Which reminder of that kind (see `DueReminder.occasion`). */
  occasion: IsoDate;
  /**
   * The store's concurrency token for the item as read at `version` (see `readTokenOf`), when the
   * caller has one. An adapter may compare-and-set on it instead of reading the item again; without
   * it (or when it is stale) the adapter reads the item itself. Never changes who wins.
   */
  readToken?: string;
}

/**
 * The exactly-once gate for reminders, shared by every instance running the task.
 * Adapters must make `claim` a compare-and-set: SQLite uses a UNIQUE key in the same file as the
 * actions; SharePoint would write the claim to the item with `If-Match` on its eTag.
 */
export interface ReminderLog {
  /**
   * Claims the reminders for one card and returns those this caller won. Each (actionId, kind,
   * occasion) is won by exactly one caller, and only while the item is still at `version` (a
   * reminder computed from a stale read is not sent; the next run re-evaluates it). The SQLite
   * adapter claims the whole set in one transaction; the SharePoint adapter packs the whole set, across
   * items and owners, into `$batch`es of 20 (each item's claims in one batch), so pass everything due
   * in one call rather than one call per card.
   *
   * A claim with no outcome (neither recorded nor given back) older than the adapter's lease (default
   * 30 minutes) is taken to belong to a runner that crashed, and can be won again, by one caller only.
   * The crashed runner may have sent it before dying, so this is at least once after a crash: a
   * duplicate reminder rather than a lost one. The lease must outlast a run's claim-to-record time.
   */
  claim(claims: readonly ReminderClaim[], at: Date): Promise<ReminderClaim[]>;
  /**
   * Gives a claim back after the send failed, so a later run can try again. Frees nothing once the
   * claim has an outcome, or when another instance took it over from this one after the lease.
   */
  release(claim: ReminderClaim): Promise<void>;
  /** Records how the claimed reminder went out (`sent`, `fallback`, ...), for the audit trail. */
  record(claim: ReminderClaim, outcome: string): Promise<void>;
  /**
   * Which of these items an earlier reminder already showed (any kind or occasion with a recorded
   * outcome; given-back and outcome-less claims do not count): a card lists the others first, as new.
   */
  shownBefore(actionIds: readonly string[]): Promise<Set<string>>;
}
