import type { Request, Response, Server } from 'restify';
import { traceTask } from '@/platform/telemetry';
import { z } from 'zod';
import type { DeepLinks } from './deep-links';
import { composeDigestEmail } from './compose-digest-email';
import type { OutboxMailSender } from './outbox-mail-sender';
import { parseInput } from '@/kernel/validate';
import { ForbiddenError, NotFoundError } from '@/kernel/errors';
import type { Logger } from '@/platform/logger';
import type { WeeklyDigestTask } from './weekly-digest-task';
import { jsonRoute, sendError } from '@/http/json-route';
import type { Authenticate } from '@/http/identity';
import { assertMayTriggerTask } from '@/http/task-trigger-guard';

export interface DigestRouteDeps {
  mode: 'embedded' | 'tenant';
  task: Pick<WeeklyDigestTask, 'run' | 'contents'>;
  links: DeepLinks;
  schoolName: string;
  /** Embedded mode's outbox; null in tenant mode (mail goes through Graph). */
  outbox: Pick<OutboxMailSender, 'list'> | null;
  taskKey: string | null;
  authenticate: Authenticate;
  logger: Logger;
  now: () => Date;
}

const previewQuery = z.strictObject({ recipient: z.string().trim().min(1).max(100) });

// The preview is shown inside the tab; it must never run script or load anything, whatever an action says.
const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/**
 * The weekly digest over HTTP: the cloud timer's trigger, and for the SEND team a preview of any
 * recipient's email and (embedded mode) the outbox listing.
 */
export function registerDigestRoutes(server: Server, deps: DigestRouteDeps): void {
  const sendTeamOnly = async (req: Request) => {
    const user = await deps.authenticate(req.headers);
    if (!user.sendTeam) throw new ForbiddenError('Digest previews are for the SEND team.');
  };

  server.post(
    '/api/tasks/weekly-digest',
    jsonRoute(deps.logger, async (req) => {
      assertMayTriggerTask(req, deps.mode, deps.taskKey);
      return traceTask('weekly-digest', () => deps.task.run(deps.now()));
    }),
  );

  server.get('/api/digest/preview', async (req: Request, res: Response) => {
    try {
      await sendTeamOnly(req);
      const { recipient } = parseInput(previewQuery, req.query ?? {}, 'query');
      const content = (await deps.task.contents(deps.now())).find((c) => c.recipient.id === recipient);
      if (!content) throw new NotFoundError('Nothing to report for this person this week.');
      const html = composeDigestEmail(content, deps.links, deps.schoolName).html;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Content-Security-Policy', PREVIEW_CSP);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'no-store');
      res.sendRaw(200, html);
    } catch (error) {
      sendError(res, error, deps.logger);
    }
  });

  server.get(
    '/api/digest/outbox',
    jsonRoute(deps.logger, async (req) => {
      await sendTeamOnly(req);
      return { mode: deps.mode, messages: deps.outbox ? await deps.outbox.list() : [] };
    }),
  );
}
