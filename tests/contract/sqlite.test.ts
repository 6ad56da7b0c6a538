import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
});
