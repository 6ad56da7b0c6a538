import { ResponseType } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { actorSchema, type Actor } from '@/kernel/action';
import { AppError, NotFoundError } from '@/kernel/errors';
import type { DocumentStore } from '@/kernel/ports/document-store';
import {
  asCurrent,
  asSuperseded,
  checkUpload,
  documentConflict,
  DOCUMENT_STATUS_LABELS,
  DOCUMENT_TYPE_LABELS,
  documentOrder,
  type DocumentEvent,
  type FileVersion,
  type NewDocumentInput,
  type PupilDocument,
  uploadedDocument,
} from '@/kernel/pupil-document';
import { parseInput } from '@/kernel/validate';
import { odataString } from './action-fields';
import { findItemsWhere } from './graph-lookup';
import { getAllPages } from './graph-paging';
import { itemPageSchema, listItemSchema, parseGraph, type GraphListItem } from './graph-shapes';
import { graphFailure, jsonColumn, lookupTarget, type RegisterStoreContext } from './register-store-options';
import type { DocumentLists } from './site-lists';
import { retryThrottled, sendToUploadSession } from './upload-session';
import { graphStatus } from './graph-client';

/** Files up to this size go in one request; larger ones through an upload session. */
export const SIMPLE_UPLOAD_BYTES = 4 * 1024 * 1024;
/** An upload session's fragment: a multiple of 320 KiB, as Graph requires (16 x 320 KiB = 5 MiB). */
export const UPLOAD_FRAGMENT_BYTES = 16 * 320 * 1024;

/** What the `Record` column holds: the document and every change to its place, in order. */
interface StoredRecord extends PupilDocument {
  events: DocumentEvent[];
}

const driveItemSchema = z.object({ id: z.string(), webUrl: z.string() });
const driveSchema = z.object({ id: z.string() });
const uploadSessionSchema = z.object({ uploadUrl: z.string() });
const identity = z.object({ displayName: z.string().optional() }).optional();
/** https://learn.microsoft.com/graph/api/resources/driveitemversion */
const versionsSchema = z.object({
  value: z.array(
    z.object({
      id: z.string(),
      lastModifiedDateTime: z.string(),
      size: z.number().optional(),
      lastModifiedBy: z.object({ user: identity, application: identity }).optional(),
    }),
  ),
});

/** Events that share an instant keep the order they happened in. */
const EVENT_ORDER: DocumentEvent['what'][] = ['uploaded', 'made current', 'superseded'];

/**
 * Pupils' documents in the SEND site's "SEND Pupil Records" library: each file in its pupil's folder,
 * its metadata in the library's columns on the file's listItem. Requests, each on its Microsoft Learn page:
 * - the library's drive, once: the list's `drive` relationship (https://learn.microsoft.com/graph/api/resources/list);
 * - a pupil's folder, once per pupil: get by path (driveitem-get), made if missing (driveitem-post-children);
 * - a file up to 4 MB in one PUT (driveitem-put-content), a larger one through an upload session
 *   (driveitem-createuploadsession, upload-session.ts), never overwriting (conflictBehavior rename);
 * - its columns with one PATCH on the file's listItem fields (listitem-update), with If-Match when changed later;
 * - a pupil's documents, and those past review, with one filtered read of the library's items on indexed columns (listitem-list);
 * - a file's bytes: driveitem-get-content.
 * A file whose columns cannot be written is removed again (driveitem-delete), so an upload is all or nothing.
 */
export class SharePointDocumentStore implements DocumentStore {
  private readonly now: () => Date;
  private driveId?: Promise<string>;
  private readonly folders = new Map<string, Promise<string>>();

  constructor(private readonly context: Omit<RegisterStoreContext, 'lists'> & { lists: DocumentLists }) {
    this.now = context.now ?? (() => new Date());
  }

  async list(pupilId: string): Promise<PupilDocument[]> {
    return (await this.itemsOf(pupilId)).map(({ record }) => withoutEvents(record)).sort(documentOrder);
  }

  async get(id: string): Promise<PupilDocument> {
    return withoutEvents((await this.read(id)).record);
  }

  async pastReview(onOrBefore: string): Promise<PupilDocument[]> {
    const library = await this.library();
    const filter = `fields/DocumentStatus eq ${odataString(DOCUMENT_STATUS_LABELS.current)} and fields/ReviewDate le ${odataString(onOrBefore)}`;
    const items = await getAllPages(
      this.context.client,
      `${library}/items?expand=fields&$top=${lookupTarget(this.context, library).pageSize}&$filter=${encodeURIComponent(filter)}`,
      this.context.root,
      itemPageSchema,
    );
    return items
      .map((item) => withoutEvents(recordOf(item)))
      .sort((a, b) => a.reviewDate!.localeCompare(b.reviewDate!) || a.id.localeCompare(b.id));
  }

  async events(pupilId: string): Promise<DocumentEvent[]> {
    return (await this.itemsOf(pupilId))
      .flatMap(({ record }) => record.events)
      .sort((a, b) => a.at.localeCompare(b.at) || EVENT_ORDER.indexOf(a.what) - EVENT_ORDER.indexOf(b.what));
  }

