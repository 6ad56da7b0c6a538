import { ConfidentialClientApplication } from '@azure/msal-node';
import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { AppError } from '@/kernel/errors';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export interface AppCredentials {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Graph's root for a national cloud (e.g. `https://graph.microsoft.us`): the token is asked for that audience. */
  baseUrl?: string;
  /** The matching Entra sign-in host (e.g. `https://login.microsoftonline.us`). */
  authorityHost?: string;
}

/**
 * Where to sign in and for which audience. National clouds have their own of both:
 * https://learn.microsoft.com/graph/deployments (Graph and Entra endpoints per cloud). A loopback
 * `baseUrl` (the test stand-in) keeps the public audience.
 */
export function tokenRequestFor(credentials: AppCredentials): { authority: string; scopes: string[] } {
  const host = (credentials.authorityHost ?? 'https://login.microsoftonline.com').replace(/\/+$/, '');
  const graph = credentials.baseUrl?.startsWith('https://') ? new URL(credentials.baseUrl).origin : undefined;
  return { authority: `${host}/${credentials.tenantId}`, scopes: [graph ? `${graph}/.default` : GRAPH_SCOPE] };
}

/**
 * App-only Graph tokens by the OAuth client-credentials flow. The app registration needs the
 * `Sites.Selected` application permission plus a write grant on the one SEND site (least privilege);
 * MSAL caches the token in memory and renews it before it expires.
 */
export class MsalClientCredentialsProvider implements AuthenticationProvider {
  private readonly app: ConfidentialClientApplication;
  private readonly scopes: string[];

  constructor(credentials: AppCredentials) {
    const { authority, scopes } = tokenRequestFor(credentials);
    this.scopes = scopes;
    this.app = new ConfidentialClientApplication({
      auth: { clientId: credentials.clientId, clientSecret: credentials.clientSecret, authority },
    });
  }

  /** @throws AppError when Entra refuses the credentials. */
  async getAccessToken(): Promise<string> {
    const result = await this.app.acquireTokenByClientCredential({ scopes: this.scopes });
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
