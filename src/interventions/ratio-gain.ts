import { z } from 'zod';
import { daysBetween } from '@/kernel/dates';
import { AGE_BASED, measureAt, type Intervention } from '@/kernel/intervention';

/**
 * Brooks' band names for ratio gain. The cut-offs are CONFIGURABLE DEFAULTS, not yet checked
 * against "What works for children and young people with literacy difficulties": a school or a
 * later check of the book may change them. Each band starts at `min` (inclusive); anything below
 * the first band's `min` (a fall in reading age) is reported in the first band.
 */
export const ratioGainBandsSchema = z
  .array(z.strictObject({ name: z.string().min(1).max(40), min: z.number() }))
  .min(1)
  .refine((bands) => bands.every((b, i) => i === 0 || b.min > bands[i - 1]!.min), 'bands must rise in order');
export type RatioGainBands = z.infer<typeof ratioGainBandsSchema>;

export const DEFAULT_RATIO_GAIN_BANDS: RatioGainBands = [
  { name: 'modest', min: 0 },
  { name: 'useful', min: 1.4 },
  { name: 'substantial', min: 2 },
  { name: 'remarkable', min: 3 },
];

/** Brooks treats about double the normal rate of progress as a reasonable expectation. */
export const DEFAULT_EXPECTED_RATIO_GAIN = 2;

const DAYS_PER_MONTH = 365.25 / 12;

/**
 * Ratio gain = months gained in reading or spelling age / months elapsed between the tests.
 * Returns null for measures that are not ages, or if the two tests are on the same day.
 */
export function ratioGain(gainMonths: number, fromDate: string, toDate: string): number | null {
  const elapsed = daysBetween(fromDate, toDate) / DAYS_PER_MONTH;
  if (elapsed <= 0) return null;
  return Math.round((gainMonths / elapsed) * 100) / 100;
}

/** The band a ratio gain falls in: the highest band whose minimum it reaches. */
export function ratioGainBand(rg: number, bands: RatioGainBands = DEFAULT_RATIO_GAIN_BANDS): string {
  let name = bands[0]!.name;
  for (const band of bands) if (rg >= band.min) name = band.name;
  return name;
}

/** Ratio gain of an age-based intervention from baseline to its latest measure (end, else mid). */
export function interventionRatioGain(i: Pick<Intervention, 'measureKind' | 'measures'>): number | null {
  if (!AGE_BASED.includes(i.measureKind)) return null;
  const base = measureAt(i, 'baseline');
  const latest = measureAt(i, 'end') ?? measureAt(i, 'mid');
  if (!base || !latest) return null;
  return ratioGain(latest.value - base.value, base.date, latest.date);
}
