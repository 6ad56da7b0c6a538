import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  actionQuerySchema,
  type Action,
  type ActionPatch,
  type ActionQueryInput,
  type Actor,
  type CloseAction,
  type NewActionInput,
  type Pupil,
} from '@/kernel/action';
import { actionPageQuerySchema, checkInByPages, type ActionPage, type ActionPageQueryInput, type CheckInPages } from '@/kernel/action-page';
import { sortFacets, type ActionFacets } from '@/kernel/action-facets';
import { searchText, sortKey } from '@/kernel/action-view';
import type { CheckInPolicy } from '@/kernel/check-in';
import type { IsoDate } from '@/kernel/dates';
import type { HistoryEntry } from '@/kernel/history';
import { parseInput } from '@/kernel/validate';
import { ConflictError, NotFoundError } from '@/kernel/errors';
import type { ActionRepository, ChangeFeed } from '@/kernel/ports/action-repository';
import { planChange, planCreate, validateActor, validateNewActions, type Change, type PlannedChange, replayOf } from '@/kernel/plan-change';
import { pageSql } from './action-page-sql';
import { deepFreeze, PageCache } from './page-cache';
import { whenUnlocked } from './open-database';

interface ActionRow {
  data: string;
}

interface HistoryRow {
  action_id: string;
  version: number;
  kind: HistoryEntry['kind'];
  actor: string;
  at: string;
  changes: string;
}

/** More changes than this since a cursor: the caller reloads instead of hearing of each. */
const CHANGE_FEED_LIMIT = 500;

/** Beside the JSON, what the tracker filters, sorts and searches on (see the migration that added the last four). */
function columnsOf(action: Action): Record<string, string | number> {
  return {
    version: action.version,
    status: action.status,
    due_date: action.dueDate,
    owner_id: action.owner.id,
    pupil_id: action.pupil.id,
    item_type: action.itemType,
    updated_at: action.updatedAt,
    pupil_key: sortKey(action.pupil.name),
    owner_key: sortKey(action.owner.name),
    search_text: searchText(action),
    data: JSON.stringify(action),
  };
}

/** The embedded default store: one SQLite file, indexed columns for filters, the full action as JSON. */
export class SqliteActionRepository implements ActionRepository {
  private readonly pages: PageCache<{ total: number; items: Action[] }>;
  private readonly facetCache: PageCache<ActionFacets>;
  private headStatement?: Database.Statement<[], { n: number }>;

