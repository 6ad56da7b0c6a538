import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type restify from 'restify';
import { demoRoles } from '@/app/demo/demo-context';
import { deepLinks } from '@/digest/deep-links';
import { OutboxMailSender } from '@/digest/outbox-mail-sender';
import { seedDemoData } from '@/app/demo/seed-demo-data';
import { DEMO_SCHOOL_NAME, DEMO_STAFF } from '@/app/demo/school';
import type { NewActionInput } from '@/kernel/action';
import type { DocumentStore } from '@/kernel/ports/document-store';
import { loadConfig } from '@/app/config';
import { createLogger } from '@/platform/logger';
import { createServer } from '@/app/create-server';
import { seedRolesIfEmpty } from '@/roles/seed-roles';
import { localIdentity, type User } from '@/http/identity';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { SqliteDigestLog } from '@/storage/sqlite/sqlite-digest-log';
import { SqliteDocumentStore } from '@/storage/sqlite/sqlite-document-store';
import { SqliteEhcPlanRepository } from '@/storage/sqlite/sqlite-ehc-plan-repository';
import { SqliteInterventionRepository } from '@/storage/sqlite/sqlite-intervention-repository';
import { SqlitePassportRepository } from '@/storage/sqlite/sqlite-passport-repository';
import { SqliteRegisterRepository } from '@/storage/sqlite/sqlite-register-repository';
import { SqliteRoleDirectory } from '@/storage/sqlite/sqlite-role-directory';
import { WeeklyDigestTask } from '@/digest/weekly-digest-task';
import { createReminderTask } from '@/app/reminder-wiring';
import { loadReminderConfig } from '@/reminders/reminder-config';
import { SqliteConversationReferenceStore } from '@/storage/sqlite/sqlite-conversation-reference-store';
import { SqliteReminderLog } from '@/storage/sqlite/sqlite-reminder-log';
import { SqliteReminderRunLog } from '@/storage/sqlite/sqlite-reminder-run-log';
import { listenOnLoopback } from '@tests/support/listen-on-loopback';

export interface RunningApp {
  url: string;
  repo: SqliteActionRepository;
  /** The SEN register, interventions and profiles, in the same SQLite file (as `npm start` has them). */
  register: SqliteRegisterRepository;
  interventions: SqliteInterventionRepository;
  /** The role table (role word -> person), seeded with the demo school's roles as `npm start` seeds it. */
  roles: SqliteRoleDirectory;
  /** Pupils' documents: files under the data folder, metadata in the same SQLite file (or the store given). */
  documents: DocumentStore;
  /** The weekly digest, writing .eml files to the outbox as embedded mode does. */
  digest: WeeklyDigestTask;
  close: () => Promise<void>;
}

export interface StartAppOptions {
  tabDir: string;
  /** Who the local identity is (default: the demo SENCO, in the SEND team). */
  user?: User;
  /** Extra actions to store after the demo data, e.g. thousands for a benchmark. */
  extra?: NewActionInput[];
  now?: () => Date;
  /** Another document store in place of the embedded one: the SEND site's library over the Graph stand-in. */
  documents?: DocumentStore;
}

/**
 * The real server on 127.0.0.1 (port 0) over a fresh SQLite file holding the demo school, with the
 * register, intervention, profile, EHC plan, role, digest and reminder routes wired as `npm start` wires them.
 */
export async function startApp({
  tabDir,
  user,
  extra = [],
  now = () => new Date(),
  documents: documentStore,
}: StartAppOptions): Promise<RunningApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-data-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0' });
  const db = openDatabase(config.databaseFile);
  const repo = new SqliteActionRepository(db, now);
  await seedDemoData(repo, now());
  for (let i = 0; i < extra.length; i += 200) await repo.createMany(extra.slice(i, i + 200), DEMO_STAFF.senco);
  const logger = createLogger('silent');
  const register = new SqliteRegisterRepository(db, now);
  const interventions = new SqliteInterventionRepository(db, now);
  const roles = new SqliteRoleDirectory(db, now);
  const documents = documentStore ?? new SqliteDocumentStore(db, path.join(dataDir, 'documents'), now);
  await seedRolesIfEmpty(roles, demoRoles());
  const outbox = new OutboxMailSender(
    path.join(dataDir, 'outbox'),
    { name: 'SEND Tracker', email: 'send-tracker@send-tracker.invalid' },
    now,
  );
  const links = deepLinks({ publicUrl: config.publicUrl });
  const digest = new WeeklyDigestTask({
    repo,
    log: new SqliteDigestLog(db),
    sender: outbox,
    links,
    lead: DEMO_STAFF.senco,
    schoolName: DEMO_SCHOOL_NAME,
    logger,
  });
  const server: restify.Server = createServer({
    config,
    repo,
    register: {
      register,
      interventions,
      passports: new SqlitePassportRepository(db, now),
      ehcPlans: new SqliteEhcPlanRepository(db, now),
      documents,
    },
    roles: { roles },
    digest: { task: digest, links, schoolName: DEMO_SCHOOL_NAME, outbox, taskKey: null },
    // As on a laptop: nobody has opened the bot, so every owner is one the run cannot message directly.
    reminders: {
      reminderTask: createReminderTask(config, loadReminderConfig('embedded', {}, DEMO_STAFF.senco), repo, logger, {
        reminderLog: new SqliteReminderLog(db),
        reminderRuns: new SqliteReminderRunLog(db),
        conversations: new SqliteConversationReferenceStore(db),
      }),
      taskKey: null,
    },
    logger,
    now,
    authenticate: localIdentity(user ?? { ...DEMO_STAFF.senco, sendTeam: true }),
    tabDir,
  });
  const { port } = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    repo,
    register,
    interventions,
    roles,
    documents,
    digest,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
