import type { Server } from 'restify';
import { sendTeamRoute, type SendTeamRouteDeps } from '@/http/send-team';
import { londonDate } from '@/kernel/dates';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import type { RegisterRepository } from '@/kernel/ports/register-repository';
import { retentionReport } from './retention';

export interface RetentionRouteDeps extends SendTeamRouteDeps {
  register: RegisterRepository;
  actions: ActionRepository;
  /** How long SEN records are kept after the date of birth (default 31 years, IRMS toolkit). */
  retentionYears?: number;
}

/** Pupils whose records are past retention, for a person to review and archive: nothing is deleted. SEND team only. */
export function registerRetentionRoutes(server: Server, deps: RetentionRouteDeps): void {
  const { register, actions, now } = deps;
  server.get(
    '/api/retention',
    sendTeamRoute(
      deps.authenticate,
      deps.logger,
    )(async () => {
      const pupils = (await register.list({ includeOffRoll: true })).map((p) => ({ id: p.id, dateOfBirth: p.dateOfBirth }));
      return retentionReport(pupils, await actions.query({ includeArchived: true }), londonDate(now()), deps.retentionYears);
    }),
  );
}
