import type { Request, Response, Server } from 'restify';
import type { Authenticate, User } from '@/http/identity';
import { jsonRoute, sendError } from '@/http/json-route';
import { ForbiddenError } from '@/kernel/errors';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import type { DocumentStore } from '@/kernel/ports/document-store';
import type { RegisterRepository } from '@/kernel/ports/register-repository';
import { parseInput } from '@/kernel/validate';
import { londonDate } from '@/kernel/dates';
import { pupilLabel } from '@/kernel/pupil-label';
import { initials } from '@/kernel/pupil-record';
import type { PupilDocument } from '@/kernel/pupil-document';
import type { Logger } from '@/platform/logger';
import { addDocument, makeDocumentCurrent } from './document-commands';
import { makeCurrentBody, uploadQuery } from './document-schemas';
import { readUpload } from './read-upload';

export interface DocumentRouteDeps {
  register: RegisterRepository;
  actions: ActionRepository;
  documents: DocumentStore;
  authenticate: Authenticate;
  logger: Logger;
  now: () => Date;
}

/** A document past its review date, as the weekly check-in lists it (SEND team). */
export interface DocumentPastReview {
  id: string;
  pupilId: string;
  /** Initials and year, as the tracker shows pupils. */
  pupil: string;
  type: PupilDocument['type'];
  name: string;
  reviewDate: string;
}

/** The path of the upload route: its body is the file, so the JSON body parser passes it by. */
export const DOCUMENT_UPLOAD_ROUTE = /^\/api\/register\/pupils\/[^/]+\/documents$/;

const NOT_SHARED = 'These documents are for the SEND team and staff who hold an open item for this pupil.';

/**
 * A pupil's documents. Who may see them follows the rule for records: the SEND team sees every
 * pupil's; other staff see (never change) those of pupils they hold an open item for. Only the SEND
 * team uploads and makes a document current.
 */
export function registerDocumentRoutes(server: Server, deps: DocumentRouteDeps): void {
  const { register, actions, documents, authenticate, logger } = deps;

  /** @throws ForbiddenError (without saying whether the pupil exists) */
  async function mayRead(user: User, pupilId: string): Promise<void> {
    if (user.sendTeam) return;
    const held = await actions.page({ pupilId, visibleTo: user.id, limit: 1 });
    if (held.total === 0) throw new ForbiddenError(NOT_SHARED);
  }
  async function sendTeam(req: Request, refusal = 'Only the SEND team adds documents or changes which one is current.'): Promise<User> {
    const user = await authenticate(req.headers);
    if (!user.sendTeam) throw new ForbiddenError(refusal);
    return user;
  }

  server.get(
    '/api/register/pupils/:id/documents',
    jsonRoute(logger, async (req) => {
      const user = await authenticate(req.headers);
      await mayRead(user, req.params.id);
      const pupil = await register.get(req.params.id);
      return { documents: await documents.list(pupil.id), canChange: user.sendTeam };
    }),
  );

  server.get(
    '/api/check-in/documents',
    jsonRoute(logger, async (req) => {
      await sendTeam(req, 'The documents check is for the SEND team.');
      const [due, pupils] = await Promise.all([documents.pastReview(londonDate(deps.now())), register.list({ includeOffRoll: true })]);
      const byId = new Map(pupils.map((p) => [p.id, p]));
      return {
        documents: due.map((d): DocumentPastReview => {
          const pupil = byId.get(d.pupilId);
          return {
            id: d.id,
            pupilId: d.pupilId,
            pupil: pupil ? pupilLabel({ name: initials(pupil), yearGroup: pupil.yearGroup }) : 'Not on the register',
            type: d.type,
            name: d.name,
            reviewDate: d.reviewDate!,
          };
        }),
      };
    }),
  );

  server.put('/api/register/pupils/:id/documents', async (req: Request, res: Response) => {
    try {
      const user = await sendTeam(req);
      const pupil = await register.get(req.params.id);
      const q = parseInput(uploadQuery, req.query ?? {}, 'query');
      const content = await readUpload(req);
      res.json(200, await addDocument(deps, { ...q, pupilId: pupil.id, contentType: req.headers['content-type'] }, content, user));
    } catch (error) {
      sendError(res, error, logger);
    }
  });

  server.post(
    '/api/documents/:id/make-current',
    jsonRoute(logger, async (req) => {
      const user = await sendTeam(req);
      const { version } = parseInput(makeCurrentBody, req.body);
      return makeDocumentCurrent(deps, req.params.id, version, user);
    }),
  );

  const serveFile = async (req: Request, res: Response) => {
    try {
      const user = await authenticate(req.headers);
      const document = await documents.get(req.params.id).catch(() => {
        throw new ForbiddenError(NOT_SHARED);
      });
      await mayRead(user, document.pupilId);
      res.sendRaw(200, Buffer.from(await documents.content(document.id)), {
        'Content-Type': document.contentType,
        // The stored name is checked (no quotes, slashes or control characters); encoded for any other character.
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(document.name)}`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      });
    } catch (error) {
      sendError(res, error, logger);
    }
  };
  server.get('/api/documents/:id/content', serveFile);
  // The same file under its name: an evidence link to it reads "Support plan.pdf on <host>" on an item.
  server.get('/api/documents/:id/files/:name', serveFile);
}
