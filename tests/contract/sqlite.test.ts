import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '@/storage/sqlite/migrations';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { buildNewAction, sencoActor } from '@tests/support/factories';
import { describeActionRepositoryContract } from './action-repository.contract';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-tracker-sqlite-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const newFile = () => path.join(dir, `actions-${++n}.db`);

describeActionRepositoryContract('SQLite file', async (now) => new SqliteActionRepository(openDatabase(newFile()), now));

describe('SQLite store', () => {
  it('refuses a raw DELETE of an action or its history at the database level', async () => {
    const db = openDatabase(newFile());
    const [action] = await new SqliteActionRepository(db).createMany([buildNewAction()], sencoActor);
    expect(() => db.prepare('DELETE FROM actions WHERE id = ?').run(action!.id)).toThrow(/never deleted/);
    expect(() => db.prepare('DELETE FROM history').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE history SET kind = 'x'").run()).toThrow(/append-only/);
  });

  it('keeps data across reopening the file and does not re-run migrations', async () => {
    const file = newFile();
    const [action] = await new SqliteActionRepository(openDatabase(file)).createMany([buildNewAction()], sencoActor);
    const reopened = new SqliteActionRepository(openDatabase(file));
    expect((await reopened.get(action!.id)).description).toBe(action!.description);
  });

  it('lets two connections to one file conflict instead of overwriting each other', async () => {
    const file = newFile();
    const a = new SqliteActionRepository(openDatabase(file));
    const b = new SqliteActionRepository(openDatabase(file));
    const [action] = await a.createMany([buildNewAction()], sencoActor);
    await a.update(action!.id, 1, { status: 'in_progress' }, sencoActor);
    await expect(b.update(action!.id, 1, { status: 'waiting' }, sencoActor)).rejects.toThrow(/changed by/);
    expect((await b.get(action!.id)).status).toBe('in_progress');
  });

  it('answers a page asked again from what it read, until a write from any connection to the file', async () => {
    const file = newFile();
    const a = new SqliteActionRepository(openDatabase(file));
    const b = new SqliteActionRepository(openDatabase(file));
    const [first] = await a.createMany([buildNewAction({ description: 'Book the speech and language assessment' })], sencoActor);
    expect((await a.page({})).total).toBe(1);
    // Another connection (a second process on the file) writes twice: a new item, then a change.
    await b.createMany([buildNewAction({ description: 'Send the parent the draft passport' })], sencoActor);
    expect((await a.page({})).total).toBe(2);
    await b.update(first!.id, 1, { status: 'waiting' }, sencoActor);
    expect((await a.page({ statuses: ['waiting'] })).items.map((x) => x.id)).toEqual([first!.id]);
    expect((await a.page({})).items.find((x) => x.id === first!.id)?.status).toBe('waiting');
  });

  it('shares a remembered page with no one: what one caller does to its items cannot reach the next', async () => {
    const repo = new SqliteActionRepository(openDatabase(newFile()));
    await repo.createMany([buildNewAction({ description: 'Chase the EP report' })], sencoActor);
    const [item] = (await repo.page({})).items;
    expect(() => {
      (item as { description: string }).description = 'Changed in memory';
    }).toThrow(TypeError);
    expect(() => Object.assign(item!.pupil, { name: 'Someone else' })).toThrow(TypeError);
    expect((await repo.page({})).items[0]!.description).toBe('Chase the EP report');
  });

  it('fills the paging columns for items saved before they existed, so old items are found, sorted and counted', async () => {
    const file = newFile();
    const [action] = await new SqliteActionRepository(openDatabase(file)).createMany(
      [buildNewAction({ pupil: { id: 'p-1', name: 'Zoë Ålund', yearGroup: 5 }, description: 'Sensory breaks' })],
      sencoActor,
    );
    // Back to the schema before paging: the row as the previous release wrote it.
    const old = new Database(file);
    old.exec(`DROP INDEX actions_created_by; DROP INDEX actions_open_due; DROP INDEX actions_waiting_updated;
      ALTER TABLE actions DROP COLUMN created_by_id; ALTER TABLE actions DROP COLUMN updated_at; ALTER TABLE actions DROP COLUMN pupil_key;
      ALTER TABLE actions DROP COLUMN owner_key; ALTER TABLE actions DROP COLUMN search_text; DROP TABLE store_outbox_lease;
      DROP TRIGGER reminder_runs_never_deleted; DROP TABLE reminder_runs;
      DROP INDEX register_pupils_import; ALTER TABLE register_pupils DROP COLUMN import_id; ALTER TABLE register_pupils DROP COLUMN before_import;
      DROP TRIGGER register_imports_never_deleted; DROP TABLE register_imports;
      DROP TRIGGER register_settings_never_updated; DROP TRIGGER register_settings_never_deleted; DROP TABLE register_settings;
      DROP TRIGGER ehc_plans_never_deleted; DROP TRIGGER ehc_plan_versions_never_deleted; DROP TRIGGER ehc_plan_versions_never_updated;
      DROP TABLE ehc_plans; DROP TABLE ehc_plan_versions;
      DROP TRIGGER pupil_documents_never_deleted; DROP TRIGGER pupil_document_events_never_deleted;
      DROP TRIGGER pupil_document_events_never_updated; DROP TABLE pupil_documents; DROP TABLE pupil_document_events;`);
    old.pragma(`user_version = ${MIGRATIONS.findIndex((sql) => sql.includes('ADD COLUMN search_text'))}`); // and every later one undone
    old.close();

    const upgraded = new SqliteActionRepository(openDatabase(file));
    expect((await upgraded.page({ search: 'zoe alund' })).items.map((a) => a.id)).toEqual([action!.id]);
    expect((await upgraded.page({ search: 'sensory', visibleTo: sencoActor.id, sort: 'pupil' })).total).toBe(1);
  });
});
