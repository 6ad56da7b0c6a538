import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parseInput } from '@/kernel/validate';
import { AppError, ConflictError, NotFoundError } from '@/kernel/errors';
import { pupilRecordFieldsSchema, sameRecord, type PupilRecord, type PupilRecordFields } from '@/kernel/pupil-record';
import type { Importer, RegisterImportRecord, RegisterRepository, UndoResult, UpsertResult } from '@/kernel/ports/register-repository';
import { undoRefusal } from '@/kernel/register-undo';
import { registerSettingsSchema, type RegisterSettings, type RegisterSettingsRecord } from '@/kernel/register-settings';
import { countRegister, termSchema, termSortKey, type RegisterSnapshot } from '@/kernel/register-snapshot';
import { executeBatch, type BatchStep } from './graph-batch';
import { findItemByKey, isOk, JSON_HEADERS } from './graph-lookup';
import { getAllPages } from './graph-paging';
import { itemPageSchema, type GraphListItem } from './graph-shapes';
import { graphFailure, jsonColumn, lookupTarget, upsertByKey, type RegisterStoreContext } from './register-store-options';

const recordsSchema = z.array(pupilRecordFieldsSchema).max(20_000);
const onRollValue = (onRoll: boolean) => (onRoll ? 'yes' : 'no');

/**
 * The item's columns for `record` as `importId` leaves it, `before` being the record before that
 * import (null: the import added the pupil; undefined: no import, an undo clears both).
 */
function pupilFields(record: PupilRecord, importId: string | null, before?: PupilRecord | null): Record<string, unknown> {
  // Title shows in the Lists UI: the internal reference, never a name.
  return {
    Title: record.id,
    Upn: record.upn,
    PupilId: record.id,
    OnRoll: onRollValue(record.onRoll),
    Data: JSON.stringify(record),
    ImportId: importId ?? '',
    BeforeImport: before ? JSON.stringify(before) : '',
  };
}

