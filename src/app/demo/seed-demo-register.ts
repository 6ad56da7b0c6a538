import { addDays, addMonths, londonDate } from '@/kernel/dates';
import type { PupilRecordFields } from '@/kernel/pupil-record';
import { withCheckLetter } from '@/kernel/upn';
import { saveEhcPlan, type EhcPlanDeps } from '@/ehc-plans/ehc-plan-commands';
import { SEED_ACTOR } from '@/roles/seed-roles';

type DemoPupil = [forename: string, surname: string, yearGroup: number, status: 'N' | 'K' | 'E', need: string | null];

/** A fictional Year 3–6 class list for the demo school: one pupil with an EHC plan, three on SEN support. */
const DEMO_REGISTER: DemoPupil[] = [
  ['Ava', 'Ahmed', 4, 'E', 'ASD'],
  ['Ben', 'Brooks', 4, 'K', 'SLCN'],
  ['Cara', 'Clarke', 5, 'K', 'SPLD'],
  ['Dev', 'Dhillon', 6, 'K', 'SEMH'],
  ['Ella', 'Evans', 3, 'N', null],
  ['Finn', 'Foster', 5, 'N', null],
  ['Gia', 'Gray', 6, 'N', null],
  ['Hal', 'Hughes', 3, 'N', null],
];

function demoRecords(today: string): PupilRecordFields[] {
  return DEMO_REGISTER.map(([forename, surname, yearGroup, senStatus, need], i) => ({
    upn: withCheckLetter(`88120009${String(1000 + i)}`),
    forename,
    surname,
    dateOfBirth: `${Number(today.slice(0, 4)) - 5 - yearGroup}-0${(i % 9) + 1}-15`,
    yearGroup,
    regGroup: `${yearGroup}M`,
    senStatus,
    senStartDate: senStatus === 'N' ? null : addMonths(today, -18),
    needs: need ? [{ code: need as PupilRecordFields['needs'][number]['code'], rank: 1 }] : [],
    fsm: i % 3 === 0,
    pupilPremium: i % 3 === 0,
    eal: i === 2,
    attendancePercent: i === 3 ? 88 : 96.5,
  }));
}

/**
 * Embedded mode with demo data: an empty register gets the demo class list, and its pupil with an
 * EHC plan gets plan dates whose annual review is six weeks away, so `npm start` shows the
 * statutory steps, the check-in's deadlines and a chronology without a tenant or an MIS file.
 * Returns how many pupils were added (0 when the register already has any).
 */
export async function seedDemoRegister(deps: EhcPlanDeps, now: Date): Promise<number> {
  if ((await deps.register.list({ includeOffRoll: true })).length > 0) return 0;
  const today = londonDate(now);
  // Recorded as the demo seed, not as a person: the import log and the plan say who really did what.
  await deps.register.upsertMany(demoRecords(today), { fullRoll: true, by: SEED_ACTOR });
  const ava = (await deps.register.list()).find((p) => p.senStatus === 'E')!;
  const issued = addDays(addMonths(today, -12), 50);
  const details = {
    localAuthority: 'Oakshire County Council (demo)',
    requestDate: addDays(issued, -140),
    issueDate: issued,
    lastReviewDate: null,
    nextReviewDate: addDays(today, 42),
    phaseTransfer: null,
  };
  await saveEhcPlan(deps, { ...SEED_ACTOR, sendTeam: true }, ava.id, 0, details, today);
  return DEMO_REGISTER.length;
}
