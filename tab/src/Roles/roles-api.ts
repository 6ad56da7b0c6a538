import type { Person } from '@/kernel/action';
import type { RoleAssignment, RoleChange } from '@/kernel/ports/role-directory';
import { sendRequest, type GetToken } from '@tab/api/send-request';

/** The role table routes (SEND team only): who holds each role word the bot resolves in meeting chats. */
export interface RolesApi {
  list(): Promise<RoleAssignment[]>;
  /** Gives `role` to `person`, replacing whoever held it. @throws ApiError with field problems */
  set(role: string, person: Person): Promise<RoleAssignment>;
  /** Every change, oldest first. */
  history(): Promise<RoleChange[]>;
}

/** @throws ApiError (403 outside the SEND team, 400 with problems for a bad role word) */
export function createRolesApi(getToken: GetToken): RolesApi {
  const json = async <T>(path: string, init?: { method: string; body: unknown }) =>
    (await (await sendRequest(getToken, path, init)).json()) as T;
  return {
    list: async () => (await json<{ roles: RoleAssignment[] }>('/api/roles')).roles,
    set: (role, person) => json('/api/roles', { method: 'PUT', body: { role, person } }),
    history: async () => (await json<{ changes: RoleChange[] }>('/api/roles/history')).changes,
  };
}
