import type { Client } from '@microsoft/microsoft-graph-client';
import { createGraphClient, graphRoot } from '@/storage/sharepoint/graph-client';
import { StaticTokenProvider } from '@/storage/sharepoint/msal-auth-provider';
import { provisionLists } from '@/storage/sharepoint/provision';
import { createSharePointRepository, type SharePointOverrides } from '@/storage/sharepoint/create-sharepoint-repository';
import type { SharePointActionRepository } from '@/storage/sharepoint/sharepoint-action-repository';
import type { SharePointConfig } from '@/storage/sharepoint/sharepoint-config';
import {
  createSharePointTaskStores,
  type SharePointTaskStoreOverrides,
  type SharePointTaskStores,
} from '@/storage/sharepoint/create-sharepoint-task-stores';
import {
  createSharePointRegisterStores,
  type SharePointRegisterStoreOverrides,
  type SharePointRegisterStores,
} from '@/storage/sharepoint/create-sharepoint-register-stores';
import { startGraphStandIn, type GraphStandIn } from './graph-stand-in';

export interface ProvisionedSite {
  standIn: GraphStandIn;
  /** A real Graph SDK client pointed at the stand-in. */
  client: Client;
  root: string;
  config: SharePointConfig;
  /** A repository over the site, through the same factory production uses. */
  repository(overrides?: SharePointOverrides): SharePointActionRepository;
  /** Reminder log, digest log and conversation store as one app instance has them (each call: a new Graph client). */
  taskStores(overrides?: SharePointTaskStoreOverrides): SharePointTaskStores;
  /** Register, interventions, passports and roles as one app instance has them (each call: a new Graph client). */
  registerStores(overrides?: SharePointRegisterStoreOverrides): SharePointRegisterStores;
}

/** Starts a stand-in, provisions the lists through the real provisioning code, and clears the counters. */
export async function startProvisionedSite(): Promise<ProvisionedSite> {
  const standIn = await startGraphStandIn();
  const authProvider = new StaticTokenProvider(standIn.token);
  const config: SharePointConfig = {
    tenantId: 'oakfield.example',
    clientId: '00000000-0000-4000-8000-00000000000a',
    clientSecret: 'unused',
    siteId: standIn.siteId,
    baseUrl: standIn.baseUrl,
  };
  const client = createGraphClient({ authProvider, baseUrl: standIn.baseUrl, retryDelaySeconds: 0 });
  const root = graphRoot(standIn.baseUrl);
  await provisionLists(client, standIn.siteId, root);
  standIn.resetCounts();
  return {
    standIn,
    client,
    root,
    config,
    repository: (overrides = {}) =>
      createSharePointRepository(config, { authProvider, retryDelaySeconds: 0, batch: { defaultRetryAfterSeconds: 0 }, ...overrides }),
    taskStores: (overrides = {}) =>
      createSharePointTaskStores(config, { authProvider, retryDelaySeconds: 0, batch: { defaultRetryAfterSeconds: 0 }, ...overrides }),
    registerStores: (overrides = {}) =>
      createSharePointRegisterStores(config, { authProvider, retryDelaySeconds: 0, batch: { defaultRetryAfterSeconds: 0 }, ...overrides }),
  };
}

/**
 * For a test file that needs a fresh stand-in site per test: returns `newSite()`, and closes every
 * site it started after the file's tests.
 */
export function useStandInSites(): () => Promise<ProvisionedSite> {
  const sites: ProvisionedSite[] = [];
  afterAll(async () => {
    await Promise.all(sites.map((s) => s.standIn.close()));
  });
  return async () => {
    const site = await startProvisionedSite();
    sites.push(site);
    return site;
  };
}
