import type { Request, Response, Server } from 'restify';
import { createIntervention } from '@/interventions/create-intervention';
import { importRegister, previewRegisterImport } from './import-register';
import { londonDate } from '@/kernel/dates';
import { retentionReport } from '@/privacy/retention';
import { parseInput } from '@/kernel/validate';
import { ForbiddenError } from '@/kernel/errors';
import { interventionWarnings } from '@/interventions/intervention-checks';
import type { InterventionRepository } from '@/kernel/ports/intervention-repository';
import { effectivenessTable, metTarget, type EffectivenessOptions } from '@/interventions/effectiveness';
import { measureSchema, type Intervention } from '@/kernel/intervention';
import { DEFAULT_RATIO_GAIN_BANDS, interventionRatioGain, ratioGainBand } from '@/interventions/ratio-gain';
import type { Logger } from '@/platform/logger';
import { provisionMapCsv } from '@/provision-map/provision-csv';
import { provisionMap } from '@/provision-map/provision-map';
import { registerAnalytics } from './analytics';
import type { PassportRepository } from '@/kernel/ports/passport-repository';
import type { RegisterRepository } from '@/kernel/ports/register-repository';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import { jsonRoute, sendError } from '@/http/json-route';
import type { Authenticate, User } from '@/http/identity';
import { registerPassportRoutes } from '@/passport/passport-routes';
import { dashboardQuery, importConfirmBody, importPreviewBody, listInterventionsQuery, provisionQuery, snapshotBody } from './register-schemas';

export interface RegisterRouteDeps {
  register: RegisterRepository;
  interventions: InterventionRepository;
  actions: ActionRepository;
  authenticate: Authenticate;
  logger: Logger;
  now: () => Date;
  /** Ratio-gain bands and expectation; the defaults are unchecked against Brooks (see ratio-gain.ts). */
  effectiveness?: EffectivenessOptions;
  /** One-page profiles; their routes are served when this store is given. */
  passports?: PassportRepository;
  /** Called after an import, e.g. so the bot reads the new pupil list on its next turn. */
  onImported?: () => void;
  /** How long SEN records are kept after the date of birth (default 31 years, IRMS toolkit). */
  retentionYears?: number;
}

/** The SEN register, interventions and provision map: special-category data, for the SEND team only. */
export function registerRegisterRoutes(server: Server, deps: RegisterRouteDeps): void {
  const { register, interventions, actions, authenticate, logger, now } = deps;
  const sendTeam = async (req: Request): Promise<User> => {
    const user = await authenticate(req.headers);
    if (!user.sendTeam) throw new ForbiddenError('The SEN register is for the SEND team.');
    return user;
  };
  const route = (handler: (user: User, req: Request) => Promise<unknown>) => jsonRoute(logger, async (req) => handler(await sendTeam(req), req));
  const today = () => londonDate(now());
  const isActive = (i: Intervention) => i.startDate <= today() && !i.measures.some((m) => m.point === 'end');

  server.post('/api/register/import/preview', route(async (_u, req) => previewRegisterImport(parseInput(importPreviewBody, req.body).file)));

  server.post(
    '/api/register/import',
    route(async (_u, req) => {
      const body = parseInput(importConfirmBody, req.body);
      const result = await importRegister(register, body);
      deps.onImported?.();
      return result;
    }),
  );

  server.get(
    '/api/register/pupils',
    route(async () => ({
      pupils: (await register.list()).map(({ id, forename, surname, yearGroup, regGroup, senStatus, needs, attendancePercent }) => ({
        id, forename, surname, yearGroup, regGroup, senStatus, needs, attendancePercent,
      })),
    })),
  );

  server.get(
    '/api/register/dashboard',
    route(async (_u, req) => {
      const q = parseInput(dashboardQuery, req.query ?? {}, 'query');
      const [pupils, open, all, snapshots] = await Promise.all([register.list(), actions.query({}), interventions.list(), register.snapshots()]);
      return registerAnalytics({
        pupils,
        openActionPupilIds: open.map((a) => a.pupil.id),
        activeInterventionPupilIds: all.filter(isActive).map((i) => i.pupilId),
        staffTrainingNeeds: q.training ?? null,
        phase: q.phase,
        snapshots,
      });
    }),
  );

  server.get('/api/register/snapshots', route(async () => ({ snapshots: await register.snapshots() })));
  server.post('/api/register/snapshots', route(async (_u, req) => register.snapshot(parseInput(snapshotBody, req.body).term)));

  server.get(
    '/api/interventions',
    route(async (_u, req) => {
      const q = parseInput(listInterventionsQuery, req.query ?? {}, 'query');
      const list = await interventions.list({ pupilId: q.pupil });
      const bands = deps.effectiveness?.bands ?? DEFAULT_RATIO_GAIN_BANDS;
      return {
        interventions: list.map((i) => {
          const rg = interventionRatioGain(i);
          return { ...i, ratioGain: rg, band: rg === null ? null : ratioGainBand(rg, bands), metTarget: metTarget(i), warnings: interventionWarnings(i, today()) };
        }),
        effectiveness: effectivenessTable(q.pupil ? list : await interventions.list(), deps.effectiveness),
        bands,
      };
    }),
  );

  server.post('/api/interventions', route(async (user, req) => createIntervention({ interventions, register, actions }, req.body, user, today())));

  server.post(
    '/api/interventions/:id/measures',
    route(async (user, req) => interventions.addMeasure(req.params.id, parseInput(measureSchema, req.body, 'measure'), user)),
  );

  const buildMap = async (req: Request) => {
    const term = parseInput(provisionQuery, req.query ?? {}, 'query');
    const pupils = new Map((await register.list({ includeOffRoll: true })).map((p) => [p.id, p.yearGroup]));
    return provisionMap(await interventions.list(), (id) => pupils.get(id) ?? null, term);
  };
  if (deps.passports) registerPassportRoutes(server, { register, passports: deps.passports, logger, now, sendTeam });

  server.get('/api/provision-map', route(async (_u, req) => buildMap(req)));

  // Pupils whose records are past retention, for a person to review and archive: nothing is deleted.
  server.get(
    '/api/retention',
    route(async () => {
      const pupils = (await register.list({ includeOffRoll: true })).map((p) => ({ id: p.id, dateOfBirth: p.dateOfBirth }));
      return retentionReport(pupils, await actions.query({ includeArchived: true }), today(), deps.retentionYears);
    }),
  );
  server.get('/api/provision-map.csv', async (req: Request, res: Response) => {
    try {
      await sendTeam(req);
      const map = await buildMap(req);
      res.sendRaw(200, Buffer.from(provisionMapCsv(map), 'utf8'), {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="provision-map-${map.term.start}.csv"`,
        'Cache-Control': 'no-store',
      });
    } catch (error) {
      sendError(res, error, logger);
    }
  });
}
