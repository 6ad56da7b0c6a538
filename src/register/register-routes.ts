import type { Server } from 'restify';
import { sendTeamRoute, type SendTeamRouteDeps } from '@/http/send-team';
import { londonDate } from '@/kernel/dates';
import type { Intervention } from '@/kernel/intervention';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import type { EhcPlanRepository } from '@/kernel/ports/ehc-plan-repository';
import type { InterventionRepository } from '@/kernel/ports/intervention-repository';
import type { RoleDirectory } from '@/kernel/ports/role-directory';
import { importEhcDates } from '@/ehc-plans/import-ehc-dates';
import type { RegisterImportRecord, RegisterRepository } from '@/kernel/ports/register-repository';
import { changedSettings, registerSettingsChangeSchema, type RegisterSettingsRecord } from '@/kernel/register-settings';
import { parseInput } from '@/kernel/validate';
import { registerAnalytics } from './analytics';
import { importRegister, planRegisterImport, previewRegisterImport } from './import-register';
import { dashboardQuery, importChangesBody, importConfirmBody, importIdParam, importPreviewBody, snapshotBody } from './register-schemas';

export interface RegisterRouteDeps extends SendTeamRouteDeps {
  register: RegisterRepository;
  interventions: InterventionRepository;
  actions: ActionRepository;
  /** Called after an import, e.g. so the bot reads the new pupil list on its next turn. */
  onImported?: () => void;
  /** With both, an import's EHC plan dates (when the file has them) go to the pupils' plans. */
  ehcPlans?: EhcPlanRepository;
  roles?: RoleDirectory;
}

/** GET /api/register/imports: the last imports, newest first, and the one that can be undone (the latest, if not undone). */
export interface RegisterImportsReply {
  imports: RegisterImportRecord[];
  undoable: string | null;
}

/** GET /api/register/settings: the current settings (null: never saved) and every save, newest first. */
export interface RegisterSettingsReply {
  settings: RegisterSettingsRecord | null;
  history: RegisterSettingsRecord[];
}

/** The SEN register: MIS import, pupils, the dashboard against national figures, termly snapshots. SEND team only. */
export function registerRegisterRoutes(server: Server, deps: RegisterRouteDeps): void {
  const { register, interventions, actions, now } = deps;
  const route = sendTeamRoute(deps.authenticate, deps.logger);
  const today = () => londonDate(now());
  const isActive = (i: Intervention) => i.startDate <= today() && !i.measures.some((m) => m.point === 'end');

  server.post(
    '/api/register/import/preview',
    route(async (_u, req) => previewRegisterImport(parseInput(importPreviewBody, req.body).file)),
  );

  server.post(
    '/api/register/import/changes',
    route(async (_u, req) => planRegisterImport(register, parseInput(importChangesBody, req.body))),
  );

  server.post(
    '/api/register/import',
    route(async (user, req) => {
      const body = parseInput(importConfirmBody, req.body);
      const { ehcDates, ...result } = await importRegister(register, { ...body, by: user });
      deps.onImported?.();
      const { ehcPlans: plans, roles } = deps;
      const ehcPlans =
        plans && roles
          ? await importEhcDates({ plans, roles, register, actions: deps.actions }, user, ehcDates, londonDate(deps.now()))
          : null;
      return { ...result, ehcPlans };
    }),
  );

  server.get(
    '/api/register/imports',
    route(async (): Promise<RegisterImportsReply> => {
      const imports = await register.imports();
      return { imports, undoable: imports[0] && !imports[0].undone ? imports[0].importId : null };
    }),
  );

  server.post(
    '/api/register/imports/:id/undo',
    route(async (user, req) => {
      const result = await register.undoImport(parseInput(importIdParam, req.params?.id, 'id'), user);
      deps.onImported?.();
      return result;
    }),
  );

  server.get(
    '/api/register/settings',
    route(async (): Promise<RegisterSettingsReply> => {
      const history = await register.settingsHistory();
      return { settings: history[0] ?? null, history };
    }),
  );

  server.put(
    '/api/register/settings',
    route(async (user, req) => {
      const change = parseInput(registerSettingsChangeSchema, req.body);
      return register.saveSettings(changedSettings(await register.settings(), change), user);
    }),
  );

  server.get(
    '/api/register/pupils',
    route(async () => ({
      pupils: (await register.list()).map(({ id, forename, surname, yearGroup, regGroup, senStatus, needs, attendancePercent }) => ({
        id,
        forename,
        surname,
        yearGroup,
        regGroup,
        senStatus,
        needs,
        attendancePercent,
      })),
    })),
  );

  server.get(
    '/api/register/dashboard',
    route(async (_u, req) => {
      const q = parseInput(dashboardQuery, req.query ?? {}, 'query');
      const [pupils, open, all, snapshots, settings] = await Promise.all([
        register.list(),
        actions.query({}),
        interventions.list(),
        register.snapshots(),
        register.settings(),
      ]);
      return registerAnalytics({
        pupils,
        openActionPupilIds: open.map((a) => a.pupil.id),
        activeInterventionPupilIds: all.filter(isActive).map((i) => i.pupilId),
        staffTrainingNeeds: settings?.trainingNeeds ?? null,
        numberOnRoll: settings?.numberOnRoll ?? null,
        phase: q.phase,
        snapshots,
      });
    }),
  );

  server.get(
    '/api/register/snapshots',
    route(async () => ({ snapshots: await register.snapshots() })),
  );
  server.post(
    '/api/register/snapshots',
    route(async (_u, req) => register.snapshot(parseInput(snapshotBody, req.body).term)),
  );
}
