import { z } from 'zod';
import { personSchema, type Actor, type Person } from '../action';

/**
 * A role word as staff write it in meetings ("SENCO", "Attendance lead"), stored lower case with
 * single spaces, which is how the capture parser looks roles up.
 */
export const roleNameSchema = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(60, 'must be at most 60 characters')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} '&/-]*$/u, 'must be words (letters, numbers, spaces)')
  .transform((role) => role.toLowerCase().replace(/\s+/g, ' '));

/** Setting one role: the word and who holds it. */
export const roleAssignmentInputSchema = z.strictObject({ role: roleNameSchema, person: personSchema });
export type RoleAssignmentInput = z.input<typeof roleAssignmentInputSchema>;

/** Who holds a role now, and who set it when. */
export interface RoleAssignment {
  role: string;
  person: Person;
  updatedBy: Actor;
  updatedAt: string;
}

/** One change to the role table, kept for ever. `previous` is null when the role was new. */
export interface RoleChange {
  role: string;
  person: Person;
  previous: Person | null;
  actor: Actor;
  at: string;
}

/**
 * Storage port for the school's role table (SQLite embedded, a SharePoint list in tenant mode). Each
 * role word maps to one person; every change is recorded with its actor and time.
 */
export interface RoleDirectory {
  /** Every role, by role word. */
  list(): Promise<RoleAssignment[]>;
  /** Gives `role` to `person` (replacing whoever held it) and records the change. @throws ValidationError */
  set(role: string, person: Person, actor: Actor): Promise<RoleAssignment>;
  /** Every change, oldest first. */
  history(): Promise<RoleChange[]>;
}

/** Role word -> person, as the capture parser takes it. */
export function roleTable(assignments: readonly RoleAssignment[]): Record<string, Person> {
  return Object.fromEntries(assignments.map((a) => [a.role, a.person]));
}
