import restify from 'restify';
import type { Config } from '../env';
import type { Logger } from '../logger';
import type { ActionRepository } from '../storage/action-repository';
import type { Authenticate } from './identity';
import { registerActionRoutes } from './routes/action-routes';

export interface AppDeps {
  config: Config;
  repo: ActionRepository;
  authenticate: Authenticate;
  logger: Logger;
  now: () => Date;
}

/**
 * The composition root's HTTP half: one restify server carrying the tab's REST API (and, as the
 * bot and tab land, `/api/messages` and the built tab). Returns it unstarted.
 */
export function createServer(deps: AppDeps): restify.Server {
  const server = restify.createServer({ name: 'send-tracker', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 256 * 1024, rejectUnknown: true }));

  server.get('/api/health', async (_req, res) => {
    res.json(200, { status: 'ok', mode: deps.config.mode });
  });
  registerActionRoutes(server, deps);
  return server;
}
