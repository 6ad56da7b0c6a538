import { buildNewAction } from '@tests/support/factories';
import { call, startApp, type RunningApp } from '@tests/support/start-app';

describe('size limits on the REST API', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.close());

  it('refuses a body over 256 KB with a 413 JSON error that says so, and writes nothing', async () => {
    const huge = { actions: [buildNewAction({ decision: 'x'.repeat(300 * 1024) })] };
    const res = await call(app.baseUrl, 'POST', '/api/actions', huge);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ message: expect.stringMatching(/exceeds|too large/i) });
    expect(await app.repo.query()).toHaveLength(0);
  });

  it('refuses an action text over 500 characters with a 400 naming the field, and writes nothing', async () => {
    const res = await call(app.baseUrl, 'POST', '/api/actions', { actions: [buildNewAction({ description: 'x'.repeat(501) })] });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('description');
    expect(await app.repo.query()).toHaveLength(0);
  });

  it('still answers normally after refusing an oversized body', async () => {
    const res = await call(app.baseUrl, 'POST', '/api/actions', { actions: [buildNewAction()] });
    expect(res.status).toBe(200);
    expect(await app.repo.query()).toHaveLength(1);
  });
});
