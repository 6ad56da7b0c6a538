import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');

/**
 * Builds the tab with the real Vite config into a fresh temp folder and returns it. Vite 8 is
 * ESM-only, which jest's CommonJS runtime cannot load, so it runs as its own process (~5 s).
 */
export async function buildTab(): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-tab-'));
  await run(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'tab/vite.config.ts',
      '--outDir',
      outDir,
      '--logLevel',
      'error',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    },
  );
  return outDir;
}
