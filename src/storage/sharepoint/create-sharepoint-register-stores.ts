import type { Client } from '@microsoft/microsoft-graph-client';
import type { DocumentStore } from '@/kernel/ports/document-store';
import type { EhcPlanRepository } from '@/kernel/ports/ehc-plan-repository';
import type { InterventionRepository } from '@/kernel/ports/intervention-repository';
import type { PassportRepository } from '@/kernel/ports/passport-repository';
import type { RegisterRepository } from '@/kernel/ports/register-repository';
import type { RoleDirectory } from '@/kernel/ports/role-directory';
import { createGraphClientFromConfig, type SharePointOverrides } from './create-sharepoint-repository';
import type { BatchOptions } from './graph-batch';
import { graphRoot } from './graph-client';
import type { SharePointConfig } from './sharepoint-config';
import { SharePointDocumentStore } from './sharepoint-document-store';
import { SharePointEhcPlanRepository } from './sharepoint-ehc-plan-repository';
import { SharePointInterventionRepository } from './sharepoint-intervention-repository';
import { SharePointPassportRepository } from './sharepoint-passport-repository';
import { SharePointRegisterRepository } from './sharepoint-register-repository';
import { SharePointRoleDirectory } from './sharepoint-role-directory';
import { DOCUMENT_LISTS, REGISTER_LISTS, SiteLists } from './site-lists';

/** The register-side stores of one instance (pupils' documents too), sharing one Graph client and one list lookup. */
export interface SharePointRegisterStores {
  register: RegisterRepository;
  interventions: InterventionRepository;
  passports: PassportRepository;
  ehcPlans: EhcPlanRepository;
  roles: RoleDirectory;
  documents: DocumentStore;
}

export interface SharePointRegisterStoreOverrides extends Pick<SharePointOverrides, 'authProvider' | 'retryDelaySeconds'> {
  /** `$top` for list reads. Default 200. */
  pageSize?: number;
  batch?: BatchOptions;
  now?: () => Date;
}

/** The stores over an existing Graph client. */
export function createRegisterStoresWithClient(
  client: Client,
  siteId: string,
  baseUrl: string | undefined,
  overrides: Omit<SharePointRegisterStoreOverrides, 'authProvider' | 'retryDelaySeconds'> = {},
): SharePointRegisterStores {
  const root = graphRoot(baseUrl);
  const context = { client, root, lists: new SiteLists(client, siteId, root, REGISTER_LISTS), ...overrides };
  return {
    register: new SharePointRegisterRepository(context),
    interventions: new SharePointInterventionRepository(context),
    passports: new SharePointPassportRepository(context),
    ehcPlans: new SharePointEhcPlanRepository(context),
    roles: new SharePointRoleDirectory(context),
    documents: new SharePointDocumentStore({ ...context, lists: new SiteLists(client, siteId, root, DOCUMENT_LISTS) }),
  };
}

/**
 * The SEN register, interventions, passports, EHC plans and role table on the SEND site's lists, for validated
 * config. Run `npm run provision` first: a missing list is reported on first use.
 */
export function createSharePointRegisterStores(
  config: SharePointConfig,
  overrides: SharePointRegisterStoreOverrides = {},
): SharePointRegisterStores {
  const { authProvider, retryDelaySeconds, ...rest } = overrides;
  const client = createGraphClientFromConfig(config, { authProvider, retryDelaySeconds });
  return createRegisterStoresWithClient(client, config.siteId, config.baseUrl, rest);
}
