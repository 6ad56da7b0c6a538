import { z } from 'zod';
import { NEED_CODES, type NeedCode } from './need-codes';
import { primaryNeed, type PupilRecordFields } from './pupil-record';

const TERMS = ['Autumn', 'Spring', 'Summer'] as const;

/** A school term, "2025-26 Autumn". */
export const termSchema = z.string().regex(/^\d{4}-\d{2} (Autumn|Spring|Summer)$/, 'must be a term like "2025-26 Autumn"');

/** Sorts terms in school order: by academic year, then Autumn, Spring, Summer. */
export function termSortKey(term: string): string {
  const [year, name] = term.split(' ');
  return `${year}-${TERMS.indexOf(name as (typeof TERMS)[number])}`;
}

/** Counts kept each term so change can be shown later, whatever happens to individual records. */
export interface RegisterCounts {
  total: number;
  senSupport: number;
  ehcPlan: number;
  byPrimaryNeed: Record<NeedCode, number>;
  fsm: number;
  senWithFsm: number;
  belowNinetyAttendance: number;
}

export interface RegisterSnapshot extends RegisterCounts {
  term: string;
  takenAt: string;
}

/** Counts for a set of on-roll records. */
export function countRegister(records: readonly PupilRecordFields[]): RegisterCounts {
  const byPrimaryNeed = Object.fromEntries(NEED_CODES.map((c) => [c, 0])) as Record<NeedCode, number>;
  let senSupport = 0;
  let ehcPlan = 0;
  let fsm = 0;
  let senWithFsm = 0;
  let belowNinetyAttendance = 0;
  for (const r of records) {
    if (r.senStatus === 'K') senSupport++;
    if (r.senStatus === 'E') ehcPlan++;
    const need = primaryNeed(r);
    if (need && r.senStatus !== 'N') byPrimaryNeed[need]++;
    if (r.fsm) fsm++;
    if (r.fsm && r.senStatus !== 'N') senWithFsm++;
    if (r.attendancePercent !== null && r.attendancePercent < 90) belowNinetyAttendance++;
  }
  return { total: records.length, senSupport, ehcPlan, byPrimaryNeed, fsm, senWithFsm, belowNinetyAttendance };
}
