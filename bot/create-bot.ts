import type { CloudEnvironment } from '@microsoft/teams.api';
import { App } from '@microsoft/teams.apps';
import type { Server } from 'restify';
import type { BotCredentials, Config } from '@/app/config';
import type { BotDeps } from '@bot/bot-deps';
import { handleCardAction } from './handle-card-action';
import { handleInstall, handleInstallAdd } from './handle-install';
import { handleMessage } from './handle-message';
import { searchPupils } from '@/capture/handle-pupil-search';
import { schoolOf } from '@/capture/school-of';
import { RestifyAdapter } from './restify-adapter';
import { sdkLogger } from './sdk-logger';

/** The bot, ready to mount on the restify server at `POST /api/messages`. */
export interface Bot {
  app: App;
  mount(server: Server): void;
}

/** Optional SDK settings beyond the env config. */
export interface CreateBotOptions {
  /**
   * Where Bot Framework tokens are checked (OpenID metadata -> keys URL, issuer) and bot tokens
   * fetched. Default: the SDK's public cloud. Sovereign clouds use the SDK's US_GOV/CHINA, and the
   * bot-auth tests point `openIdMetadataUrl` at a key set served on loopback.
   */
  cloud?: CloudEnvironment;
}

/**
 * Builds the Teams bot (Teams SDK v2) driven by restify. Tenant mode: the SDK validates Bot
 * Framework tokens for the configured app registration. Embedded mode: no tokens (there is no
 * tenant), so only requests from this machine are accepted — for Microsoft's Agents Playground.
 */
export async function createBot(config: Config, deps: BotDeps, options: CreateBotOptions = {}): Promise<Bot> {
  const embedded = config.bot === null;
  const adapter = new RestifyAdapter({ loopbackOnly: embedded, logger: deps.logger });
  const app = new App({
    httpServerAdapter: adapter,
    logger: sdkLogger(deps.logger),
    messagingEndpoint: '/api/messages',
    dangerouslyAllowUnauthenticatedRequests: embedded,
    ...(options.cloud ? { cloud: options.cloud } : {}),
    ...(config.bot ? botCredentials(config.bot) : {}),
  });
  app.on('message', (ctx) => handleMessage(deps, ctx));
  app.on('card.action', (ctx) => handleCardAction(deps, ctx));
  app.on('card.search', async (ctx) => searchPupils((await schoolOf(deps)).pupils, ctx.activity.value));
  app.on('install.add', (ctx) => handleInstallAdd(deps, ctx));
  app.on('conversationUpdate', (ctx) => handleInstall(deps, ctx.activity));
  // Registers POST /api/messages on the adapter; nothing listens until `mount`.
  await app.initialize();
  return { app, mount: (server) => adapter.mount(server) };
}

/** A client secret when there is one; otherwise the App Service's user-assigned managed identity. */
function botCredentials({ clientId, clientSecret, tenantId }: BotCredentials) {
  return clientSecret ? { clientId, clientSecret, tenantId } : { clientId, tenantId, managedIdentityClientId: clientId };
}