  /** `rememberPages`: how many page answers to keep until the next write (0: none, for measuring the SQL itself). */
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
    { rememberPages = 64 }: { rememberPages?: number } = {},
  ) {
    this.pages = new PageCache(rememberPages);
    this.facetCache = new PageCache(Math.min(rememberPages, 8));
  }

  async createMany(inputs: NewActionInput[], actor: Actor): Promise<Action[]> {
    const valid = validateNewActions(inputs);
    const who = validateActor(actor);
    const byKey = this.db.prepare<[string], ActionRow>('SELECT data FROM actions WHERE idempotency_key = ?');
    return whenUnlocked(this.db, () =>
      this.db
        .transaction(() =>
          valid.map((input) => {
            const existing = input.idempotencyKey ? byKey.get(input.idempotencyKey) : undefined;
            // Throwing here rolls the whole save back: all or none.
            if (existing) return replayOf(JSON.parse(existing.data) as Action, who);
            const planned = planCreate(input, who, this.now(), randomUUID());
            this.insert(planned.action);
            this.appendHistory(planned);
            return planned.action;
          }),
        )
        .immediate(),
    );
  }

  async get(id: string): Promise<Action> {
    return this.read(id);
  }

  update(id: string, expectedVersion: number, patch: ActionPatch, actor: Actor): Promise<Action> {
    return this.change(id, expectedVersion, { kind: 'updated', patch }, actor);
  }

  close(id: string, expectedVersion: number, close: CloseAction, actor: Actor): Promise<Action> {
    return this.change(id, expectedVersion, { kind: 'closed', close }, actor);
  }

  reopen(id: string, expectedVersion: number, note: string, actor: Actor): Promise<Action> {
    return this.change(id, expectedVersion, { kind: 'reopened', note }, actor);
  }

  /** Every match, in the order the port promises (due date, then creation); the filters are the page's own SQL. */
  async query(input: ActionQueryInput = {}): Promise<Action[]> {
    // Validated as a plain query (a page's search or paging is refused here), then given the page's defaults.
    const { where, params } = pageSql(actionPageQuerySchema.parse(parseInput(actionQuerySchema, input, 'query')));
    return this.db
      .prepare<(string | number)[], ActionRow>(`SELECT data FROM actions ${where} ORDER BY due_date, created_at, id`)
      .all(...params)
      .map((row) => JSON.parse(row.data) as Action);
  }

  async page(input: ActionPageQueryInput): Promise<ActionPage> {
    const q = parseInput(actionPageQuerySchema, input, 'query');
    const { from, where, params, orderBy } = pageSql(q);
    const pageParams = [...params, q.limit, q.offset];
    const { total, items } = this.pages.get(`${from} ${where} ${orderBy}\u0000${JSON.stringify(pageParams)}`, this.historyHead(), () => ({
      // The count walks the narrowest index the planner finds (often covering); the page walks `from`.
      total: this.db.prepare<(string | number)[], { n: number }>(`SELECT count(*) AS n FROM actions ${where}`).get(...params)!.n,
      items: this.db
        .prepare<(string | number)[], ActionRow>(`SELECT data FROM ${from} ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?`)
        .all(...pageParams)
        .map((row) => deepFreeze(JSON.parse(row.data) as Action)),
    }));
    return { items, total, offset: q.offset, limit: q.limit };
  }

  /**
   * Each pupil's and owner's copy from their latest updated item: that item found on columns (grouped, with
   * SQLite's max() giving the bare columns of its row), then only those items' JSON read. Remembered
   * like a page, until the next write.
   */
  async facets(input: ActionPageQueryInput): Promise<ActionFacets> {
    const { where, params } = pageSql(parseInput(actionPageQuerySchema, input, 'query'));
    return this.facetCache.get(`${where}\u0000${JSON.stringify(params)}`, this.historyHead(), () => {
      // The latest item per pupil and per owner first, on columns only; then the JSON of those few.
      const latestOf = (column: string) =>
        `SELECT substr(max(updated_at || ' ' || id), length(updated_at) + 2) FROM actions ${where} GROUP BY ${column}`;
      const pupils = this.db
        .prepare<(string | number)[], { pupil: string }>(
          `SELECT data->'$.pupil' AS pupil FROM actions WHERE id IN (${latestOf('pupil_id')})`,
        )
        .all(...params)
        .map((r) => JSON.parse(r.pupil) as Pupil);
      const owners = this.db
        .prepare<(string | number)[], { id: string; name: string }>(
          `SELECT owner_id AS id, data->>'$.owner.name' AS name FROM actions WHERE id IN (${latestOf('owner_id')})`,
        )
        .all(...params);
      return deepFreeze(sortFacets({ pupils, owners }));
    });
  }

  /** Four counts and four short pages, each on the index of open items by due date. */
  checkIn(today: IsoDate, policy: CheckInPolicy, limit: number): Promise<CheckInPages> {
    return checkInByPages((q) => this.page(q), today, policy, limit);
  }

  /** The history table is append-only and every write adds a row: its rowid is the change feed's cursor. */
  async changesSince(cursor: string | null): Promise<ChangeFeed> {
    const last = () => String(this.historyHead());
    if (cursor === null) return { cursor: last(), ids: [] };
    const from = /^\d{1,15}$/.test(cursor) ? Number(cursor) : NaN;
    // Not a cursor this file gave (or from a file since replaced): start again from now.
    if (!Number.isSafeInteger(from) || from > Number(last())) return { cursor: last(), ids: [], reset: true };
    const rows = this.db
      .prepare<[number, number], { seq: number; action_id: string }>(
        'SELECT rowid AS seq, action_id FROM history WHERE rowid > ? ORDER BY rowid LIMIT ?',
      )
      .all(from, CHANGE_FEED_LIMIT);
    if (rows.length === CHANGE_FEED_LIMIT) return { cursor: last(), ids: [], reset: true };
    return { cursor: String(rows.at(-1)?.seq ?? from), ids: [...new Set(rows.map((r) => r.action_id))] };
  }

  async history(id: string): Promise<HistoryEntry[]> {
    this.read(id);
    return this.db
      .prepare<[string], HistoryRow>('SELECT * FROM history WHERE action_id = ? ORDER BY version')
      .all(id)
      .map((row) => ({
        actionId: row.action_id,
        version: row.version,
        kind: row.kind,
        actor: JSON.parse(row.actor) as Actor,
        at: row.at,
        changes: JSON.parse(row.changes) as HistoryEntry['changes'],
      }));
  }

  /** The last history row's rowid: every write to an action adds one, on any connection to the file. */
  private historyHead(): number {
    // Asked on every page read: prepared once.
    this.headStatement ??= this.db.prepare<[], { n: number }>('SELECT coalesce(max(rowid), 0) AS n FROM history');
    return this.headStatement.get()!.n;
  }

  private read(id: string): Action {
    const row = this.db.prepare<[string], ActionRow>('SELECT data FROM actions WHERE id = ?').get(id);
    if (!row) throw new NotFoundError(`No action with id ${id}`);
    return JSON.parse(row.data) as Action;
  }

  private async change(id: string, expectedVersion: number, change: Change, actor: Actor): Promise<Action> {
    return whenUnlocked(this.db, () =>
      this.db
        .transaction(() => {
          const planned = planChange(this.read(id), expectedVersion, change, actor, this.now());
          const { action } = planned;
          const columns = columnsOf(action);
          const result = this.db
            .prepare(
              `UPDATE actions SET ${Object.keys(columns)
                .map((c) => `${c} = @${c}`)
                .join(', ')} WHERE id = @id AND version = @expected`,
            )
            .run({ ...columns, id, expected: expectedVersion });
          // The immediate transaction already serialises writers; this compare-and-set is the belt to its braces.
          if (result.changes !== 1) throw new ConflictError('This item was changed by someone else. Reload and try again.');
          this.appendHistory(planned);
          return action;
        })
        .immediate(),
    );
  }

  private insert(action: Action): void {
    const columns = { id: action.id, created_at: action.createdAt, idempotency_key: action.idempotencyKey ?? null, ...columnsOf(action) };
    const names = Object.keys(columns);
    this.db.prepare(`INSERT INTO actions (${names.join(', ')}) VALUES (${names.map((c) => `@${c}`).join(', ')})`).run(columns);
  }

  private appendHistory({ entry }: PlannedChange): void {
    this.db
      .prepare('INSERT INTO history (action_id, version, kind, actor, at, changes) VALUES (?, ?, ?, ?, ?, ?)')
      .run(entry.actionId, entry.version, entry.kind, JSON.stringify(entry.actor), entry.at, JSON.stringify(entry.changes));
  }
}
