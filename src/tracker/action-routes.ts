import type { Server } from 'restify';
import type { z } from 'zod';
import { weeklyCheckIn } from './weekly-check-in';
import { assertCanChange, canSee } from '@/kernel/access';
import type { Action, NewActionInput } from '@/kernel/action';
import { londonDate } from '@/kernel/dates';
import { parseInput } from '@/kernel/validate';
import { ForbiddenError, NotFoundError } from '@/kernel/errors';
import type { Logger } from '@/platform/logger';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import { jsonRoute } from '@/http/json-route';
import type { Authenticate, User } from '@/http/identity';
import { closeActionBody, createActionsBody, listActionsQuery, reopenActionBody, updateActionBody } from './action-schemas';

export interface ActionRouteDeps {
  repo: ActionRepository;
  authenticate: Authenticate;
  logger: Logger;
  now: () => Date;
}

/** The tracker's REST API. Each route: who is calling, validate, one repository call, reply. */
export function registerActionRoutes(server: Server, { repo, authenticate, logger, now }: ActionRouteDeps): void {
  const route = (handler: (user: User, req: Parameters<Parameters<typeof jsonRoute>[1]>[0]) => Promise<unknown>) =>
    jsonRoute(logger, async (req) => handler(await authenticate(req.headers), req));

  /** Reads an action the caller may see; someone else's id is "not found", so ids reveal nothing. */
  const visible = async (user: User, id: string): Promise<Action> => {
    const action = await repo.get(id);
    if (!canSee(user, action)) throw new NotFoundError(`No action with id ${id}`);
    return action;
  };

  server.get(
    '/api/me',
    route(async (user) => user),
  );

  server.get(
    '/api/actions',
    route(async (user, req) => {
      const query = parseInput(listActionsQuery, req.query ?? {}, 'query');
      return { actions: (await repo.query(query)).filter((a) => canSee(user, a)) };
    }),
  );

  server.get(
    '/api/check-in',
    route(async (user) => {
      if (!user.sendTeam) throw new ForbiddenError('The weekly check-in is for the SEND team.');
      return weeklyCheckIn(repo, londonDate(now()));
    }),
  );

  server.get(
    '/api/actions/:id',
    route(async (user, req) => visible(user, req.params.id)),
  );
  server.get(
    '/api/actions/:id/history',
    route(async (user, req) => ({ history: await repo.history((await visible(user, req.params.id)).id) })),
  );

  server.post(
    '/api/actions',
    route(async (user, req) => {
      const body = parseInput(createActionsBody, req.body);
      return { actions: await repo.createMany(body.actions as NewActionInput[], user) };
    }),
  );

  /** A change to one action: validate the body, check the caller may change it, then one repository call. */
  const changeRoute = <S extends z.ZodType>(schema: S, apply: (id: string, body: z.output<S>, user: User) => Promise<Action>) =>
    route(async (user, req) => {
      const body = parseInput(schema, req.body);
      assertCanChange(user, await visible(user, req.params.id));
      return apply(req.params.id, body, user);
    });

  server.patch(
    '/api/actions/:id',
    changeRoute(updateActionBody, (id, body, user) => repo.update(id, body.version, body.patch, user)),
  );
  server.post(
    '/api/actions/:id/close',
    changeRoute(closeActionBody, (id, body, user) => repo.close(id, body.version, body.close, user)),
  );

  server.post(
    '/api/actions/:id/reopen',
    route(async (user, req) => {
      const body = parseInput(reopenActionBody, req.body);
      if (!user.sendTeam) throw new ForbiddenError('Only the SEND team can reopen an archived item.');
      await visible(user, req.params.id);
      return repo.reopen(req.params.id, body.version, body.note, user);
    }),
  );
}
