import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoRoles } from '@/app/demo/demo-context';
import { DEMO_STAFF } from '@/app/demo/school';
import { seedDemoRegister } from '@/app/demo/seed-demo-register';
import { addDays } from '@/kernel/dates';
import { seedRolesIfEmpty } from '@/roles/seed-roles';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { SqliteEhcPlanRepository } from '@/storage/sqlite/sqlite-ehc-plan-repository';
import { SqliteRegisterRepository } from '@/storage/sqlite/sqlite-register-repository';
import { SqliteRoleDirectory } from '@/storage/sqlite/sqlite-role-directory';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-tracker-demo-register-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('gives an empty demo register its class list and one EHC plan with every statutory step dated, once', async () => {
  const now = new Date('2026-12-03T08:00:00Z');
  const db = openDatabase(path.join(dir, 'demo.db'));
  const deps = {
    actions: new SqliteActionRepository(db, () => now),
    register: new SqliteRegisterRepository(db, () => now),
    plans: new SqliteEhcPlanRepository(db, () => now),
    roles: new SqliteRoleDirectory(db, () => now),
  };
  await seedRolesIfEmpty(deps.roles, demoRoles());

  expect(await seedDemoRegister(deps, now)).toBe(8);
  expect(await seedDemoRegister(deps, now)).toBe(0);

  const pupils = await deps.register.list();
  expect(pupils.map((p) => p.senStatus).sort()).toEqual(['E', 'K', 'K', 'K', 'N', 'N', 'N', 'N']);
  const steps = (await deps.actions.query({ includeArchived: true })).filter((a) => a.statutory);
  expect(steps.map((a) => [a.statutory!.step, a.dueDate, a.owner.id])).toEqual([
    ['review-invitations', addDays('2026-12-03', 28), DEMO_STAFF.senco.id],
    ['review-meeting', addDays('2026-12-03', 42), DEMO_STAFF.senco.id],
    ['review-report', addDays('2026-12-03', 56), DEMO_STAFF.senco.id],
    ['review-la-decision', addDays('2026-12-03', 70), DEMO_STAFF.senco.id],
  ]);
});
