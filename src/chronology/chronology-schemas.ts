import { z } from 'zod';
import { CHRONOLOGY_KINDS } from '@/kernel/chronology';

/** `?kinds=action,ehc-plan`: the kinds to keep (all when absent), as the tab's filter sends them. */
export const chronologyQuery = z.strictObject({
  kinds: z
    .string()
    .max(200)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(CHRONOLOGY_KINDS)).min(1, 'choose at least one kind'))
    .optional(),
});
