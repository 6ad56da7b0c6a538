import { isDeepStrictEqual } from 'node:util';
import type { Viewer } from '@/kernel/access';
import { ehcPlanDetailsSchema, type EhcPlanDetails } from '@/kernel/ehc-plan';
import { AppError } from '@/kernel/errors';
import { saveEhcPlan, type EhcPlanDeps } from './ehc-plan-commands';

/** One row's EHC plan dates as the register import read them (`EhcDatesFromMis`). */
export interface MisPlanDates {
  upn: string;
  rowNumber: number;
  localAuthority: string | null;
  issueDate: string;
  lastReviewDate: string | null;
  nextReviewDate: string | null;
}

export interface EhcDatesImported {
  /** Plans saved with new dates from the file (their statutory steps kept in step). */
  saved: number;
  /** Rows whose dates were already the plan's. */
  unchanged: number;
  /** Rows not applied, each saying why and what to do. */
  warnings: string[];
}

/**
 * After a register import: the EHC plan dates the MIS file carries, applied to each pupil's plan
 * record so they are never typed twice. The file's issue, last and next review dates and local
 * authority win; what the MIS does not hold (the request date, a phase transfer) is kept. Each change
 * is a new plan version through `saveEhcPlan`, so the steps on the tracker follow. A row that cannot
 * be applied (no local authority for a new plan, dates out of order, no SENCO) is reported, not fatal:
 * the register itself is already imported.
 */
export async function importEhcDates(
  deps: EhcPlanDeps,
  viewer: Viewer,
  rows: readonly MisPlanDates[],
  today: string,
): Promise<EhcDatesImported> {
  const result: EhcDatesImported = { saved: 0, unchanged: 0, warnings: [] };
  if (rows.length === 0) return result;
  const byUpn = new Map((await deps.register.list()).map((p) => [p.upn, p]));
  for (const row of rows) {
    const pupil = byUpn.get(row.upn);
    if (!pupil) continue;
    const current = await deps.plans.get(pupil.id);
    const localAuthority = row.localAuthority ?? current?.details.localAuthority ?? null;
    const say = (why: string) => result.warnings.push(`Row ${row.rowNumber}: EHC plan dates not applied: ${why}`);
    if (localAuthority === null) {
      say('the file names no local authority; add the plan in the Pupil view');
      continue;
    }
    const details: EhcPlanDetails = {
      requestDate: current?.details.requestDate ?? null,
      phaseTransfer: current?.details.phaseTransfer ?? null,
      localAuthority,
      issueDate: row.issueDate,
      lastReviewDate: row.lastReviewDate ?? current?.details.lastReviewDate ?? null,
      nextReviewDate: row.nextReviewDate ?? current?.details.nextReviewDate ?? null,
    };
    if (current && isDeepStrictEqual(details, current.details)) {
      result.unchanged += 1;
      continue;
    }
    const valid = ehcPlanDetailsSchema.safeParse(details);
    if (!valid.success) {
      say(valid.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; '));
      continue;
    }
    try {
      await saveEhcPlan(deps, viewer, pupil.id, current?.version ?? 0, valid.data, today);
      result.saved += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      say(error.message);
    }
  }
  return result;
}
