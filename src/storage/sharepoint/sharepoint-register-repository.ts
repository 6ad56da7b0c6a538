import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parseInput } from '@/kernel/validate';
import { AppError, ConflictError, NotFoundError } from '@/kernel/errors';
import { pupilRecordFieldsSchema, sameRecord, type PupilRecord, type PupilRecordFields } from '@/kernel/pupil-record';
import type { RegisterRepository, UpsertResult } from '@/kernel/ports/register-repository';
import { countRegister, termSchema, termSortKey, type RegisterSnapshot } from '@/kernel/register-snapshot';
import { executeBatch, type BatchStep } from './graph-batch';
import { findItemByKey, isOk, JSON_HEADERS } from './graph-lookup';
import { getAllPages } from './graph-paging';
import { itemPageSchema, type GraphListItem } from './graph-shapes';
import { jsonColumn, lookupTarget, upsertByKey, type RegisterStoreContext } from './register-store-options';

const recordsSchema = z.array(pupilRecordFieldsSchema).max(20_000);
const onRollValue = (onRoll: boolean) => (onRoll ? 'yes' : 'no');

function pupilFields(record: PupilRecord): Record<string, unknown> {
  // Title shows in the Lists UI: the internal reference, never a name.
  return { Title: record.id, Upn: record.upn, PupilId: record.id, OnRoll: onRollValue(record.onRoll), Data: JSON.stringify(record) };
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
 * is idempotent).
 */
export class SharePointRegisterRepository implements RegisterRepository {
  private readonly now: () => Date;

  constructor(private readonly context: RegisterStoreContext) {
    this.now = context.now ?? (() => new Date());
  }

  /** @throws ValidationError for bad records; ConflictError when another import wrote the same pupils meanwhile. */
  async upsertMany(input: readonly PupilRecordFields[], { fullRoll }: { fullRoll: boolean }): Promise<UpsertResult> {
    const records = parseInput(recordsSchema, input, 'records');
    const { pupils } = await this.context.lists.paths();
    const at = this.now().toISOString();
    // What each UPN holds as the import goes along, so a UPN twice in one file behaves as in SQLite.
    const state = new Map<string, { record: PupilRecord; item?: GraphListItem; step?: BatchStep }>();
    for (const item of await this.readAll(pupils))
      state.set(String(item.fields.Upn), { record: jsonColumn<PupilRecord>(item, 'register record'), item });
    const result: UpsertResult = { created: 0, updated: 0, unchanged: 0, leftRoll: 0 };
    const steps: BatchStep[] = [];
    const patch = (item: GraphListItem, fields: Record<string, unknown>): BatchStep => {
      const step: BatchStep = {
        id: String(steps.length + 1),
        method: 'PATCH',
        url: `${pupils}/items/${item.id}/fields`,
        headers: { ...JSON_HEADERS, 'If-Match': item.eTag },
        body: fields,
      };
      steps.push(step);
      return step;
    };
    for (const fields of records) {
      const entry = state.get(fields.upn);
      if (!entry) {
        const record: PupilRecord = { ...fields, id: randomUUID(), onRoll: true, importedAt: at };
        const step: BatchStep = {
          id: String(steps.length + 1),
          method: 'POST',
          url: `${pupils}/items`,
          headers: JSON_HEADERS,
          body: { fields: pupilFields(record) },
        };
        steps.push(step);
        state.set(fields.upn, { record, step });
        result.created++;
        continue;
      }
      const next: PupilRecord = { ...fields, id: entry.record.id, onRoll: true, importedAt: at };
      if (entry.record.onRoll && sameRecord(entry.record, next)) {
        result.unchanged++;
        continue;
      }
      if (!entry.step) entry.step = patch(entry.item!, pupilFields(next));
      else entry.step.body = entry.step.method === 'POST' ? { fields: pupilFields(next) } : pupilFields(next);
      entry.record = next;
      result.updated++;
    }
    if (fullRoll) {
      const present = new Set(records.map((r) => r.upn));
      for (const [upn, entry] of state) {
        if (present.has(upn) || !entry.record.onRoll || !entry.item) continue;
        patch(entry.item, { OnRoll: onRollValue(false), Data: JSON.stringify({ ...entry.record, onRoll: false }) });
        result.leftRoll++;
      }
    }
    await this.run(steps);
    return result;
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

  private async run(steps: BatchStep[]): Promise<void> {
    if (steps.length === 0) return;
    const results = await executeBatch(this.context.client, steps, this.context.batch);
    const statuses = steps.map((s) => results.get(s.id)?.status);
    if (statuses.some((s) => s === 409 || s === 412)) {
      throw new ConflictError('The register was changed by another import at the same time. Import the file again: nothing is duplicated.');
    }
    const failed = statuses.filter((s) => !isOk(s));
    if (failed.length > 0) {
      throw new AppError(
        `SharePoint did not save ${failed.length} of ${steps.length} register changes (HTTP ${[...new Set(failed)].join(', ')}). Import the file again to complete it.`,
      );
    }
  }
}
