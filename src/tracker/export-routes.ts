import type { Request, Response, Server } from 'restify';
import { canSee } from '@/kernel/access';
import { applyView } from '@/kernel/action-view';
import { londonDate } from '@/kernel/dates';
import { parseInput } from '@/kernel/validate';
import type { Logger } from '@/platform/logger';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import { sendError } from '@/http/json-route';
import type { Authenticate } from '@/http/identity';
import { listActionsQuery } from './action-schemas';
import { actionsToCsv } from './export-csv';
import { exportViewQuery, splitExportQuery } from './export-schemas';
import { actionsToXlsx } from './export-xlsx';

export interface ExportRouteDeps {
  repo: ActionRepository;
  authenticate: Authenticate;
  logger: Logger;
  now: () => Date;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * GET /api/actions/export.csv and /export.xlsx: the tab's current view (same filters as
 * GET /api/actions, plus `q`, `sort`, `dir`) as a download. Same access rule as the list.
 */
export function registerExportRoutes(server: Server, { repo, authenticate, logger, now }: ExportRouteDeps): void {
  const exportRoute =
    (format: 'csv' | 'xlsx') =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        const user = await authenticate(req.headers);
        const { view, filters } = splitExportQuery((req.query ?? {}) as Record<string, unknown>);
        const viewOptions = parseInput(exportViewQuery, view, 'query');
        const query = parseInput(listActionsQuery, filters, 'query');
        const visible = (await repo.query(query)).filter((a) => canSee(user, a));
        const rows = applyView(visible, { search: viewOptions.q, sort: viewOptions.sort, direction: viewOptions.dir });
        const today = londonDate(now());
        const body = format === 'csv' ? Buffer.from(actionsToCsv(rows, today), 'utf8') : await actionsToXlsx(rows, today);
        res.sendRaw(200, body, {
          'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE,
          'Content-Disposition': `attachment; filename="send-tracker-${today}.${format}"`,
          'Cache-Control': 'no-store',
        });
      } catch (error) {
        sendError(res, error, logger);
      }
    };

  server.get('/api/actions/export.csv', exportRoute('csv'));
  server.get('/api/actions/export.xlsx', exportRoute('xlsx'));
}
