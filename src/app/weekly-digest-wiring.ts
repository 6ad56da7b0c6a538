import path from 'node:path';
import { deepLinks } from '@/digest/deep-links';
import { GraphMailSender } from '@/digest/graph-mail-sender';
import type { MailSender } from '@/kernel/ports/mail-sender';
import { OutboxMailSender } from '@/digest/outbox-mail-sender';
import type { Config } from '@/app/config';
import type { Logger } from '@/platform/logger';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import { MsalClientCredentialsProvider } from '@/storage/sharepoint/msal-auth-provider';
import type { DigestConfig } from '@/digest/digest-config';
import { WeeklyDigestTask } from '@/digest/weekly-digest-task';
import type { Stores, TaskStores } from './open-stores';
import type { DigestRouteDeps } from '@/digest/digest-routes';

const GRAPH_V1 = 'https://graph.microsoft.com/v1.0';

export interface WeeklyDigestWiring {
  task: WeeklyDigestTask;
  /** What createServer needs for the digest routes. */
  routes: Pick<DigestRouteDeps, 'task' | 'links' | 'schoolName' | 'outbox' | 'taskKey'>;
}

/**
 * Builds the digest from configuration. Embedded mode: .eml files in `<DATA_DIR>/outbox`.
 * Tenant mode: Graph sendMail from DIGEST_MAILBOX with the app registration's token; the app needs
 * the `Mail.Send` application permission, scoped to that one mailbox with Exchange RBAC for
 * Applications (see docs in the report / README), never tenant-wide.
 * The send log is one of the task stores (SharePoint beside the actions, or the embedded database).
 */
export function createWeeklyDigest(
  config: Config,
  digest: DigestConfig,
  repo: ActionRepository,
  logger: Logger,
  now: () => Date,
  stores: Pick<TaskStores, 'digestLog'>,
  /** Tenant mode: the Graph sign-in the stores use, so sendMail shares its token cache. */
  graphAuth: Stores['graphAuth'] = null,
): WeeklyDigestWiring {
  // Graph sendMail needs the Graph app registration (the same one the SharePoint store uses).
  const graph = config.mode === 'tenant' ? config.sharePoint : null;
  const outbox = graph
    ? null
    : new OutboxMailSender(path.join(config.dataDir, 'outbox'), { name: 'SEND Tracker', email: digest.mailbox }, now);
  let sender: MailSender;
  if (graph) {
    const tokens = graphAuth ?? new MsalClientCredentialsProvider(graph);
    sender = new GraphMailSender({
      baseUrl: graph.baseUrl ?? GRAPH_V1,
      mailbox: digest.mailbox,
      getAccessToken: () => tokens.getAccessToken(),
      logger,
    });
  } else {
    sender = outbox as OutboxMailSender;
  }
  const links = deepLinks({ publicUrl: config.publicUrl, teamsAppId: config.teamsAppId ?? undefined });
  const task = new WeeklyDigestTask({
    repo,
    log: stores.digestLog,
    sender,
    links,
    lead: digest.lead,
    schoolName: digest.schoolName,
    logger,
  });
  return { task, routes: { task, links, schoolName: digest.schoolName, outbox, taskKey: digest.taskKey } };
}
