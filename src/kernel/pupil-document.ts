import { z } from 'zod';
import { actorSchema, isoDateSchema, type Actor } from './action';
import { ConflictError, ValidationError } from './errors';
import { parseInput } from './validate';

/** What a document in a pupil's folder is (the library's Document type column). */
export const DOCUMENT_TYPES = ['support_plan', 'ehc_plan', 'one_page_profile', 'report', 'minutes', 'correspondence'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  support_plan: 'Support plan',
  ehc_plan: 'EHC plan',
  one_page_profile: 'One-page profile',
  report: 'Report',
  minutes: 'Minutes',
  correspondence: 'Correspondence',
};

/**
 * Where a document stands among the pupil's documents of its type: the one current one, one a
 * newer document replaced (kept, never deleted), or one uploaded without being made current.
 */
export const DOCUMENT_STATUSES = ['current', 'superseded', 'not_current'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  current: 'Current',
  superseded: 'Superseded',
  not_current: 'Not current',
};

/** SharePoint refuses these in a file name; `#` and `%` break links to it. */
const FORBIDDEN_IN_NAME = /["#%*:<>?/\\|]/;
/** Files that run rather than open: refused by name and by what they hold. */
const EXECUTABLE_EXTENSIONS = /\.(exe|com|bat|cmd|msi|msp|scr|pif|cpl|dll|js|jse|vbs|vbe|wsf|wsh|ps1|psm1|hta|jar|lnk|reg|sh|app|apk)$/i;
/** The largest file the app takes. SharePoint takes far more; a pupil's document that size is a scan at the wrong setting. */
export const MAX_DOCUMENT_BYTES = 100 * 1024 * 1024;

export const documentNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .refine((n) => !FORBIDDEN_IN_NAME.test(n), 'must not contain any of " # % * : < > ? / \\ |')
  .refine((n) => !n.endsWith('.') && !n.startsWith('.'), 'must not start or end with a full stop');

/** What someone gives with an upload; the bytes come beside it. */
export const newDocumentSchema = z.strictObject({
  pupilId: z.string().trim().min(1, 'must not be empty'),
  name: documentNameSchema,
  type: z.enum(DOCUMENT_TYPES),
  reviewDate: isoDateSchema.nullable().default(null),
  contentType: z.string().max(200).optional().transform(safeContentType),
  /** Make it the current one of its type (the one it replaces becomes superseded). */
  makeCurrent: z.boolean().default(true),
});
export type NewDocumentInput = z.input<typeof newDocumentSchema>;
export type NewDocument = z.output<typeof newDocumentSchema>;

export interface PupilDocument {
  id: string;
  pupilId: string;
  name: string;
  type: DocumentType;
  status: DocumentStatus;
  reviewDate: string | null;
  contentType: string;
  size: number;
  uploadedBy: Actor;
  uploadedAt: string;
  /** When a newer document of its type replaced it. */
  supersededAt: string | null;
  /** Open it in SharePoint or Office for the web (tenant mode); null in embedded mode, where the app serves the file. */
  webUrl: string | null;
  version: number;
}

/** One version of a document's file: the upload, and in SharePoint each later edit (Word for the web). */
export interface FileVersion {
  /** As SharePoint numbers them: 1.0, 2.0, … */
  label: string;
  at: string;
  /** Who saved this version, in words. */
  by: string;
  size: number;
}

/** One change to a document's place among the pupil's documents: who, when, what. */
export interface DocumentEvent {
  documentId: string;
  pupilId: string;
  what: 'uploaded' | 'made current' | 'superseded';
  by: Actor;
  at: string;
}

/**
 * The type a document is stored and served with: what the browser said, unless it is one a browser
 * would run or render as a page (HTML, SVG, XML, scripts), which is kept as plain bytes instead.
 */
export function safeContentType(given: string | undefined): string {
  const type = (given ?? '').split(';')[0]!.trim().toLowerCase();
  const rendered = /^(text\/(html|xml|javascript|ecmascript)|application\/(xhtml\+xml|xml|javascript|ecmascript)|image\/svg\+xml)$/;
  if (!/^[a-z]+\/[a-z0-9.+-]+$/.test(type) || rendered.test(type)) return 'application/octet-stream';
  return type;
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** The problem with a file of `bytes` over the limit: said the same whether its length was declared or counted. */
export function tooLargeProblem(bytes: number): { path: string; message: string } {
  return { path: 'file', message: `is ${mb(bytes)}; the largest file this takes is ${mb(MAX_DOCUMENT_BYTES)}` };
}

/**
 * Checks the bytes of an upload before anything is written: not empty, not too large, not a
 * program. @throws ValidationError saying which, in words a person can act on.
 */
export function checkDocumentContent(name: string, content: Uint8Array): void {
  const problems: { path: string; message: string }[] = [];
  if (content.length === 0) problems.push({ path: 'file', message: 'is empty: choose the saved document, not a new blank one' });
  if (content.length > MAX_DOCUMENT_BYTES) problems.push(tooLargeProblem(content.length));
  const program =
    EXECUTABLE_EXTENSIONS.test(name.trim()) ||
    (content[0] === 0x4d && content[1] === 0x5a) || // "MZ": a Windows program
    (content[0] === 0x7f && content[1] === 0x45 && content[2] === 0x4c && content[3] === 0x46); // ELF
  if (program)
    problems.push({ path: 'file', message: 'is a program, not a document: upload the document itself (PDF, Word, Excel, an image)' });
  if (problems.length > 0) throw new ValidationError(problems);
}

/** A pupil's documents sit in a folder named by the pupil's reference: only what is safe in a path. */
const FOLDER_SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * An upload as a store takes it, checked before anything is written: the document's details, who
 * adds it, and its bytes (see `checkDocumentContent`). @throws ValidationError
 */
export function checkUpload(input: NewDocumentInput, content: Uint8Array, by: Actor): { doc: NewDocument; who: Actor } {
  const doc = parseInput(newDocumentSchema, input, 'document');
  const who = parseInput(actorSchema, by, 'by');
  if (!FOLDER_SAFE_ID.test(doc.pupilId)) throw new ValidationError([{ path: 'document.pupilId', message: 'is not a pupil id' }]);
  checkDocumentContent(doc.name, content);
  return { doc, who };
}

/** The record of a document just stored under `id` (and, in SharePoint, at `webUrl`). */
export function uploadedDocument(
  doc: NewDocument,
  stored: { id: string; size: number; webUrl: string | null },
  who: Actor,
  at: string,
): PupilDocument {
  return {
    id: stored.id,
    pupilId: doc.pupilId,
    name: doc.name,
    type: doc.type,
    status: doc.makeCurrent ? 'current' : 'not_current',
    reviewDate: doc.reviewDate,
    contentType: doc.contentType,
    size: stored.size,
    uploadedBy: who,
    uploadedAt: at,
    supersededAt: null,
    webUrl: stored.webUrl,
    version: 1,
  };
}

/** The document as the current one of its type, one version on. */
export function asCurrent<D extends PupilDocument>(doc: D): D {
  return { ...doc, status: 'current', supersededAt: null, version: doc.version + 1 };
}

/** The document replaced by a newer one of its type at `at`: kept, one version on. */
export function asSuperseded<D extends PupilDocument>(doc: D, at: string): D {
  return { ...doc, status: 'superseded', supersededAt: at, version: doc.version + 1 };
}

/** A make-current from a version that is no longer the stored one. */
export function documentConflict(stored: number, expected: number): ConflictError {
  return new ConflictError(`This document was changed since you opened it (version ${stored}, you had ${expected}).`, stored);
}

/** Current first, then by type, then newest first: what the tab and the export list. */
export function documentOrder(a: PupilDocument, b: PupilDocument): number {
  const rank = (d: PupilDocument) => DOCUMENT_STATUSES.indexOf(d.status);
  return rank(a) - rank(b) || a.type.localeCompare(b.type) || b.uploadedAt.localeCompare(a.uploadedAt);
}
