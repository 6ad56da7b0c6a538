import type { Action } from '@/kernel/action';
import { call } from '@tests/support/start-app';
import { buildNewAction } from '@tests/support/factories';
import { generatePrimaryRegister } from '@tests/register/generate-register';
import { startRegisterApp } from '@tests/register/start-register-app';
import { ISSUED_PLAN } from './support';

const lead = { id: 'senco-1', name: 'Priya Shah', email: 'p.shah@oakfield.example', sendTeam: true };
const sencoRole = { id: 'senco-2', name: 'Dan Hughes', email: 'd.hughes@oakfield.example' };
const now = () => new Date('2026-11-20T09:00:00Z'); // a Friday in the autumn term

const issued = ISSUED_PLAN;

describe('EHC plan dates and their statutory steps over HTTP', () => {
  let app: Awaited<ReturnType<typeof startRegisterApp>>;
  let pupilId: string;

  beforeEach(async () => {
    app = await startRegisterApp(lead, now);
    await app.register.upsertMany(generatePrimaryRegister(3), { fullRoll: true, by: lead });
    pupilId = (await app.register.list())[0]!.id;
    await app.roles.set('senco', sencoRole, lead);
  });
  afterEach(() => app.close());

  const statutoryItems = async () => (await app.repo.query({ pupilId, includeArchived: true })).filter((a) => a.statutory);
  const save = (version: number, details: Record<string, unknown>) =>
    call(app.baseUrl, 'PUT', `/api/register/pupils/${pupilId}/ehc-plan`, { version, details });

  it('has no plan until one is saved; saving puts each dated step on the tracker for the SENCO, once', async () => {
    expect((await call(app.baseUrl, 'GET', `/api/register/pupils/${pupilId}/ehc-plan`)).body).toEqual({
      pupilId,
      plan: null,
      reviewDeadline: null,
      warnings: [],
      steps: [],
      earlierOpen: [],
    });

    const saved = await save(0, issued);

    expect(saved.status).toBe(200);
    expect(saved.body.sync).toEqual({ created: 4, moved: 0 });
    expect(saved.body.reviewDeadline).toBe('2026-11-24');
    expect(
      saved.body.steps.map((s: { kind: string; dueDate: string; item: { status: string } | null }) => [s.kind, s.dueDate, s.item?.status]),
    ).toEqual([
      ['review-invitations', '2026-10-29', 'open'],
      ['review-meeting', '2026-11-12', 'open'],
      ['review-report', '2026-11-26', 'open'],
      ['review-la-decision', '2026-12-10', 'open'],
    ]);
    const items = await statutoryItems();
    expect(items.map((a) => [a.description, a.owner.id, a.outsideOwner ?? null, a.itemType])).toEqual([
      ['Send annual review invitations and circulate the advice gathered', sencoRole.id, null, 'annual_review'],
      ['Hold the annual review meeting', sencoRole.id, null, 'annual_review'],
      ['Send the annual review report to the local authority and everyone invited', sencoRole.id, null, 'annual_review'],
      ['Decide after the annual review: keep, amend or cease the plan', sencoRole.id, 'LA', 'annual_review'],
    ]);
    expect(items[0]!.pupil.name).toMatch(/^[A-Z]\.[A-Z]\.$/); // initials, never the name

    const again = await save(1, issued);
    expect(again.body.sync).toEqual({ created: 0, moved: 0 });
    expect(await statutoryItems()).toHaveLength(4);
  });

  it('moves the open items when the meeting moves, noting it in their history, and leaves a closed one as it was', async () => {
    await save(0, issued);
    const [invitations] = await statutoryItems();
    await app.repo.close(invitations!.id, invitations!.version, { status: 'done', note: 'Sent to parents, EP and LA on 29 October' }, lead);

    const moved = await save(1, { ...issued, nextReviewDate: '2026-11-19' });

    expect(moved.body.sync).toEqual({ created: 0, moved: 3 });
    const items = await statutoryItems();
    expect(items.map((a) => [a.statutory!.step, a.dueDate, a.status])).toEqual([
      ['review-invitations', '2026-10-29', 'done'],
      ['review-meeting', '2026-11-19', 'open'],
      ['review-report', '2026-12-03', 'open'],
      ['review-la-decision', '2026-12-17', 'open'],
    ]);
    const history = await app.repo.history(items[1]!.id);
    expect(history.at(-1)).toMatchObject({ actor: { id: lead.id } });
    expect(JSON.stringify(history.at(-1))).toContain("Due date moved to Thu 19 Nov 2026 with the EHC plan's dates");
  });

  it('records a review as held: the meeting item closes with the note, the report and decision date from it, and the next review is dated', async () => {
    await save(0, issued);

    const held = await call(app.baseUrl, 'POST', `/api/register/pupils/${pupilId}/ehc-plan/review-held`, {
      version: 1,
      heldOn: '2026-11-16',
      note: 'Outcomes kept; more SALT time proposed to the LA',
    });

    expect(held.status).toBe(200);
    expect(held.body.plan.details).toMatchObject({ lastReviewDate: '2026-11-16', nextReviewDate: null });
    expect(held.body.reviewDeadline).toBe('2027-11-15');
    expect(held.body.sync).toEqual({ created: 4, moved: 0 });
    const byStep = (await statutoryItems()).map((a) => [a.statutory!.cycle, a.statutory!.step, a.dueDate, a.status]);
    expect(byStep).toEqual(
      expect.arrayContaining([
        ['2025-11-25', 'review-meeting', '2026-11-16', 'done'],
        ['2025-11-25', 'review-report', '2026-11-30', 'open'],
        ['2025-11-25', 'review-la-decision', '2026-12-14', 'open'],
        ['2026-11-16', 'review-meeting', '2027-11-15', 'open'],
      ]),
    );
    const meeting = (await statutoryItems()).find((a) => a.statutory!.step === 'review-meeting' && a.status === 'done')!;
    expect(meeting.closingNote).toBe('Outcomes kept; more SALT time proposed to the LA');
    // The last review's report, decision and unsent invitations are still open: the panel asks for them.
    expect(held.body.earlierOpen.map((i: { description: string; dueDate: string }) => [i.description, i.dueDate])).toEqual([
      ['Send annual review invitations and circulate the advice gathered', '2026-11-02'],
      ['Send the annual review report to the local authority and everyone invited', '2026-11-30'],
      ['Decide after the annual review: keep, amend or cease the plan', '2026-12-14'],
    ]);
  });

  it('lists the statutory steps for the check-in: missed, at risk and coming up in six weeks, for the SEND team only', async () => {
    await save(0, issued);
    await app.repo.createMany([buildNewAction({ pupil: { id: pupilId, name: 'A.B.', yearGroup: 3 }, dueDate: '2026-11-01' })], lead);

    const lists = await call(app.baseUrl, 'GET', '/api/check-in/statutory');

    expect(lists.status).toBe(200);
    const words = (rows: { description: string; dueDate: string }[]) => rows.map((r) => `${r.dueDate} ${r.description}`);
    expect(lists.body.horizon).toBe('2027-01-01');
    expect(words(lists.body.missed)).toEqual([
      '2026-10-29 Send annual review invitations and circulate the advice gathered',
      '2026-11-12 Hold the annual review meeting',
    ]);
    expect(words(lists.body.atRisk)).toEqual(['2026-11-26 Send the annual review report to the local authority and everyone invited']);
    expect(words(lists.body.comingUp)).toEqual(['2026-12-10 Decide after the annual review: keep, amend or cease the plan']);

    const teacher = await startRegisterApp({ ...lead, id: 'teacher-1', sendTeam: false }, now);
    try {
      expect((await call(teacher.baseUrl, 'GET', '/api/check-in/statutory')).status).toBe(403);
    } finally {
      await teacher.close();
    }
  });

  it('refuses a stale version, dates out of order, a review held in the future and a save with no SENCO, changing nothing', async () => {
    await save(0, issued);
    const before = JSON.stringify(await statutoryItems());

    const stale = await save(0, { ...issued, nextReviewDate: '2026-11-19' });
    expect(stale.status).toBe(409);
    const disordered = await save(1, { ...issued, issueDate: '2025-06-01' });
    expect(disordered.status).toBe(400);
    expect(disordered.body.problems).toEqual([{ path: 'details.issueDate', message: 'must not be before the request for assessment' }]);
    const future = await call(app.baseUrl, 'POST', `/api/register/pupils/${pupilId}/ehc-plan/review-held`, {
      version: 1,
      heldOn: '2026-11-21',
      note: 'Booked',
    });
    expect(future.status).toBe(400);
    const staleHeld = await call(app.baseUrl, 'POST', `/api/register/pupils/${pupilId}/ehc-plan/review-held`, {
      version: 2,
      heldOn: '2026-11-16',
      note: 'Held',
    });
    expect(staleHeld.status).toBe(409);
    expect(JSON.stringify(await statutoryItems())).toBe(before);

    const noSenco = await startRegisterApp(lead, now);
    try {
      await noSenco.register.upsertMany(generatePrimaryRegister(3), { fullRoll: true, by: lead });
      const first = (await noSenco.register.list())[0]!.id;
      const refused = await call(noSenco.baseUrl, 'PUT', `/api/register/pupils/${first}/ehc-plan`, { version: 0, details: issued });
      expect(refused.status).toBe(400);
      expect(refused.body.problems[0].message).toMatch(/give the SENCO role to someone/);
      expect(await noSenco.plans.get(first)).toBeNull(); // nothing saved without an owner for its steps
    } finally {
      await noSenco.close();
    }
    expect((await call(app.baseUrl, 'GET', '/api/register/pupils/not-a-pupil/ehc-plan')).status).toBe(404);
  });

  it('lets nobody outside the SEND team read or change a plan, and nobody mark an item statutory by hand', async () => {
    await save(0, issued);
    const teacher = await startRegisterApp({ ...lead, id: 'teacher-1', sendTeam: false }, now);
    try {
      for (const [method, url, body] of [
        ['GET', `/api/register/pupils/${pupilId}/ehc-plan`, undefined],
        ['PUT', `/api/register/pupils/${pupilId}/ehc-plan`, { version: 0, details: issued }],
        ['POST', `/api/register/pupils/${pupilId}/ehc-plan/review-held`, { version: 1, heldOn: '2026-11-16', note: 'x' }],
      ] as const) {
        expect((await call(teacher.baseUrl, method, url, body)).status).toBe(403);
      }
    } finally {
      await teacher.close();
    }

    const forged = { ...buildNewAction(), statutory: { step: 'review-meeting', cycle: '2025-11-25' } };
    const refused = await call(app.baseUrl, 'POST', '/api/actions', { actions: [forged] });
    expect(refused.status).toBe(400);
    expect((await app.repo.query({ includeArchived: true })).filter((a: Action) => a.statutory)).toHaveLength(4);
  });
});
