import type { AuthenticationProvider, Client } from '@microsoft/microsoft-graph-client';
import { createGraphClient } from './graph-client';
import { MsalClientCredentialsProvider } from './msal-auth-provider';
import type { SharePointConfig } from './sharepoint-config';
import { SharePointActionRepository, type SharePointRepositoryOptions } from './sharepoint-action-repository';

export interface SharePointOverrides extends Omit<SharePointRepositoryOptions, 'siteId' | 'baseUrl'> {
  /** Replaces the MSAL client-credentials provider (tests use a fixed token). */
  authProvider?: AuthenticationProvider;
  retryDelaySeconds?: number;
}

/** A Graph client for the configured tenant: MSAL client credentials unless a provider is given. */
export function createGraphClientFromConfig(
  config: SharePointConfig,
  overrides: Pick<SharePointOverrides, 'authProvider' | 'retryDelaySeconds'> = {},
): Client {
  return createGraphClient({
    authProvider: overrides.authProvider ?? new MsalClientCredentialsProvider(config),
    baseUrl: config.baseUrl,
    retryDelaySeconds: overrides.retryDelaySeconds,
  });
}

/** The SharePoint-backed ActionRepository for validated config (see `parseSharePointEnv`). */
export function createSharePointRepository(config: SharePointConfig, overrides: SharePointOverrides = {}): SharePointActionRepository {
  const { authProvider, retryDelaySeconds, ...options } = overrides;
  const client = createGraphClientFromConfig(config, { authProvider, retryDelaySeconds });
  return new SharePointActionRepository(client, { ...options, siteId: config.siteId, baseUrl: config.baseUrl });
}
