import { z } from 'zod';
import { STAFF_ROLES } from './intervention';
import { NEED_CODES } from './need-codes';

/**
 * What the SEND team tells the register that no MIS export carries: the number on roll (so a file
 * of SEN pupils only does not read as "100% SEN"), the need areas staff are trained in (for
 * "does training match needs") and the hourly rates that cost the provision map. null: not given yet.
 */
export const registerSettingsSchema = z.strictObject({
  numberOnRoll: z.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000, 'must be at most 10,000').nullable(),
  trainingNeeds: z
    .array(z.enum(NEED_CODES))
    .max(NEED_CODES.length)
    .refine((codes) => new Set(codes).size === codes.length, 'must not list a need twice')
    .nullable(),
  /** Pounds per hour by staff role; a role without a rate leaves its provision uncosted. */
  hourlyRates: z
    .partialRecord(z.enum(STAFF_ROLES), z.number().min(0, 'must not be negative').max(1000, 'must be at most £1,000'))
    .nullable(),
});
export type RegisterSettings = z.infer<typeof registerSettingsSchema>;

/** One save of the settings: kept for ever (who changed what when); the latest is current. */
export interface RegisterSettingsRecord extends RegisterSettings {
  at: string;
  by: { id: string; name: string };
}

/** What a save may carry: any of the settings; the ones left out keep their last saved value. */
export const registerSettingsChangeSchema = registerSettingsSchema.partial();

/**
 * The settings after a change: each form saves only its own fields (the dashboard the number on
 * roll and training, the provision map its rates), so one never blanks the other's. Saves made
 * before a field existed read as null for it.
 */
export function changedSettings(current: Partial<RegisterSettings> | null, change: Partial<RegisterSettings>): RegisterSettings {
  const pick = <K extends keyof RegisterSettings>(key: K) =>
    (change[key] !== undefined ? change[key] : (current?.[key] ?? null)) as RegisterSettings[K];
  return { numberOnRoll: pick('numberOnRoll'), trainingNeeds: pick('trainingNeeds'), hourlyRates: pick('hourlyRates') };
}
