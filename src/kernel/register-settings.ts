import { z } from 'zod';
import { NEED_CODES } from './need-codes';

/**
 * What the SEND team tells the register that no MIS export carries: the number on roll (so a file
 * of SEN pupils only does not read as "100% SEN") and the need areas staff are trained in (for
 * "does training match needs"). null: not given yet.
 */
export const registerSettingsSchema = z.strictObject({
  numberOnRoll: z.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000, 'must be at most 10,000').nullable(),
  trainingNeeds: z
    .array(z.enum(NEED_CODES))
    .max(NEED_CODES.length)
    .refine((codes) => new Set(codes).size === codes.length, 'must not list a need twice')
    .nullable(),
});
export type RegisterSettings = z.infer<typeof registerSettingsSchema>;

/** One save of the settings: kept for ever (who changed what when); the latest is current. */
export interface RegisterSettingsRecord extends RegisterSettings {
  at: string;
  by: { id: string; name: string };
}
