import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UnavailableError } from '@/kernel/errors';
import { sortKey } from '@/kernel/action-view';
import { MIGRATIONS } from './migrations';

/**
 * Opens (creating if needed) the embedded database in WAL mode and brings its schema up to date.
 * Several processes may share the file. The driver is synchronous, so a write that waits for another
 * process's lock inside SQLite (`busy_timeout`) stops the whole server; the writes on the request
 * path and the task claims go through `whenUnlocked` instead, which waits between attempts without
 * blocking. Anything else still waits up to 5 s inside SQLite.
 */
export function openDatabase(file: string): Database.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`busy_timeout = ${BLOCKING_BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  // The tracker's sort and search in SQL compare exactly as the kernel does in memory.
  db.function('sort_key', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? sortKey(text) : null));
  migrate(db);
  return db;
}

function migrate(db: Database.Database): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  db.transaction(() => {
    MIGRATIONS.slice(applied).forEach((sql, i) => {
      db.exec(sql);
      db.pragma(`user_version = ${applied + i + 1}`);
    });
  }).immediate();
}

/** How long a write waits, in all, for another process to release the database: long enough for any of our own short transactions. */
const LOCK_WAIT_MS = 2_000;
const RETRY_EVERY_MS = 25;
const BLOCKING_BUSY_TIMEOUT_MS = 5_000;

const isBusy = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
};

/**
 * Runs one write (`work`, a transaction or statement on `db`) without blocking the event loop while
 * another process holds the database: each attempt fails at once if the file is locked, and the next
 * is tried after a pause in which the server keeps answering. After about 2 s the write is refused.
 * @throws UnavailableError (503 with Retry-After); nothing was written
 */
export async function whenUnlocked<T>(db: Database.Database, work: () => T): Promise<T> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    db.pragma('busy_timeout = 0');
    try {
      return work();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (Date.now() >= deadline) {
        throw new UnavailableError(
          'The tracker’s database is busy (another program is using it), so nothing was changed. Try again in a moment.',
          2,
        );
      }
    } finally {
      db.pragma(`busy_timeout = ${BLOCKING_BUSY_TIMEOUT_MS}`);
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
  }
}
