import type { Request, Server } from 'restify';
import { parseInput } from '@/kernel/validate';
import { ForbiddenError } from '@/kernel/errors';
import type { Logger } from '@/platform/logger';
import type { RoleDirectory } from '@/kernel/ports/role-directory';
import { jsonRoute } from '@/http/json-route';
import type { Authenticate, User } from '@/http/identity';
import { setRoleBody } from './role-schemas';

export interface RoleRouteDeps {
  roles: RoleDirectory;
  authenticate: Authenticate;
  logger: Logger;
  /** Called after a change, so this instance's bot sees it at once (other instances within the cache TTL). */
  onChange?: () => void;
}

/**
 * The school's role table ("SENCO", "attendance lead" -> a person), which the bot uses to find owners.
 * SEND team only: `GET /api/roles`, `PUT /api/roles` (one role, recorded with actor and time) and
 * `GET /api/roles/history`.
 */
export function registerRoleRoutes(server: Server, { roles, authenticate, logger, onChange }: RoleRouteDeps): void {
  const sendTeam = async (req: Request): Promise<User> => {
    const user = await authenticate(req.headers);
    if (!user.sendTeam) throw new ForbiddenError('Only the SEND team can see or change who holds each role.');
    return user;
  };

  server.get(
    '/api/roles',
    jsonRoute(logger, async (req) => {
      await sendTeam(req);
      return { roles: await roles.list() };
    }),
  );

  server.put(
    '/api/roles',
    jsonRoute(logger, async (req) => {
      const user = await sendTeam(req);
      const body = parseInput(setRoleBody, req.body);
      const saved = await roles.set(body.role, body.person, { id: user.id, name: user.name, ...(user.email ? { email: user.email } : {}) });
      onChange?.();
      return saved;
    }),
  );

  server.get(
    '/api/roles/history',
    jsonRoute(logger, async (req) => {
      await sendTeam(req);
      return { changes: await roles.history() };
    }),
  );
}
