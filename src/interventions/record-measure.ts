import type { Action } from '@/kernel/action';
import { ValidationError } from '@/kernel/errors';
import type { Viewer } from '@/kernel/access';
import { formatDate } from '@/kernel/dates';
import type { Intervention, Measure } from '@/kernel/intervention';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import type { InterventionRepository } from '@/kernel/ports/intervention-repository';
import { closeAction, listActions } from '@/tracker/action-commands';
import { reviewIdempotencyKey } from './review-items';

export interface RecordMeasureDeps {
  interventions: InterventionRepository;
  actions: ActionRepository;
}

const POINT_LABELS: Record<Measure['point'], string> = { baseline: 'Baseline', mid: 'Mid-point', end: 'End' };

/**
 * The review item a measure answers: the end review for an end measure, the earliest open review
 * before it for a mid-point measure; a baseline answers none (it is taken before any review).
 */
function answered(intervention: Intervention, point: Measure['point'], open: Action[]): Action | undefined {
  const last = intervention.reviewDates[intervention.reviewDates.length - 1];
  const keyOf = (date: string) => reviewIdempotencyKey(intervention.id, date);
  if (point === 'end') return last ? open.find((a) => a.idempotencyKey === keyOf(last)) : undefined;
  if (point === 'baseline') return undefined;
  const mids = intervention.reviewDates.slice(0, -1).map(keyOf);
  return open.filter((a) => a.idempotencyKey && mids.includes(a.idempotencyKey)).sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
}

/**
 * Records a measure on an intervention and closes the review item it answers, with the measure as
 * the closing note: otherwise the review stays open, turns overdue and lands under "Needs
 * escalation" although the work was done. The close goes through the one way in (the tracker's
 * access rule and history). Recording the same measure again closes nothing more. A measure dated
 * after `today` is refused: it would close its review before the test was taken.
 * @throws ValidationError (a future date), as `InterventionRepository.addMeasure`, and as `closeAction`
 */
export async function recordMeasure(
  deps: RecordMeasureDeps,
  interventionId: string,
  measure: Measure,
  viewer: Viewer,
  today: string,
): Promise<{ intervention: Intervention; closedReviewItemIds: string[] }> {
  if (measure.date > today) {
    throw new ValidationError([{ path: 'measure.date', message: 'must not be in the future: record a measure once it is taken' }]);
  }
  const intervention = await deps.interventions.addMeasure(interventionId, measure, viewer);
  const open = await listActions(deps.actions, viewer, { pupilId: intervention.pupilId, itemType: 'intervention' });
  const item = answered(intervention, measure.point, open);
  if (!item) return { intervention, closedReviewItemIds: [] };
  const unit = intervention.measureUnit ? ` ${intervention.measureUnit}` : '';
  const note = `${POINT_LABELS[measure.point]} measure recorded: ${measure.value}${unit} on ${formatDate(measure.date)}${measure.note ? ` (${measure.note})` : ''}.`;
  await closeAction(deps.actions, viewer, { id: item.id, version: item.version }, { status: 'done', note });
  return { intervention, closedReviewItemIds: [item.id] };
}
