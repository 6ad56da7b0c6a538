import path from 'node:path';
import restify from 'restify';
import { DEMO_STAFF } from './demo/school';
import type { Config } from './config';
import type { Logger } from '@/platform/logger';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import type { Authenticate } from '@/http/identity';
import { registerActionRoutes } from '@/tracker/action-routes';
import { registerSarRoutes } from '@/privacy/sar-routes';
import { registerDigestRoutes, type DigestRouteDeps } from '@/digest/digest-routes';
import { registerTaskRoutes, type TaskRouteDeps } from '@/reminders/reminder-routes';
import { registerReminderPanelRoutes, type ReminderPanelRouteDeps } from '@/reminders/reminder-panel-routes';
import { registerExportRoutes } from '@/tracker/export-routes';
import { registerStaffRoutes } from '@/tracker/staff-routes';
import { registerHealthRoute } from '@/http/health-route';
import { registerTabStaticRoutes } from '@/http/tab-static-routes';
import { registerRegisterRoutes, type RegisterRouteDeps } from '@/register/register-routes';
import { registerInterventionRoutes, type InterventionRouteDeps } from '@/interventions/intervention-routes';
import { registerProvisionMapRoutes } from '@/provision-map/provision-map-routes';
import { registerPassportRoutes } from '@/passport/passport-routes';
import { registerEhcPlanRoutes } from '@/ehc-plans/ehc-plan-routes';
import { registerChronologyRoutes } from '@/chronology/chronology-routes';
import { registerStatutoryDeadlinesRoute } from '@/ehc-plans/statutory-deadlines-route';
import type { EhcPlanRepository } from '@/kernel/ports/ehc-plan-repository';
import { registerRetentionRoutes, type RetentionRouteDeps } from '@/privacy/retention-routes';
import type { PassportRepository } from '@/kernel/ports/passport-repository';
import type { DocumentStore } from '@/kernel/ports/document-store';
import { DOCUMENT_UPLOAD_ROUTE, registerDocumentRoutes } from '@/documents/document-routes';
import { registerRoleRoutes, type RoleRouteDeps } from '@/roles/role-routes';
import { OutboxActionRepository } from '@/storage/outbox/outbox-action-repository';

export interface AppDeps {
  config: Config;
  repo: ActionRepository;
  authenticate: Authenticate;
  logger: Logger;
  now: () => Date;
  /** The weekly digest's trigger, preview and outbox routes, when the digest is configured. */
  digest?: Pick<DigestRouteDeps, 'task' | 'links' | 'schoolName' | 'outbox' | 'taskKey'>;
  /** The built tab served at /tab/ (default `dist/tab` under the working directory). */
  tabDir?: string;
  /** The reminder task's HTTP trigger (POST /api/tasks/reminders) and the Reminders panel's routes, when reminders are configured. */
  reminders?: Pick<TaskRouteDeps, 'taskKey'> & Pick<ReminderPanelRouteDeps, 'reminderTask'>;
  /** The SEN register, interventions and provision map routes, when their stores are open. */
  register?: Pick<RegisterRouteDeps, 'register' | 'interventions' | 'onImported'> &
    Pick<InterventionRouteDeps, 'effectiveness'> &
    Pick<RetentionRouteDeps, 'retentionYears'> & {
      /** One-page profiles; their routes are served when this store is given. */
      passports?: PassportRepository;
      /** EHC plan records; their routes are served when this store and the role table are given (the SENCO owns the statutory steps). */
      ehcPlans?: EhcPlanRepository;
      /** Pupils' documents; their routes are served when this store is given. */
      documents?: DocumentStore;
    };
  /** The role table routes (`/api/roles`), when the role store is open. */
  roles?: Pick<RoleRouteDeps, 'roles' | 'onChange'>;
  /** The Teams bot (see bot/create-bot.ts): mounts `POST /api/messages` on this server. */
  bot?: { mount(server: restify.Server): void };
}

/**
 * The composition root's HTTP half: one restify server carrying the bot (`/api/messages`), the tab's
 * REST API and the built tab (`/tab/`). Optional parts are mounted only when configured. Returns it unstarted.
 */
