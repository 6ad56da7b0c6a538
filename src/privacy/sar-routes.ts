import type { Server } from 'restify';
import type { Action } from '@/kernel/action';
import type { HistoryEntry } from '@/kernel/history';
import { parseInput } from '@/kernel/validate';
import { ForbiddenError } from '@/kernel/errors';
import type { Logger } from '@/platform/logger';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import { jsonRoute } from '@/http/json-route';
import type { Authenticate } from '@/http/identity';
import { sarExportParams } from './sar-schemas';

export interface SarRouteDeps {
  repo: ActionRepository;
  authenticate: Authenticate;
  logger: Logger;
  now: () => Date;
}

/** The body of a subject access export: every record held about one pupil, with its full audit trail. */
export interface PupilExport {
  pupilId: string;
  exportedAt: string;
  exportedBy: { id: string; name: string };
  /** Open and archived actions alike, each with its history oldest first. */
  actions: { action: Action; history: HistoryEntry[] }[];
}

/**
 * `GET /api/pupils/:pupilId/export`: what the school holds about one pupil in the tracker, for a
 * subject access request. SEND team only (403 for anyone else); includes archived items and every
 * history entry. The export is logged by ids and counts only.
 */
export function registerSarRoutes(server: Server, { repo, authenticate, logger, now }: SarRouteDeps): void {
  server.get(
    '/api/pupils/:pupilId/export',
    jsonRoute(logger, async (req): Promise<PupilExport> => {
      const user = await authenticate(req.headers);
      if (!user.sendTeam) throw new ForbiddenError('Only the SEND team can export a pupil’s records.');
      const { pupilId } = parseInput(sarExportParams, req.params);
      const actions = await repo.query({ pupilId, includeArchived: true });
      const withHistory = await Promise.all(actions.map(async (action) => ({ action, history: await repo.history(action.id) })));
      logger.info({ pupilId, actorId: user.id, actions: actions.length }, 'subject access export');
      return { pupilId, exportedAt: now().toISOString(), exportedBy: { id: user.id, name: user.name }, actions: withHistory };
    }),
  );
}
