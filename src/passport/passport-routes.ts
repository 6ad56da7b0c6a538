import type { Request, Response, Server } from 'restify';
import { londonDate } from '@/kernel/dates';
import { parseInput } from '@/kernel/validate';
import type { Logger } from '@/platform/logger';
import { EMPTY_PASSPORT, savePassportSchema } from '@/kernel/passport';
import { passportDocx } from './passport-docx';
import { addDocument } from '@/documents/document-commands';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import type { DocumentStore } from '@/kernel/ports/document-store';
import type { PassportRepository } from '@/kernel/ports/passport-repository';
import type { RegisterRepository } from '@/kernel/ports/register-repository';
import { jsonRoute, sendError } from '@/http/json-route';
import type { Authenticate } from '@/http/identity';
import { sendTeamOnly } from '@/http/send-team';

export interface PassportRouteDeps {
  register: RegisterRepository;
  passports: PassportRepository;
  /** The pupils' documents: when given, the profile can be saved into the pupil's folder as the current one. */
  documents?: DocumentStore;
  /** The tracker: replacing the current profile parks the review item of the one it replaces. */
  actions: ActionRepository;
  logger: Logger;
  now: () => Date;
  authenticate: Authenticate;
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** GET/PUT a pupil's one-page profile, download it as a Word document, and save that into the pupil's documents. */
export function registerPassportRoutes(
  server: Server,
  { register, passports, documents, actions, logger, now, authenticate }: PassportRouteDeps,
): void {
  const sendTeam = sendTeamOnly(authenticate);
  server.get(
    '/api/register/pupils/:id/passport',
    jsonRoute(logger, async (req) => {
      await sendTeam(req);
      const pupil = await register.get(req.params.id);
      return (await passports.get(pupil.id)) ?? { pupilId: pupil.id, content: EMPTY_PASSPORT, version: 0 };
    }),
  );

  server.put(
    '/api/register/pupils/:id/passport',
    jsonRoute(logger, async (req) => {
      const user = await sendTeam(req);
      const body = parseInput(savePassportSchema, req.body);
      const pupil = await register.get(req.params.id);
      return passports.save(pupil.id, body.version, body.content, user);
    }),
  );

  if (documents)
    server.post(
      '/api/register/pupils/:id/passport/save-to-documents',
      jsonRoute(logger, async (req) => {
        const user = await sendTeam(req);
        const pupil = await register.get(req.params.id);
        const passport = await passports.get(pupil.id);
        const today = londonDate(now());
        const bytes = await passportDocx(
          pupil,
          passport?.content ?? EMPTY_PASSPORT,
          passport ? londonDate(new Date(passport.updatedAt)) : today,
        );
        // In the pupil's own folder, so the name needs no initials; the date tells versions apart.
        const name = `One-page profile ${today}.docx`;
        const input = { pupilId: pupil.id, name, type: 'one_page_profile' as const, contentType: DOCX_TYPE };
        return addDocument({ documents, actions, register }, input, bytes, user);
      }),
    );

  server.get('/api/register/pupils/:id/passport.docx', async (req: Request, res: Response) => {
    try {
      await sendTeam(req);
      const pupil = await register.get(req.params.id);
      const passport = await passports.get(pupil.id);
      const updated = passport ? londonDate(new Date(passport.updatedAt)) : londonDate(now());
      // The file name carries initials only: downloads folders and email attachments get seen.
      const name = `profile-${pupil.forename[0] ?? ''}${pupil.surname[0] ?? ''}-${updated}.docx`.replace(/[^A-Za-z0-9.-]/g, '');
      res.sendRaw(200, await passportDocx(pupil, passport?.content ?? EMPTY_PASSPORT, updated), {
        'Content-Type': DOCX_TYPE,
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': 'no-store',
      });
    } catch (error) {
      sendError(res, error, logger);
    }
  });
}
