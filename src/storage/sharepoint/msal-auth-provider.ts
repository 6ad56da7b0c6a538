import { ConfidentialClientApplication } from '@azure/msal-node';
import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { AppError } from '@/kernel/errors';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export interface AppCredentials {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

/**
 * App-only Graph tokens by the OAuth client-credentials flow. The app registration needs the
 * `Sites.Selected` application permission plus a write grant on the one SEND site (least privilege);
 * MSAL caches the token in memory and renews it before it expires.
 */
export class MsalClientCredentialsProvider implements AuthenticationProvider {
  private readonly app: ConfidentialClientApplication;

  constructor(credentials: AppCredentials) {
    this.app = new ConfidentialClientApplication({
      auth: {
        clientId: credentials.clientId,
        clientSecret: credentials.clientSecret,
        authority: `https://login.microsoftonline.com/${credentials.tenantId}`,
      },
    });
  }

  /** @throws AppError when Entra refuses the credentials. */
  async getAccessToken(): Promise<string> {
    const result = await this.app.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
    if (!result?.accessToken) throw new AppError('Could not obtain a Microsoft Graph token for the app registration.');
    return result.accessToken;
  }
}

/** A provider that always returns one token: for the loopback stand-in in tests and benchmarks. */
export class StaticTokenProvider implements AuthenticationProvider {
  constructor(private readonly token: string) {}

  async getAccessToken(): Promise<string> {
    return this.token;
  }
}
