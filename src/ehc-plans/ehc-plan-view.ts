import type { Action } from '@/kernel/action';
import type { EhcPlan } from '@/kernel/ehc-plan';
import type { Status } from '@/kernel/status';
import type { ClockWarning, StatutoryClock, StepDuty, StepKind } from '@/kernel/statutory-clock';
import type { MatchedSteps } from './match-steps';
import { STEP_WORDING } from './statutory-items';

/** A tracker item as the plan's panel shows it: enough to say whether the step is done, and to open it. */
export interface StepItem {
  id: string;
  status: Status;
  dueDate: string;
  closingNote: string | null;
}

export interface StepRow {
  kind: StepKind;
  wording: string;
  dueDate: string;
  duty: StepDuty;
  basis: string;
  item: StepItem | null;
}

/** `GET /api/register/pupils/:id/ehc-plan`: the record, the clock's steps with their items, and what still needs closing. */
export interface EhcPlanView {
  pupilId: string;
  plan: EhcPlan | null;
  reviewDeadline: string | null;
  warnings: ClockWarning[];
  steps: StepRow[];
  earlierOpen: Array<StepItem & { description: string }>;
}

const itemOf = (a: Action): StepItem => ({ id: a.id, status: a.status, dueDate: a.dueDate, closingNote: a.closingNote });

/** Pure presenter of a plan, its clock and the matched items. */
export function ehcPlanView(pupilId: string, plan: EhcPlan | null, clock: StatutoryClock | null, matched: MatchedSteps): EhcPlanView {
  return {
    pupilId,
    plan,
    reviewDeadline: clock?.reviewDeadline ?? null,
    warnings: clock?.warnings ?? [],
    steps: matched.rows.map(({ step, item }) => ({
      kind: step.kind,
      wording: STEP_WORDING[step.kind],
      dueDate: step.dueDate,
      duty: step.duty,
      basis: step.basis,
      item: item ? itemOf(item) : null,
    })),
    earlierOpen: matched.earlierOpen.map((a) => ({ ...itemOf(a), description: a.description })),
  };
}