  /**
   * The file's versions, newest first (driveitem-list-versions, one GET): the app's upload, and each
   * edit someone saved in SharePoint or Word for the web. A version the app saved names the person
   * who uploaded it through the app.
   */
  async fileVersions(id: string): Promise<FileVersion[]> {
    const { record } = await this.read(id);
    const drive = await this.drive();
    const versions = parseGraph(
      versionsSchema,
      await this.context.client.api(`/drives/${drive}/items/${encodeURIComponent(id)}/versions`).get(),
      'file versions',
    );
    return versions.value.map((v) => ({
      label: v.id,
      at: v.lastModifiedDateTime,
      by: v.lastModifiedBy?.user?.displayName ?? `${record.uploadedBy.name} (through SEND Tracker)`,
      size: v.size ?? 0,
    }));
  }

  async content(id: string): Promise<Uint8Array> {
    const drive = await this.drive();
    try {
      const bytes = (await this.context.client
        .api(`/drives/${drive}/items/${encodeURIComponent(id)}/content`)
        .responseType(ResponseType.ARRAYBUFFER)
        .get()) as ArrayBuffer;
      return new Uint8Array(bytes);
    } catch (error) {
      if (graphStatus(error) === 404) throw new NotFoundError('No such document.');
      throw graphFailure(error, 'read the document');
    }
  }

  async upload(input: NewDocumentInput, content: Uint8Array, by: Actor): Promise<PupilDocument> {
    const { doc, who } = checkUpload(input, content, by);
    const replaced = doc.makeCurrent ? (await this.itemsOf(doc.pupilId)).filter((i) => isCurrentOfType(i.record, doc.type)) : [];
    const at = this.now().toISOString();
    const file = await this.putFile(doc.pupilId, doc.name, content);
    const record: StoredRecord = {
      ...uploadedDocument(doc, { id: file.id, size: content.length, webUrl: file.webUrl }, who, at),
      events: [{ documentId: file.id, pupilId: doc.pupilId, what: 'uploaded', by: who, at }],
    };
    try {
      await this.writeColumns(file.id, record);
    } catch (error) {
      // The file is no one's record yet: it goes, so a failed upload leaves nothing behind.
      await this.context.client
        .api(`/drives/${await this.drive()}/items/${file.id}`)
        .delete()
        .catch(() => undefined);
      throw graphFailure(error, 'save the document’s details');
    }
    for (const old of replaced) await this.supersede(old, who, at);
    return withoutEvents(record);
  }

  async makeCurrent(
    id: string,
    expectedVersion: number,
    by: Actor,
  ): Promise<{ document: PupilDocument; superseded: PupilDocument | null }> {
    const who = parseInput(actorSchema, by, 'by');
    const { record, eTag } = await this.read(id);
    if (record.version !== expectedVersion) throw documentConflict(record.version, expectedVersion);
    if (record.status === 'current') return { document: withoutEvents(record), superseded: null };
    const at = this.now().toISOString();
    const replaced = (await this.itemsOf(record.pupilId)).filter((i) => i.record.id !== id && isCurrentOfType(i.record, record.type));
    const document: StoredRecord = {
      ...asCurrent(record),
      events: [...record.events, { documentId: id, pupilId: record.pupilId, what: 'made current', by: who, at }],
    };
    try {
      await this.writeColumns(id, document, eTag);
    } catch (error) {
      if (graphStatus(error) !== 412) throw graphFailure(error, 'make the document current');
      const now = await this.read(id);
      throw documentConflict(now.record.version, expectedVersion);
    }
    const superseded: PupilDocument[] = [];
    for (const old of replaced) superseded.push(await this.supersede(old, who, at));
    return { document: withoutEvents(document), superseded: superseded[0] ?? null };
  }

  /**
   * Marks `old` superseded. If it changed since it was read (412), it is read again and marked if it
   * is still current: a superseded document is never left current beside the new one.
   */
  private async supersede(old: { record: StoredRecord; eTag: string }, by: Actor, at: string): Promise<PupilDocument> {
    for (let attempt = 1; ; attempt++) {
      const { record, eTag } = attempt === 1 ? old : await this.read(old.record.id);
      if (record.status !== 'current') return withoutEvents(record);
      const superseded: StoredRecord = {
        ...asSuperseded(record, at),
        events: [...record.events, { documentId: record.id, pupilId: record.pupilId, what: 'superseded', by, at }],
      };
      try {
        await this.writeColumns(record.id, superseded, eTag);
        return withoutEvents(superseded);
      } catch (error) {
        if (graphStatus(error) !== 412 || attempt >= 3) throw graphFailure(error, 'mark the earlier document superseded');
      }
    }
  }

  /** The record on the file's listItem: one GET. @throws NotFoundError */
  private async read(id: string): Promise<{ record: StoredRecord; eTag: string }> {
    const drive = await this.drive();
    try {
      const item = parseGraph(
        listItemSchema,
        await this.context.client.api(`/drives/${drive}/items/${encodeURIComponent(id)}/listItem?expand=fields`).get(),
        'document',
      );
      if (typeof item.fields.Record !== 'string') throw new NotFoundError('No such document.');
      return { record: recordOf(item), eTag: item.eTag };
    } catch (error) {
      if (graphStatus(error) === 404 || graphStatus(error) === 400) throw new NotFoundError('No such document.');
      throw error;
    }
  }

