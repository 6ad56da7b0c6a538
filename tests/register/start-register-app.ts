import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@/app/config';
import { createLogger } from '@/platform/logger';
import { createServer } from '@/app/create-server';
import { localIdentity, type User } from '@/http/identity';
import type { DocumentStore } from '@/kernel/ports/document-store';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { SqliteDocumentStore } from '@/storage/sqlite/sqlite-document-store';
import { SqliteEhcPlanRepository } from '@/storage/sqlite/sqlite-ehc-plan-repository';
import { SqliteInterventionRepository } from '@/storage/sqlite/sqlite-intervention-repository';
import { SqlitePassportRepository } from '@/storage/sqlite/sqlite-passport-repository';
import { SqliteRegisterRepository } from '@/storage/sqlite/sqlite-register-repository';
import { SqliteRoleDirectory } from '@/storage/sqlite/sqlite-role-directory';
import { listenOnLoopback } from '@tests/support/listen-on-loopback';

/** The real server on 127.0.0.1 with the register routes on a fresh SQLite file; every request is from `user`. */
export async function startRegisterApp(
  user: User,
  now: () => Date,
  options: {
    onImported?: () => void;
    retentionYears?: number;
    env?: Record<string, string>;
    /** Another document store (the SharePoint library over the stand-in) in place of the embedded one. */
    documents?: DocumentStore;
  } = {},
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-tracker-register-app-'));
  const { env, documents: documentStore, ...registerOptions } = options;
  const config = loadConfig({ DATA_DIR: dir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', DEMO_DATA: 'false', ...env });
  const db = openDatabase(config.databaseFile);
  const repo = new SqliteActionRepository(db, now);
  const register = new SqliteRegisterRepository(db, now);
  const interventions = new SqliteInterventionRepository(db, now);
  const roles = new SqliteRoleDirectory(db, now);
  const plans = new SqliteEhcPlanRepository(db, now);
  const documents = documentStore ?? new SqliteDocumentStore(db, path.join(dir, 'documents'), now);
  const server = createServer({
    config,
    repo,
    logger: createLogger('silent'),
    now,
    authenticate: localIdentity(user),
    register: {
      register,
      interventions,
      passports: new SqlitePassportRepository(db, now),
      ehcPlans: plans,
      documents,
      ...registerOptions,
    },
    roles: { roles },
  });
  const { port } = await listenOnLoopback(server);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    repo,
    register,
    roles,
    plans,
    documents,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
