import type { NewActionInput } from '@/kernel/action';
import { initials, type PupilRecord } from '@/kernel/pupil-record';
import type { Intervention } from '@/kernel/intervention';

/** Stable per intervention and date, so saving again never adds a second tracker item. */
export function reviewIdempotencyKey(interventionId: string, date: string): string {
  return `intervention:${interventionId}:review:${date}`;
}

/**
 * One tracker item per review date, owned by the member of staff who delivers the intervention.
 * The pupil appears by internal id and initials only.
 */
export function reviewItems(i: Intervention, pupil: Pick<PupilRecord, 'id' | 'forename' | 'surname' | 'yearGroup'>): NewActionInput[] {
  const last = i.reviewDates[i.reviewDates.length - 1];
  return i.reviewDates.map((date) => ({
    pupil: { id: pupil.id, name: initials(pupil), yearGroup: pupil.yearGroup >= 0 && pupil.yearGroup <= 13 ? pupil.yearGroup : null },
    itemType: 'intervention',
    description:
      date === last
        ? `End review of ${i.name}: record the end measure and whether the target was met`
        : `Review ${i.name}: record a progress measure and adjust if needed`,
    owner: { id: i.staff.id, name: i.staff.name, email: i.staff.email },
    dueDate: date,
    nextReviewDate: null,
    source: { eventType: 'sen_support_meeting', title: `Intervention review: ${i.name}` },
    idempotencyKey: reviewIdempotencyKey(i.id, date),
  }));
}
