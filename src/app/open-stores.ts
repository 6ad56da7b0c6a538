import path from 'node:path';
import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import type { ConversationReferenceStore } from '@/kernel/ports/conversation-reference-store';
import type { DigestLog } from '@/kernel/ports/digest-log';
import type { InterventionRepository } from '@/kernel/ports/intervention-repository';
import type { EhcPlanRepository } from '@/kernel/ports/ehc-plan-repository';
import type { PassportRepository } from '@/kernel/ports/passport-repository';
import type { DocumentStore } from '@/kernel/ports/document-store';
import type { RegisterRepository } from '@/kernel/ports/register-repository';
import type { ReminderLog } from '@/kernel/ports/reminder-log';
import type { ReminderRunLog } from '@/kernel/ports/reminder-run-log';
import type { RoleDirectory } from '@/kernel/ports/role-directory';
import { createLogger, type Logger } from '@/platform/logger';
import { OutboxActionRepository } from '@/storage/outbox/outbox-action-repository';
import { SqliteOutboxStore } from '@/storage/outbox/sqlite-outbox-store';
import { openTableOutbox } from '@/storage/outbox/open-table-outbox';
import { createRegisterStoresWithClient } from '@/storage/sharepoint/create-sharepoint-register-stores';
import { createGraphClientFromConfig } from '@/storage/sharepoint/create-sharepoint-repository';
import { createTaskStoresWithClient } from '@/storage/sharepoint/create-sharepoint-task-stores';
import { MsalClientCredentialsProvider } from '@/storage/sharepoint/msal-auth-provider';
import { SharePointActionRepository } from '@/storage/sharepoint/sharepoint-action-repository';
import { openDatabase } from '@/storage/sqlite/open-database';
import { SqliteActionRepository } from '@/storage/sqlite/sqlite-action-repository';
import { SqliteConversationReferenceStore } from '@/storage/sqlite/sqlite-conversation-reference-store';
import { SqliteDigestLog } from '@/storage/sqlite/sqlite-digest-log';
import { SqliteInterventionRepository } from '@/storage/sqlite/sqlite-intervention-repository';
import { SqliteEhcPlanRepository } from '@/storage/sqlite/sqlite-ehc-plan-repository';
import { SqlitePassportRepository } from '@/storage/sqlite/sqlite-passport-repository';
import { SqliteDocumentStore } from '@/storage/sqlite/sqlite-document-store';
import { SqliteRegisterRepository } from '@/storage/sqlite/sqlite-register-repository';
import { SqliteReminderLog } from '@/storage/sqlite/sqlite-reminder-log';
import { SqliteReminderRunLog } from '@/storage/sqlite/sqlite-reminder-run-log';
import { SqliteRoleDirectory } from '@/storage/sqlite/sqlite-role-directory';
import type { Config } from './config';

/** What the bot and the scheduled tasks keep between runs: exactly-once claims, run reports and proactive-chat references. */
export interface TaskStores {
  reminderLog: ReminderLog;
  reminderRuns: ReminderRunLog;
  digestLog: DigestLog;
  conversations: ConversationReferenceStore;
}

/** The register-side stores: the SEN register, interventions, passports, EHC plan records, the role table and pupils' documents. */
export interface RegisterStores {
  register: RegisterRepository;
  interventions: InterventionRepository;
  passports: PassportRepository;
  ehcPlans: EhcPlanRepository;
  roles: RoleDirectory;
  /** Pupils' documents: files under DATA_DIR/documents, or the SEND site's pupil records library. */
  documents: DocumentStore;
}

/** Every store of one instance, opened once from configuration. */
export interface Stores {
  actions: ActionRepository;
  tasks: TaskStores;
  /** Null in tenant mode without SharePoint: the register routes are then not served, so pupil data never sits outside the tenant. */
  register: RegisterStores | null;
  /** Tenant mode with SharePoint: the one app-only Graph sign-in (its token cache), for the digest's sendMail too. */
  graphAuth: AuthenticationProvider | null;
}

/**
 * Opens every store once. With SharePoint configured: one MSAL sign-in (one token cache) and one
 * Graph client shared by the actions, the task stores and the register-side stores, the actions
 * behind a durable outbox (a write Graph cannot take now is kept and replayed, never dropped): in
 * Table Storage when configured, so every instance shares it; otherwise a table in the local SQLite file.
 * Otherwise: one SQLite connection to the embedded database file for all of them (WAL).
 */
export function openStores(config: Config, now: () => Date, logger: Logger = createLogger('silent')): Stores {
  if (config.sharePoint) {
    const graphAuth = new MsalClientCredentialsProvider(config.sharePoint);
    const client = createGraphClientFromConfig(config.sharePoint, { authProvider: graphAuth });
    const { siteId, baseUrl } = config.sharePoint;
    const sharePoint = new SharePointActionRepository(client, { siteId, baseUrl, now });
    return {
      actions: new OutboxActionRepository(sharePoint, outboxFor(config), { logger }),
      tasks: createTaskStoresWithClient(client, siteId, baseUrl),
      register: createRegisterStoresWithClient(client, siteId, baseUrl, { now }),
      graphAuth,
    };
  }
  const db = openDatabase(config.databaseFile);
  return {
    actions: new SqliteActionRepository(db, now),
    tasks: {
      reminderLog: new SqliteReminderLog(db),
      reminderRuns: new SqliteReminderRunLog(db),
      digestLog: new SqliteDigestLog(db),
      conversations: new SqliteConversationReferenceStore(db),
    },
    register:
      config.mode === 'tenant'
        ? null
        : {
            register: new SqliteRegisterRepository(db, now),
            interventions: new SqliteInterventionRepository(db, now),
            passports: new SqlitePassportRepository(db, now),
            ehcPlans: new SqliteEhcPlanRepository(db, now),
            roles: new SqliteRoleDirectory(db, now),
            documents: new SqliteDocumentStore(db, path.join(config.dataDir, 'documents'), now),
          },
    graphAuth: null,
  };
}

/** The outbox in front of SharePoint: shared in Table Storage, or local beside the embedded file. */
function outboxFor(config: Config) {
  if (config.outboxTable) return openTableOutbox(config.outboxTable, config.bot?.clientId ?? null);
  return new SqliteOutboxStore(openDatabase(config.databaseFile));
}
