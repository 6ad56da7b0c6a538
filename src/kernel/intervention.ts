import { z } from 'zod';
import { isoDateSchema, personSchema, type Actor } from './action';
import { addDays, daysBetween } from './dates';

/** How an intervention's progress is measured. Age-based measures are in months. */
export const MEASURE_KINDS = ['reading_age', 'spelling_age', 'standardised_score', 'custom'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];
export const AGE_BASED: readonly MeasureKind[] = ['reading_age', 'spelling_age'];

/** Assess at the start, at least at the mid-point, and at the end. */
export const MEASURE_POINTS = ['baseline', 'mid', 'end'] as const;
export type MeasurePoint = (typeof MEASURE_POINTS)[number];

/** Who delivers it, for the provision map's hours and cost. */
export const STAFF_ROLES = ['teaching_assistant', 'teacher', 'senco', 'external'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const staffSchema = personSchema.extend({ role: z.enum(STAFF_ROLES) });
export type Staff = z.infer<typeof staffSchema>;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** The specific outcome aimed for, e.g. "reading age 8y 0m" = 96 months, or "8/10 spellings". */
export const targetOutcomeSchema = z.strictObject({
  description: text(300),
  /** The value on the intervention's measure that counts as met; null when judged by hand. */
  value: z.number().nullable().default(null),
  /** Most measures should rise; behaviour incidents should fall. */
  direction: z.enum(['at_least', 'at_most']).default('at_least'),
});

export const newInterventionSchema = z
  .strictObject({
    pupilId: text(64),
    name: text(120),
    /** Pupils with the same name, group and staff share sessions (one lot of staff time). */
    group: z.string().trim().max(80).nullable().default(null),
    staff: staffSchema,
    startDate: isoDateSchema,
    plannedEndDate: isoDateSchema,
    sessionsPerWeek: z.number().int().min(1).max(10),
    sessionMinutes: z.number().int().min(5).max(240),
    /** The date parent consent was recorded; required on or before the start. */
    parentConsentDate: isoDateSchema.nullable().default(null),
    measureKind: z.enum(MEASURE_KINDS),
    /** For custom measures: what the number counts ("spellings out of 10", "incidents a week"). */
    measureUnit: z.string().trim().max(60).nullable().default(null),
    target: targetOutcomeSchema,
    /** Review dates; when absent, the mid-point and the planned end. Each becomes a tracker item. */
    reviewDates: z.array(isoDateSchema).max(12).optional(),
    idempotencyKey: z.string().trim().min(1).max(300).optional(),
  })
  .refine((i) => i.plannedEndDate > i.startDate, { path: ['plannedEndDate'], message: 'must be after the start date' })
  .refine((i) => i.parentConsentDate === null || i.parentConsentDate <= i.startDate, {
    path: ['parentConsentDate'],
    message: 'consent must be recorded on or before the start date',
  })
  .refine((i) => i.measureKind !== 'custom' || i.measureUnit !== null, {
    path: ['measureUnit'],
    message: 'say what a custom measure counts',
  });
export type NewInterventionInput = z.input<typeof newInterventionSchema>;
export type NewIntervention = z.output<typeof newInterventionSchema>;

export const measureSchema = z.strictObject({
  point: z.enum(MEASURE_POINTS),
  date: isoDateSchema,
  value: z.number().min(-1000).max(10_000),
  note: z.string().trim().max(500).optional(),
});
export type Measure = z.infer<typeof measureSchema>;

/** A stored intervention. `measures` holds at most one of each point (a later one replaces it). */
export interface Intervention extends Omit<NewIntervention, 'reviewDates'> {
  id: string;
  reviewDates: string[];
  measures: Measure[];
  version: number;
  createdBy: Actor;
  createdAt: string;
  updatedAt: string;
}

/** The measure taken at `point`, if any. */
export function measureAt(i: Pick<Intervention, 'measures'>, point: MeasurePoint): Measure | undefined {
  return i.measures.find((m) => m.point === point);
}

/** The date halfway between start and planned end. */
export function midPoint(i: Pick<NewIntervention, 'startDate' | 'plannedEndDate'>): string {
  return addDays(i.startDate, Math.round(daysBetween(i.startDate, i.plannedEndDate) / 2));
}

/** The review dates an intervention gets when none are given: the mid-point and the planned end. */
export function defaultReviewDates(i: Pick<NewIntervention, 'startDate' | 'plannedEndDate'>): string[] {
  return [midPoint(i), i.plannedEndDate];
}
