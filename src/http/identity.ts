import type { Actor } from '@/kernel/action';

/** Who is calling the REST API, and whether they are in the SEND team (who see and edit everything). */
export interface User extends Actor {
  sendTeam: boolean;
}

/**
 * Finds the caller of a request. Embedded mode uses one local identity; tenant mode validates the
 * Teams SSO token. Implementations throw an AppError with status 401 when there is no valid caller.
 */
export type Authenticate = (headers: Record<string, string | string[] | undefined>) => Promise<User>;

/** Embedded mode: everyone on this laptop is the configured local user (by default the demo SENCO). */
export function localIdentity(user: User): Authenticate {
  return async () => user;
}
