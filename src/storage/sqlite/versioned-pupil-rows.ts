import type Database from 'better-sqlite3';
import type { ConflictError } from '@/kernel/errors';
import { whenUnlocked } from './open-database';

/** A record kept per pupil in versions: a one-page profile, an EHC plan record. */
export interface VersionedPupilRecord {
  pupilId: string;
  version: number;
}

/**
 * Per-pupil records saved in versions in two tables: `<table>` (pupil_id PRIMARY KEY, version, data),
 * the current one, and `<table>_versions` (pupil_id, version, data), every save, which triggers keep
 * append-only. A save checks the expected version inside an IMMEDIATE transaction.
 */
export class VersionedPupilRows<T extends VersionedPupilRecord> {
  constructor(
    private readonly db: Database.Database,
    private readonly table: 'passports' | 'ehc_plans',
    private readonly versionsTable: 'passport_versions' | 'ehc_plan_versions',
    private readonly conflict: (current: number, expected: number) => ConflictError,
  ) {}

  get(pupilId: string): T | null {
    const row = this.db.prepare<[string], { data: string }>(`SELECT data FROM ${this.table} WHERE pupil_id = ?`).get(pupilId);
    return row ? (JSON.parse(row.data) as T) : null;
  }

  list(): T[] {
    return this.db
      .prepare<[], { data: string }>(`SELECT data FROM ${this.table} ORDER BY pupil_id`)
      .all()
      .map((row) => JSON.parse(row.data) as T);
  }

  versions(pupilId: string): T[] {
    return this.db
      .prepare<[string], { data: string }>(`SELECT data FROM ${this.versionsTable} WHERE pupil_id = ? ORDER BY version`)
      .all(pupilId)
      .map((row) => JSON.parse(row.data) as T);
  }

  /** Saves `build(next version)` if `expectedVersion` is still the stored one. @throws ConflictError */
  save(pupilId: string, expectedVersion: number, build: (version: number) => T): Promise<T> {
    return whenUnlocked(this.db, () =>
      this.db
        .transaction(() => {
          const current =
            this.db.prepare<[string], { version: number }>(`SELECT version FROM ${this.table} WHERE pupil_id = ?`).get(pupilId)?.version ??
            0;
          if (current !== expectedVersion) throw this.conflict(current, expectedVersion);
          const record = build(current + 1);
          const data = JSON.stringify(record);
          this.db
            .prepare(
              `INSERT INTO ${this.table} (pupil_id, version, data) VALUES (?, ?, ?) ON CONFLICT (pupil_id) DO UPDATE SET version = excluded.version, data = excluded.data`,
            )
            .run(pupilId, record.version, data);
          this.db
            .prepare(`INSERT INTO ${this.versionsTable} (pupil_id, version, data) VALUES (?, ?, ?)`)
            .run(pupilId, record.version, data);
          return record;
        })
        .immediate(),
    );
  }
}
