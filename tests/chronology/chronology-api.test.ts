import { strFromU8, unzipSync } from 'fflate';
import { call } from '@tests/support/start-app';
import { buildNewAction } from '@tests/support/factories';
import { generatePrimaryRegister } from '@tests/register/generate-register';
import { startRegisterApp } from '@tests/register/start-register-app';
import { ISSUED_PLAN } from '@tests/ehc-plans/support';

const lead = { id: 'senco-1', name: 'Priya Shah', email: 'p.shah@oakfield.example', sendTeam: true };
const now = () => new Date('2026-11-20T09:00:00Z');

describe('a pupil’s chronology over HTTP', () => {
  let app: Awaited<ReturnType<typeof startRegisterApp>>;
  let pupilId: string;
  let forename: string;

  beforeEach(async () => {
    app = await startRegisterApp(lead, now);
    await app.register.upsertMany(generatePrimaryRegister(3), { fullRoll: true, by: lead });
    ({ id: pupilId, forename } = (await app.register.list())[0]!);
    await app.roles.set('senco', { id: lead.id, name: lead.name, email: lead.email }, lead);
    const saved = await call(app.baseUrl, 'PUT', `/api/register/pupils/${pupilId}/ehc-plan`, { version: 0, details: ISSUED_PLAN });
    if (saved.status !== 200) throw new Error(`saving the plan: ${saved.status}`);
    const [action] = await app.repo.createMany(
      [
        buildNewAction({
          pupil: { id: pupilId, name: 'A.B.', yearGroup: 3 },
          description: 'Phone parent about sleep',
          dueDate: '2026-11-18',
        }),
      ],
      lead,
    );
    await app.repo.close(action!.id, 1, { status: 'done', note: 'Sleep diary started' }, lead);
    const profile = { likeAndAdmire: 'Kind', importantToMe: 'Lego', howToSupport: ['Visual timetable'], communication: 'Short sentences' };
    await call(app.baseUrl, 'PUT', `/api/register/pupils/${pupilId}/passport`, { version: 0, content: profile });
  });
  afterEach(() => app.close());

  it('lists every event newest first, and only the kinds asked for', async () => {
    const all = await call(app.baseUrl, 'GET', `/api/register/pupils/${pupilId}/chronology`);

    expect(all.status).toBe(200);
    const titles = all.body.events.map((e: { title: string }) => e.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Done: Phone parent about sleep',
        'Agreed: Phone parent about sleep',
        'Statutory step set: Hold the annual review meeting',
        'One-page profile written',
        'EHC plan issued',
        'EHC needs assessment requested',
      ]),
    );
    const dates = all.body.events.map((e: { date: string }) => e.date);
    expect(dates).toEqual([...dates].sort().reverse());

    const plan = await call(app.baseUrl, 'GET', `/api/register/pupils/${pupilId}/chronology?kinds=ehc-plan`);
    expect(new Set(plan.body.events.map((e: { kind: string }) => e.kind))).toEqual(new Set(['ehc-plan']));
    const bad = await call(app.baseUrl, 'GET', `/api/register/pupils/${pupilId}/chronology?kinds=gossip`);
    expect(bad.status).toBe(400);
  });

  it('downloads as a Word document for the annual review, named by initials, with the events asked for', async () => {
    const res = await fetch(`${app.baseUrl}/api/register/pupils/${pupilId}/chronology.docx?kinds=action,profile`);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="chronology-[A-Z]{2}-2026-11-20\.docx"$/);
    const xml = strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))['word/document.xml']!);
    expect(xml).toContain(`${forename}`);
    expect(xml).toContain('Done: Phone parent about sleep');
    expect(xml).toContain('Sleep diary started');
    expect(xml).toContain('One-page profile written');
    expect(xml).not.toContain('EHC plan issued');
  });

  it('is part of the subject access export', async () => {
    const exported = await call(app.baseUrl, 'GET', `/api/pupils/${pupilId}/export`);

    expect(exported.body.ehcPlanVersions).toHaveLength(1);
    expect(exported.body.chronology.map((e: { title: string }) => e.title)).toContain('EHC plan issued');
  });

  it('is for the SEND team only', async () => {
    const teacher = await startRegisterApp({ ...lead, id: 'teacher-1', sendTeam: false }, now);
    try {
      expect((await call(teacher.baseUrl, 'GET', `/api/register/pupils/${pupilId}/chronology`)).status).toBe(403);
      expect((await fetch(`${teacher.baseUrl}/api/register/pupils/${pupilId}/chronology.docx`)).status).toBe(403);
    } finally {
      await teacher.close();
    }
  });
});
