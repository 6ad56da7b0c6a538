import type { Actor } from '../action';
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
