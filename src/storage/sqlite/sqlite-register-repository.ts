import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { parseInput } from '@/kernel/validate';
import { NotFoundError } from '@/kernel/errors';
import { pupilRecordFieldsSchema, sameRecord, type PupilRecord, type PupilRecordFields } from '@/kernel/pupil-record';
import type { RegisterRepository, UpsertResult } from '@/kernel/ports/register-repository';
import { countRegister, termSchema, termSortKey, type RegisterSnapshot } from '@/kernel/register-snapshot';
import { whenUnlocked } from './open-database';

interface DataRow {
  data: string;
}

const recordsSchema = z.array(pupilRecordFieldsSchema).max(20_000);

/** The SEN register in the embedded SQLite file: UPN is unique, the record is stored as JSON. */
export class SqliteRegisterRepository implements RegisterRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async upsertMany(input: readonly PupilRecordFields[], { fullRoll }: { fullRoll: boolean }): Promise<UpsertResult> {
    const records = parseInput(recordsSchema, input, 'records');
    const at = this.now().toISOString();
    const byUpn = this.db.prepare<[string], DataRow>('SELECT data FROM register_pupils WHERE upn = ?');
    const insert = this.db.prepare('INSERT INTO register_pupils (id, upn, on_roll, surname_key, data) VALUES (?, ?, 1, ?, ?)');
    const update = this.db.prepare('UPDATE register_pupils SET on_roll = 1, surname_key = ?, data = ? WHERE id = ?');
    return whenUnlocked(this.db, () =>
      this.db
        .transaction((): UpsertResult => {
          const result: UpsertResult = { created: 0, updated: 0, unchanged: 0, leftRoll: 0 };
          for (const fields of records) {
            const row = byUpn.get(fields.upn);
            const key = sortKey(fields);
            if (!row) {
              const record: PupilRecord = { ...fields, id: randomUUID(), onRoll: true, importedAt: at };
              insert.run(record.id, record.upn, key, JSON.stringify(record));
              result.created++;
              continue;
            }
            const current = JSON.parse(row.data) as PupilRecord;
            const next: PupilRecord = { ...fields, id: current.id, onRoll: true, importedAt: at };
            if (current.onRoll && sameRecord(current, next)) {
              result.unchanged++;
              continue;
            }
            update.run(key, JSON.stringify(next), current.id);
            result.updated++;
          }
          if (fullRoll) result.leftRoll = this.markLeft(new Set(records.map((r) => r.upn)));
          return result;
        })
        .immediate(),
    );
  }

  async list({ includeOffRoll = false } = {}): Promise<PupilRecord[]> {
    const sql = `SELECT data FROM register_pupils ${includeOffRoll ? '' : 'WHERE on_roll = 1'} ORDER BY surname_key, id`;
    return this.db
      .prepare<[], DataRow>(sql)
      .all()
      .map((r) => JSON.parse(r.data) as PupilRecord);
  }

  async get(id: string): Promise<PupilRecord> {
    const row = this.db.prepare<[string], DataRow>('SELECT data FROM register_pupils WHERE id = ?').get(id);
    if (!row) throw new NotFoundError(`No pupil with id ${id}`);
    return JSON.parse(row.data) as PupilRecord;
  }

  async snapshot(termInput: string): Promise<RegisterSnapshot> {
    const term = parseInput(termSchema, termInput, 'term');
    const snapshot: RegisterSnapshot = { term, takenAt: this.now().toISOString(), ...countRegister(await this.list()) };
    this.db
      .prepare(
        `INSERT INTO register_snapshots (term, sort_key, taken_at, data) VALUES (?, ?, ?, ?)
         ON CONFLICT (term) DO UPDATE SET taken_at = excluded.taken_at, data = excluded.data`,
      )
      .run(term, termSortKey(term), snapshot.takenAt, JSON.stringify(snapshot));
    return snapshot;
  }

  async snapshots(): Promise<RegisterSnapshot[]> {
    return this.db
      .prepare<[], DataRow>('SELECT data FROM register_snapshots ORDER BY sort_key')
      .all()
      .map((r) => JSON.parse(r.data) as RegisterSnapshot);
  }

  private markLeft(present: Set<string>): number {
    const onRoll = this.db
      .prepare<[], { id: string; upn: string; data: string }>('SELECT id, upn, data FROM register_pupils WHERE on_roll = 1')
      .all();
    const mark = this.db.prepare('UPDATE register_pupils SET on_roll = 0, data = ? WHERE id = ?');
    let left = 0;
    for (const row of onRoll) {
      if (present.has(row.upn)) continue;
      mark.run(JSON.stringify({ ...(JSON.parse(row.data) as PupilRecord), onRoll: false }), row.id);
      left++;
    }
    return left;
  }
}

function sortKey(r: PupilRecordFields): string {
  return `${r.surname.toLowerCase()}\u0000${r.forename.toLowerCase()}`;
}
