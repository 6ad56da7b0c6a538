import type { Server } from 'restify';
import { toRow, type ActionRow } from '@/kernel/action-page';
import type { Viewer } from '@/kernel/access';
import { addDays, londonDate, type IsoDate } from '@/kernel/dates';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import { STATUTORY_HORIZON_DAYS, statutoryDeadlines, type StatutoryDeadlines } from '@/kernel/statutory-deadlines';
import type { Logger } from '@/platform/logger';
import type { Authenticate } from '@/http/identity';
import { sendTeamRoute } from '@/http/send-team';
import { listActions } from '@/tracker/action-commands';

/** `GET /api/check-in/statutory`: the statutory steps missed, at risk and coming up in the next six weeks. */
export type StatutoryDeadlinesReply = StatutoryDeadlines<ActionRow> & { horizon: IsoDate };

/**
 * The statutory steps for the weekly check-in, apart from ordinary actions. One query of the open
 * items due by the horizon (indexed by due date in both stores), the steps picked out of them.
 */
export async function readStatutoryDeadlines(repo: ActionRepository, viewer: Viewer, today: IsoDate): Promise<StatutoryDeadlinesReply> {
  const horizon = addDays(today, STATUTORY_HORIZON_DAYS);
  const lists = statutoryDeadlines(await listActions(repo, viewer, { dueTo: horizon }), today);
  return { missed: lists.missed.map(toRow), atRisk: lists.atRisk.map(toRow), comingUp: lists.comingUp.map(toRow), horizon };
}

export function registerStatutoryDeadlinesRoute(
  server: Server,
  { repo, authenticate, logger, now }: { repo: ActionRepository; authenticate: Authenticate; logger: Logger; now: () => Date },
): void {
  const route = sendTeamRoute(authenticate, logger, 'The weekly check-in is for the SEND team.');
  server.get(
    '/api/check-in/statutory',
    route(async (user) => readStatutoryDeadlines(repo, user, londonDate(now()))),
  );
}