  /** The pupil's documents with their eTags: one filtered read on the indexed PupilId column. */
  private async itemsOf(pupilId: string): Promise<{ record: StoredRecord; eTag: string }[]> {
    const items = await findItemsWhere(lookupTarget(this.context, await this.library()), 'PupilId', [pupilId]);
    return items.filter((item) => typeof item.fields.Record === 'string').map((item) => ({ record: recordOf(item), eTag: item.eTag }));
  }

  private async writeColumns(id: string, record: StoredRecord, eTag?: string): Promise<void> {
    const request = this.context.client.api(`/drives/${await this.drive()}/items/${encodeURIComponent(id)}/listItem/fields`);
    if (eTag) request.header('If-Match', eTag);
    await request.patch({
      Title: record.name,
      PupilId: record.pupilId,
      DocumentType: DOCUMENT_TYPE_LABELS[record.type],
      DocumentStatus: DOCUMENT_STATUS_LABELS[record.status],
      ReviewDate: record.reviewDate,
      RecordVersion: record.version,
      Record: JSON.stringify(record),
    });
  }

  /** Puts the bytes in the pupil's folder under their name, or a free one beside it ("Plan 1.pdf"). */
  private async putFile(pupilId: string, name: string, content: Uint8Array): Promise<z.infer<typeof driveItemSchema>> {
    const drive = await this.drive();
    const folder = await this.folder(pupilId);
    const target = `/drives/${drive}/items/${folder}:/${encodeURIComponent(name)}:`;
    try {
      if (content.length <= SIMPLE_UPLOAD_BYTES) {
        // Sent as bytes (SharePoint names the type from the extension; the app keeps the browser's in the record).
        const item: unknown = await retryThrottled(() =>
          this.context.client
            .api(`${target}/content?@microsoft.graph.conflictBehavior=rename`)
            .header('Content-Type', 'application/octet-stream')
            .put(Buffer.from(content)),
        );
        return parseGraph(driveItemSchema, item, 'uploaded file');
      }
      const session = parseGraph(
        uploadSessionSchema,
        await this.context.client.api(`${target}/createUploadSession`).post({ item: { '@microsoft.graph.conflictBehavior': 'rename' } }),
        'upload session',
      );
      const item = await sendToUploadSession(session.uploadUrl, content, UPLOAD_FRAGMENT_BYTES);
      return parseGraph(driveItemSchema, item, 'uploaded file');
    } catch (error) {
      // The folder was deleted in SharePoint (a rename keeps its id): the next upload looks for it again.
      if (graphStatus(error) === 404) this.folders.delete(pupilId);
      throw graphFailure(error, 'store the file');
    }
  }

  /** The pupil's folder id: looked up once, made on the first upload. */
  private folder(pupilId: string): Promise<string> {
    let folder = this.folders.get(pupilId);
    if (!folder) {
      folder = this.findOrMakeFolder(pupilId).catch((error: unknown) => {
        this.folders.delete(pupilId);
        throw error;
      });
      this.folders.set(pupilId, folder);
    }
    return folder;
  }

  private async findOrMakeFolder(pupilId: string): Promise<string> {
    const drive = await this.drive();
    const find = async () =>
      parseGraph(driveSchema, await this.context.client.api(`/drives/${drive}/root:/${pupilId}?$select=id`).get(), 'folder').id;
    try {
      return await find();
    } catch (error) {
      if (graphStatus(error) !== 404) throw graphFailure(error, 'find the pupil’s folder');
    }
    try {
      const made: unknown = await this.context.client
        .api(`/drives/${drive}/root/children`)
        .post({ name: pupilId, folder: {}, '@microsoft.graph.conflictBehavior': 'fail' });
      return parseGraph(driveSchema, made, 'folder').id;
    } catch (error) {
      // Another instance made it just now.
      if (graphStatus(error) === 409) return find();
      throw graphFailure(error, 'make the pupil’s folder');
    }
  }

  private async library(): Promise<string> {
    return (await this.context.lists.paths()).documents;
  }

  /** The library's drive id, read once. */
  private drive(): Promise<string> {
    this.driveId ??= (async () =>
      parseGraph(driveSchema, await this.context.client.api(`${await this.library()}/drive?$select=id`).get(), 'drive').id)().catch(
      (error: unknown) => {
        this.driveId = undefined;
        throw graphFailure(error, 'open the pupil records library');
      },
    );
    return this.driveId;
  }
}

function recordOf(item: GraphListItem): StoredRecord {
  const record = jsonColumn<StoredRecord>(item, 'document', 'Record');
  if (!Array.isArray(record.events))
    throw new AppError('A stored document is unreadable in SharePoint; was the library edited outside the app?');
  return record;
}

function withoutEvents({ events: _events, ...document }: StoredRecord): PupilDocument {
  return document;
}

const isCurrentOfType = (record: StoredRecord, type: PupilDocument['type']) => record.type === type && record.status === 'current';
