import type { ReminderKind } from '../../domain/reminder-policy';
import type { IsoDate } from '../../domain/dates';

/** One reminder, as the exactly-once claim knows it. */
export interface ReminderClaim {
  actionId: string;
  /** The item's version the reminder card shows. */
  version: number;
  kind: ReminderKind;
  /** Which reminder of that kind (see `DueReminder.occasion`). */
  occasion: IsoDate;
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
   * adapter claims the whole set in one transaction, so one owner's items all go to one instance.
   */
  claim(claims: readonly ReminderClaim[], at: Date): Promise<ReminderClaim[]>;
  /** Gives a claim back after the send failed, so a later run can try again. */
  release(claim: ReminderClaim): Promise<void>;
  /** Records how the claimed reminder went out (`sent`, `fallback`, ...), for the audit trail. */
  record(claim: ReminderClaim, outcome: string): Promise<void>;
}
