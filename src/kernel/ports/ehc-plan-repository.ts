import type { Actor } from '../action';
import { ConflictError } from '../errors';
import type { EhcPlan, EhcPlanDetails } from '../ehc-plan';

/** Storage port for EHC plan records: SQLite (embedded) and the "SEND EHC Plans" SharePoint list. */
export interface EhcPlanRepository {
  /** The pupil's plan record, or null when none has been entered. */
  get(pupilId: string): Promise<EhcPlan | null>;
  /** Every pupil's current plan record, by pupil id: the statutory deadlines across the school. */
  list(): Promise<EhcPlan[]>;
  /**
   * Saves a new version. @throws ConflictError when `expectedVersion` is not the stored version
   * (0 = none stored yet), so two editors never overwrite each other; ValidationError for bad details.
   */
  save(pupilId: string, expectedVersion: number, details: EhcPlanDetails, actor: Actor): Promise<EhcPlan>;
  /** Every saved version, oldest first (who saved each, when). Nothing is ever deleted. */
  versions(pupilId: string): Promise<EhcPlan[]>;
}

/** What every adapter throws when a save started from a version that is no longer the stored one. */
export function planConflict(current: number, expected: number): ConflictError {
  return new ConflictError(
    `This EHC plan record was changed since you opened it (version ${current}, you had ${expected}). Reload and try again.`,
    current,
  );
}
