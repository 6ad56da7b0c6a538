import type { Server } from 'restify';
import type { z } from 'zod';
import { checkInReply, weeklyCheckIn } from './weekly-check-in';
import { actionFacets } from './action-facets';
import { toRow, type ActionRow } from '@/kernel/action-page';
import {
  actionHistory,
  changedSince,
  closeAction,
  createActions,
  pageActions,
  readAction,
  reopenAction,
  updateAction,
} from './action-commands';
import type { Action, NewActionInput } from '@/kernel/action';
import { londonDate } from '@/kernel/dates';
import { parseInput } from '@/kernel/validate';
import { ForbiddenError } from '@/kernel/errors';
import type { Logger } from '@/platform/logger';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import { jsonRoute } from '@/http/json-route';
import type { Authenticate, User } from '@/http/identity';
import {
  changesQuery,
  closeActionBody,
  createActionsBody,
  facetsQuery,
  pageActionsQuery,
  reopenActionBody,
  updateActionBody,
} from './action-schemas';

/** GET /api/actions: one page of rows (or whole items with `detail=full`), the total, where the page starts. */
export interface ActionListReply<Item = ActionRow> {
  actions: Item[];
  total: number;
  offset: number;
  limit: number;
}

export interface ActionRouteDeps {
  repo: ActionRepository;
  authenticate: Authenticate;
  logger: Logger;
  now: () => Date;
}

/** The tracker's REST API. Each route: who is calling, validate, one command (src/tracker/action-commands.ts), reply. */
export function registerActionRoutes(server: Server, { repo, authenticate, logger, now }: ActionRouteDeps): void {
  const route = (handler: (user: User, req: Parameters<Parameters<typeof jsonRoute>[1]>[0]) => Promise<unknown>) =>
    jsonRoute(logger, async (req) => handler(await authenticate(req.headers), req));

  server.get(
    '/api/me',
    route(async (user) => user),
  );

  const assertSendTeam = (user: User) => {
    if (!user.sendTeam) throw new ForbiddenError('The weekly check-in is for the SEND team.');
  };

  server.get(
    '/api/actions',
    route(async (user, req) => {
      const { query, bucket, detail } = parseInput(pageActionsQuery, req.query ?? {}, 'query');
      if (bucket) assertSendTeam(user);
      const { items, total, offset, limit } = await pageActions(repo, user, {
        ...query,
        bucket: bucket && { name: bucket, today: londonDate(now()) },
      });
      const reply: ActionListReply<Action | ActionRow> = { actions: detail === 'full' ? items : items.map(toRow), total, offset, limit };
      return reply;
    }),
  );

  server.get(
    '/api/actions/facets',
    route(async (user, req) => actionFacets(repo, user, parseInput(facetsQuery, req.query ?? {}, 'query').scope)),
  );

  /** The live tracker's change feed: the tab asks every few seconds, and reloads its view when something changed. */
  server.get(
    '/api/actions/changes',
    route(async (user, req) => changedSince(repo, user, parseInput(changesQuery, req.query ?? {}, 'query').cursor ?? null)),
  );

  server.get(
    '/api/check-in',
    route(async (user) => {
      assertSendTeam(user);
      return checkInReply(await weeklyCheckIn(repo, londonDate(now())));
    }),
  );

  server.get(
    '/api/actions/:id',
    route(async (user, req) => readAction(repo, user, req.params.id)),
  );
  server.get(
    '/api/actions/:id/history',
    route(async (user, req) => ({ history: await actionHistory(repo, user, req.params.id) })),
  );

  server.post(
    '/api/actions',
    route(async (user, req) => ({
      actions: await createActions(repo, user, parseInput(createActionsBody, req.body).actions as NewActionInput[]),
    })),
  );

  /** A change to one action: validate the body, then the one command for it. */
  const changeRoute = <S extends z.ZodType>(schema: S, apply: (user: User, id: string, body: z.output<S>) => Promise<Action>) =>
    route(async (user, req) => apply(user, req.params.id, parseInput(schema, req.body)));

  server.patch(
    '/api/actions/:id',
    changeRoute(updateActionBody, (user, id, body) => updateAction(repo, user, { id, version: body.version }, body.patch)),
  );
  server.post(
    '/api/actions/:id/close',
    changeRoute(closeActionBody, (user, id, body) => closeAction(repo, user, { id, version: body.version }, body.close)),
  );
  server.post(
    '/api/actions/:id/reopen',
    changeRoute(reopenActionBody, (user, id, body) => reopenAction(repo, user, { id, version: body.version }, body.note)),
  );
}
