import type { Actor } from '../action';
import type { Intervention, Measure, NewInterventionInput } from '../intervention';

/**
 * Storage port for interventions (same pattern as ActionRepository): SQLite (embedded) and the
 * "SEND Interventions" SharePoint list.
 */
export interface InterventionRepository {
  /** Validates and stores. A repeated `idempotencyKey` returns the stored intervention. @throws ValidationError */
  create(input: NewInterventionInput, actor: Actor): Promise<Intervention>;
  /** @throws NotFoundError */
  get(id: string): Promise<Intervention>;
  /** Interventions, optionally for one pupil, by start date. */
  list(filter?: { pupilId?: string }): Promise<Intervention[]>;
  /** Records (or replaces) the baseline, mid-point or end measure. @throws NotFoundError, ValidationError */
  addMeasure(id: string, measure: Measure, actor: Actor): Promise<Intervention>;
}
