import type { NewActionInput, Person, StatutoryRef } from '@/kernel/action';
import type { EventType, ItemType } from '@/kernel/item-type';
import { initials, type PupilRecord } from '@/kernel/pupil-record';
import type { StatutoryStep, StepKind } from '@/kernel/statutory-clock';

/** What each step asks, as the tracker shows it (a local authority step reads "Chase LA: …"). */
export const STEP_WORDING: Record<StepKind, string> = {
  'assessment-decision': 'Decide whether to carry out an EHC needs assessment',
  'final-plan': 'Issue the final EHC plan',
  'review-invitations': 'Send annual review invitations and circulate the advice gathered',
  'review-meeting': 'Hold the annual review meeting',
  'review-report': 'Send the annual review report to the local authority and everyone invited',
  'review-la-decision': 'Decide after the annual review: keep, amend or cease the plan',
  'phase-transfer': 'Issue the plan amended for the move to the next phase',
};

const ITEM_TYPE: Record<StepKind, ItemType> = {
  'assessment-decision': 'professional_referral',
  'final-plan': 'professional_referral',
  'review-invitations': 'annual_review',
  'review-meeting': 'annual_review',
  'review-report': 'annual_review',
  'review-la-decision': 'annual_review',
  'phase-transfer': 'support_plan_update',
};

const EVENT_TYPE: Record<StepKind, EventType> = {
  'assessment-decision': 'sen_support_meeting',
  'final-plan': 'sen_support_meeting',
  'review-invitations': 'annual_review',
  'review-meeting': 'annual_review',
  'review-report': 'annual_review',
  'review-la-decision': 'annual_review',
  'phase-transfer': 'transition_meeting',
};

/** Stable per pupil, step and run of the clock: saving the plan again never adds a second item. */
export function statutoryKey(pupilId: string, ref: StatutoryRef): string {
  return `ehc:${pupilId}:${ref.step}:${ref.cycle}`;
}

/**
 * The tracker item for one statutory step: owned by the SENCO (from the role table), who chases the
 * local authority's steps. The pupil appears by internal id and initials only, as on every item.
 */
export function statutoryItem(
  step: StatutoryStep,
  pupil: Pick<PupilRecord, 'id' | 'forename' | 'surname' | 'yearGroup'>,
  owner: Person,
): NewActionInput {
  const ref: StatutoryRef = { step: step.kind, cycle: step.cycle };
  return {
    pupil: { id: pupil.id, name: initials(pupil), yearGroup: pupil.yearGroup >= 0 && pupil.yearGroup <= 13 ? pupil.yearGroup : null },
    itemType: ITEM_TYPE[step.kind],
    description: STEP_WORDING[step.kind],
    decision: step.basis,
    owner,
    ...(step.duty === 'local authority' ? { outsideOwner: 'LA' } : {}),
    dueDate: step.dueDate,
    nextReviewDate: null,
    source: { eventType: EVENT_TYPE[step.kind], title: 'EHC plan statutory clock' },
    idempotencyKey: statutoryKey(pupil.id, ref),
    statutory: ref,
  };
}
