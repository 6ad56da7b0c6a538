import type { Server } from 'restify';
import { sendTeamRoute, type SendTeamRouteDeps } from '@/http/send-team';
import { londonDate } from '@/kernel/dates';
import { measureSchema } from '@/kernel/intervention';
import { recordMeasure } from './record-measure';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import type { InterventionRepository } from '@/kernel/ports/intervention-repository';
import type { RegisterRepository } from '@/kernel/ports/register-repository';
import { parseInput } from '@/kernel/validate';
import { createIntervention } from './create-intervention';
import { effectivenessTable, metTarget, type EffectivenessOptions } from './effectiveness';
import { interventionWarnings } from './intervention-checks';
import { listInterventionsQuery } from './intervention-schemas';
import { DEFAULT_RATIO_GAIN_BANDS, interventionRatioGain, ratioGainBand } from './ratio-gain';

export interface InterventionRouteDeps extends SendTeamRouteDeps {
  register: RegisterRepository;
  interventions: InterventionRepository;
  actions: ActionRepository;
  /** Ratio-gain bands and expectation; the defaults are unchecked against Brooks (see ratio-gain.ts). */
  effectiveness?: EffectivenessOptions;
}

/** Interventions: list with ratio gain, band and warnings, the effectiveness table, start one, record a measure. SEND team only. */
export function registerInterventionRoutes(server: Server, deps: InterventionRouteDeps): void {
  const { register, interventions, actions, now } = deps;
  const route = sendTeamRoute(deps.authenticate, deps.logger);
  const today = () => londonDate(now());

  server.get(
    '/api/interventions',
    route(async (_u, req) => {
      const q = parseInput(listInterventionsQuery, req.query ?? {}, 'query');
      const list = await interventions.list({ pupilId: q.pupil });
      const bands = deps.effectiveness?.bands ?? DEFAULT_RATIO_GAIN_BANDS;
      return {
        interventions: list.map((i) => {
          const rg = interventionRatioGain(i);
          return {
            ...i,
            ratioGain: rg,
            band: rg === null ? null : ratioGainBand(rg, bands),
            metTarget: metTarget(i),
            warnings: interventionWarnings(i, today()),
          };
        }),
        effectiveness: effectivenessTable(q.pupil ? list : await interventions.list(), deps.effectiveness),
        bands,
      };
    }),
  );

  server.post(
    '/api/interventions',
    route(async (user, req) => createIntervention({ interventions, register, actions }, req.body, user, today())),
  );

  server.post(
    '/api/interventions/:id/measures',
    route(async (user, req) => {
      const { intervention } = await recordMeasure(
        { interventions, actions },
        req.params.id,
        parseInput(measureSchema, req.body, 'measure'),
        user,
        today(),
      );
      return intervention;
    }),
  );
}
