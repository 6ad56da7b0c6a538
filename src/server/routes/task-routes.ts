import { timingSafeEqual } from 'node:crypto';
import { isLoopbackAddress } from '../../../bot/http/loopback';
import type { Request, Server } from 'restify';
import { ForbiddenError } from '../../errors';
import type { Logger } from '../../logger';
import type { ReminderTask } from '../../tasks/reminder-task';
import { jsonRoute } from '../http';

export interface TaskRouteDeps {
  mode: 'embedded' | 'tenant';
  reminderTask: Pick<ReminderTask, 'run'>;
  /** Tenant mode: the secret the cloud timer sends as `x-task-key`. Without one the route is closed. */
  taskKey: string | null;
  logger: Logger;
  now: () => Date;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** @throws ForbiddenError unless the caller may trigger tasks */
function assertMayTrigger(req: Request, deps: TaskRouteDeps): void {
  if (deps.mode === 'embedded') {
    if (!isLoopbackAddress(req.socket.remoteAddress)) throw new ForbiddenError('Tasks can be triggered only from this machine.');
    return;
  }
  const given = req.headers['x-task-key'];
  if (!deps.taskKey || typeof given !== 'string' || !sameSecret(given, deps.taskKey)) {
    throw new ForbiddenError('A valid x-task-key header is required.');
  }
}

/**
 * `POST /api/tasks/reminders`: the cloud timer's entry point (and a manual trigger on a laptop).
 * Runs the same idempotent task as the in-process schedule and returns its counts.
 */
export function registerTaskRoutes(server: Server, deps: TaskRouteDeps): void {
  server.post(
    '/api/tasks/reminders',
    jsonRoute(deps.logger, async (req) => {
      assertMayTrigger(req, deps);
      return deps.reminderTask.run(deps.now());
    }),
  );
}
