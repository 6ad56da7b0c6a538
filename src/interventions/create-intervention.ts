import type { Actor } from '@/kernel/action';
import { parseInput } from '@/kernel/validate';
import { ValidationError } from '@/kernel/errors';
import { interventionWarnings, type InterventionWarning } from './intervention-checks';
import { newInterventionSchema, type Intervention, type NewInterventionInput } from '@/kernel/intervention';
import type { InterventionRepository } from '@/kernel/ports/intervention-repository';
import { reviewItems } from './review-items';
import type { RegisterRepository } from '@/kernel/ports/register-repository';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import { createActions } from '@/tracker/action-commands';

export interface CreateInterventionDeps {
  interventions: InterventionRepository;
  register: RegisterRepository;
  actions: ActionRepository;
}

/**
 * Starts an intervention for a pupil on the register and puts its review dates on the tracker.
 * Safe to retry: the intervention's `idempotencyKey` and each review item's key make a repeat a no-op.
 * @throws NotFoundError (no such pupil), ValidationError (bad input; no consent by a start that has come)
 */
export async function createIntervention(
  deps: CreateInterventionDeps,
  input: NewInterventionInput,
  actor: Actor,
  today: string,
): Promise<{ intervention: Intervention; warnings: InterventionWarning[]; reviewItemIds: string[] }> {
  const valid = parseInput(newInterventionSchema, input);
  if (valid.parentConsentDate === null && valid.startDate <= today) {
    throw new ValidationError([{ path: 'parentConsentDate', message: 'record parent consent before the intervention starts' }]);
  }
  const pupil = await deps.register.get(valid.pupilId);
  const intervention = await deps.interventions.create(valid, actor);
  const items = await createActions(deps.actions, actor, reviewItems(intervention, pupil));
  return { intervention, warnings: interventionWarnings(intervention, today), reviewItemIds: items.map((a) => a.id) };
}
