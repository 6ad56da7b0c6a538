import type { PupilRecord, PupilRecordFields } from '../pupil-record';
import type { RegisterSettings, RegisterSettingsRecord } from '../register-settings';
import type { RegisterSnapshot } from '../register-snapshot';

/** What an import changed. */
export interface UpsertResult {
  /** The import's record in the log, for undoing it. */
  importId: string;
  created: number;
  updated: number;
  unchanged: number;
  /** Pupils no longer in a full-roll import: marked off roll, never deleted. */
  leftRoll: number;
}

/** Who imported or undid: kept with the import's record. */
export interface Importer {
  id: string;
  name: string;
}

/** One import as the log keeps it: who, when, what it changed, and whether it was undone. */
export interface RegisterImportRecord extends UpsertResult {
  at: string;
  by: Importer;
  undone: { at: string; by: Importer } | null;
}

/** What undoing an import put back. */
export interface UndoResult {
  /** Pupils the import had updated or marked as left, back as they were before it. */
  restored: number;
  /** Pupils the import had added: marked off roll (records are kept, never deleted). */
  takenOff: number;
}

/**
 * Storage port for the SEN register: SQLite (embedded) and SharePoint (the "SEND Register Pupils"
 * list keyed by UPN); tests/contract/register-repository.contract.ts runs against both.
 */
export interface RegisterRepository {
  /**
   * Inserts or updates by UPN in one transaction: a re-import updates, never duplicates, and keeps
   * each pupil's internal id. With `fullRoll`, pupils missing from `records` are marked off roll.
   * Every import is recorded (who, when, counts) and each pupil it changed keeps its state from
   * before, so the latest import can be undone.
   */
  upsertMany(records: readonly PupilRecordFields[], options: { fullRoll: boolean; by: Importer }): Promise<UpsertResult>;
  /** Pupils on roll (and, if asked, those who have left), by surname then forename. */
  list(options?: { includeOffRoll?: boolean }): Promise<PupilRecord[]>;
  /** @throws NotFoundError */
  get(id: string): Promise<PupilRecord>;
  /** The last imports, newest first (at most 20). */
  imports(): Promise<RegisterImportRecord[]>;
  /**
   * Puts back every pupil the import changed, as they were before it. Only the latest import, and
   * only once: an earlier one's "before" is what the later import changed.
   * @throws ConflictError when `importId` is not the latest import or was undone already.
   */
  undoImport(importId: string, by: Importer): Promise<UndoResult>;
  /** Stores this term's counts of the on-roll register, replacing an earlier snapshot of the same term. */
  snapshot(term: string): Promise<RegisterSnapshot>;
  /** All snapshots, oldest term first. */
  snapshots(): Promise<RegisterSnapshot[]>;
  /** The settings as last saved, or null when never saved. */
  settings(): Promise<RegisterSettingsRecord | null>;
  /** Saves the settings as a new record (earlier ones are kept, never changed). @throws ValidationError */
  saveSettings(settings: RegisterSettings, by: Importer): Promise<RegisterSettingsRecord>;
  /** Every save of the settings, newest first (at most 50). */
  settingsHistory(): Promise<RegisterSettingsRecord[]>;
}
