import type { NewActionInput, Person } from '@/kernel/action';
import { formatDate } from '@/kernel/dates';
import { DOCUMENT_TYPE_LABELS, type DocumentType, type PupilDocument } from '@/kernel/pupil-document';
import { initials, type PupilRecord } from '@/kernel/pupil-record';

/** Documents whose review the tracker follows. An EHC plan's reviews run on the statutory clock instead. */
export const REVIEWED_TYPES: readonly DocumentType[] = ['support_plan', 'one_page_profile'];

/** One key per document: uploading, making it current again or a retried request never adds a second item. */
const REVIEW_KEY_PREFIX = 'document-review:';
export const reviewKey = (documentId: string) => `${REVIEW_KEY_PREFIX}${documentId}`;

/** The document a review item follows, from its key; null for any other item. */
export function documentOfReviewKey(key: string | null | undefined): string | null {
  return key?.startsWith(REVIEW_KEY_PREFIX) ? key.slice(REVIEW_KEY_PREFIX.length) : null;
}

/** Does this document get a review item? The current one of a reviewed type, with a review date. */
export function needsReviewItem(doc: PupilDocument): boolean {
  return doc.status === 'current' && doc.reviewDate !== null && REVIEWED_TYPES.includes(doc.type);
}

/**
 * The tracker item that brings a document's review round: due on its review date, owned by whoever
 * added it (or made it current). It names the document by type and date, not by its file name,
 * which may carry the pupil's name; the pupil appears by initials, as on every item.
 */
export function reviewItem(
  doc: PupilDocument,
  pupil: Pick<PupilRecord, 'id' | 'forename' | 'surname' | 'yearGroup'>,
  owner: Person,
): NewActionInput {
  return {
    pupil: { id: pupil.id, name: initials(pupil), yearGroup: pupil.yearGroup >= 0 && pupil.yearGroup <= 13 ? pupil.yearGroup : null },
    itemType: 'support_plan_update',
    description: `Review the ${DOCUMENT_TYPE_LABELS[doc.type].toLowerCase()} added ${formatDate(doc.uploadedAt.slice(0, 10))}`,
    owner,
    dueDate: doc.reviewDate!,
    nextReviewDate: null,
    source: { eventType: 'sen_support_meeting', title: 'Pupil documents' },
    idempotencyKey: reviewKey(doc.id),
  };
}
