import { randomUUID } from 'node:crypto';
import type { Actor } from './action';
import { defaultReviewDates, MEASURE_POINTS, type Intervention, type Measure, type NewIntervention } from './intervention';

/** A new intervention as both stores keep it: version 1, no measures yet, review dates settled. */
export function interventionRecord(valid: NewIntervention, createdBy: Actor, at: string): Intervention {
  return {
    ...valid,
    id: randomUUID(),
    reviewDates: [...new Set(valid.reviewDates ?? defaultReviewDates(valid))].sort(),
    measures: [],
    version: 1,
    createdBy,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * The intervention after recording `measure`, as both stores write it: at most one measure per point
 * (a later one replaces it), in baseline, mid, end order; one version on.
 */
export function withMeasure(current: Intervention, measure: Measure, at: string): Intervention {
  return {
    ...current,
    measures: [...current.measures.filter((m) => m.point !== measure.point), measure].sort(
      (a, b) => MEASURE_POINTS.indexOf(a.point) - MEASURE_POINTS.indexOf(b.point),
    ),
    version: current.version + 1,
    updatedAt: at,
  };
}
