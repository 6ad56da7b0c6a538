import type { Server } from 'restify';
import { z } from 'zod';
import { addDays, londonDate } from '@/kernel/dates';
import { NotFoundError } from '@/kernel/errors';
import type { ReminderRunReport, UnreachedOwner } from '@/kernel/ports/reminder-run-log';
import type { ChatOutcome } from '@/kernel/ports/reminder-sender';
import { parseInput } from '@/kernel/validate';
import { sendTeamRoute, type SendTeamRouteDeps } from '@/http/send-team';
import { traceTask } from '@/platform/telemetry';
import type { ReminderRunSummary, ReminderTask } from './reminder-task';

export interface ReminderPanelRouteDeps extends SendTeamRouteDeps {
  reminderTask: Pick<ReminderTask, 'run' | 'recentRuns' | 'canInstall' | 'openChat' | 'withChats'>;
}

/** An owner a listed run could not reach, and whether the bot can message them directly now. */
export interface UnreachedNow extends UnreachedOwner {
  reachableNow: boolean;
}

/** What the Reminders panel shows: the recent runs, newest first, and whether "Install for them" can work here. */
export interface ReminderRunsReply {
  canInstall: boolean;
  runs: (Omit<ReminderRunReport, 'unreached'> & { unreached: UnreachedNow[] })[];
}

/** The answer to "Install for them": the chat is ready (the next reminder goes there), or why not. */
export interface InstallReply {
  name: string;
  outcome: ChatOutcome;
}

/** Two school weeks and their weekends: runs are daily on school days. */
const PANEL_DAYS = 14;
const PANEL_RUNS = 10;

const installBody = z.strictObject({ personId: z.string().trim().min(1).max(100) });

/**
 * The SEND team's Reminders panel: the recent runs with who could not be messaged and why, running the
 * reminders again (only what has not gone out is sent: every reminder is claimed once), and installing
 * the app for someone a run could not reach.
 */
export function registerReminderPanelRoutes(server: Server, deps: ReminderPanelRouteDeps): void {
  const route = sendTeamRoute(deps.authenticate, deps.logger, 'Reminder runs are for the SEND team.');
  const recent = () => deps.reminderTask.recentRuns(addDays(londonDate(deps.now()), -PANEL_DAYS), PANEL_RUNS);

  server.get(
    '/api/reminders/runs',
    route(async (): Promise<ReminderRunsReply> => {
      const runs = await recent();
      const reachable = await deps.reminderTask.withChats([...new Set(runs.flatMap((r) => r.unreached.map((u) => u.id)))]);
      return {
        canInstall: deps.reminderTask.canInstall,
        runs: runs.map((run) => ({ ...run, unreached: run.unreached.map((u) => ({ ...u, reachableNow: reachable.has(u.id) })) })),
      };
    }),
  );

  server.post(
    '/api/reminders/run',
    route(async (user): Promise<ReminderRunSummary> => {
      deps.logger.info({ by: user.id }, 'reminders run from the Reminders panel');
      return traceTask('reminders', () => deps.reminderTask.run(deps.now()));
    }),
  );

  server.post(
    '/api/reminders/install',
    route(async (user, req): Promise<InstallReply> => {
      const { personId } = parseInput(installBody, req.body ?? {});
      // Only someone a recent run could not reach: the panel is not a way to install the app for anyone in the tenant.
      const person = (await recent()).flatMap((r) => r.unreached).find((u) => u.id === personId);
      if (!person) throw new NotFoundError('No recent reminder run failed to reach this person.');
      const outcome = await deps.reminderTask.openChat(personId);
      deps.logger.info({ by: user.id, personId, open: outcome.open }, 'app install asked for from the Reminders panel');
      return { name: person.name, outcome };
    }),
  );
}
