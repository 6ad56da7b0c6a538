import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveTabFile } from '@/http/tab-static-routes';
import { startApp, type RunningApp } from '@tests/browser/support/start-app';

let app: RunningApp;
let tabDir: string;

beforeAll(async () => {
  tabDir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-tab-static-'));
  fs.mkdirSync(path.join(tabDir, 'assets'));
  fs.writeFileSync(path.join(tabDir, 'index.html'), '<!doctype html><title>tab</title>');
  fs.writeFileSync(path.join(tabDir, 'assets', 'index-abc123.js'), 'console.log(1)');
  fs.writeFileSync(path.join(tabDir, 'assets', 'index-abc123.css'), 'body{}');
  app = await startApp({ tabDir });
});
afterAll(async () => {
  await app.close();
  fs.rmSync(tabDir, { recursive: true, force: true });
});

describe('the built tab at /tab/', () => {
  it('serves hashed assets with their content type and a long immutable cache', async () => {
    const js = await fetch(`${app.url}/tab/assets/index-abc123.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${app.url}/tab/assets/index-abc123.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers the app routes and deep links with index.html, revalidated every time', async () => {
    for (const url of ['/tab/', '/tab/config', '/tab/?view=item&id=x']) {
      const response = await fetch(`${app.url}${url}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<title>tab</title>');
    }
  });

  it('answers HEAD with the same headers as GET', async () => {
    const response = await fetch(`${app.url}/tab/assets/index-abc123.js`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('redirects /tab to /tab/', async () => {
    const response = await fetch(`${app.url}/tab`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/tab/');
  });

  it('gives a missing asset a 404 rather than the page', async () => {
    expect((await fetch(`${app.url}/tab/assets/gone-000.js`)).status).toBe(404);
  });

  it('never resolves a path outside the tab folder', () => {
    expect(resolveTabFile(tabDir, '../../etc/passwd')).toBeNull();
    expect(resolveTabFile(tabDir, '%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveTabFile(tabDir, 'assets/index-abc123.js')).toBe(path.join(tabDir, 'assets', 'index-abc123.js'));
  });

  it('refuses an encoded traversal over HTTP', async () => {
    const response = await fetch(`${app.url}/tab/..%2f..%2fpackage.json`);
    expect([400, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('"dependencies"');
  });
});
