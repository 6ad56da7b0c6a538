import type { Person } from '@/kernel/action';
import type { Viewer } from '@/kernel/access';
import { formatDate } from '@/kernel/dates';
import type { EhcPlanDetails } from '@/kernel/ehc-plan';
import { ValidationError } from '@/kernel/errors';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import { roleTable, type RoleDirectory } from '@/kernel/ports/role-directory';
import type { PupilRecord } from '@/kernel/pupil-record';
import { isClosed } from '@/kernel/status';
import { statutoryClock, type StatutoryClock } from '@/kernel/statutory-clock';
import { createActions, listActions, updateAction } from '@/tracker/action-commands';
import { matchSteps, type MatchedSteps } from './match-steps';
import { statutoryItem } from './statutory-items';

export interface ClockDeps {
  actions: ActionRepository;
  roles: RoleDirectory;
}

/** The clock for a pupil's plan, with only the phase transfers still to come (a past move has no deadline left to keep). */
export function clockFor(details: EhcPlanDetails, pupil: Pick<PupilRecord, 'dateOfBirth'>, today: string): StatutoryClock {
  const clock = statutoryClock(details, pupil.dateOfBirth);
  return { ...clock, steps: clock.steps.filter((s) => s.kind !== 'phase-transfer' || Number(s.cycle) >= Number(today.slice(0, 4))) };
}

/** The pupil's statutory items (open and archived), paired with the clock's steps. */
export async function matchedItems(
  deps: Pick<ClockDeps, 'actions'>,
  viewer: Viewer,
  pupilId: string,
  clock: StatutoryClock,
): Promise<MatchedSteps> {
  const items = await listActions(deps.actions, viewer, { pupilId, includeArchived: true });
  return matchSteps(pupilId, clock.steps, items);
}

/** Who owns the statutory items: the SENCO in the role table. @throws ValidationError when no one holds the role */
export async function sencoOf(roles: RoleDirectory): Promise<Person> {
  const senco = roleTable(await roles.list()).senco;
  if (!senco)
    throw new ValidationError([{ path: 'roles', message: 'give the SENCO role to someone (Roles) first: they own the statutory steps' }]);
  return senco;
}

export interface ClockSync {
  created: number;
  moved: number;
}

/**
 * Puts the clock's steps on the tracker: a step with no item gets one (keyed, so a retry adds none);
 * an open item whose step moved gets the new due date, noted in its history; closed items stay as they
 * were. Nothing is closed here: only a person does that, with a note. `owner` (the SENCO, `sencoOf`)
 * owns the new items; the caller reads it once, before saving anything.
 * @throws ConflictError (an item changed meanwhile: save again)
 */
export async function syncStatutoryItems(
  deps: Pick<ClockDeps, 'actions'>,
  viewer: Viewer,
  pupil: Pick<PupilRecord, 'id' | 'forename' | 'surname' | 'yearGroup' | 'dateOfBirth'>,
  clock: StatutoryClock,
  owner: Person,
): Promise<ClockSync> {
  const { rows } = await matchedItems(deps, viewer, pupil.id, clock);
  const missing = rows.filter((r) => r.item === null).map((r) => r.step);
  const moved = rows.filter((r) => r.item && !isClosed(r.item.status) && r.item.dueDate !== r.step.dueDate);
  for (const { step, item } of moved) {
    await updateAction(deps.actions, viewer, item!, {
      dueDate: step.dueDate,
      note: `Due date moved to ${formatDate(step.dueDate)} with the EHC plan's dates`,
    });
  }
  if (missing.length > 0) {
    await createActions(
      deps.actions,
      viewer,
      missing.map((step) => statutoryItem(step, pupil, owner)),
    );
  }
  return { created: missing.length, moved: moved.length };
}
