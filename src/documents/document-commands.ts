import type { Person } from '@/kernel/action';
import type { Viewer } from '@/kernel/access';
import { formatDate } from '@/kernel/dates';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import type { DocumentStore } from '@/kernel/ports/document-store';
import type { RegisterRepository } from '@/kernel/ports/register-repository';
import { DOCUMENT_TYPE_LABELS, type NewDocumentInput, type PupilDocument } from '@/kernel/pupil-document';
import { closeAction, createActions, listActions, reopenAction } from '@/tracker/action-commands';
import { documentOfReviewKey, needsReviewItem, REVIEWED_TYPES, reviewItem } from './review-items';

export interface DocumentCommandDeps {
  documents: DocumentStore;
  actions: ActionRepository;
  register: RegisterRepository;
}

/** The document and, when its review is followed, the id of the tracker item that brings it round. */
export interface DocumentChange {
  document: PupilDocument;
  superseded?: PupilDocument | null;
  reviewItemId: string | null;
  /** Review items of documents this change replaced, closed because their review is no longer due. */
  closedReviewItemIds: string[];
}

/** Whoever adds a document or makes it current (the SEND team): the review item's owner, when the sign-in gives their email. */
export type DocumentActor = Viewer & { email?: string };

/**
 * A current support plan or profile with a review date gets its one review item (kept if it exists),
 * owned by whoever added it or made it current. One parked when the document was replaced is
 * reopened when the document is made current again.
 */
async function followReview(deps: DocumentCommandDeps, doc: PupilDocument, by: DocumentActor): Promise<string | null> {
  if (!needsReviewItem(doc) || !by.email) return null;
  const owner: Person = { id: by.id, name: by.name, email: by.email };
  const pupil = await deps.register.get(doc.pupilId);
  const [item] = await createActions(deps.actions, owner, [reviewItem(doc, pupil, owner)]);
  if (item?.status === 'parked' && by.sendTeam) {
    const note = `The ${DOCUMENT_TYPE_LABELS[doc.type].toLowerCase()} is current again.`;
    await reopenAction(deps.actions, by, { id: item.id, version: item.version }, note);
  }
  return item?.id ?? null;
}

/**
 * Parks the open review items of the pupil's documents that are no longer current: the plan they
 * review was replaced, so the item would otherwise turn overdue and land under "Needs escalation"
 * for a plan nobody follows any more. The close goes through the one way in (access rule, history).
 */
async function closeReplacedReviews(deps: DocumentCommandDeps, pupilId: string, by: DocumentActor): Promise<string[]> {
  const open = await listActions(deps.actions, by, { pupilId, itemType: 'support_plan_update' });
  const closed: string[] = [];
  for (const item of open) {
    const documentId = documentOfReviewKey(item.idempotencyKey);
    if (!documentId) continue;
    const reviewed = await deps.documents.get(documentId).catch(() => null);
    if (!reviewed || reviewed.status === 'current') continue;
    const when = reviewed.supersededAt ? ` on ${formatDate(reviewed.supersededAt.slice(0, 10))}` : '';
    const note = `No longer needed: a newer ${DOCUMENT_TYPE_LABELS[reviewed.type].toLowerCase()} replaced this one${when}.`;
    await closeAction(deps.actions, by, { id: item.id, version: item.version }, { status: 'parked', note });
    closed.push(item.id);
  }
  return closed;
}

/** Adds a document to a pupil's folder (the caller has checked the SEND team rule). */
export async function addDocument(
  deps: DocumentCommandDeps,
  input: NewDocumentInput,
  content: Uint8Array,
  by: DocumentActor,
): Promise<DocumentChange> {
  const document = await deps.documents.upload(input, content, by);
  const replacedOne = document.status === 'current' && REVIEWED_TYPES.includes(document.type);
  const closedReviewItemIds = replacedOne ? await closeReplacedReviews(deps, document.pupilId, by) : [];
  return { document, reviewItemId: await followReview(deps, document, by), closedReviewItemIds };
}

/** Makes a document the current one of its type (the caller has checked the SEND team rule). */
export async function makeDocumentCurrent(
  deps: DocumentCommandDeps,
  id: string,
  version: number,
  by: DocumentActor,
): Promise<DocumentChange> {
  const { document, superseded } = await deps.documents.makeCurrent(id, version, by);
  const closedReviewItemIds = superseded ? await closeReplacedReviews(deps, document.pupilId, by) : [];
  return { document, superseded, reviewItemId: await followReview(deps, document, by), closedReviewItemIds };
}
