import type { Request, Response, Server } from 'restify';
import { CHRONOLOGY_KINDS } from '@/kernel/chronology';
import { londonDate } from '@/kernel/dates';
import { parseInput } from '@/kernel/validate';
import type { Logger } from '@/platform/logger';
import type { Authenticate } from '@/http/identity';
import { jsonRoute, sendError } from '@/http/json-route';
import { sendTeamOnly } from '@/http/send-team';
import { chronologyDocx } from './chronology-docx';
import { chronologyQuery } from './chronology-schemas';
import { readChronology, type ChronologyDeps } from './read-chronology';

export interface ChronologyRouteDeps extends ChronologyDeps {
  logger: Logger;
  now: () => Date;
  authenticate: Authenticate;
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A register pupil's chronology (SEND team only), as JSON for the tab and as Word for an annual review. */
export function registerChronologyRoutes(server: Server, deps: ChronologyRouteDeps): void {
  const { logger, now, authenticate } = deps;
  const sendTeam = sendTeamOnly(authenticate);
  const path = '/api/register/pupils/:id/chronology';

  server.get(
    path,
    jsonRoute(logger, async (req) => {
      const user = await sendTeam(req);
      const { kinds } = parseInput(chronologyQuery, req.query ?? {}, 'query');
      return { events: (await readChronology(deps, user, req.params.id, kinds)).events };
    }),
  );

  server.get(`${path}.docx`, async (req: Request, res: Response) => {
    try {
      const user = await sendTeam(req);
      const { kinds = CHRONOLOGY_KINDS } = parseInput(chronologyQuery, req.query ?? {}, 'query');
      const { pupil, events } = await readChronology(deps, user, req.params.id, kinds);
      const today = londonDate(now());
      // The file name carries initials only: downloads folders and email attachments get seen.
      const name = `chronology-${pupil.forename[0] ?? ''}${pupil.surname[0] ?? ''}-${today}.docx`.replace(/[^A-Za-z0-9.-]/g, '');
      res.sendRaw(200, await chronologyDocx(pupil, events, kinds, today), {
        'Content-Type': DOCX_TYPE,
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': 'no-store',
      });
    } catch (error) {
      sendError(res, error, logger);
    }
  });
}
