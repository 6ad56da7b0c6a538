import type { Actor } from '../action';
import { ConflictError } from '../errors';
import type { Passport, PassportContent } from '../passport';

/** Storage port for one-page profiles: SQLite (embedded) and the "SEND Pupil Passports" SharePoint list. */
export interface PassportRepository {
  /** The pupil's profile, or null when none has been written. */
  get(pupilId: string): Promise<Passport | null>;
  /**
   * Saves a new version. @throws ConflictError when `expectedVersion` is not the stored version
   * (0 = none stored yet), so two editors never overwrite each other; ValidationError for bad content.
   */
  save(pupilId: string, expectedVersion: number, content: PassportContent, actor: Actor): Promise<Passport>;
  /** Every saved version of the pupil's profile, oldest first (who saved each, when). Nothing is ever deleted. */
  versions(pupilId: string): Promise<Passport[]>;
}

/** What every adapter throws when a save started from a version that is no longer the stored one. */
export function passportConflict(current: number, expected: number): ConflictError {
  return new ConflictError(
    `This profile was changed since you opened it (version ${current}, you had ${expected}). Reload and try again.`,
    current,
  );
}
