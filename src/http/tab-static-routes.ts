import fs from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '@/platform/logger';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Vite puts content-hashed files under `assets/`: their URL changes with their content, so cache them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current hashed files, so it must always be revalidated. */
const REVALIDATE = 'no-cache';

export interface TabStaticDeps {
  /** The built tab (Vite `outDir`), e.g. `dist/tab`. */
  tabDir: string;
  logger: Logger;
}

/** Resolves `/tab/<rest>` inside `tabDir`, or null when it would escape it (`..`, encoded or not). */
export function resolveTabFile(tabDir: string, rest: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const root = path.resolve(tabDir);
  const file = path.resolve(root, `.${path.posix.sep}${decoded}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

async function readFile(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR') return null;
    throw error;
  }
}

/** The build's pre-compressed copies (vite-plugin-compression2), in the order they are preferred. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** Sends `file`, or its brotli or gzip copy from the build when the browser accepts one. */
async function sendFile(req: Request, res: Response, file: string, plain: Buffer, headers: Record<string, string>): Promise<void> {
  const base = { ...headers, 'X-Content-Type-Options': 'nosniff', Vary: 'Accept-Encoding' };
  for (const { name, suffix } of ENCODINGS) {
    if (!req.acceptsEncoding(name)) continue;
    const packed = await readFile(file + suffix);
    if (packed) {
      res.sendRaw(200, packed, { ...base, 'Content-Encoding': name });
      return;
    }
  }
  res.sendRaw(200, plain, base);
}

/**
 * Serves the built tab at `/tab/*`. Unknown paths without a file extension (`/tab/config`, deep
 * links) get index.html, the single-page app decides the view; a missing asset is a plain 404.
 */
export function registerTabStaticRoutes(server: Server, { tabDir, logger }: TabStaticDeps): void {
  server.get('/tab', async (_req: Request, res: Response) => {
    res.sendRaw(301, '', { Location: '/tab/' });
  });

  const serveTab = async (req: Request, res: Response): Promise<void> => {
    try {
      const rest = (req.params as Record<string, string>)['*'] ?? '';
      const file = resolveTabFile(tabDir, rest);
      if (!file) {
        res.sendRaw(400, 'Bad path', { 'Content-Type': 'text/plain; charset=utf-8' });
        return;
      }
      const ext = path.extname(file);
      const asset = ext ? await readFile(file) : null;
      if (asset) {
        await sendFile(req, res, file, asset, {
          'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
          'Cache-Control': rest.startsWith('assets/') ? IMMUTABLE : REVALIDATE,
        });
        return;
      }
      if (ext && ext !== '.html') {
        res.sendRaw(404, 'Not found', { 'Content-Type': 'text/plain; charset=utf-8' });
        return;
      }
      const indexFile = path.join(tabDir, 'index.html');
      const index = await readFile(indexFile);
      if (!index) {
        res.sendRaw(404, 'The tab is not built yet: run `npm run build:tab`.', { 'Content-Type': 'text/plain; charset=utf-8' });
        return;
      }
      await sendFile(req, res, indexFile, index, { 'Content-Type': CONTENT_TYPES['.html']!, 'Cache-Control': REVALIDATE });
    } catch (error) {
      logger.error({ err: error instanceof Error ? { name: error.name, stack: error.stack } : String(error) }, 'tab file failed');
      res.sendRaw(500, 'Something went wrong.', { 'Content-Type': 'text/plain; charset=utf-8' });
    }
  };
  server.get('/tab/*', serveTab);
  // Node's HTTP server drops the body of a HEAD reply; the headers are what a HEAD asks for.
  server.head('/tab/*', serveTab);
}
