import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildNewAction } from '@tests/support/factories';
import { call } from '@tests/support/start-app';
import { buildIntervention } from '@tests/interventions/support';
import { generatePrimaryRegister, simsCsv } from './generate-register';
import { startRegisterApp } from './start-register-app';

const senco = { id: 'senco-1', name: 'Priya Shah', email: 'p.shah@oakfield.example', sendTeam: true };
const now = () => new Date('2026-01-20T09:00:00Z');
const school = generatePrimaryRegister();

describe('register REST API over HTTP', () => {
  let app: Awaited<ReturnType<typeof startRegisterApp>>;
  let imports: number;
  beforeEach(async () => {
    imports = 0;
    app = await startRegisterApp(senco, now, { onImported: () => imports++ });
  });
  afterEach(() => app.close());

  async function importSchool() {
    const file = { format: 'csv', text: simsCsv(school) };
    const preview = await call(app.baseUrl, 'POST', '/api/register/import/preview', { file });
    expect(preview.status).toBe(200);
    return call(app.baseUrl, 'POST', '/api/register/import', {
      file,
      mapping: preview.body.proposedMapping,
      snapshotTerm: '2025-26 Spring',
    });
  }

  it('previews the mapping, imports on confirmation, and serves the dashboard', async () => {
    const imported = await importSchool();
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ created: 1000, updated: 0, snapshot: { term: '2025-26 Spring', total: 1000 } });
    expect(imports).toBe(1); // the bot's pupil list is read afresh on its next turn

    const dash = await call(app.baseUrl, 'GET', '/api/register/dashboard');
    expect(dash.status).toBe(200);
    expect(dash.body.pupils).toBe(1000);
    expect(dash.body.phase).toBe('primary');
    const anySen = dash.body.comparisons[0];
    const expected = school.filter((p) => p.senStatus !== 'N').length;
    expect(anySen).toMatchObject({ count: expected, schoolPercent: Math.round(expected * 10) / 100, nationalPercent: 18.2 });
    expect(dash.body.keyQuestions.map((q: { id: string }) => q.id)).toEqual([
      'in_line_with_national',
      'provision_matches_needs',
      'training_matches_needs',
      'low_attendance_has_plans',
    ]);
    expect(dash.body.attendance.flagged.length).toBe(school.filter((p) => p.senStatus === 'N' && p.attendancePercent! < 90).length);
  });

  it('shows who a partial file leaves out, and marks them as left only with the count confirmed', async () => {
    await importSchool();
    const file = { format: 'csv', text: simsCsv(school.slice(0, 5)) };
    const { proposedMapping: mapping } = (await call(app.baseUrl, 'POST', '/api/register/import/preview', { file })).body;
    const changes = await call(app.baseUrl, 'POST', '/api/register/import/changes', { file, mapping });
    expect(changes.status).toBe(200);
    expect(changes.body).toMatchObject({ created: 0, updated: 0, unchanged: 5, notInFile: { count: 995 } });
    expect(changes.body.notInFile.pupils).toHaveLength(100); // enough to recognise a partial file
    expect(imports).toBe(1);

    const stale = await call(app.baseUrl, 'POST', '/api/register/import', { file, mapping, markLeft: 994 });
    expect(stale.status).toBe(409);
    expect(await app.register.list()).toHaveLength(1000);
    const confirmed = await call(app.baseUrl, 'POST', '/api/register/import', { file, mapping, markLeft: 995 });
    expect(confirmed.body).toMatchObject({ unchanged: 5, leftRoll: 995 });
    expect(await app.register.list()).toHaveLength(5);
  });

  it('lists each import with who made it, and undoes the latest once, recording who undid it', async () => {
    await importSchool();
    const file = { format: 'csv', text: simsCsv(school.slice(0, 5)) };
    const { proposedMapping: mapping } = (await call(app.baseUrl, 'POST', '/api/register/import/preview', { file })).body;
    await call(app.baseUrl, 'POST', '/api/register/import', { file, mapping, markLeft: 995 });

    const listed = await call(app.baseUrl, 'GET', '/api/register/imports');
    expect(listed.body.imports).toEqual([
      expect.objectContaining({ created: 0, unchanged: 5, leftRoll: 995, by: { id: 'senco-1', name: 'Priya Shah' }, undone: null }),
      expect.objectContaining({ created: 1000, by: { id: 'senco-1', name: 'Priya Shah' }, undone: null }),
    ]);
    const latest = listed.body.imports[0].importId;
    expect(listed.body.undoable).toBe(latest);
    const earlier = listed.body.imports[1].importId;
    expect((await call(app.baseUrl, 'POST', `/api/register/imports/${earlier}/undo`)).status).toBe(409);

    const undone = await call(app.baseUrl, 'POST', `/api/register/imports/${latest}/undo`);
    expect(undone.body).toEqual({ restored: 995, takenOff: 0 });
    expect(await app.register.list()).toHaveLength(1000);
    expect(imports).toBe(3); // the bot's pupil list is read afresh after the undo too
    const after = (await call(app.baseUrl, 'GET', '/api/register/imports')).body;
    expect(after.undoable).toBeNull();
    expect(after.imports[0].undone).toEqual({ at: now().toISOString(), by: { id: 'senco-1', name: 'Priya Shah' } });
    expect((await call(app.baseUrl, 'POST', `/api/register/imports/${latest}/undo`)).status).toBe(409);
    expect((await call(app.baseUrl, 'POST', '/api/register/imports/not-an-id/undo')).status).toBe(400);
  });

  it('keeps the number on roll and staff training on the server, each save recorded, and works the dashboard out of them', async () => {
    await importSchool();
    expect((await call(app.baseUrl, 'GET', '/api/register/settings')).body).toEqual({ settings: null, history: [] });
    const before = (await call(app.baseUrl, 'GET', '/api/register/dashboard')).body;
    expect(before.roll).toEqual({ count: 1000, source: 'register', given: null });

    const saved = await call(app.baseUrl, 'PUT', '/api/register/settings', { numberOnRoll: 2000, trainingNeeds: ['SLCN'] });
    expect(saved.body).toEqual({
      numberOnRoll: 2000,
      trainingNeeds: ['SLCN'],
      hourlyRates: null,
      at: now().toISOString(),
      by: { id: 'senco-1', name: 'Priya Shah' },
    });
    const after = (await call(app.baseUrl, 'GET', '/api/register/dashboard')).body;
    expect(after.roll).toEqual({ count: 2000, source: 'given', given: 2000 });
    // The same pupils with SEN, now a share of twice the roll.
    const anySen = (d: typeof before) => d.comparisons.find((c: { measure: string }) => c.measure === 'anySen');
    expect(anySen(after).count).toBe(anySen(before).count);
    expect(anySen(after).schoolPercent).toBeCloseTo(anySen(before).schoolPercent / 2, 0);
    const training = after.keyQuestions.find((q: { id: string }) => q.id === 'training_matches_needs');
    expect(training.answer).not.toMatch(/^Not answered yet/);

    const bad = await call(app.baseUrl, 'PUT', '/api/register/settings', { numberOnRoll: -3, trainingNeeds: ['SLCN'] });
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toEqual([{ path: 'numberOnRoll', message: 'must be at least 1' }]);
    await call(app.baseUrl, 'PUT', '/api/register/settings', { numberOnRoll: null, trainingNeeds: ['SLCN'] });
    const listed = (await call(app.baseUrl, 'GET', '/api/register/settings')).body;
    expect(listed.settings.numberOnRoll).toBeNull();
    expect(listed.history.map((h: { numberOnRoll: number | null }) => h.numberOnRoll)).toEqual([null, 2000]);
  });

  it('answers 400 naming the row and column when the export is malformed, and stores nothing', async () => {
    const text = simsCsv(school.slice(0, 3)).replace(`,${school[1]!.senStatus},`, ',Q,');
    const preview = await call(app.baseUrl, 'POST', '/api/register/import/preview', { file: { format: 'csv', text } });
    const res = await call(app.baseUrl, 'POST', '/api/register/import', {
      file: { format: 'csv', text },
      mapping: preview.body.proposedMapping,
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain("Row 3, column 'SEN Status': 'Q' is not a census SEN code (N, K or E)");
    expect(await app.register.list()).toEqual([]);
    expect(imports).toBe(0);
  });

  it('starts an intervention with review items, records measures and lists it with effectiveness', async () => {
    // In July, after the end measure is taken: a measure dated after today is refused.
    await app.close();
    app = await startRegisterApp(senco, () => new Date('2026-07-10T09:00:00Z'));
    await importSchool();
    const [pupil] = await app.register.list();
    const created = await call(app.baseUrl, 'POST', '/api/interventions', buildIntervention({ pupilId: pupil!.id }));
    expect(created.status).toBe(200);
    const id = created.body.intervention.id;
    expect(created.body.reviewItemIds).toHaveLength(2);
    await call(app.baseUrl, 'POST', `/api/interventions/${id}/measures`, { point: 'baseline', date: '2026-01-05', value: 84 });
    await call(app.baseUrl, 'POST', `/api/interventions/${id}/measures`, { point: 'end', date: '2026-07-06', value: 96 });

    const list = await call(app.baseUrl, 'GET', `/api/interventions?pupil=${pupil!.id}`);
    expect(list.body.interventions[0]).toMatchObject({ id, ratioGain: 2.01, band: 'substantial', metTarget: true });
    expect(list.body.effectiveness).toEqual([
      expect.objectContaining({ name: 'Reading catch-up', pupils: 1, medianRatioGain: 2.01, percentMetTarget: 100 }),
    ]);

    const csv = await fetch(`${app.baseUrl}/api/provision-map.csv?termStart=2026-01-05&termEnd=2026-03-29&rates=teaching_assistant:18`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await csv.text()).toContain('Reading catch-up,,Grace Okafor,teaching assistant,');
    const bad = await call(app.baseUrl, 'GET', '/api/provision-map?termStart=2026-01-05&termEnd=2026-03-29&rates=cook:9');
    expect(bad.status).toBe(400);
  });

  it('costs the provision map with the saved hourly rates and the school calendar’s term, each form saving only its own settings', async () => {
    await app.close();
    const dates = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'school-dates-')), 'dates.json');
    fs.writeFileSync(
      dates,
      JSON.stringify({
        terms: [{ start: '2026-01-06', end: '2026-03-27', name: 'Spring' }],
        holidays: [{ start: '2026-02-16', end: '2026-02-20', name: 'Half term' }],
      }),
    );
    app = await startRegisterApp(senco, now, { env: { SCHOOL_DATES_FILE: dates } });
    await importSchool();
    const [pupil] = await app.register.list();
    await call(app.baseUrl, 'POST', '/api/interventions', buildIntervention({ pupilId: pupil!.id }));

    const unpriced = await call(app.baseUrl, 'GET', '/api/provision-map');
    expect(unpriced.status).toBe(200);
    expect(unpriced.body.term).toEqual({ start: '2026-01-06', end: '2026-03-27', closedWeeks: 1, source: 'school calendar' });
    expect(unpriced.body).toMatchObject({ hourlyRates: {}, missingRates: ['teaching_assistant'], totals: { cost: null } });

    await call(app.baseUrl, 'PUT', '/api/register/settings', { numberOnRoll: 1000, trainingNeeds: ['SLCN'] });
    const rates = await call(app.baseUrl, 'PUT', '/api/register/settings', { hourlyRates: { teaching_assistant: 18 } });
    expect(rates.body).toMatchObject({
      numberOnRoll: 1000,
      trainingNeeds: ['SLCN'],
      hourlyRates: { teaching_assistant: 18 },
      by: { name: 'Priya Shah' },
    });
    // The dashboard's form saves the number on roll alone: the rates stay as saved.
    await call(app.baseUrl, 'PUT', '/api/register/settings', { numberOnRoll: 1010 });
    const { settings, history } = (await call(app.baseUrl, 'GET', '/api/register/settings')).body;
    expect(settings).toMatchObject({ numberOnRoll: 1010, trainingNeeds: ['SLCN'], hourlyRates: { teaching_assistant: 18 } });
    expect(history).toHaveLength(3);

    // 3 x 30 minutes a week over 11.6 weeks (12 weeks less one closed, pro rata): 17.4 hours at £18.
    const priced = await call(app.baseUrl, 'GET', '/api/provision-map');
    expect(priced.body).toMatchObject({ hourlyRates: { teaching_assistant: 18 }, missingRates: [] });
    expect(priced.body.totals.cost).toBe(priced.body.totals.staffHours * 18);
    expect(priced.body.totals.cost).toBeGreaterThan(0);
    const chosen = await call(app.baseUrl, 'GET', '/api/provision-map?termStart=2026-01-05&termEnd=2026-02-13');
    expect(chosen.body.term).toEqual({ start: '2026-01-05', end: '2026-02-13', closedWeeks: 0, source: 'chosen' });
    expect((await call(app.baseUrl, 'GET', '/api/provision-map?termStart=2026-01-05')).status).toBe(400);
    const negative = await call(app.baseUrl, 'PUT', '/api/register/settings', { hourlyRates: { teaching_assistant: -5 } });
    expect(negative.status).toBe(400);
    expect((await call(app.baseUrl, 'GET', '/api/register/settings')).body.history).toHaveLength(3);
  });

  it('edits a pupil’s one-page profile and downloads it as a Word document', async () => {
    await importSchool();
    const [pupil] = await app.register.list();
    const url = `/api/register/pupils/${pupil!.id}/passport`;
    expect((await call(app.baseUrl, 'GET', url)).body).toMatchObject({ version: 0, content: { howToSupport: [] } });
    const content = { likeAndAdmire: 'Funny', importantToMe: 'Dogs', howToSupport: ['Visual timetable'], communication: 'Signs' };
    expect((await call(app.baseUrl, 'PUT', url, { version: 0, content })).body).toMatchObject({ version: 1, content });
    expect((await call(app.baseUrl, 'PUT', url, { version: 0, content })).status).toBe(409);
    const docx = await fetch(`${app.baseUrl}${url}.docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toMatch(/^attachment; filename="profile-[A-Z]{2}-2026-01-20\.docx"$/);
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect((await call(app.baseUrl, 'GET', '/api/register/pupils/nobody/passport')).status).toBe(404);
  });

  it('lists pupils past retention for review, with their open items, and deletes nothing', async () => {
    await app.close();
    app = await startRegisterApp(senco, now, { retentionYears: 8 });
    await importSchool();
    const pupils = await app.register.list();
    const older = pupils.filter((p) => p.dateOfBirth < '2018-01-20').sort((a, b) => a.dateOfBirth.localeCompare(b.dateOfBirth))[0]!;
    const younger = pupils.filter((p) => p.dateOfBirth > '2018-01-20')[0]!;
    const action = (id: string) => buildNewAction({ pupil: { id, name: 'X.Y.', yearGroup: 3 } });
    const [open, , unknown] = await app.repo.createMany([action(older.id), action(younger.id), action('not-in-register')], senco);

    const res = await call(app.baseUrl, 'GET', '/api/retention');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ asOf: '2026-01-20', years: 8, unknownDateOfBirth: ['not-in-register'] });
    expect(res.body.due).toEqual([
      { pupilId: older.id, retentionEnded: expect.any(String), actionIds: [open!.id], openActionIds: [open!.id] },
    ]);
    expect(await app.repo.query({ includeArchived: true })).toHaveLength(3);
    expect(await app.repo.get(unknown!.id)).toMatchObject({ status: 'open', version: 1 });
  });

  it('keeps the register from staff outside the SEND team', async () => {
    await app.close();
    app = await startRegisterApp({ ...senco, id: 'teacher-1', sendTeam: false }, now);
    for (const [method, url] of [
      ['GET', '/api/register/dashboard'],
      ['GET', '/api/register/pupils'],
      ['GET', '/api/retention'],
      ['GET', '/api/interventions'],
      ['POST', '/api/register/import/preview'],
      ['POST', '/api/register/import/changes'],
      ['POST', '/api/register/import'],
      ['GET', '/api/register/imports'],
      ['POST', '/api/register/imports/00000000-0000-4000-8000-000000000001/undo'],
      ['GET', '/api/register/settings'],
      ['PUT', '/api/register/settings'],
    ] as const) {
      const body =
        method === 'POST'
          ? { file: { format: 'csv', text: 'UPN' } }
          : method === 'PUT'
            ? { numberOnRoll: 5, trainingNeeds: null }
            : undefined;
      const res = await call(app.baseUrl, method, url, body);
      expect(res.status).toBe(403);
    }
    expect((await fetch(`${app.baseUrl}/api/provision-map.csv?termStart=2026-01-05&termEnd=2026-03-29`)).status).toBe(403);
  });
});
