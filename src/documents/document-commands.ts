import type { Actor, Person } from '@/kernel/action';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import type { DocumentStore } from '@/kernel/ports/document-store';
import type { RegisterRepository } from '@/kernel/ports/register-repository';
import type { NewDocumentInput, PupilDocument } from '@/kernel/pupil-document';
import { needsReviewItem, reviewItem } from './review-items';

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
}

/** Whoever adds a document or makes it current: the review item's owner, when the sign-in gives their email. */
export type DocumentActor = Actor & { email?: string };

/**
 * A current support plan or profile with a review date gets its one review item (kept if it exists),
 * owned by whoever added it or made it current.
 */
async function followReview(deps: DocumentCommandDeps, doc: PupilDocument, by: DocumentActor): Promise<string | null> {
  if (!needsReviewItem(doc) || !by.email) return null;
  const owner: Person = { id: by.id, name: by.name, email: by.email };
  const pupil = await deps.register.get(doc.pupilId);
  const [item] = await deps.actions.createMany([reviewItem(doc, pupil, owner)], owner);
  return item?.id ?? null;
}

/** Adds a document to a pupil's folder (the caller has checked the SEND team rule). */
export async function addDocument(
  deps: DocumentCommandDeps,
  input: NewDocumentInput,
  content: Uint8Array,
  by: DocumentActor,
): Promise<DocumentChange> {
  const document = await deps.documents.upload(input, content, by);
  return { document, reviewItemId: await followReview(deps, document, by) };
}

/** Makes a document the current one of its type (the caller has checked the SEND team rule). */
export async function makeDocumentCurrent(
  deps: DocumentCommandDeps,
  id: string,
  version: number,
  by: DocumentActor,
): Promise<DocumentChange> {
  const { document, superseded } = await deps.documents.makeCurrent(id, version, by);
  return { document, superseded, reviewItemId: await followReview(deps, document, by) };
}
