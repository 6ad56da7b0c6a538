import type { Request } from 'restify';
import { ForbiddenError } from '@/kernel/errors';
import type { Logger } from '@/platform/logger';
import type { Authenticate, User } from './identity';
import { jsonRoute } from './json-route';

/** What every SEND-team route needs besides its stores. */
export interface SendTeamRouteDeps {
  authenticate: Authenticate;
  logger: Logger;
  now: () => Date;
}

/**
 * Resolves the caller and refuses anyone outside the SEND team: the register, interventions, the
 * provision map, passports and the retention report are special-category data for the SEND team only.
 * @throws UnauthorizedError (no valid caller), ForbiddenError
 */
export function sendTeamOnly(
  authenticate: Authenticate,
  refusal = 'The SEN register is for the SEND team.',
): (req: Request) => Promise<User> {
  return async (req) => {
    const user = await authenticate(req.headers);
    if (!user.sendTeam) throw new ForbiddenError(refusal);
    return user;
  };
}

/** A JSON route for the SEND team only: the handler gets the checked caller. */
export function sendTeamRoute(authenticate: Authenticate, logger: Logger, refusal?: string) {
  const sendTeam = sendTeamOnly(authenticate, refusal);
  return (handler: (user: User, req: Request) => Promise<unknown>) => jsonRoute(logger, async (req) => handler(await sendTeam(req), req));
}
