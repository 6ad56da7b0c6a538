import { ConfidentialClientApplication, ManagedIdentityApplication } from '@azure/msal-node';
import { AppError } from '@/kernel/errors';

const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com/.default';

/**
 * App-only tokens for the Bot Connector: client credentials of the bot's app registration, or its
 * user-assigned managed identity when there is no secret (the Azure deployment). MSAL caches and
 * renews them. Returns a function for `BotConnectorReminderSender`'s `token`.
 */
export function botFrameworkToken(credentials: { tenantId: string; clientId: string; clientSecret: string | null }): () => Promise<string> {
  if (!credentials.clientSecret) {
    const identity = new ManagedIdentityApplication({ managedIdentityIdParams: { userAssignedClientId: credentials.clientId } });
    return async () => (await identity.acquireToken({ resource: 'https://api.botframework.com' })).accessToken;
  }
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      authority: `https://login.microsoftonline.com/${credentials.tenantId}`,
    },
  });
  return async () => {
    const result = await app.acquireTokenByClientCredential({ scopes: [BOT_FRAMEWORK_SCOPE] });
    if (!result?.accessToken) throw new AppError('Could not obtain a Bot Framework token for the app registration.');
    return result.accessToken;
  };
}
