import type { Server } from 'restify';
import { traceTask } from '@/platform/telemetry';
import type { Logger } from '@/platform/logger';
import type { ReminderTask } from './reminder-task';
import { jsonRoute } from '@/http/json-route';
import { assertMayTriggerTask } from '@/http/task-trigger-guard';

export interface TaskRouteDeps {
  mode: 'embedded' | 'tenant';
  reminderTask: Pick<ReminderTask, 'run'>;
  /** Tenant mode: the secret the cloud timer sends as `x-task-key`. Without one the route is closed. */
  taskKey: string | null;
  logger: Logger;
  now: () => Date;
}

/**
 * `POST /api/tasks/reminders`: the cloud timer's entry point (and a manual trigger on a laptop).
 * Runs the same idempotent task as the in-process schedule and returns its counts.
 */
export function registerTaskRoutes(server: Server, deps: TaskRouteDeps): void {
  server.post(
    '/api/tasks/reminders',
    jsonRoute(deps.logger, async (req) => {
      assertMayTriggerTask(req, deps.mode, deps.taskKey);
      return traceTask('reminders', () => deps.reminderTask.run(deps.now()));
    }),
  );
}
