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
} from '@/kernel/action';
import type { HistoryEntry } from '@/kernel/history';
import { OPEN_STATUSES } from '@/kernel/status';
import { parseInput } from '@/kernel/validate';
import { ConflictError, NotFoundError } from '@/kernel/errors';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import { planChange, planCreate, validateActor, validateNewActions, type Change, type PlannedChange, replayOf } from '@/kernel/plan-change';
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

/** The embedded default store: one SQLite file, indexed columns for filters, the full action as JSON. */
export class SqliteActionRepository implements ActionRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

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

  async query(input: ActionQueryInput = {}): Promise<Action[]> {
    const q = parseInput(actionQuerySchema, input, 'query');
    const where: string[] = [];
    const params: string[] = [];
    const statuses = q.statuses ?? (q.includeArchived ? undefined : OPEN_STATUSES);
    if (statuses) {
      where.push(`status IN (${statuses.map(() => '?').join(', ')})`);
      params.push(...statuses);
    }
    const columns: [keyof typeof q, string, string][] = [
      ['ownerId', 'owner_id', '='],
      ['pupilId', 'pupil_id', '='],
      ['itemType', 'item_type', '='],
      ['dueFrom', 'due_date', '>='],
      ['dueTo', 'due_date', '<='],
    ];
    for (const [key, column, op] of columns) {
      const value = q[key];
      if (typeof value === 'string') {
        where.push(`${column} ${op} ?`);
        params.push(value);
      }
    }
    const sql = `SELECT data FROM actions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY due_date, created_at, id`;
    return this.db
      .prepare<string[], ActionRow>(sql)
      .all(...params)
      .map((row) => JSON.parse(row.data) as Action);
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
          const result = this.db
            .prepare(
              `UPDATE actions SET version = ?, status = ?, due_date = ?, owner_id = ?, item_type = ?, data = ?
             WHERE id = ? AND version = ?`,
            )
            .run(
              action.version,
              action.status,
              action.dueDate,
              action.owner.id,
              action.itemType,
              JSON.stringify(action),
              id,
              expectedVersion,
            );
          // The immediate transaction already serialises writers; this compare-and-set is the belt to its braces.
          if (result.changes !== 1) throw new ConflictError('This item was changed by someone else. Reload and try again.');
          this.appendHistory(planned);
          return action;
        })
        .immediate(),
    );
  }

  private insert(action: Action): void {
    this.db
      .prepare(
        `INSERT INTO actions (id, version, status, due_date, owner_id, pupil_id, item_type, created_at, idempotency_key, data)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        action.id,
        action.version,
        action.status,
        action.dueDate,
        action.owner.id,
        action.pupil.id,
        action.itemType,
        action.createdAt,
        action.idempotencyKey ?? null,
        JSON.stringify(action),
      );
  }

  private appendHistory({ entry }: PlannedChange): void {
    this.db
      .prepare('INSERT INTO history (action_id, version, kind, actor, at, changes) VALUES (?, ?, ?, ?, ?, ?)')
      .run(entry.actionId, entry.version, entry.kind, JSON.stringify(entry.actor), entry.at, JSON.stringify(entry.changes));
  }
}
