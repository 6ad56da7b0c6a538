import type { Actor, Person } from '@/kernel/action';
import type { RoleDirectory } from '@/kernel/ports/role-directory';

/** Who the seed is recorded as in the role history. */
export const SEED_ACTOR: Actor = { id: 'send-tracker', name: 'SEND Tracker (demo data)' };

/**
 * Fills an empty role table with `roles` (the demo school's, in embedded mode with demo data), each
 * recorded in the history. Does nothing once any role is set, so the SEND lead's changes are kept.
 * Returns how many roles were added.
 */
export async function seedRolesIfEmpty(directory: RoleDirectory, roles: Record<string, Person>): Promise<number> {
  if ((await directory.list()).length > 0) return 0;
  for (const [role, person] of Object.entries(roles)) await directory.set(role, person, SEED_ACTOR);
  return Object.keys(roles).length;
}
