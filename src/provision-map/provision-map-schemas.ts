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

/** GET /api/provision-map?termStart=2026-01-05&termEnd=2026-03-27&closedWeeks=1&rates=teaching_assistant:18 */
export const provisionQuery = z
  .strictObject({
    termStart: z.string(),
    termEnd: z.string(),
    closedWeeks: z.coerce.number().optional(),
    rates: ratesParam.optional(),
  })
  .transform((q) => ({ termStart: q.termStart, termEnd: q.termEnd, closedWeeks: q.closedWeeks, hourlyRates: q.rates }));
