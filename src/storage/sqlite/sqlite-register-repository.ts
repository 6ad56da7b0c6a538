import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { parseInput } from '@/kernel/validate';
import { ConflictError, NotFoundError } from '@/kernel/errors';
import { pupilRecordFieldsSchema, sameRecord, type PupilRecord, type PupilRecordFields } from '@/kernel/pupil-record';
import type { Importer, RegisterImportRecord, RegisterRepository, UndoResult, UpsertResult } from '@/kernel/ports/register-repository';
import { countRegister, termSchema, termSortKey, type RegisterSnapshot } from '@/kernel/register-snapshot';
import { undoRefusal } from '@/kernel/register-undo';
import { registerSettingsSchema, type RegisterSettings, type RegisterSettingsRecord } from '@/kernel/register-settings';
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

  async upsertMany(input: readonly PupilRecordFields[], { fullRoll, by }: { fullRoll: boolean; by: Importer }): Promise<UpsertResult> {
    const records = parseInput(recordsSchema, input, 'records');
    const at = this.now().toISOString();
    const importId = randomUUID();
    const byUpn = this.db.prepare<[string], DataRow>('SELECT data FROM register_pupils WHERE upn = ?');
    const insert = this.db.prepare(
      'INSERT INTO register_pupils (id, upn, on_roll, surname_key, data, import_id, before_import) VALUES (?, ?, 1, ?, ?, ?, NULL)',
    );
    // The state before this import is kept once (SET reads the row as it was): a second change within
    // the same import keeps the first "before".
    const updateRow = this.db.prepare(
      `UPDATE register_pupils SET on_roll = @onRoll, surname_key = @key, data = @data,
         before_import = CASE WHEN import_id IS @importId THEN before_import ELSE data END, import_id = @importId WHERE id = @id`,
    );
    const update = (onRoll: boolean, key: string, record: PupilRecord) =>
      updateRow.run({ onRoll: onRoll ? 1 : 0, key, data: JSON.stringify(record), importId, id: record.id });
    return whenUnlocked(this.db, () =>
      this.db
        .transaction((): UpsertResult => {
          const result: UpsertResult = { importId, created: 0, updated: 0, unchanged: 0, leftRoll: 0 };
          for (const fields of records) {
            const row = byUpn.get(fields.upn);
            const key = sortKey(fields);
            if (!row) {
              const record: PupilRecord = { ...fields, id: randomUUID(), onRoll: true, importedAt: at };
              insert.run(record.id, record.upn, key, JSON.stringify(record), importId);
              result.created++;
              continue;
            }
            const current = JSON.parse(row.data) as PupilRecord;
            const next: PupilRecord = { ...fields, id: current.id, onRoll: true, importedAt: at };
            if (current.onRoll && sameRecord(current, next)) {
              result.unchanged++;
              continue;
            }
            update(true, key, next);
            result.updated++;
          }
          if (fullRoll) {
            const present = new Set(records.map((r) => r.upn));
            const onRoll = this.db
              .prepare<[], { upn: string; surname_key: string; data: string }>(
                'SELECT upn, surname_key, data FROM register_pupils WHERE on_roll = 1',
              )
              .all();
            for (const row of onRoll) {
              if (present.has(row.upn)) continue;
              update(false, row.surname_key, { ...(JSON.parse(row.data) as PupilRecord), onRoll: false });
              result.leftRoll++;
            }
          }
          const logged: RegisterImportRecord = { ...result, at, by: { id: by.id, name: by.name }, undone: null };
          this.db.prepare('INSERT INTO register_imports (id, data) VALUES (?, ?)').run(importId, JSON.stringify(logged));
          return result;
        })
        .immediate(),
    );
  }

  async imports(): Promise<RegisterImportRecord[]> {
    return this.db
      .prepare<[], DataRow>('SELECT data FROM register_imports ORDER BY seq DESC LIMIT 20')
      .all()
      .map((r) => JSON.parse(r.data) as RegisterImportRecord);
  }

  async undoImport(importId: string, by: Importer): Promise<UndoResult> {
    const at = this.now().toISOString();
    return whenUnlocked(this.db, () =>
      this.db
        .transaction((): UndoResult => {
          const latestRow = this.db.prepare<[], DataRow>('SELECT data FROM register_imports ORDER BY seq DESC LIMIT 1').get();
          const latest = latestRow ? (JSON.parse(latestRow.data) as RegisterImportRecord) : undefined;
          const refusal = undoRefusal(latest, importId);
          if (refusal) throw new ConflictError(refusal);
          const changed = this.db
            .prepare<[string], { id: string; data: string; before_import: string | null }>(
              'SELECT id, data, before_import FROM register_pupils WHERE import_id = ?',
            )
            .all(importId);
          const put = this.db.prepare(
            'UPDATE register_pupils SET on_roll = ?, surname_key = ?, data = ?, import_id = NULL, before_import = NULL WHERE id = ?',
          );
          const result: UndoResult = { restored: 0, takenOff: 0 };
          for (const row of changed) {
            const before = row.before_import === null ? null : (JSON.parse(row.before_import) as PupilRecord);
            const record = before ?? { ...(JSON.parse(row.data) as PupilRecord), onRoll: false };
            put.run(record.onRoll ? 1 : 0, sortKey(record), JSON.stringify(record), row.id);
            if (before) result.restored++;
            else result.takenOff++;
          }
          const undone: RegisterImportRecord = { ...latest!, undone: { at, by: { id: by.id, name: by.name } } };
          this.db.prepare('UPDATE register_imports SET data = ? WHERE id = ?').run(JSON.stringify(undone), importId);
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

  async settings(): Promise<RegisterSettingsRecord | null> {
    return (await this.settingsHistory(1))[0] ?? null;
  }

  async saveSettings(input: RegisterSettings, by: Importer): Promise<RegisterSettingsRecord> {
    const settings = parseInput(registerSettingsSchema, input, 'settings');
    const record: RegisterSettingsRecord = { ...settings, at: this.now().toISOString(), by: { id: by.id, name: by.name } };
    whenUnlocked(this.db, () => this.db.prepare('INSERT INTO register_settings (data) VALUES (?)').run(JSON.stringify(record)));
    return record;
  }

  async settingsHistory(limit = 50): Promise<RegisterSettingsRecord[]> {
    return this.db
      .prepare<[number], DataRow>('SELECT data FROM register_settings ORDER BY seq DESC LIMIT ?')
      .all(limit)
      .map((r) => JSON.parse(r.data) as RegisterSettingsRecord);
  }
}

function sortKey(r: PupilRecordFields): string {
  return `${r.surname.toLowerCase()}\u0000${r.forename.toLowerCase()}`;
}
