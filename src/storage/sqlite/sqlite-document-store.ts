import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { actorSchema, type Actor } from '@/kernel/action';
import { NotFoundError } from '@/kernel/errors';
import type { DocumentStore } from '@/kernel/ports/document-store';
import {
  asCurrent,
  asSuperseded,
  checkUpload,
  documentConflict,
  documentOrder,
  type DocumentEvent,
  type FileVersion,
  type NewDocumentInput,
  type PupilDocument,
  uploadedDocument,
} from '@/kernel/pupil-document';
import { parseInput } from '@/kernel/validate';

interface DataRow {
  data: string;
}

/**
 * Pupils' documents in embedded mode: each file under `<filesDir>/<pupil id>/<document id>`, its
 * metadata and every change in the SQLite file. A file is written under a temporary name and
 * renamed into place only when whole; metadata is stored after it, so a failed upload leaves nothing.
 */
export class SqliteDocumentStore implements DocumentStore {
  constructor(
    private readonly db: Database.Database,
    private readonly filesDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(pupilId: string): Promise<PupilDocument[]> {
    return this.db
      .prepare<[string], DataRow>('SELECT data FROM pupil_documents WHERE pupil_id = ?')
      .all(pupilId)
      .map((r) => JSON.parse(r.data) as PupilDocument)
      .sort(documentOrder);
  }

  async get(id: string): Promise<PupilDocument> {
    return this.getNow(id);
  }

  async pastReview(onOrBefore: string): Promise<PupilDocument[]> {
    return this.db
      .prepare<[string], DataRow>("SELECT data FROM pupil_documents WHERE status = 'current' AND review_date <= ? ORDER BY review_date, id")
      .all(onOrBefore)
      .map((r) => JSON.parse(r.data) as PupilDocument);
  }

  async events(pupilId: string): Promise<DocumentEvent[]> {
    return this.db
      .prepare<[string], DataRow>('SELECT data FROM pupil_document_events WHERE pupil_id = ? ORDER BY seq')
      .all(pupilId)
      .map((r) => JSON.parse(r.data) as DocumentEvent);
  }

  /** A file here is never changed after its upload: one version. */
  async fileVersions(id: string): Promise<FileVersion[]> {
    const doc = await this.get(id);
    return [{ label: '1.0', at: doc.uploadedAt, by: doc.uploadedBy.name, size: doc.size }];
  }

  async content(id: string): Promise<Uint8Array> {
    const doc = await this.get(id);
    return fs.promises.readFile(this.fileOf(doc.pupilId, doc.id));
  }

  async upload(input: NewDocumentInput, content: Uint8Array, by: Actor): Promise<PupilDocument> {
    const { doc, who } = checkUpload(input, content, by);
    const at = this.now().toISOString();
    const stored = uploadedDocument(doc, { id: randomUUID(), size: content.length, webUrl: null }, who, at);
    const file = this.fileOf(stored.pupilId, stored.id);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.part`;
    await fs.promises.writeFile(partial, content, { flag: 'wx' });
    await fs.promises.rename(partial, file);
    try {
      this.db.transaction(() => {
        this.insert(stored);
        this.event(stored, 'uploaded', who, at);
        if (doc.makeCurrent) this.supersedeOthers(stored, who, at);
      })();
    } catch (error) {
      // The metadata did not go in: the file is no one's yet, so it goes (this is not a record).
      await fs.promises.rm(file, { force: true });
      throw error;
    }
    return stored;
  }

  async makeCurrent(
    id: string,
    expectedVersion: number,
    by: Actor,
  ): Promise<{ document: PupilDocument; superseded: PupilDocument | null }> {
    const who = parseInput(actorSchema, by, 'by');
    return this.db.transaction(() => {
      const doc = this.getNow(id);
      if (doc.version !== expectedVersion) throw documentConflict(doc.version, expectedVersion);
      if (doc.status === 'current') return { document: doc, superseded: null };
      const at = this.now().toISOString();
      const document = asCurrent(doc);
      this.update(document);
      this.event(document, 'made current', who, at);
      const [superseded] = this.supersedeOthers(document, who, at);
      return { document, superseded: superseded ?? null };
    })();
  }

  private fileOf(pupilId: string, id: string): string {
    return path.join(this.filesDir, pupilId, id);
  }

  private getNow(id: string): PupilDocument {
    const row = this.db.prepare<[string], DataRow>('SELECT data FROM pupil_documents WHERE id = ?').get(id);
    if (!row) throw new NotFoundError('No such document.');
    return JSON.parse(row.data) as PupilDocument;
  }

  /** The other current documents of `doc`'s pupil and type become superseded (there is at most one). */
  private supersedeOthers(doc: PupilDocument, by: Actor, at: string): PupilDocument[] {
    const current = this.db
      .prepare<[string, string, string], DataRow>(
        "SELECT data FROM pupil_documents WHERE pupil_id = ? AND type = ? AND status = 'current' AND id <> ?",
      )
      .all(doc.pupilId, doc.type, doc.id)
      .map((r) => JSON.parse(r.data) as PupilDocument);
    return current.map((old) => {
      const superseded = asSuperseded(old, at);
      this.update(superseded);
      this.event(superseded, 'superseded', by, at);
      return superseded;
    });
  }

  private insert(doc: PupilDocument): void {
    this.db
      .prepare('INSERT INTO pupil_documents (id, pupil_id, type, status, review_date, version, data) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(doc.id, doc.pupilId, doc.type, doc.status, doc.reviewDate, doc.version, JSON.stringify(doc));
  }

  private update(doc: PupilDocument): void {
    this.db
      .prepare('UPDATE pupil_documents SET status = ?, version = ?, data = ? WHERE id = ?')
      .run(doc.status, doc.version, JSON.stringify(doc), doc.id);
  }

  private event(doc: PupilDocument, what: DocumentEvent['what'], by: Actor, at: string): void {
    const event: DocumentEvent = { documentId: doc.id, pupilId: doc.pupilId, what, by, at };
    this.db
      .prepare('INSERT INTO pupil_document_events (document_id, pupil_id, data) VALUES (?, ?, ?)')
      .run(doc.id, doc.pupilId, JSON.stringify(event));
  }
}
