import { addDays, addMonths, daysBetween, type IsoDate } from './dates';
import type { EhcPlanDetails } from './ehc-plan';

/**
 * The statutory clock of an EHC plan (SEND Code of Practice 0 to 25, 2015, and the SEND
 * Regulations 2014). Every period runs in calendar days, through school holidays: a date is never
 * moved to a school day. Pure: the plan's dates in, the dated steps out.
 */
export const STEP_KINDS = [
  'assessment-decision',
  'final-plan',
  'review-invitations',
  'review-meeting',
  'review-report',
  'review-la-decision',
  'phase-transfer',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** Who must act by the date: the school, or the local authority (whom the school chases). */
export type StepDuty = 'school' | 'local authority';

export interface StatutoryStep {
  kind: StepKind;
  /**
   * Which run of the clock the step belongs to: the request date for the assessment, the date the
   * current review period runs from (the last review, else the plan's issue) for a review, the
   * transfer year for a phase transfer. A step keeps its cycle when a date inside it moves, so the
   * tracker item follows; a new cycle (a review held) makes new items.
   */
  cycle: string;
  dueDate: IsoDate;
  duty: StepDuty;
  /** Where the rule comes from, for the person who has to defend the date. */
  basis: string;
}

export interface ClockWarning {
  kind: 'meeting-after-deadline' | 'meeting-after-transfer' | 'under-five';
  message: string;
}

export interface StatutoryClock {
  steps: StatutoryStep[];
  /** The latest date the next annual review meeting may be held; null before the plan is issued. */
  reviewDeadline: IsoDate | null;
  warnings: ClockWarning[];
}

const WEEKS = 7;

/**
 * The law behind each step, as the school would quote it to a parent or the local authority. Checked
 * against the Children and Families Act 2014 s.44, the SEND Regulations 2014 and the Code of Practice
 * (2015) paragraphs 9.169 and 9.176, as local offers quote them.
 */
export const STEP_BASIS: Record<StepKind, string> = {
  'assessment-decision': 'Decision whether to assess within 6 weeks of the request (SEND Regulations 2014, reg. 4)',
  'final-plan': 'Final EHC plan within 20 weeks of the request (SEND Regulations 2014, reg. 13)',
  'review-invitations': 'Invitations, with the advice gathered, at least 2 weeks before the meeting (Code of Practice 9.176)',
  'review-meeting':
    'Review within 12 months of the plan or of the last review (Children and Families Act 2014, s.44; Code of Practice 9.169)',
  'review-report': "The school's report to the local authority within 2 weeks of the meeting (Code of Practice 9.176)",
  'review-la-decision': "The local authority's decision within 4 weeks of the meeting (Code of Practice 9.169)",
  'phase-transfer': 'Plan amended by 15 February, or 31 March for post-16, in the year of the move (SEND Regulations 2014, reg. 18)',
};

/**
 * Every dated step the plan's dates call for now. While the plan is being assessed (no issue date):
 * the decision (request + 6 weeks) and the final plan (request + 20 weeks). Once issued: the next
 * annual review, held by the day before the anniversary of the last review (or of the issue: s.44 counts
 * "the period of 12 months starting with" that date, so a plan issued on 1 January is reviewed by
 * 31 December; from 29 February the period ends on 27 February), with invitations 2 weeks before it, the school's report 2
 * weeks after and the local authority's decision 4 weeks after; and the phase-transfer amendment.
 * `dateOfBirth` (optional) lets the clock remind that an under-five's plan should be reviewed every 3 to 6 months.
 */
export function statutoryClock(plan: EhcPlanDetails, dateOfBirth: IsoDate | null = null): StatutoryClock {
  const steps: StatutoryStep[] = [];
  const warnings: ClockWarning[] = [];
  const step = (kind: StepKind, cycle: string, dueDate: IsoDate, duty: StepDuty) =>
    steps.push({ kind, cycle, dueDate, duty, basis: STEP_BASIS[kind] });

  if (plan.issueDate === null) {
    if (plan.requestDate !== null) {
      step('assessment-decision', plan.requestDate, addDays(plan.requestDate, 6 * WEEKS), 'local authority');
      step('final-plan', plan.requestDate, addDays(plan.requestDate, 20 * WEEKS), 'local authority');
    }
    return { steps, reviewDeadline: null, warnings };
  }

  const from = plan.lastReviewDate ?? plan.issueDate;
  const reviewDeadline = addDays(addMonths(from, 12), -1);
  const meeting = plan.nextReviewDate ?? reviewDeadline;
  step('review-invitations', from, addDays(meeting, -2 * WEEKS), 'school');
  step('review-meeting', from, meeting, 'school');
  step('review-report', from, addDays(meeting, 2 * WEEKS), 'school');
  step('review-la-decision', from, addDays(meeting, 4 * WEEKS), 'local authority');
  if (meeting > reviewDeadline) {
    warnings.push({
      kind: 'meeting-after-deadline',
      message: 'The meeting is booked after the latest date the law allows: bring it forward.',
    });
  }

  if (plan.phaseTransfer) {
    const { year, to } = plan.phaseTransfer;
    const due = to === 'school' ? `${year}-02-15` : `${year}-03-31`;
    step('phase-transfer', String(year), due, 'local authority');
    // The amendment follows a review: one after the amendment date cannot inform it.
    if (meeting > due && meeting.slice(0, 4) === String(year)) {
      warnings.push({
        kind: 'meeting-after-transfer',
        message: 'The review is after the date the plan must be amended for the move: hold it earlier.',
      });
    }
  }

  if (dateOfBirth !== null && daysBetween(dateOfBirth, from) >= 0 && from < addMonths(dateOfBirth, 60)) {
    warnings.push({
      kind: 'under-five',
      message: 'Under five: consider reviewing the plan every 3 to 6 months (Code of Practice, chapter 9).',
    });
  }
  steps.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || STEP_KINDS.indexOf(a.kind) - STEP_KINDS.indexOf(b.kind));
  return { steps, reviewDeadline, warnings };
}