export function createServer(deps: AppDeps): restify.Server {
  const server = restify.createServer({ name: 'send-tracker', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // JSON bodies up to 256 KB; a document upload's body is the file itself, read by its own route.
  const parseBody = restify.plugins.bodyParser({ mapParams: false, maxBodySize: 256 * 1024, rejectUnknown: true });
  server.use((req, res, next) =>
    req.method === 'PUT' && DOCUMENT_UPLOAD_ROUTE.test(req.path()) ? next() : inTurn(parseBody, req, res, next),
  );
  // The tab's JSON replies travel gzipped (a page of rows shrinks about tenfold). The bot's endpoint is
  // left to the Teams SDK, and the tab's files are compressed once at build (src/http/tab-static-routes.ts).
  const gzip = restify.plugins.gzipResponse();
  server.use((req, res, next) => (req.path().startsWith('/api/') && req.path() !== '/api/messages' ? gzip(req, res, next) : next()));

  const { repo } = deps;
  registerHealthRoute(server, {
    mode: deps.config.mode,
    repo,
    ...(repo instanceof OutboxActionRepository ? { outboxDepth: () => repo.pendingCount() } : {}),
  });
  deps.bot?.mount(server);
  registerActionRoutes(server, deps);
  registerStatutoryDeadlinesRoute(server, deps);
  registerSarRoutes(server, deps);
  if (deps.digest)
    registerDigestRoutes(server, {
      ...deps.digest,
      mode: deps.config.mode,
      authenticate: deps.authenticate,
      logger: deps.logger,
      now: deps.now,
    });
  if (deps.reminders) {
    registerTaskRoutes(server, { ...deps.reminders, mode: deps.config.mode, logger: deps.logger, now: deps.now });
    registerReminderPanelRoutes(server, { ...deps.reminders, authenticate: deps.authenticate, logger: deps.logger, now: deps.now });
  }
  registerExportRoutes(server, deps);
  if (deps.register) {
    const registerDeps = {
      ...deps.register,
      actions: deps.repo,
      roles: deps.roles?.roles,
      authenticate: deps.authenticate,
      logger: deps.logger,
      now: deps.now,
    };
    registerRegisterRoutes(server, registerDeps);
    registerInterventionRoutes(server, registerDeps);
    registerProvisionMapRoutes(server, { ...registerDeps, schoolDates: deps.config.reminders.schoolDates });
    registerRetentionRoutes(server, registerDeps);
    const { passports } = registerDeps;
    if (passports) registerPassportRoutes(server, { ...registerDeps, passports });
    registerChronologyRoutes(server, registerDeps);
    const { documents } = registerDeps;
    if (documents) registerDocumentRoutes(server, { ...registerDeps, documents });
    const { ehcPlans } = registerDeps;
    if (ehcPlans && deps.roles) registerEhcPlanRoutes(server, { ...registerDeps, plans: ehcPlans, roles: deps.roles.roles });
  }
  if (deps.roles) registerRoleRoutes(server, { ...deps.roles, authenticate: deps.authenticate, logger: deps.logger });
  registerStaffRoutes(server, { ...deps, knownStaff: deps.config.demoData ? Object.values(DEMO_STAFF) : [] });
  registerTabStaticRoutes(server, { tabDir: deps.tabDir ?? path.resolve('dist/tab'), logger: deps.logger });
  return server;
}

/** Runs restify handlers one after another, as `server.use` would, stopping at the first error. */
function inTurn(
  handlers: restify.RequestHandler | restify.RequestHandler[],
  req: restify.Request,
  res: restify.Response,
  done: restify.Next,
): void {
  const list = Array.isArray(handlers) ? handlers : [handlers];
  const step = (i: number) => (error?: unknown) => {
    if (error !== undefined && error !== null && error !== true) return done(error as Error);
    if (i === list.length) return done();
    list[i]!(req, res, step(i + 1) as restify.Next);
  };
  step(0)();
}
