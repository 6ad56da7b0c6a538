import type { Request, Response, Server } from 'restify';
import type { Authenticate } from '@/http/identity';
import { sendError } from '@/http/json-route';
import { sendTeamOnly, sendTeamRoute } from '@/http/send-team';
import type { InterventionRepository } from '@/kernel/ports/intervention-repository';
import type { RegisterRepository } from '@/kernel/ports/register-repository';
import { londonDate } from '@/kernel/dates';
import type { SchoolDatesInput } from '@/kernel/school-calendar';
import { parseInput } from '@/kernel/validate';
import type { Logger } from '@/platform/logger';
import { provisionMapCsv } from './provision-csv';
import { provisionMap, type ProvisionMap } from './provision-map';
import { provisionQuery } from './provision-map-schemas';
import { termToCost, type CostedTerm } from './provision-term';

export interface ProvisionMapRouteDeps {
  register: RegisterRepository;
  interventions: InterventionRepository;
  authenticate: Authenticate;
  logger: Logger;
  /** The school's configured terms and holidays, which give the term to cost. */
  schoolDates?: SchoolDatesInput;
  now?: () => Date;
}

/** The map with the term it costs (and where its dates came from) and the hourly rates it used. */
export interface ProvisionMapReply extends Omit<ProvisionMap, 'term'> {
  term: CostedTerm;
  hourlyRates: Record<string, number>;
}

/** The provision map for a term, as JSON for the tab and as CSV to download. SEND team only. */
export function registerProvisionMapRoutes(server: Server, deps: ProvisionMapRouteDeps): void {
  const { register, interventions, logger } = deps;
  const sendTeam = sendTeamOnly(deps.authenticate);
  const now = deps.now ?? (() => new Date());
  const buildMap = async (req: Request): Promise<ProvisionMapReply> => {
    const q = parseInput(provisionQuery, req.query ?? {}, 'query');
    const [settings, roll, all] = await Promise.all([register.settings(), register.list({ includeOffRoll: true }), interventions.list()]);
    const calendar = termToCost(deps.schoolDates ?? {}, londonDate(now()));
    const chosen = q.termStart !== undefined && q.termEnd !== undefined;
    const term: CostedTerm = chosen
      ? { start: q.termStart!, end: q.termEnd!, closedWeeks: q.closedWeeks ?? 0, source: 'chosen' }
      : { ...calendar, closedWeeks: q.closedWeeks ?? calendar.closedWeeks };
    const hourlyRates = q.rates ?? settings?.hourlyRates ?? {};
    const pupils = new Map(roll.map((p) => [p.id, p.yearGroup]));
    const map = provisionMap(all, (id) => pupils.get(id) ?? null, {
      termStart: term.start,
      termEnd: term.end,
      closedWeeks: term.closedWeeks,
      hourlyRates,
    });
    return { ...map, term, hourlyRates };
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
