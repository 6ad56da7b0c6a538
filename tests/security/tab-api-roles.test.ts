import { entraSso } from '@/http/auth/entra-sso';
import { buildNewAction, senco } from '@tests/support/factories';
import { APP_ID_URI, CLIENT_ID, LocalEntra, TENANT } from '@tests/support/local-entra';
import { startApp, type RunningApp } from '@tests/support/start-app';

const TEACHER_OID = 'aaaaaaaa-0000-4000-8000-000000000002';
const SEND_GROUP = 'group-send-team';

describe('tab API with Teams SSO tokens: who sees and changes what', () => {
  let entra: LocalEntra;
  let app: RunningApp;
  let teacherToken: string;
  let sencoToken: string;

  beforeAll(async () => {
    entra = await new LocalEntra().start();
    app = await startApp({
      authenticate: entraSso({
        tenantIds: [TENANT],
        audiences: [CLIENT_ID, APP_ID_URI],
        jwksUri: () => entra.jwksUri,
        sendTeamGroupIds: [SEND_GROUP],
        sendTeamUserIds: [],
      }),
    });
    teacherToken = entra.sign({ oid: TEACHER_OID });
    sencoToken = entra.sign({ oid: senco.id, name: senco.name, preferred_username: senco.email, groups: [SEND_GROUP] });
  });
  afterAll(async () => {
    await app.close();
    await entra.stop();
  });

  const request = async (token: string | null, method: string, url: string, body?: unknown) => {
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(app.baseUrl + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('refuses every API route without a valid token', async () => {
    const [action] = await app.repo.createMany([buildNewAction()], senco);
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/me'],
      ['GET', '/api/actions'],
      ['GET', '/api/check-in'],
      ['GET', '/api/actions/facets'],
      ['GET', '/api/actions/changes'],
      ['GET', `/api/actions/${action!.id}`],
      ['GET', `/api/actions/${action!.id}/history`],
      ['POST', '/api/actions', { actions: [buildNewAction()] }],
      ['PATCH', `/api/actions/${action!.id}`, { version: 1, patch: { status: 'waiting' } }],
      ['POST', `/api/actions/${action!.id}/close`, { version: 1, close: { status: 'done', note: 'x' } }],
      ['POST', `/api/actions/${action!.id}/reopen`, { version: 1, note: 'x' }],
    ];
    for (const [method, url, body] of routes) {
      expect({ route: `${method} ${url}`, status: (await request(null, method, url, body)).status }).toEqual({
        route: `${method} ${url}`,
        status: 401,
      });
    }
    expect((await app.repo.get(action!.id)).version).toBe(1);
  });

  it('lets a teacher see and update only their own action; another id is not found and unchanged', async () => {
    const mine = buildNewAction({ owner: { id: TEACHER_OID, name: 'Tom Reed', email: 't.reed@oakfield.example' } });
    const [own, others] = await app.repo.createMany([mine, buildNewAction({ owner: senco })], senco);

    const list = await request(teacherToken, 'GET', '/api/actions');
    expect(list.body.actions.map((a: { id: string }) => a.id)).toContain(own!.id);
    expect(list.body.actions.map((a: { id: string }) => a.id)).not.toContain(others!.id);
    expect(list.body.total).toBe(1); // the count is theirs too: it says nothing of items they may not see
    const facets = await request(teacherToken, 'GET', '/api/actions/facets?scope=all');
    expect(facets.body.owners.map((o: { id: string }) => o.id)).toEqual([TEACHER_OID]);
    const searched = await request(teacherToken, 'GET', `/api/actions?q=${encodeURIComponent('Phone parent')}&detail=full`);
    expect(searched.body.actions.map((a: { id: string }) => a.id)).toEqual([own!.id]);
    expect((await request(teacherToken, 'GET', '/api/actions?bucket=overdue')).status).toBe(403);

    expect((await request(teacherToken, 'GET', `/api/actions/${others!.id}`)).status).toBe(404);
    expect((await request(teacherToken, 'GET', `/api/actions/${others!.id}/history`)).status).toBe(404);
    expect((await request(teacherToken, 'PATCH', `/api/actions/${others!.id}`, { version: 1, patch: { status: 'waiting' } })).status).toBe(
      404,
    );
    expect(
      (await request(teacherToken, 'POST', `/api/actions/${others!.id}/close`, { version: 1, close: { status: 'done', note: 'x' } }))
        .status,
    ).toBe(404);
    expect((await app.repo.get(others!.id)).version).toBe(1);

    const updated = await request(teacherToken, 'PATCH', `/api/actions/${own!.id}`, { version: 1, patch: { status: 'in_progress' } });
    expect(updated.body).toMatchObject({ status: 'in_progress', updatedBy: { id: TEACHER_OID } });
    expect((await request(teacherToken, 'GET', '/api/check-in')).status).toBe(403);

    // The live feed tells them of their own item changing, never of someone else's.
    const { cursor } = (await request(teacherToken, 'GET', '/api/actions/changes')).body;
    await app.repo.update(others!.id, 1, { note: 'Not theirs' }, senco);
    const quiet = await request(teacherToken, 'GET', `/api/actions/changes?cursor=${encodeURIComponent(cursor)}`);
    expect(quiet.body.ids).toEqual([]);
    await app.repo.update(own!.id, 2, { note: 'Theirs' }, senco);
    const theirs = await request(teacherToken, 'GET', `/api/actions/changes?cursor=${encodeURIComponent(quiet.body.cursor)}`);
    expect(theirs.body.ids).toEqual([own!.id]);
  });

  it('lets the SEND team see and change everything, recording who did it', async () => {
    const [action] = await app.repo.createMany([buildNewAction()], senco);
    const updated = await request(sencoToken, 'PATCH', `/api/actions/${action!.id}`, { version: 1, patch: { note: 'Chased by email' } });
    expect(updated.status).toBe(200);
    const history = await request(sencoToken, 'GET', `/api/actions/${action!.id}/history`);
    expect(history.body.history.at(-1)).toMatchObject({
      actor: { id: senco.id },
      changes: [{ field: 'lastNote', from: null, to: 'Chased by email' }],
    });
    expect((await request(sencoToken, 'GET', '/api/check-in')).status).toBe(200);
  });
});
