import type { ConflictError } from '@/kernel/errors';
import { findItemByKey, findItemsWhere } from './graph-lookup';
import { getAllPages } from './graph-paging';
import { itemPageSchema, type GraphListItem } from './graph-shapes';
import { graphFailure, jsonColumn, lookupTarget, type RegisterStoreContext } from './register-store-options';
import type { RegisterListName } from './site-lists';
import { graphStatus } from './graph-client';

/** A record kept per pupil in versions: a one-page profile, an EHC plan record. */
export interface VersionedPupilRecord {
  pupilId: string;
  version: number;
}

export interface VersionedRecordLists {
  /** One item per pupil (`PupilId` unique): the current record as JSON with its version. */
  current: RegisterListName;
  /** One item per saved version (`VersionKey` = pupil#version unique), appended and never changed. */
  versions: RegisterListName;
  /** The record's name in an error ("profile", "EHC plan record"). */
  what: string;
  conflict(current: number, expected: number): ConflictError;
}

/**
 * Per-pupil records saved in versions on two lists. The first save is a create (a second first save gets
 * 409); later saves PATCH with `If-Match` on the eTag read with the version, so two editors never
 * overwrite each other: the loser gets the adapter's ConflictError with the stored version, as in SQLite.
 * Each save then appends its version entry, keyed by pupil and version, so a repeat is a harmless 409.
 */
export class VersionedPupilRecords<T extends VersionedPupilRecord> {
  constructor(
    private readonly context: RegisterStoreContext,
    private readonly lists: VersionedRecordLists,
  ) {}

  async get(pupilId: string): Promise<T | null> {
    const item = await this.readItem(pupilId);
    return item ? jsonColumn<T>(item, this.lists.what) : null;
  }

  /** Every pupil's current record: one paged read of the current list. */
  async list(): Promise<T[]> {
    const path = await this.path('current');
    const target = lookupTarget(this.context, path);
    const items = await getAllPages(
      this.context.client,
      `${path}/items?expand=fields&$top=${target.pageSize}`,
      this.context.root,
      itemPageSchema,
    );
    return items.map((item) => jsonColumn<T>(item, this.lists.what)).sort((a, b) => a.pupilId.localeCompare(b.pupilId));
  }

  /** Saves `build(next version)` if `expectedVersion` is still the stored one. @throws ConflictError */
  async save(pupilId: string, expectedVersion: number, build: (version: number) => T): Promise<T> {
    const path = await this.path('current');
    const item = await this.readItem(pupilId);
    const current = item ? jsonColumn<T>(item, this.lists.what).version : 0;
    if (current !== expectedVersion) throw this.lists.conflict(current, expectedVersion);
    const record = build(current + 1);
    const fields = { Title: pupilId, PupilId: pupilId, Version: record.version, Data: JSON.stringify(record) };
    let written = true;
    try {
      if (item) await this.context.client.api(`${path}/items/${item.id}/fields`).header('If-Match', item.eTag).patch(fields);
      else await this.context.client.api(`${path}/items`).post({ fields });
    } catch (error) {
      if (graphStatus(error) !== 409 && graphStatus(error) !== 412) throw graphFailure(error, `save the ${this.lists.what}`);
      written = false;
    }
    if (!written) {
      // Someone saved between our read and our write: report the version they left.
      const now = await this.readItem(pupilId);
      throw this.lists.conflict(now ? jsonColumn<T>(now, this.lists.what).version : 0, expectedVersion);
    }
    await this.appendVersion(record);
    return record;
  }

  /** Every saved version, oldest first; the current record counts even if its version entry was never appended. */
  async versions(pupilId: string): Promise<T[]> {
    const items = await findItemsWhere(lookupTarget(this.context, await this.path('versions')), 'PupilId', [pupilId]);
    const saved = new Map(items.map((i) => jsonColumn<T>(i, `${this.lists.what} version`)).map((r) => [r.version, r]));
    const current = await this.get(pupilId);
    if (current && !saved.has(current.version)) saved.set(current.version, current);
    return [...saved.values()].sort((a, b) => a.version - b.version);
  }

  private async appendVersion(record: T): Promise<void> {
    const fields = {
      Title: record.pupilId,
      VersionKey: `${record.pupilId}#${record.version}`,
      PupilId: record.pupilId,
      Version: record.version,
      Data: JSON.stringify(record),
    };
    try {
      await this.context.client.api(`${await this.path('versions')}/items`).post({ fields });
    } catch (error) {
      if (graphStatus(error) !== 409) throw graphFailure(error, `keep the ${this.lists.what} version`);
    }
  }

  private async readItem(pupilId: string): Promise<GraphListItem | undefined> {
    return findItemByKey(lookupTarget(this.context, await this.path('current')), 'PupilId', pupilId);
  }

  private async path(which: 'current' | 'versions'): Promise<string> {
    return (await this.context.lists.paths())[this.lists[which]];
  }
}
