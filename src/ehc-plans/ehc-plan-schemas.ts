import { z } from 'zod';
import { isoDateSchema } from '@/kernel/action';
import { ehcPlanDetailsSchema } from '@/kernel/ehc-plan';

/** `PUT /api/register/pupils/:id/ehc-plan`: the version the editor started from (0 for a first save) and the dates. */
export const saveEhcPlanBody = z.strictObject({ version: z.number().int().min(0), details: ehcPlanDetailsSchema });

/** `POST /api/register/pupils/:id/ehc-plan/review-held`: when the meeting was, and what the meeting item is closed with. */
export const reviewHeldBody = z.strictObject({
  version: z.number().int().min(1),
  heldOn: isoDateSchema,
  note: z.string().trim().min(1, 'say briefly what the review agreed').max(2000),
});
