import { z } from 'zod';
import { STAFF_ROLES } from '@/kernel/intervention';

/** `rates=teaching_assistant:18.5,teacher:35` (pounds per hour). */
const ratesParam = z.string().transform((s, ctx) => {
  const out: Record<string, number> = {};
  for (const pair of s.split(',').filter(Boolean)) {
    const [role, value] = pair.split(':');
    const n = Number(value);
    if (!role || !(STAFF_ROLES as readonly string[]).includes(role) || !Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: `'${pair}' is not role:rate (roles: ${STAFF_ROLES.join(', ')})` });
      return z.NEVER;
    }
    out[role] = n;
  }
  return out;
});

/**
 * GET /api/provision-map[?termStart=2026-01-05&termEnd=2026-03-27][&closedWeeks=1][&rates=teaching_assistant:18]:
 * without a term, the school calendar's (or an estimate); without rates, the saved ones.
 */
export const provisionQuery = z
  .strictObject({
    termStart: z.string().optional(),
    termEnd: z.string().optional(),
    closedWeeks: z.coerce.number().optional(),
    rates: ratesParam.optional(),
  })
  .refine((q) => (q.termStart === undefined) === (q.termEnd === undefined), {
    path: ['termEnd'],
    message: 'give both the term start and the term end, or neither',
  });
export type ProvisionQuery = z.output<typeof provisionQuery>;
