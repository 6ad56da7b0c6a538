import type Database from 'better-sqlite3';
import type { ActionPatch, Actor, CloseAction, NewActionInput } from '@/kernel/action';

/** One store write, as the caller asked for it: enough to send it again later. */
export type OutboxWrite =
  | { kind: 'createMany'; inputs: NewActionInput[]; actor: Actor }
  | { kind: 'update'; id: string; expectedVersion: number; patch: ActionPatch; actor: Actor }
  | { kind: 'close'; id: string; expectedVersion: number; close: CloseAction; actor: Actor }
  | { kind: 'reopen'; id: string; expectedVersion: number; note: string; actor: Actor };

/**
 * - `pending`: waiting to be sent;
 * - `sent`: reached the store;
 * - `conflict`: the item changed meanwhile; kept for a person to look at, never forced through;
 * - `failed`: the store refused it for good (validation, not found); kept for a person too.
 */
export type OutboxState = 'pending' | 'sent' | 'conflict' | 'failed';

export interface OutboxEntry {
  seq: number;
  write: OutboxWrite;
  state: OutboxState;
  attempts: number;
  /** The error id (`conflict`, `not_found`, …) or a transient error's message; never record content. */
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  seq: number;
  payload: string;
  state: OutboxState;
  attempts: number;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

const toEntry = (row: Row): OutboxEntry => ({
  seq: row.seq,
  write: JSON.parse(row.payload) as OutboxWrite,
  state: row.state,
  attempts: row.attempts,
  lastError: row.last_error,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/**
 * The durable outbox: a table in the local SQLite file (`store_outbox`), so a write survives the
 * process being killed. Each `add` is one committed transaction; entries are never deleted.
 */
export class SqliteOutboxStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Records `write` as pending and returns its sequence number (the replay order). */
  add(write: OutboxWrite, error: string): number {
    const at = this.now().toISOString();
    const target = write.kind === 'createMany' ? null : write.id;
    const result = this.db
      .prepare(
        'INSERT INTO store_outbox (kind, target_id, payload, state, attempts, last_error, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?)',
      )
      .run(write.kind, target, JSON.stringify(write), 'pending', error, at, at);
    return Number(result.lastInsertRowid);
  }

  /** Pending entries, oldest first. */
  pending(): OutboxEntry[] {
    return this.db.prepare<[], Row>("SELECT * FROM store_outbox WHERE state = 'pending' ORDER BY seq").all().map(toEntry);
  }

  /** How many writes are waiting to reach the store: what /api/health reports as the outbox depth. */
  pendingCount(): number {
    return (this.db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM store_outbox WHERE state = 'pending'").get() ?? { n: 0 }).n;
  }

  /** True while an earlier write to action `id` is still waiting: later writes must queue behind it. */
  hasPendingFor(id: string): boolean {
    return this.db.prepare("SELECT 1 FROM store_outbox WHERE state = 'pending' AND target_id = ? LIMIT 1").get(id) !== undefined;
  }

  /** Every entry in `state` (all when omitted), oldest first: for a person reviewing conflicts. */
  list(state?: OutboxState): OutboxEntry[] {
    const rows = state
      ? this.db.prepare<[string], Row>('SELECT * FROM store_outbox WHERE state = ? ORDER BY seq').all(state)
      : this.db.prepare<[], Row>('SELECT * FROM store_outbox ORDER BY seq').all();
    return rows.map(toEntry);
  }

  /** Moves entry `seq` to `state` after one more attempt. */
  settle(seq: number, state: OutboxState, error: string | null): void {
    this.db
      .prepare('UPDATE store_outbox SET state = ?, attempts = attempts + 1, last_error = ?, updated_at = ? WHERE seq = ?')
      .run(state, error, this.now().toISOString(), seq);
  }
}
