import type { Actor } from '../action';
import type { DocumentEvent, FileVersion, NewDocumentInput, PupilDocument } from '../pupil-document';

/**
 * Storage port for each pupil's documents: files under the data folder with their metadata in
 * SQLite (embedded), or the SEND site's pupil records library (tenant). Nothing is ever deleted:
 * a document replaced by a newer one is kept as superseded.
 */
export interface DocumentStore {
  /** The pupil's documents, current first (see `documentOrder`). */
  list(pupilId: string): Promise<PupilDocument[]>;
  /** @throws NotFoundError */
  get(id: string): Promise<PupilDocument>;
  /**
   * Stores the file in the pupil's folder and its metadata; with `makeCurrent` the current one of
   * its type becomes superseded. All or nothing: a refused or failed upload leaves no file behind.
   * @throws ValidationError for a bad name, type or date, an empty, oversized or executable file
   */
  upload(input: NewDocumentInput, content: Uint8Array, by: Actor): Promise<PupilDocument>;
  /**
   * Makes the document the current one of its type; the one it replaces becomes superseded.
   * @throws NotFoundError; ConflictError when `expectedVersion` is not the stored version
   */
  makeCurrent(id: string, expectedVersion: number, by: Actor): Promise<{ document: PupilDocument; superseded: PupilDocument | null }>;
  /** Every pupil's current documents whose review date is `onOrBefore` or earlier, oldest review first. */
  pastReview(onOrBefore: string): Promise<PupilDocument[]>;
  /** Every upload, make-current and supersede for the pupil's documents, oldest first. */
  events(pupilId: string): Promise<DocumentEvent[]>;
  /**
   * Every version of the file, newest first: one in embedded mode (the app never changes a file); in
   * SharePoint also each edit saved in Word for the web. @throws NotFoundError
   */
  fileVersions(id: string): Promise<FileVersion[]>;
  /**
   * The file's bytes, its latest version: the app serves them in both modes, so its access rule decides
   * who reads a file (the SEND team can also open one in SharePoint at `webUrl`). @throws NotFoundError
   */
  content(id: string): Promise<Uint8Array>;
}
