import { withCheckLetter } from '@/kernel/upn';
import { call } from '@tests/support/start-app';
import { startRegisterApp } from '@tests/register/start-register-app';

const lead = { id: 'senco-1', name: 'Priya Shah', email: 'p.shah@oakfield.example', sendTeam: true };
const now = () => new Date('2026-11-20T09:00:00Z');
const upn = (n: number) => withCheckLetter(`88120005${String(1000 + n)}`);

/** An MIS report with the EHC plan columns a SEN report can carry. */
const csv = (rows: string[]) =>
  ['UPN,Legal Surname,Legal Forename,DOB,NC Year,SEN Status,Primary Need,EHCP LA,EHCP Date,Next Annual Review', ...rows].join('\r\n');
const FILE = [
  `${upn(1)},Ahmed,Ava,01/03/2017,4,E,ASD,Oakshire County Council,25/11/2025,12/11/2026`,
  `${upn(2)},Brooks,Ben,02/03/2017,4,E,SLCN,,10/01/2026,`,
  `${upn(3)},Clarke,Cara,03/03/2017,4,K,SPLD,Oakshire County Council,01/02/2026,`,
];

describe('EHC plan dates in a register import', () => {
  let app: Awaited<ReturnType<typeof startRegisterApp>>;
  beforeEach(async () => {
    app = await startRegisterApp(lead, now);
    await app.roles.set('senco', { id: lead.id, name: lead.name, email: lead.email }, lead);
  });
  afterEach(() => app.close());

  async function importFile(rows: string[]) {
    const file = { format: 'csv', text: csv(rows) };
    const { proposedMapping } = (await call(app.baseUrl, 'POST', '/api/register/import/preview', { file })).body;
    expect(proposedMapping).toMatchObject({
      ehcLocalAuthority: 'EHCP LA',
      ehcIssueDate: 'EHCP Date',
      ehcNextReviewDate: 'Next Annual Review',
    });
    return call(app.baseUrl, 'POST', '/api/register/import', { file, mapping: proposedMapping });
  }

  it('saves the plan dates of pupils with an EHC plan, puts their steps on the tracker, and says which rows it could not use', async () => {
    const imported = await importFile(FILE);

    expect(imported.status).toBe(200);
    expect(imported.body.ehcPlans).toEqual({
      saved: 1,
      unchanged: 0,
      warnings: ['Row 3: EHC plan dates not applied: the file names no local authority; add the plan in the Pupil view'],
    });
    const ava = (await app.register.list()).find((p) => p.forename === 'Ava')!;
    expect((await app.plans.get(ava.id))!.details).toEqual({
      localAuthority: 'Oakshire County Council',
      requestDate: null,
      issueDate: '2025-11-25',
      lastReviewDate: null,
      nextReviewDate: '2026-11-12',
      phaseTransfer: null,
    });
    const steps = (await app.repo.query({ pupilId: ava.id })).filter((a) => a.statutory);
    expect(steps.map((a) => a.dueDate)).toEqual(['2026-10-29', '2026-11-12', '2026-11-26', '2026-12-10']);
    const cara = (await app.register.list()).find((p) => p.forename === 'Cara')!;
    expect(await app.plans.get(cara.id)).toBeNull(); // on SEN support: dates in the file are not a plan
  });

  it('leaves a plan alone when the file says the same again, and moves its steps when the file moves the review', async () => {
    await importFile(FILE);
    expect((await importFile(FILE)).body.ehcPlans).toMatchObject({ saved: 0, unchanged: 1 });

    const moved = await importFile([FILE[0]!.replace('12/11/2026', '19/11/2026')]);

    expect(moved.body.ehcPlans).toMatchObject({ saved: 1 });
    const ava = (await app.register.list()).find((p) => p.forename === 'Ava')!;
    expect((await app.repo.query({ pupilId: ava.id })).filter((a) => a.statutory).map((a) => a.dueDate)).toEqual([
      '2026-11-05',
      '2026-11-19',
      '2026-12-03',
      '2026-12-17',
    ]);
    expect((await app.plans.versions(ava.id)).map((v) => v.updatedBy.id)).toEqual([lead.id, lead.id]);
  });

  it('refuses a file whose EHC plan date is not a date, naming the row and column, and imports nothing', async () => {
    const refused = await importFile([FILE[0]!.replace('25/11/2025', '31/02/2025')]);

    expect(refused.status).toBe(400);
    expect(refused.body.problems).toEqual([expect.objectContaining({ path: "Row 2, column 'EHCP Date'" })]);
    expect(await app.register.list()).toEqual([]);
  });
});
