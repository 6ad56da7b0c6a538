import { randomUUID } from 'node:crypto';
import type { Actor } from './action';
import { defaultReviewDates, type Intervention, type NewIntervention } from './intervention';

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
