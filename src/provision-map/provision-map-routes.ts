import type { Request, Response, Server } from 'restify';
import type { Authenticate } from '@/http/identity';
import { sendError } from '@/http/json-route';
import { sendTeamOnly, sendTeamRoute } from '@/http/send-team';
import type { InterventionRepository } from '@/kernel/ports/intervention-repository';
import type { RegisterRepository } from '@/kernel/ports/register-repository';
import { parseInput } from '@/kernel/validate';
import type { Logger } from '@/platform/logger';
import { provisionMapCsv } from './provision-csv';
import { provisionMap } from './provision-map';
import { provisionQuery } from './provision-map-schemas';

export interface ProvisionMapRouteDeps {
  register: RegisterRepository;
  interventions: InterventionRepository;
  authenticate: Authenticate;
  logger: Logger;
}

/** The provision map for a term, as JSON for the tab and as CSV to download. SEND team only. */
export function registerProvisionMapRoutes(server: Server, deps: ProvisionMapRouteDeps): void {
  const { register, interventions, logger } = deps;
  const sendTeam = sendTeamOnly(deps.authenticate);
  const buildMap = async (req: Request) => {
    const term = parseInput(provisionQuery, req.query ?? {}, 'query');
    const pupils = new Map((await register.list({ includeOffRoll: true })).map((p) => [p.id, p.yearGroup]));
    return provisionMap(await interventions.list(), (id) => pupils.get(id) ?? null, term);
  };

  server.get(
    '/api/provision-map',
    sendTeamRoute(deps.authenticate, logger)(async (_u, req) => buildMap(req)),
  );

  server.get('/api/provision-map.csv', async (req: Request, res: Response) => {
    try {
      await sendTeam(req);
      const map = await buildMap(req);
      res.sendRaw(200, Buffer.from(provisionMapCsv(map), 'utf8'), {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="provision-map-${map.term.start}.csv"`,
        'Cache-Control': 'no-store',
      });
    } catch (error) {
      sendError(res, error, logger);
    }
  });
}
