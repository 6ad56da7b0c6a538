import { z } from 'zod';
import { isoDateSchema, type Actor } from './action';

/** The move an EHC plan must be amended for: into or between school phases, or from secondary to post-16. */
export const PHASE_TRANSFERS = ['school', 'post-16'] as const;
export type PhaseTransferKind = (typeof PHASE_TRANSFERS)[number];

export const PHASE_TRANSFER_LABELS: Record<PhaseTransferKind, string> = {
  school: 'Next school phase (e.g. Year 6 to 7)',
  'post-16': 'Secondary to post-16',
};

/**
 * What the school records of a pupil's EHC plan: the dates the statutory clock runs from
 * (`statutory-clock.ts`). Nothing else: the plan itself is the local authority's document.
 */
export const ehcPlanDetailsSchema = z
  .strictObject({
    localAuthority: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
    /** When the EHC needs assessment was requested; null when the school does not know (an older plan). */
    requestDate: isoDateSchema.nullable(),
    /** When the final plan was issued; null while the assessment is under way. */
    issueDate: isoDateSchema.nullable(),
    /** The last annual review meeting held; null before the first. */
    lastReviewDate: isoDateSchema.nullable(),
    /** The next annual review meeting as booked; null when not booked yet (the clock then uses the latest date allowed). */
    nextReviewDate: isoDateSchema.nullable(),
    /** The September the pupil moves phase (the plan must be amended by 15 February or 31 March of that year). */
    phaseTransfer: z.strictObject({ year: z.number().int().min(2000).max(2100), to: z.enum(PHASE_TRANSFERS) }).nullable(),
  })
  .superRefine((plan, ctx) => {
    const order = (earlier: keyof typeof plan, later: keyof typeof plan, message: string, strictly = false) => {
      const a = plan[earlier];
      const b = plan[later];
      if (typeof a === 'string' && typeof b === 'string' && (b < a || (strictly && b === a))) {
        ctx.addIssue({ code: 'custom', path: [later], message });
      }
    };
    order('requestDate', 'issueDate', 'must not be before the request for assessment');
    order('issueDate', 'lastReviewDate', 'must not be before the plan was issued');
    if (plan.requestDate === null && plan.issueDate === null) {
      ctx.addIssue({ code: 'custom', path: ['requestDate'], message: 'give the request date or the date the plan was issued' });
    }
    if (plan.issueDate === null && (plan.lastReviewDate !== null || plan.nextReviewDate !== null)) {
      ctx.addIssue({ code: 'custom', path: ['issueDate'], message: 'a plan under review needs the date it was issued' });
    }
    order('lastReviewDate', 'nextReviewDate', 'must be after the last review', true);
  });
export type EhcPlanDetails = z.infer<typeof ehcPlanDetailsSchema>;

/** A pupil's EHC plan record, versioned like a one-page profile: every save kept, never deleted. */
export interface EhcPlan {
  pupilId: string;
  details: EhcPlanDetails;
  version: number;
  updatedBy: Actor;
  updatedAt: string;
}
