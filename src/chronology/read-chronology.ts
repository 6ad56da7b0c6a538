import type { Viewer } from '@/kernel/access';
import { buildChronology, type ChronologyEvent, type ChronologyKind } from '@/kernel/chronology';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import type { EhcPlanRepository } from '@/kernel/ports/ehc-plan-repository';
import type { InterventionRepository } from '@/kernel/ports/intervention-repository';
import type { PassportRepository } from '@/kernel/ports/passport-repository';
import type { RegisterRepository } from '@/kernel/ports/register-repository';
import type { PupilRecord } from '@/kernel/pupil-record';
import { listActions } from '@/tracker/action-commands';

export interface ChronologyDeps {
  actions: ActionRepository;
  register: RegisterRepository;
  interventions: InterventionRepository;
  passports?: PassportRepository;
  ehcPlans?: EhcPlanRepository;
}

/**
 * A register pupil's chronology: one read of each store (their items open and archived through the
 * one access rule, interventions, profile and plan versions), then the pure `buildChronology`.
 * @throws NotFoundError when the pupil is not on the register
 */
export async function readChronology(
  deps: ChronologyDeps,
  viewer: Viewer,
  pupilId: string,
  kinds?: readonly ChronologyKind[],
): Promise<{ pupil: PupilRecord; events: ChronologyEvent[] }> {
  const pupil = await deps.register.get(pupilId);
  const [actions, interventions, passportVersions, ehcPlanVersions] = await Promise.all([
    listActions(deps.actions, viewer, { pupilId: pupil.id, includeArchived: true }),
    deps.interventions.list({ pupilId: pupil.id }),
    deps.passports ? deps.passports.versions(pupil.id) : [],
    deps.ehcPlans ? deps.ehcPlans.versions(pupil.id) : [],
  ]);
  return { pupil, events: buildChronology({ register: pupil, actions, interventions, passportVersions, ehcPlanVersions }, kinds) };
}
