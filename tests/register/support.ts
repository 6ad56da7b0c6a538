import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/storage/sqlite/open-database';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-tracker-register-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** A fresh SQLite file (real file, WAL, migrations applied) for one test. */
export function freshDatabase() {
  return openDatabase(path.join(dir, `register-${++n}.db`));
}
