import fs from 'node:fs';
import os from 'node:os';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { resolveTabFile } from '@/http/tab-static-routes';
import { startApp, type RunningApp } from '@tests/browser/support/start-app';

const SCRIPT = `console.log(${JSON.stringify('the tab '.repeat(200))})`;

/** A GET with exactly these headers, and the bytes as they came over the wire (fetch would decode them). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

let app: RunningApp;
let tabDir: string;

beforeAll(async () => {
  tabDir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-tab-static-'));
  fs.mkdirSync(path.join(tabDir, 'assets'));
  fs.writeFileSync(path.join(tabDir, 'index.html'), '<!doctype html><title>tab</title>');
  fs.writeFileSync(path.join(tabDir, 'assets', 'index-abc123.js'), SCRIPT);
  fs.writeFileSync(path.join(tabDir, 'assets', 'index-abc123.css'), 'body{}');
  // As the build leaves them (vite-plugin-compression2): a brotli and a gzip copy beside the asset.
  fs.writeFileSync(path.join(tabDir, 'assets', 'index-abc123.js.br'), zlib.brotliCompressSync(SCRIPT));
  fs.writeFileSync(path.join(tabDir, 'assets', 'index-abc123.js.gz'), zlib.gzipSync(SCRIPT));
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

  it('sends the build’s brotli copy to a browser that takes it, gzip to one that takes only that, and the file to others', async () => {
    const url = `${app.url}/tab/assets/index-abc123.js`;
    const br = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers).toMatchObject({
      'content-encoding': 'br',
      vary: 'Accept-Encoding',
      'cache-control': 'public, max-age=31536000, immutable',
    });
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    expect(br.body.length).toBeLessThan(SCRIPT.length / 10);
    const gz = await rawGet(url, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(SCRIPT);
    const plain = await rawGet(url, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('gzips the tab API’s JSON for a browser that takes it', async () => {
    const res = await rawGet(`${app.url}/api/actions`, { 'accept-encoding': 'gzip, br' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(res.body).toString())).toMatchObject({ offset: 0, limit: 50 });
    const plain = await rawGet(`${app.url}/api/actions`, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString())).toMatchObject({ offset: 0, limit: 50 });
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
