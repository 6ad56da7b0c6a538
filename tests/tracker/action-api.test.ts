import { buildNewAction, senco, teacher } from '@tests/support/factories';
import { call, startApp, type RunningApp } from '@tests/support/start-app';

describe('tracker REST API over HTTP', () => {
  let app: RunningApp;
  beforeEach(async () => {
    app = await startApp({ user: { ...senco, sendTeam: true }, now: () => new Date('2026-04-23T09:00:00Z') });
  });
  afterEach(() => app.close());

  it('creates actions, lists them and shows each one’s history', async () => {
    const created = await call(app.baseUrl, 'POST', '/api/actions', {
      actions: [buildNewAction(), buildNewAction({ dueDate: '2026-04-20' })],
    });
    expect(created.status).toBe(200);
    const list = await call(app.baseUrl, 'GET', '/api/actions');
    expect(list.body.actions.map((a: { dueDate: string }) => a.dueDate)).toEqual(['2026-04-20', '2026-05-01']);
    const history = await call(app.baseUrl, 'GET', `/api/actions/${created.body.actions[0].id}/history`);
    expect(history.body.history[0]).toMatchObject({ kind: 'created', actor: { id: senco.id } });
  });

  it('answers a stale version with 409 and the current version, leaving the item as it was', async () => {
    const [action] = await app.repo.createMany([buildNewAction()], senco);
    await call(app.baseUrl, 'PATCH', `/api/actions/${action!.id}`, { version: 1, patch: { status: 'in_progress' } });
    const stale = await call(app.baseUrl, 'PATCH', `/api/actions/${action!.id}`, { version: 1, patch: { status: 'waiting' } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: 'conflict', currentVersion: 2 });
    expect((await app.repo.get(action!.id)).status).toBe('in_progress');
  });

  it('rejects a bad body with 400 naming the fields, and writes nothing', async () => {
    const res = await call(app.baseUrl, 'POST', '/api/actions', { actions: [buildNewAction({ dueDate: '31/02/2026' })] });
    expect(res.status).toBe(400);
    expect(res.body.problems).toEqual([expect.objectContaining({ path: 'actions.0.dueDate' })]);
    expect(await app.repo.query({ includeArchived: true })).toEqual([]);
  });

  it('rejects a malformed JSON body and unknown query parameters with 400', async () => {
    const res = await fetch(`${app.baseUrl}/api/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"actions": [',
    });
    expect(res.status).toBe(400);
    expect((await call(app.baseUrl, 'GET', '/api/actions?colour=red')).status).toBe(400);
    expect((await call(app.baseUrl, 'GET', '/api/actions?status=overdue')).status).toBe(400);
  });

  it('closes to the archive and reopens through the API', async () => {
    const [action] = await app.repo.createMany([buildNewAction()], senco);
    const closed = await call(app.baseUrl, 'POST', `/api/actions/${action!.id}/close`, {
      version: 1,
      close: { status: 'done', note: 'Parent called' },
    });
    expect(closed.body).toMatchObject({ status: 'done', closingNote: 'Parent called' });
    expect((await call(app.baseUrl, 'GET', '/api/actions')).body.actions).toEqual([]);
    expect((await call(app.baseUrl, 'GET', '/api/actions?archived=true')).body.actions).toHaveLength(1);
    expect((await call(app.baseUrl, 'GET', '/api/actions?archived=true&status=done,parked&q=parent')).body.total).toBe(1);
    const reopened = await call(app.baseUrl, 'POST', `/api/actions/${action!.id}/reopen`, { version: 2, note: 'Needs another call' });
    expect(reopened.body.status).toBe('open');
  });

  it('serves the weekly check-in buckets to the SEND team', async () => {
    await app.repo.createMany([buildNewAction({ dueDate: '2026-04-20' }), buildNewAction({ dueDate: '2026-04-25' })], senco);
    const res = await call(app.baseUrl, 'GET', '/api/check-in');
    expect(res.body.overdue).toMatchObject({ total: 1, items: [{ dueDate: '2026-04-20' }] });
    expect(res.body.dueThisWeek).toMatchObject({ total: 1, items: [{ dueDate: '2026-04-25' }] });
    expect(res.body.waiting).toEqual({ total: 0, items: [] });
  });

  it('pages the list on the server: 50 rows by default, the total, search and sort, and only the fields a row shows', async () => {
    const inputs = Array.from({ length: 60 }, (_, i) =>
      buildNewAction({
        description: `Step ${i}`,
        decision: 'Agreed in the review',
        dueDate: `2026-05-${String((i % 28) + 1).padStart(2, '0')}`,
      }),
    );
    await app.repo.createMany(inputs, senco);
    const first = await call(app.baseUrl, 'GET', '/api/actions');
    expect(first.body).toMatchObject({ total: 60, offset: 0, limit: 50 });
    expect(first.body.actions).toHaveLength(50);
    expect(Object.keys(first.body.actions[0]).sort()).toEqual(
      ['closedAt', 'description', 'dueDate', 'id', 'itemType', 'nextReviewDate', 'owner', 'pupil', 'status', 'updatedAt', 'version'].sort(),
    );
    const rest = await call(app.baseUrl, 'GET', '/api/actions?offset=50&limit=50');
    expect(rest.body.actions).toHaveLength(10);
    expect(new Set([...first.body.actions, ...rest.body.actions].map((a: { id: string }) => a.id)).size).toBe(60);
    const found = await call(app.baseUrl, 'GET', '/api/actions?q=STEP%205&sort=dueDate&dir=desc&limit=5');
    expect(found.body.total).toBe(11); // Step 5 and Step 50–59
    expect(found.body.actions.map((a: { dueDate: string }) => a.dueDate)).toEqual(
      [...found.body.actions.map((a: { dueDate: string }) => a.dueDate)].sort().reverse(),
    );
    const whole = await call(app.baseUrl, 'GET', '/api/actions?detail=full&limit=1');
    expect(whole.body.actions[0]).toMatchObject({ decision: 'Agreed in the review', createdBy: { id: senco.id } });
  });

  it('refuses a page it cannot give with 400, and pages one check-in list', async () => {
    for (const query of ['limit=500', 'limit=0', 'limit=ten', 'offset=-1', 'sort=colour', 'bucket=someday', 'detail=everything']) {
      expect([query, (await call(app.baseUrl, 'GET', `/api/actions?${query}`)).status]).toEqual([query, 400]);
    }
    await app.repo.createMany(
      Array.from({ length: 30 }, () => buildNewAction({ dueDate: '2026-04-01' })),
      senco,
    );
    const more = await call(app.baseUrl, 'GET', '/api/actions?bucket=overdue&offset=25');
    expect(more.body).toMatchObject({ total: 30, offset: 25 });
    expect(more.body.actions).toHaveLength(5);
  });

  it('gives the filter pickers the pupils and owners of a scope, once', async () => {
    await app.repo.createMany(
      [buildNewAction(), buildNewAction({ pupil: { id: 'p-2', name: 'A.K.', yearGroup: 2 }, owner: senco })],
      senco,
    );
    const facets = await call(app.baseUrl, 'GET', '/api/actions/facets');
    expect(facets.body.pupils.map((p: { name: string }) => p.name)).toEqual(['A.K.', 'J.B.']);
    expect(facets.body.owners.map((p: { name: string }) => p.name)).toEqual(['Priya Shah', 'Tom Reed']);
    expect((await call(app.baseUrl, 'GET', '/api/actions/facets?scope=archive')).body).toEqual({ pupils: [], owners: [] });
    expect((await call(app.baseUrl, 'GET', '/api/actions/facets?scope=everything')).status).toBe(400);
  });
});

describe('tracker REST API access for staff outside the SEND team', () => {
  let app: RunningApp;
  beforeEach(async () => {
    app = await startApp({ user: { ...teacher, sendTeam: false } });
  });
  afterEach(() => app.close());

  it('shows a teacher only the actions they own or created, and hides others as not found', async () => {
    const [theirs, other] = await app.repo.createMany([buildNewAction({ owner: teacher }), buildNewAction({ owner: senco })], senco);
    const list = await call(app.baseUrl, 'GET', '/api/actions');
    expect(list.body.actions.map((a: { id: string }) => a.id)).toEqual([theirs!.id]);
    expect((await call(app.baseUrl, 'GET', `/api/actions/${other!.id}`)).status).toBe(404);
    const change = await call(app.baseUrl, 'PATCH', `/api/actions/${other!.id}`, { version: 1, patch: { status: 'waiting' } });
    expect(change.status).toBe(404);
    expect((await app.repo.get(other!.id)).version).toBe(1);
  });

  it('refuses the weekly check-in and reopening to staff outside the SEND team', async () => {
    expect((await call(app.baseUrl, 'GET', '/api/check-in')).status).toBe(403);
    const [own] = await app.repo.createMany([buildNewAction({ owner: teacher })], senco);
    await app.repo.close(own!.id, 1, { status: 'done', note: 'Called' }, teacher);
    expect((await call(app.baseUrl, 'POST', `/api/actions/${own!.id}/reopen`, { version: 2, note: 'Again' })).status).toBe(403);
    expect((await app.repo.get(own!.id)).status).toBe('done');
  });
});
