import { z } from 'zod';
import { isoDateSchema } from './action';
import { NEED_CODES, SEN_STATUSES } from './need-codes';
import { UPN_FORMAT } from './upn';

/** A ranked type of need: rank 1 is the primary need. */
export const rankedNeedSchema = z.strictObject({
  code: z.enum(NEED_CODES),
  rank: z.number().int().min(1).max(9),
});
export type RankedNeed = z.infer<typeof rankedNeedSchema>;

/**
 * One pupil as the MIS exports them (census fields only). `yearGroup`: -1 nursery, 0 Reception,
 * 1..14 Year 1..14. `eal` is null when the first language was not obtained or refused; `fsm`,
 * `pupilPremium` and `eal` are null too when the file had no such column (not known, not "no").
 */
export const pupilRecordFieldsSchema = z.strictObject({
  upn: z.string().regex(UPN_FORMAT, 'must be a UPN'),
  forename: z.string().trim().min(1).max(100),
  surname: z.string().trim().min(1).max(100),
  dateOfBirth: isoDateSchema,
  yearGroup: z.number().int().min(-1).max(14),
  regGroup: z.string().trim().max(40).nullable(),
  senStatus: z.enum(SEN_STATUSES),
  senStartDate: isoDateSchema.nullable(),
  needs: z.array(rankedNeedSchema).max(9),
  fsm: z.boolean().nullable(),
  pupilPremium: z.boolean().nullable(),
  eal: z.boolean().nullable(),
  attendancePercent: z.number().min(0).max(100).nullable(),
});
export type PupilRecordFields = z.infer<typeof pupilRecordFieldsSchema>;

/**
 * A stored register record. `id` is our internal reference, kept across re-imports (the UPN
 * identifies the pupil to the MIS, but is never shown in chat); `onRoll` turns false when a full
 * re-import no longer lists the pupil: records are kept, never deleted.
 */
export interface PupilRecord extends PupilRecordFields {
  id: string;
  onRoll: boolean;
  importedAt: string;
}

/** True when a re-import would change nothing the MIS holds (when it was imported is not a change). */
export function sameRecord(a: PupilRecord, b: PupilRecord): boolean {
  const strip = ({ importedAt: _a, ...rest }: PupilRecord) => rest;
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

/** The primary (rank 1) need, if any. */
export function primaryNeed(record: Pick<PupilRecordFields, 'needs'>): RankedNeed['code'] | null {
  return record.needs.find((n) => n.rank === 1)?.code ?? null;
}

/** Initials for display in chat and tracker items ("J.B."): never the full name or UPN. */
export function initials(record: Pick<PupilRecordFields, 'forename' | 'surname'>): string {
  return `${record.forename.trim()[0] ?? ''}.${record.surname.trim()[0] ?? ''}.`.toUpperCase();
}
