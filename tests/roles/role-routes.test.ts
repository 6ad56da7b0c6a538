import type restify from 'restify';
import { loadConfig } from '@/app/config';
import { createLogger } from '@/platform/logger';
import { storedSchoolDirectory } from '@/app/bot-wiring';
import { createServer } from '@/app/create-server';
import type { Authenticate } from '@/http/identity';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { SqliteRegisterRepository } from '@/storage/sqlite/sqlite-register-repository';
import { SqliteRoleDirectory } from '@/storage/sqlite/sqlite-role-directory';
import { assistant, senco, teacher } from '@tests/support/factories';
import { listenOnLoopback } from '@tests/support/listen-on-loopback';

/** The caller is chosen per request by a header, as two signed-in people would be. */
const authenticate: Authenticate = async (headers) =>
  headers['x-test-user'] === 'teacher' ? { ...teacher, sendTeam: false } : { ...senco, sendTeam: true };

describe('role table routes over HTTP', () => {
  let server: restify.Server;
  let url: string;
  let roles: SqliteRoleDirectory;
  let directory: ReturnType<typeof storedSchoolDirectory>;
  let clock: Date;

  beforeEach(async () => {
    clock = new Date('2026-04-20T08:00:00Z');
    const db = openDatabase(':memory:');
    const config = loadConfig({ DATA_DIR: '.', DEMO_DATA: 'false', LOG_LEVEL: 'silent' });
    roles = new SqliteRoleDirectory(db, () => clock);
    directory = storedSchoolDirectory(config, { register: new SqliteRegisterRepository(db), roles });
    server = createServer({
      config,
      repo: new SqliteActionRepository(db),
      logger: createLogger('silent'),
      now: () => clock,
      authenticate,
      roles: { roles, onChange: () => directory.invalidate() },
    });
    url = `${(await listenOnLoopback(server)).url}`;
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const call = async (method: string, path: string, body?: unknown, user = 'senco') => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-test-user': user },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: await res.json() };
  };

  it('lets the SEND team set a role and read it back, recording who changed it and when', async () => {
    const put = await call('PUT', '/api/roles', { role: 'Attendance Lead', person: assistant });
    expect(put).toEqual({
      status: 200,
      body: { role: 'attendance lead', person: assistant, updatedBy: senco, updatedAt: '2026-04-20T08:00:00.000Z' },
    });

    expect((await call('GET', '/api/roles')).body).toEqual({ roles: [put.body] });
    expect((await call('GET', '/api/roles/history')).body).toEqual({
      changes: [{ role: 'attendance lead', person: assistant, previous: null, actor: senco, at: '2026-04-20T08:00:00.000Z' }],
    });
  });

  it('refuses a teacher outside the SEND team with 403, for reading and for changing, and changes nothing', async () => {
    expect((await call('GET', '/api/roles', undefined, 'teacher')).status).toBe(403);
    expect((await call('GET', '/api/roles/history', undefined, 'teacher')).status).toBe(403);
    const put = await call('PUT', '/api/roles', { role: 'senco', person: teacher }, 'teacher');
    expect(put.status).toBe(403);
    expect(await roles.list()).toEqual([]);
    expect(await roles.history()).toEqual([]);
  });

  it('rejects a body with a bad email or an unknown field with 400 naming the field', async () => {
    const bad = await call('PUT', '/api/roles', { role: 'senco', person: { ...senco, email: 'nope' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.problems)).toContain('person.email');
    expect((await call('PUT', '/api/roles', { role: 'senco', person: senco, extra: 1 })).status).toBe(400);
    expect(await roles.list()).toEqual([]);
  });

  it('makes a change visible to this instance’s bot at once, not after the cache time', async () => {
    await call('PUT', '/api/roles', { role: 'senco', person: senco });
    expect((await directory.current()).roles.senco).toEqual(senco);

    await call('PUT', '/api/roles', { role: 'senco', person: teacher });

    expect((await directory.current()).roles.senco).toEqual(teacher);
  });
});
