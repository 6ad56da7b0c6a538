import { z } from 'zod';
import raw from './data/national-figures.json';
import { NEED_CODES } from '@/kernel/need-codes';

const pct = z.number().min(0).max(100).nullable();
const phaseFigures = z.strictObject({ anySenPercent: pct, ehcPlanPercent: pct, senSupportPercent: pct });
const byStatus = z.strictObject({ ehcPlan: pct, senSupport: pct, noSen: pct });
const needPercents = z.partialRecord(z.enum(NEED_CODES), z.number().min(0).max(100));

const yearSchema = z.strictObject({
  year: z.string().regex(/^\d{4}\/\d{2}$/),
  allSchools: z.strictObject({
    anySenPercent: pct,
    ehcPlanPercent: pct,
    senSupportPercent: pct,
    anySenCount: z.number().int().nullable(),
    ehcPlanCount: z.number().int().nullable(),
    senSupportCount: z.number().int().nullable(),
    totalPupils: z.number().int().nullable(),
  }),
  byPhase: z.strictObject({ primary: phaseFigures, secondary: phaseFigures }),
  primaryNeedPercent: z.strictObject({ ehcPlan: needPercents, senSupport: needPercents }),
  fsmEligiblePercent: byStatus,
  boysPercent: z.strictObject({ ehcPlan: pct, senSupport: pct }),
  absenceAutumnTerm: z.strictObject({ source: z.string(), overallAbsencePercent: byStatus, persistentAbsencePercent: byStatus }).optional(),
});

export const nationalFiguresSchema = z.strictObject({ source: z.string(), note: z.string(), years: z.array(yearSchema).min(1) });
export type NationalFigures = z.infer<typeof nationalFiguresSchema>;
export type NationalYear = z.infer<typeof yearSchema>;
export type Phase = 'primary' | 'secondary';

/** The DfE figures shipped with the app, checked on load so a bad edit to the JSON fails loudly. */
export const NATIONAL_FIGURES: NationalFigures = nationalFiguresSchema.parse(raw);

/** The newest year (or the one asked for). @throws Error for an unknown year */
export function nationalYear(figures: NationalFigures = NATIONAL_FIGURES, year?: string): NationalYear {
  const sorted = [...figures.years].sort((a, b) => b.year.localeCompare(a.year));
  const found = year ? sorted.find((y) => y.year === year) : sorted[0];
  if (!found) throw new Error(`No national figures for ${year}`);
  return found;
}

/** The latest year that has absence figures (they are published on a different cycle). */
export function latestAbsence(figures: NationalFigures = NATIONAL_FIGURES): (NationalYear['absenceAutumnTerm'] & { year: string }) | null {
  const year = [...figures.years].sort((a, b) => b.year.localeCompare(a.year)).find((y) => y.absenceAutumnTerm);
  return year?.absenceAutumnTerm ? { ...year.absenceAutumnTerm, year: year.year } : null;
}
