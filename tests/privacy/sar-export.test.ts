import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type restify from 'restify';
import { loadConfig } from '@/app/config';
import { createLogger } from '@/platform/logger';
import { entraSso } from '@/http/auth/entra-sso';
import { createServer } from '@/app/create-server';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { buildNewAction, senco, teacher } from '@tests/support/factories';
import { APP_ID_URI, CLIENT_ID, LocalEntra, TENANT } from '@tests/support/local-entra';
import { listenOnLoopback } from '@tests/support/listen-on-loopback';

const SEND_GROUP = 'group-send-team';
const JB = { id: 'pupil-jb', name: 'J.B.', yearGroup: 4 };
const AK = { id: 'pupil-ak', name: 'A.K.', yearGroup: 2 };

describe('GET /api/pupils/:pupilId/export (subject access request)', () => {
  let entra: LocalEntra;
  let server: restify.Server;
  let repo: SqliteActionRepository;
  let base: string;
  let dir: string;
  let sencoToken: string;
  let teacherToken: string;

  beforeAll(async () => {
    entra = await new LocalEntra().start();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-sar-'));
    const config = loadConfig({ DATA_DIR: dir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent' });
    const now = () => new Date('2026-04-23T09:00:00Z');
    repo = new SqliteActionRepository(openDatabase(config.databaseFile), now);
    const deps = {
      repo,
      logger: createLogger('silent'),
      now,
      authenticate: entraSso({
        tenantIds: [TENANT],
        audiences: [CLIENT_ID, APP_ID_URI],
        jwksUri: () => entra.jwksUri,
        sendTeamGroupIds: [SEND_GROUP],
        sendTeamUserIds: [],
      }),
    };
    server = createServer({ config, ...deps });
    base = `${(await listenOnLoopback(server)).url}`;
    sencoToken = entra.sign({ oid: senco.id, name: senco.name, preferred_username: senco.email, groups: [SEND_GROUP] });
    teacherToken = entra.sign({ oid: teacher.id, name: teacher.name, preferred_username: teacher.email });
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await entra.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = async (token: string | null, url: string) => {
    const res = await fetch(base + url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('gives the SEND team every action about the pupil, archived ones included, each with its full history, and nothing about other pupils', async () => {
    const [open, archived] = await repo.createMany(
      [buildNewAction({ pupil: JB, description: 'Phone parent' }), buildNewAction({ pupil: JB, description: 'Share the passport' })],
      senco,
    );
    await repo.createMany([buildNewAction({ pupil: AK, description: 'Not about J.B.' })], senco);
    await repo.update(open!.id, 1, { status: 'in_progress' }, teacher);
    await repo.close(archived!.id, 1, { status: 'done', note: 'Shared with parents' }, senco);

    const res = await get(sencoToken, `/api/pupils/${JB.id}/export`);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      pupilId: JB.id,
      exportedAt: '2026-04-23T09:00:00.000Z',
      exportedBy: { id: senco.id, name: senco.name },
    });
    const byDescription = Object.fromEntries(res.body.actions.map((e: any) => [e.action.description, e]));
    expect(Object.keys(byDescription).sort()).toEqual(['Phone parent', 'Share the passport']);
    expect(byDescription['Phone parent'].history.map((h: any) => h.kind)).toEqual(['created', 'updated']);
    expect(byDescription['Share the passport'].action.status).toBe('done');
    expect(byDescription['Share the passport'].history.map((h: any) => h.kind)).toEqual(['created', 'closed']);
  });

  it('refuses staff outside the SEND team with 403, even for a pupil whose action they own', async () => {
    await repo.createMany([buildNewAction({ pupil: JB, owner: teacher })], senco);
    const res = await get(teacherToken, `/api/pupils/${JB.id}/export`);
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).not.toContain('Phone parent');
  });

  it('refuses a caller without a valid token with 401', async () => {
    expect((await get(null, `/api/pupils/${JB.id}/export`)).status).toBe(401);
    expect(
      (await get(entra.sign({ groups: [SEND_GROUP], exp: Math.floor(Date.now() / 1000) - 3600 }), `/api/pupils/${JB.id}/export`)).status,
    ).toBe(401);
  });

  it('answers a pupil the tracker holds nothing about with an empty export', async () => {
    const res = await get(sencoToken, '/api/pupils/pupil-unknown/export');
    expect(res.status).toBe(200);
    expect(res.body.actions).toEqual([]);
  });
});
