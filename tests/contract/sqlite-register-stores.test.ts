import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteEhcPlanRepository } from '@/storage/sqlite/sqlite-ehc-plan-repository';
import { SqliteInterventionRepository } from '@/storage/sqlite/sqlite-intervention-repository';
import { SqlitePassportRepository } from '@/storage/sqlite/sqlite-passport-repository';
import { SqliteRegisterRepository } from '@/storage/sqlite/sqlite-register-repository';
import { SqliteRoleDirectory } from '@/storage/sqlite/sqlite-role-directory';
import { senco, sencoActor } from '@tests/support/factories';
import { describeEhcPlanRepositoryContract } from './ehc-plan-repository.contract';
import { describeInterventionRepositoryContract } from './intervention-repository.contract';
import { describePassportRepositoryContract } from './passport-repository.contract';
import { describeRegisterRepositoryContract } from './register-repository.contract';
import { describeRoleDirectoryContract } from './role-directory.contract';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-tracker-register-stores-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const newDatabase = () => openDatabase(path.join(dir, `register-${++n}.db`));

describeRegisterRepositoryContract('SQLite file', async (now) => new SqliteRegisterRepository(newDatabase(), now));
describeInterventionRepositoryContract('SQLite file', async (now) => new SqliteInterventionRepository(newDatabase(), now));
describePassportRepositoryContract('SQLite file', async (now) => new SqlitePassportRepository(newDatabase(), now));
describeEhcPlanRepositoryContract('SQLite file', async (now) => new SqliteEhcPlanRepository(newDatabase(), now));
describeRoleDirectoryContract('SQLite file', async (now) => new SqliteRoleDirectory(newDatabase(), now));

describe('SQLite role table', () => {
  it('refuses a raw DELETE or UPDATE of the role history at the database level', async () => {
    const db = newDatabase();
    await new SqliteRoleDirectory(db).set('senco', senco, sencoActor);
    expect(() => db.prepare('DELETE FROM role_history').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE role_history SET role = 'x'").run()).toThrow(/append-only/);
  });
});

describe('one-page profiles in the SQLite file', () => {
  it('cannot be deleted, and a saved version cannot be changed, even with SQL', async () => {
    const db = newDatabase();
    const repo = new SqlitePassportRepository(db);
    const content = { likeAndAdmire: 'Kind', importantToMe: 'Dogs', howToSupport: ['Visual timetable'], communication: 'Signs' };
    await repo.save('p1', 0, content, sencoActor);

    expect(() => db.prepare('DELETE FROM passports').run()).toThrow(/never deleted/);
    expect(() => db.prepare('DELETE FROM passport_versions').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE passport_versions SET data = '{}'").run()).toThrow(/append-only/);
    expect(await repo.versions('p1')).toHaveLength(1);
  });
});

describe('EHC plan records in the SQLite file', () => {
  it('cannot be deleted, and a saved version cannot be changed, even with SQL', async () => {
    const db = newDatabase();
    const repo = new SqliteEhcPlanRepository(db);
    const details = {
      localAuthority: 'Oakshire',
      requestDate: null,
      issueDate: '2025-01-10',
      lastReviewDate: null,
      nextReviewDate: null,
      phaseTransfer: null,
    };
    await repo.save('p1', 0, details, sencoActor);

    expect(() => db.prepare('DELETE FROM ehc_plans').run()).toThrow(/never deleted/);
    expect(() => db.prepare('DELETE FROM ehc_plan_versions').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE ehc_plan_versions SET data = '{}'").run()).toThrow(/append-only/);
    expect(await repo.versions('p1')).toHaveLength(1);
  });
});
