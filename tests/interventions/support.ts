import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { SqliteInterventionRepository } from '@/storage/sqlite/sqlite-intervention-repository';
import { SqliteRegisterRepository } from '@/storage/sqlite/sqlite-register-repository';
import { generatePrimaryRegister, IMPORTER } from '@tests/register/generate-register';
import { freshDatabase } from '@tests/register/support';
import type { NewInterventionInput, Staff } from '@/kernel/intervention';

export const ta: Staff = {
  id: '00000000-0000-4000-8000-000000000003',
  name: 'Grace Okafor',
  email: 'g.okafor@oakfield.example',
  role: 'teaching_assistant',
};
export const teacherStaff: Staff = {
  id: '00000000-0000-4000-8000-000000000002',
  name: 'Tom Reed',
  email: 't.reed@oakfield.example',
  role: 'teacher',
};

/** A 16-week, 3 x 30 minute reading intervention that starts after consent; override any field. */
export function buildIntervention(overrides: Partial<NewInterventionInput> = {}): NewInterventionInput {
  return {
    pupilId: 'pupil-1',
    name: 'Reading catch-up',
    group: null,
    staff: ta,
    startDate: '2026-01-05',
    plannedEndDate: '2026-04-27',
    sessionsPerWeek: 3,
    sessionMinutes: 30,
    parentConsentDate: '2025-12-15',
    measureKind: 'reading_age',
    measureUnit: null,
    target: { description: 'Reading age 8y 0m', value: 96 },
    ...overrides,
  };
}

/** A fresh SQLite file with one pupil on the register (Jamie Brook, Year 4), its stores' clock at `now`. */
export async function schoolWithOnePupil(now: string) {
  const db = freshDatabase();
  const clock = () => new Date(now);
  const deps = {
    register: new SqliteRegisterRepository(db, clock),
    interventions: new SqliteInterventionRepository(db, clock),
    actions: new SqliteActionRepository(db, clock),
  };
  const [record] = generatePrimaryRegister(1, 7).map((r) => ({ ...r, forename: 'Jamie', surname: 'Brook', yearGroup: 4 }));
  await deps.register.upsertMany([record!], { fullRoll: true, by: IMPORTER });
  const [pupil] = await deps.register.list();
  return { deps, pupil: pupil! };
}
