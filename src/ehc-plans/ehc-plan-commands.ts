import type { Viewer } from '@/kernel/access';
import { parseInput } from '@/kernel/validate';
import { ehcPlanDetailsSchema, type EhcPlan, type EhcPlanDetails } from '@/kernel/ehc-plan';
import { ConflictError, ValidationError } from '@/kernel/errors';
import type { EhcPlanRepository } from '@/kernel/ports/ehc-plan-repository';
import type { RegisterRepository } from '@/kernel/ports/register-repository';
import type { PupilRecord } from '@/kernel/pupil-record';
import { isClosed } from '@/kernel/status';
import { closeAction } from '@/tracker/action-commands';
import { clockFor, matchedItems, sencoOf, syncStatutoryItems, type ClockDeps, type ClockSync } from './sync-statutory-items';
import { ehcPlanView, type EhcPlanView } from './ehc-plan-view';

export interface EhcPlanDeps extends ClockDeps {
  plans: EhcPlanRepository;
  register: RegisterRepository;
}

/** A pupil's plan record, its dated steps and their tracker items. @throws NotFoundError (not on the register) */
export async function readEhcPlan(deps: EhcPlanDeps, viewer: Viewer, pupilId: string, today: string): Promise<EhcPlanView> {
  const pupil = await deps.register.get(pupilId);
  return planView(deps, viewer, pupil, await deps.plans.get(pupil.id), today);
}

/** The panel's view of a plan already in hand (none: no steps), with the pupil's items as they are now. */
export async function planView(
  deps: EhcPlanDeps,
  viewer: Viewer,
  pupil: PupilRecord,
  plan: EhcPlan | null,
  today: string,
): Promise<EhcPlanView> {
  if (!plan) return ehcPlanView(pupil.id, null, null, { rows: [], earlierOpen: [] });
  const clock = clockFor(plan.details, pupil, today);
  return ehcPlanView(pupil.id, plan, clock, await matchedItems(deps, viewer, pupil.id, clock));
}

/**
 * Saves the plan's dates (a new version, never overwriting a newer one) and keeps the statutory items
 * in step with them. Safe to repeat: the items are keyed, and a stale version is refused before anything changes.
 * @throws NotFoundError, ConflictError, ValidationError
 */
export async function saveEhcPlan(
  deps: EhcPlanDeps,
  viewer: Viewer,
  pupilId: string,
  expectedVersion: number,
  input: EhcPlanDetails,
  today: string,
): Promise<{ plan: EhcPlan; sync: ClockSync; pupil: PupilRecord }> {
  const details = parseInput(ehcPlanDetailsSchema, input, 'details');
  const pupil = await deps.register.get(pupilId);
  const owner = await sencoOf(deps.roles); // before anything is saved: the steps need an owner
  const plan = await deps.plans.save(pupil.id, expectedVersion, details, viewer);
  const sync = await syncStatutoryItems(deps, viewer, pupil, clockFor(plan.details, pupil, today), owner);
  return { plan, sync, pupil };
}

/**
 * "The annual review was held on `heldOn`": the review's report and the authority's decision are
 * dated from the real meeting, its meeting item is closed with the note given, and the clock starts
 * the next review period from that day (new items for the next review).
 * @throws NotFoundError, ConflictError (stale version: nothing changed), ValidationError
 */
export async function recordReviewHeld(
  deps: EhcPlanDeps,
  viewer: Viewer,
  pupilId: string,
  held: { version: number; heldOn: string; note: string },
  today: string,
): Promise<{ plan: EhcPlan; sync: ClockSync; pupil: PupilRecord }> {
  const pupil = await deps.register.get(pupilId);
  const current = await deps.plans.get(pupil.id);
  if (!current || current.details.issueDate === null) {
    throw new ValidationError([{ path: 'heldOn', message: 'record the date the plan was issued before a review' }]);
  }
  if (current.version !== held.version) {
    throw new ConflictError('This EHC plan record was changed since you opened it. Reload and try again.', current.version);
  }
  const from = current.details.lastReviewDate ?? current.details.issueDate;
  if (held.heldOn > today) throw new ValidationError([{ path: 'heldOn', message: 'must not be in the future' }]);
  if (held.heldOn <= from) throw new ValidationError([{ path: 'heldOn', message: 'must be after the last review (or the plan)' }]);
  const owner = await sencoOf(deps.roles);

  // This review's steps, dated from the meeting as it happened; then its meeting item is done.
  const asHeld = clockFor({ ...current.details, nextReviewDate: held.heldOn }, pupil, today);
  await syncStatutoryItems(deps, viewer, pupil, asHeld, owner);
  const meeting = (await matchedItems(deps, viewer, pupil.id, asHeld)).rows.find((r) => r.step.kind === 'review-meeting')?.item;
  if (meeting && !isClosed(meeting.status)) await closeAction(deps.actions, viewer, meeting, { status: 'done', note: held.note });

  const next = { ...current.details, lastReviewDate: held.heldOn, nextReviewDate: null };
  const plan = await deps.plans.save(pupil.id, current.version, next, viewer);
  const sync = await syncStatutoryItems(deps, viewer, pupil, clockFor(plan.details, pupil, today), owner);
  return { plan, sync, pupil };
}
