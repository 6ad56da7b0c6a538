import type { Client } from '@microsoft/microsoft-graph-client';
import { createGraphClientFromConfig, type SharePointOverrides } from './create-sharepoint-repository';
import type { BatchOptions } from './graph-batch';
import { graphRoot } from './graph-client';
import type { SharePointConfig } from './sharepoint-config';
import { SharePointConversationReferenceStore } from './sharepoint-conversation-reference-store';
import { SharePointDigestLog } from './sharepoint-digest-log';
import { SharePointReminderLog } from './sharepoint-reminder-log';
import { SharePointReminderRunLog } from './sharepoint-reminder-run-log';
import { SiteLists, TASK_LISTS } from './site-lists';

/** The stores the scheduled tasks and the bot need in tenant mode, sharing one Graph client and one list lookup. */
export interface SharePointTaskStores {
  reminderLog: SharePointReminderLog;
  reminderRuns: SharePointReminderRunLog;
  digestLog: SharePointDigestLog;
  conversations: SharePointConversationReferenceStore;
}

export interface SharePointTaskStoreOverrides extends Pick<SharePointOverrides, 'authProvider' | 'retryDelaySeconds'> {
  /** `$top` for list reads. Default 200. */
  pageSize?: number;
  batch?: BatchOptions;
  /** Digest claim lease. Default 30 minutes. */
  digestLeaseMs?: number;
  /** Lease of a reminder claim with no outcome (its runner crashed). Default 30 minutes. */
  reminderLeaseMs?: number;
}

/** The task stores over an existing Graph client (e.g. the one the action repository uses). */
export function createTaskStoresWithClient(
  client: Client,
  siteId: string,
  baseUrl: string | undefined,
  overrides: Omit<SharePointTaskStoreOverrides, 'authProvider' | 'retryDelaySeconds'> = {},
): SharePointTaskStores {
  const root = graphRoot(baseUrl);
  const lists = new SiteLists(client, siteId, root, TASK_LISTS);
  const options = { root, pageSize: overrides.pageSize, batch: overrides.batch };
  return {
    reminderLog: new SharePointReminderLog(client, lists, { ...options, leaseMs: overrides.reminderLeaseMs }),
    reminderRuns: new SharePointReminderRunLog(client, lists, options),
    digestLog: new SharePointDigestLog(client, lists, { ...options, leaseMs: overrides.digestLeaseMs }),
    conversations: new SharePointConversationReferenceStore(client, lists, options),
  };
}

/**
 * ReminderLog, ReminderRunLog, DigestLog and ConversationReferenceStore on the SEND site's lists, for validated config
 * (see `parseSharePointEnv`). Run `npm run provision` first: a missing list is reported on first use.
 */
export function createSharePointTaskStores(config: SharePointConfig, overrides: SharePointTaskStoreOverrides = {}): SharePointTaskStores {
  const { authProvider, retryDelaySeconds, ...rest } = overrides;
  const client = createGraphClientFromConfig(config, { authProvider, retryDelaySeconds });
  return createTaskStoresWithClient(client, config.siteId, config.baseUrl, rest);
}
