import type { Server } from 'restify';
import { londonDate } from '@/kernel/dates';
import { parseInput } from '@/kernel/validate';
import type { Logger } from '@/platform/logger';
import { jsonRoute } from '@/http/json-route';
import type { Authenticate } from '@/http/identity';
import { sendTeamOnly } from '@/http/send-team';
import { planView, readEhcPlan, recordReviewHeld, saveEhcPlan, type EhcPlanDeps } from './ehc-plan-commands';
import { reviewHeldBody, saveEhcPlanBody } from './ehc-plan-schemas';

export interface EhcPlanRouteDeps extends EhcPlanDeps {
  logger: Logger;
  now: () => Date;
  authenticate: Authenticate;
}

/** A pupil's EHC plan dates and statutory steps (SEND team only): read, save, record a review as held. */
export function registerEhcPlanRoutes(server: Server, deps: EhcPlanRouteDeps): void {
  const { logger, now, authenticate } = deps;
  const sendTeam = sendTeamOnly(authenticate);
  const path = '/api/register/pupils/:id/ehc-plan';

  server.get(
    path,
    jsonRoute(logger, async (req) => readEhcPlan(deps, await sendTeam(req), req.params.id, londonDate(now()))),
  );

  server.put(
    path,
    jsonRoute(logger, async (req) => {
      const user = await sendTeam(req);
      const body = parseInput(saveEhcPlanBody, req.body);
      const today = londonDate(now());
      const { plan, sync, pupil } = await saveEhcPlan(deps, user, req.params.id, body.version, body.details, today);
      return { ...(await planView(deps, user, pupil, plan, today)), sync };
    }),
  );

  server.post(
    `${path}/review-held`,
    jsonRoute(logger, async (req) => {
      const user = await sendTeam(req);
      const body = parseInput(reviewHeldBody, req.body);
      const today = londonDate(now());
      const { plan, sync, pupil } = await recordReviewHeld(deps, user, req.params.id, body, today);
      return { ...(await planView(deps, user, pupil, plan, today)), sync };
    }),
  );
}
