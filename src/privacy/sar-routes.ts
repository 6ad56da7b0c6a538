import type { Request, Response, Server } from 'restify';
import type { Authenticate } from '@/http/identity';
import { jsonRoute, sendError } from '@/http/json-route';
import type { Action } from '@/kernel/action';
import { buildChronology, type ChronologyEvent } from '@/kernel/chronology';
import type { DocumentStore } from '@/kernel/ports/document-store';
import type { DocumentEvent, FileVersion, PupilDocument } from '@/kernel/pupil-document';
import type { EhcPlan } from '@/kernel/ehc-plan';
import type { EhcPlanRepository } from '@/kernel/ports/ehc-plan-repository';
import { ForbiddenError, NotFoundError } from '@/kernel/errors';
import type { HistoryEntry } from '@/kernel/history';
import type { Intervention } from '@/kernel/intervention';
import type { Passport } from '@/kernel/passport';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import type { InterventionRepository } from '@/kernel/ports/intervention-repository';
import type { PassportRepository } from '@/kernel/ports/passport-repository';
import type { RegisterRepository } from '@/kernel/ports/register-repository';
import type { PupilRecord } from '@/kernel/pupil-record';
import { parseInput } from '@/kernel/validate';
import type { Logger } from '@/platform/logger';
import { sarDocument } from './sar-document';
import { sarExportParams } from './sar-schemas';

export interface SarRouteDeps {
  repo: ActionRepository;
  authenticate: Authenticate;
  logger: Logger;
  now: () => Date;
  /** The register-side stores, when open: their records about the pupil are part of the export. */
  register?: {
    register: RegisterRepository;
    interventions: InterventionRepository;
    passports?: PassportRepository;
    ehcPlans?: EhcPlanRepository;
    documents?: DocumentStore;
  };
}

/** The body of a subject access export: every record the app holds that names one pupil, with its history. */
export interface PupilExport {
  pupilId: string;
  exportedAt: string;
  exportedBy: { id: string; name: string };
  /** The SEN register record as imported from the MIS (name, date of birth, UPN, SEN status, needs, attendance), or null. */
  register: PupilRecord | null;
  /** The one-page profile as it stands, or null. */
  passport: Passport | null;
  /** Every saved version of the profile, oldest first, with who saved each and when. */
  passportVersions: Passport[];
  /** Interventions the pupil takes part in, with every baseline, mid and end measure. */
  interventions: Intervention[];
  /** Every saved version of the EHC plan record (its dates), oldest first. */
  ehcPlanVersions: EhcPlan[];
  /**
   * A manifest of the pupil's documents (current and superseded; the files themselves on request,
   * each opened from the Pupil view) with every version of each file (edits saved in SharePoint
   * too), and every upload and make-current, oldest first.
   */
  documents: (PupilDocument & { fileVersions: FileVersion[] })[];
  documentEvents: DocumentEvent[];
  /** Open and archived actions alike, each with its history oldest first. */
  actions: { action: Action; history: HistoryEntry[] }[];
  /** All of the above as one chronology, newest first (as the Pupil view shows it). */
  chronology: ChronologyEvent[];
}

const orNull = <T>(read: Promise<T>): Promise<T | null> =>
  read.catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });

/**
 * `GET /api/pupils/:pupilId/export` (JSON) and `/export.docx` (the same, as a Word document a person
 * can read): everything the school holds about one pupil in the app, for a subject access request —
 * the register record, the one-page profile and every version of it, interventions and measures, and
 * every tracker action with its full audit trail (archived ones too). SEND team only (403 for anyone
 * else). The export is logged by ids and counts only.
 */
export function registerSarRoutes(server: Server, deps: SarRouteDeps): void {
  const { logger } = deps;
  server.get(
    '/api/pupils/:pupilId/export',
    jsonRoute(logger, async (req) => exportFor(deps, req.headers, req.params)),
  );
  server.get('/api/pupils/:pupilId/export.docx', async (req: Request, res: Response) => {
    try {
      const exported = await exportFor(deps, req.headers, req.params);
      // The file name carries no name: downloads folders and email attachments get seen.
      res.sendRaw(200, await sarDocument(exported), {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'Content-Disposition': `attachment; filename="subject-access-export-${exported.exportedAt.slice(0, 10)}.docx"`,
        'Cache-Control': 'no-store',
      });
    } catch (error) {
      sendError(res, error, logger);
    }
  });
}

/** Each document with its file's versions (one more read per document: an export is rare, and must be whole). */
async function listWithVersions(store: DocumentStore, pupilId: string): Promise<PupilExport['documents']> {
  const documents = await store.list(pupilId);
  return Promise.all(documents.map(async (d) => ({ ...d, fileVersions: await store.fileVersions(d.id) })));
}

async function exportFor(
  { repo, authenticate, logger, now, register }: SarRouteDeps,
  headers: Request['headers'],
  params: unknown,
): Promise<PupilExport> {
  const user = await authenticate(headers);
  if (!user.sendTeam) throw new ForbiddenError('Only the SEND team can export a pupil’s records.');
  const { pupilId } = parseInput(sarExportParams, params);
  const [actions, record, passport, passportVersions, interventions, ehcPlanVersions, documents, documentEvents] = await Promise.all([
    repo.query({ pupilId, includeArchived: true }),
    register ? orNull(register.register.get(pupilId)) : null,
    register?.passports ? register.passports.get(pupilId) : null,
    register?.passports ? register.passports.versions(pupilId) : [],
    register ? register.interventions.list({ pupilId }) : [],
    register?.ehcPlans ? register.ehcPlans.versions(pupilId) : [],
    register?.documents ? listWithVersions(register.documents, pupilId) : [],
    register?.documents ? register.documents.events(pupilId) : [],
  ]);
  const withHistory = await Promise.all(actions.map(async (action) => ({ action, history: await repo.history(action.id) })));
  logger.info({ pupilId, actorId: user.id, actions: actions.length, interventions: interventions.length }, 'subject access export');
  return {
    pupilId,
    exportedAt: now().toISOString(),
    exportedBy: { id: user.id, name: user.name },
    register: record,
    passport,
    passportVersions,
    interventions,
    ehcPlanVersions,
    documents,
    documentEvents,
    actions: withHistory,
    chronology: buildChronology({ register: record, actions, interventions, passportVersions, ehcPlanVersions }),
  };
}
