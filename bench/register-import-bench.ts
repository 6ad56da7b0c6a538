import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startProvisionedSite } from '@tests/graph-stand-in/provisioned-site';
import { generatePrimaryRegister, simsCsv } from '@tests/register/generate-register';
import type { RegisterRepository } from '@/kernel/ports/register-repository';
import { importRegister, planRegisterImport, previewRegisterImport, type UploadedFile } from '@/register/import-register';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteRegisterRepository } from '@/storage/sqlite/sqlite-register-repository';

/** One import as the tab makes it: preview (mapping), the changes it will make, then the import. */
export interface ImportFigures {
  pupils: number;
  /** Wall time of the three steps for a register that is empty, then the same file again (nothing changes). */
  firstMs: number;
  againMs: number;
  /** Tenant mode: outer Graph requests (a `$batch` counts once) and the steps inside the batches, first import and again. */
  graph: { first: number; firstSteps: number; again: number; againSteps: number; minimumFirst: number };
}

const BY = { id: 'senco-1', name: 'Priya Shah' };

async function importOnce(register: RegisterRepository, file: UploadedFile): Promise<number> {
  const started = performance.now();
  const preview = await previewRegisterImport(file);
  await planRegisterImport(register, { file, mapping: preview.proposedMapping });
  await importRegister(register, { file, mapping: preview.proposedMapping, by: BY });
  return Math.round(performance.now() - started);
}

/**
 * A SIMS-style export of `pupils` imported into an empty SQLite register and through the real
 * SharePoint adapter against the Graph stand-in, and then the same file again. The floor for the
 * first import in tenant mode: one `$batch` of 20 creates per 20 pupils, plus one read of the list.
 */
export async function measureRegisterImport(pupils = 1000): Promise<ImportFigures> {
  const file: UploadedFile = { format: 'csv', text: simsCsv(generatePrimaryRegister(pupils)) };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-bench-register-'));
  const db = openDatabase(path.join(dir, 'register.db'));
  let firstMs: number;
  let againMs: number;
  try {
    const sqlite = new SqliteRegisterRepository(db);
    firstMs = await importOnce(sqlite, file);
    againMs = await importOnce(sqlite, file);
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const site = await startProvisionedSite();
  try {
    const register = site.registerStores().register;
    await register.list(); // a running app has resolved the list ids already
    const count = async () => {
      site.standIn.resetCounts();
      await importOnce(register, file);
      const requests = Object.values(site.standIn.requestCounts()).reduce((a, b) => a + b, 0);
      const steps = Object.values(site.standIn.batchedCounts()).reduce((a, b) => a + b, 0);
      return { requests, steps };
    };
    const first = await count();
    const again = await count();
    return {
      pupils,
      firstMs,
      againMs,
      graph: {
        first: first.requests,
        firstSteps: first.steps,
        again: again.requests,
        againSteps: again.steps,
        minimumFirst: Math.ceil(pupils / 20) + 1,
      },
    };
  } finally {
    await site.standIn.close();
  }
}