const sortKey = (r: PupilRecordFields) => `${r.surname.toLowerCase()}\u0000${r.forename.toLowerCase()}`;
/** As SQLite's `ORDER BY surname_key, id` (binary comparison). */
const bySurname = (a: PupilRecord, b: PupilRecord) => {
  const [ka, kb] = [sortKey(a), sortKey(b)];
  return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/**
 * The SEN register in the "SEND Register Pupils" list: one item per pupil, `Upn` unique, the record as
 * JSON. An import reads the list once (paged) and writes only what changed, 20 writes per `$batch`:
 * creates (the unique UPN refuses a duplicate with 409) and PATCHes with `If-Match` on the eTag read,
 * so a concurrent import is detected (412), never silently overwritten. SharePoint has no transaction
 * over many items: a failed import may be half-applied, and importing again completes it (re-import
 * is idempotent). The import's record is added to the imports list once its writes are all saved, so
 * a half-applied import is never offered for undo (the next import supersedes it).
 */
export class SharePointRegisterRepository implements RegisterRepository {
  private readonly now: () => Date;

  constructor(private readonly context: RegisterStoreContext) {
    this.now = context.now ?? (() => new Date());
  }

  /** @throws ValidationError for bad records; ConflictError when another import wrote the same pupils meanwhile. */
  async upsertMany(input: readonly PupilRecordFields[], { fullRoll, by }: { fullRoll: boolean; by: Importer }): Promise<UpsertResult> {
    const records = parseInput(recordsSchema, input, 'records');
    const { pupils, imports } = await this.context.lists.paths();
    const at = this.now().toISOString();
    const importId = randomUUID();
    // What each UPN holds as the import goes along, so a UPN twice in one file behaves as in SQLite;
    // `before` is the record as it was before this import first touched it (null: this import added it).
    const state = new Map<string, { record: PupilRecord; item?: GraphListItem; step?: BatchStep; before?: PupilRecord | null }>();
    for (const item of await this.readAll(pupils))
      state.set(String(item.fields.Upn), { record: jsonColumn<PupilRecord>(item, 'register record'), item });
    const result: UpsertResult = { importId, created: 0, updated: 0, unchanged: 0, leftRoll: 0 };
    const steps: BatchStep[] = [];
    const write = (
      entry: { record: PupilRecord; item?: GraphListItem; step?: BatchStep; before?: PupilRecord | null },
      next: PupilRecord,
    ) => {
      if (entry.before === undefined) entry.before = entry.item ? entry.record : null;
      const fields = pupilFields(next, importId, entry.before);
      if (entry.step) entry.step.body = entry.step.method === 'POST' ? { fields } : fields;
      else {
        entry.step = entry.item
          ? {
              id: String(steps.length + 1),
              method: 'PATCH',
              url: `${pupils}/items/${entry.item.id}/fields`,
              headers: { ...JSON_HEADERS, 'If-Match': entry.item.eTag },
              body: fields,
            }
          : { id: String(steps.length + 1), method: 'POST', url: `${pupils}/items`, headers: JSON_HEADERS, body: { fields } };
        steps.push(entry.step);
      }
      entry.record = next;
    };
    for (const fields of records) {
      const entry = state.get(fields.upn);
      if (!entry) {
        const created = { record: { ...fields, id: randomUUID(), onRoll: true, importedAt: at } };
        write(created, created.record);
        state.set(fields.upn, created);
        result.created++;
        continue;
      }
      const next: PupilRecord = { ...fields, id: entry.record.id, onRoll: true, importedAt: at };
      if (entry.record.onRoll && sameRecord(entry.record, next)) {
        result.unchanged++;
        continue;
      }
      write(entry, next);
      result.updated++;
    }
    if (fullRoll) {
      const present = new Set(records.map((r) => r.upn));
      for (const [upn, entry] of state) {
        if (present.has(upn) || !entry.record.onRoll || !entry.item) continue;
        write(entry, { ...entry.record, onRoll: false });
        result.leftRoll++;
      }
    }
    await this.run(steps);
    const logged: RegisterImportRecord = { ...result, at, by: { id: by.id, name: by.name }, undone: null };
    await this.context.client
      .api(`${imports}/items`)
      .post({ fields: { Title: importId, ImportId: importId, At: at, Data: JSON.stringify(logged) } })
      .catch((error: unknown) => {
        throw graphFailure(error, 'record the import (the register itself was saved)');
      });
    return result;
  }

  async imports(): Promise<RegisterImportRecord[]> {
    return (await this.importItems()).slice(0, 20).map(({ record }) => record);
  }

  /** @throws ConflictError when not the latest import, undone already, or changed meanwhile. */
  async undoImport(importId: string, by: Importer): Promise<UndoResult> {
    const { pupils, imports } = await this.context.lists.paths();
    const [latest] = await this.importItems();
    const refusal = undoRefusal(latest?.record, importId);
    if (refusal) throw new ConflictError(refusal);
    const changed = await this.readAll(pupils, `fields/ImportId eq '${importId.replaceAll("'", "''")}'`);
    const result: UndoResult = { restored: 0, takenOff: 0 };
    const steps: BatchStep[] = changed.map((item, index) => {
      const hasBefore = typeof item.fields.BeforeImport === 'string' && item.fields.BeforeImport !== '';
      const record = hasBefore
        ? jsonColumn<PupilRecord>(item, 'register record before an import', 'BeforeImport')
        : { ...jsonColumn<PupilRecord>(item, 'register record'), onRoll: false };
      if (hasBefore) result.restored++;
      else result.takenOff++;
      return {
        id: String(index + 1),
        method: 'PATCH',
        url: `${pupils}/items/${item.id}/fields`,
        headers: { ...JSON_HEADERS, 'If-Match': item.eTag },
        body: pupilFields(record, null),
      };
    });
    await this.run(steps, 'Undo the import again');
    const undone: RegisterImportRecord = { ...latest!.record, undone: { at: this.now().toISOString(), by: { id: by.id, name: by.name } } };
    await this.context.client
      .api(`${imports}/items/${latest!.item.id}/fields`)
      .header('If-Match', latest!.item.eTag)
      .patch({ Data: JSON.stringify(undone) })
      .catch((error: unknown) => {
        throw graphFailure(error, 'record the undo (the pupils were put back)');
      });
    return result;
  }

  /** Every import, newest first. Imports come a few a term, so the whole list is one or two pages. */
  private async importItems(): Promise<{ item: GraphListItem; record: RegisterImportRecord }[]> {
    const { imports } = await this.context.lists.paths();
    return (await this.readAll(imports))
      .map((item) => ({ item, record: jsonColumn<RegisterImportRecord>(item, 'register import') }))
      .sort((a, b) => (a.record.at < b.record.at ? 1 : a.record.at > b.record.at ? -1 : 0));
  }

  async list({ includeOffRoll = false } = {}): Promise<PupilRecord[]> {
    const { pupils } = await this.context.lists.paths();
    const items = await this.readAll(pupils, includeOffRoll ? undefined : `fields/OnRoll eq 'yes'`);
    return items.map((item) => jsonColumn<PupilRecord>(item, 'register record')).sort(bySurname);
  }

  /** @throws NotFoundError */
  async get(id: string): Promise<PupilRecord> {
    const { pupils } = await this.context.lists.paths();
    const item = await findItemByKey(lookupTarget(this.context, pupils), 'PupilId', id);
    if (!item) throw new NotFoundError(`No pupil with id ${id}`);
    return jsonColumn<PupilRecord>(item, 'register record');
  }

  /** @throws ValidationError for a malformed term. */
  async snapshot(termInput: string): Promise<RegisterSnapshot> {
    const term = parseInput(termSchema, termInput, 'term');
    const snapshot: RegisterSnapshot = { term, takenAt: this.now().toISOString(), ...countRegister(await this.list()) };
    const { snapshots } = await this.context.lists.paths();
    await upsertByKey(this.context, snapshots, 'Term', term, { Title: term, Term: term, Data: JSON.stringify(snapshot) });
    return snapshot;
  }

  async snapshots(): Promise<RegisterSnapshot[]> {
    const { snapshots } = await this.context.lists.paths();
    const items = await this.readAll(snapshots);
    return items
      .map((item) => jsonColumn<RegisterSnapshot>(item, 'register snapshot'))
      .sort((a, b) => (termSortKey(a.term) < termSortKey(b.term) ? -1 : termSortKey(a.term) > termSortKey(b.term) ? 1 : 0));
  }

  async settings(): Promise<RegisterSettingsRecord | null> {
    return (await this.settingsHistory())[0] ?? null;
  }

  /** @throws ValidationError; AppError when SharePoint refuses the write. */
  async saveSettings(input: RegisterSettings, by: Importer): Promise<RegisterSettingsRecord> {
    const settings = parseInput(registerSettingsSchema, input, 'settings');
    const record: RegisterSettingsRecord = { ...settings, at: this.now().toISOString(), by: { id: by.id, name: by.name } };
    const { settings: list } = await this.context.lists.paths();
    await this.context.client
      .api(`${list}/items`)
      .post({ fields: { Title: record.at, At: record.at, Data: JSON.stringify(record) } })
      .catch((error: unknown) => {
        throw graphFailure(error, 'save the register settings');
      });
    return record;
  }

  /**
   * Newest first; item ids rise with creation, so they order saves made in the same millisecond.
   * Saves come a few a term, so the whole list is a page or two.
   */
  async settingsHistory(): Promise<RegisterSettingsRecord[]> {
    const { settings } = await this.context.lists.paths();
    return (await this.readAll(settings))
      .sort((a, b) => {
        const [ta, tb] = [String(a.fields.At), String(b.fields.At)];
        return ta < tb ? 1 : ta > tb ? -1 : Number(b.id) - Number(a.id);
      })
      .slice(0, 50)
      .map((item) => jsonColumn<RegisterSettingsRecord>(item, 'register settings'));
  }

  private readAll(listPath: string, filter?: string): Promise<GraphListItem[]> {
    const target = lookupTarget(this.context, listPath);
    const query = filter ? `&$filter=${encodeURIComponent(filter)}` : '';
    return getAllPages(
      this.context.client,
      `${listPath}/items?expand=fields&$top=${target.pageSize}${query}`,
      this.context.root,
      itemPageSchema,
    );
  }

  /** `retry`: what to do when another import changed the same pupils, or some writes failed. */
  private async run(steps: BatchStep[], retry = 'Import the file again'): Promise<void> {
    if (steps.length === 0) return;
    const results = await executeBatch(this.context.client, steps, this.context.batch);
    const statuses = steps.map((s) => results.get(s.id)?.status);
    if (statuses.some((s) => s === 409 || s === 412)) {
      throw new ConflictError(`The register was changed by another import at the same time. ${retry}: nothing is duplicated.`);
    }
    const failed = statuses.filter((s) => !isOk(s));
    if (failed.length > 0) {
      throw new AppError(
        `SharePoint did not save ${failed.length} of ${steps.length} register changes (HTTP ${[...new Set(failed)].join(', ')}). ${retry} to complete it.`,
      );
    }
  }
}
