import type Database from 'better-sqlite3';
import type { OutboxEntry, OutboxState, OutboxStore, OutboxWrite } from './outbox-store';

interface Row {
  seq: number;
  payload: string;
  state: OutboxState;
  attempts: number;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** Zero-padded so ids sort as text in the order they were queued, as the port promises. */
const idOf = (seq: number) => String(seq).padStart(12, '0');

const toEntry = (row: Row): OutboxEntry => ({
  id: idOf(row.seq),
  write: JSON.parse(row.payload) as OutboxWrite,
  state: row.state,
  attempts: row.attempts,
  lastError: row.last_error,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/**
 * The outbox as a table in the local SQLite file (`store_outbox`), for one instance on local disk:
 * each `add` is one committed transaction, so a write survives the process being killed; a trigger
 * refuses deletes. The replay lease is a row beside it, taken in one statement.
 */
export class SqliteOutboxStore implements OutboxStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async add(write: OutboxWrite, error: string): Promise<string> {
    const at = this.now().toISOString();
    const target = write.kind === 'createMany' ? null : write.id;
    const result = this.db
      .prepare(
        'INSERT INTO store_outbox (kind, target_id, payload, state, attempts, last_error, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?)',
      )
      .run(write.kind, target, JSON.stringify(write), 'pending', error, at, at);
    return idOf(Number(result.lastInsertRowid));
  }

  async pending(): Promise<OutboxEntry[]> {
    return this.list('pending');
  }

  async pendingCount(): Promise<number> {
    return (this.db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM store_outbox WHERE state = 'pending'").get() ?? { n: 0 }).n;
  }

  async hasPendingFor(id: string): Promise<boolean> {
    return this.db.prepare("SELECT 1 FROM store_outbox WHERE state = 'pending' AND target_id = ? LIMIT 1").get(id) !== undefined;
  }

  async list(state?: OutboxState): Promise<OutboxEntry[]> {
    const rows = state
      ? this.db.prepare<[string], Row>('SELECT * FROM store_outbox WHERE state = ? ORDER BY seq').all(state)
      : this.db.prepare<[], Row>('SELECT * FROM store_outbox ORDER BY seq').all();
    return rows.map(toEntry);
  }

  async settle(id: string, state: OutboxState, error: string | null): Promise<void> {
    this.db
      .prepare('UPDATE store_outbox SET state = ?, attempts = attempts + 1, last_error = ?, updated_at = ? WHERE seq = ?')
      .run(state, error, this.now().toISOString(), Number(id));
  }

  async claimReplay(holder: string, leaseMs: number): Promise<boolean> {
    const now = this.now();
    const until = new Date(now.getTime() + leaseMs).toISOString();
    const result = this.db
      .prepare(
        `INSERT INTO store_outbox_lease (name, holder, until) VALUES ('replay', ?, ?)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
         WHERE store_outbox_lease.holder = excluded.holder OR store_outbox_lease.until <= ?`,
      )
      .run(holder, until, now.toISOString());
    return result.changes === 1;
  }
}
