import type { PupilRecord, PupilRecordFields } from '../pupil-record';
import type { RegisterSnapshot } from '../register-snapshot';

/** What an import changed. */
export interface UpsertResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Pupils no longer in a full-roll import: marked off roll, never deleted. */
  leftRoll: number;
}

/**
 * Storage port for the SEN register: SQLite (embedded) and SharePoint (the "SEND Register Pupils"
 * list keyed by UPN); tests/contract/register-repository.contract.ts runs against both.
 */
export interface RegisterRepository {
  /**
   * Inserts or updates by UPN in one transaction: a re-import updates, never duplicates, and keeps
   * each pupil's internal id. With `fullRoll`, pupils missing from `records` are marked off roll.
   */
  upsertMany(records: readonly PupilRecordFields[], options: { fullRoll: boolean }): Promise<UpsertResult>;
  /** Pupils on roll (and, if asked, those who have left), by surname then forename. */
  list(options?: { includeOffRoll?: boolean }): Promise<PupilRecord[]>;
  /** @throws NotFoundError */
  get(id: string): Promise<PupilRecord>;
  /** Stores this term's counts of the on-roll register, replacing an earlier snapshot of the same term. */
  snapshot(term: string): Promise<RegisterSnapshot>;
  /** All snapshots, oldest term first. */
  snapshots(): Promise<RegisterSnapshot[]>;
}
