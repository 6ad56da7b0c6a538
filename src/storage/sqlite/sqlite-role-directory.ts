import type Database from 'better-sqlite3';
import { actorSchema, personSchema, type Actor, type Person } from '@/kernel/action';
import { parseInput } from '@/kernel/validate';
import { roleNameSchema, type RoleAssignment, type RoleChange, type RoleDirectory } from '@/kernel/ports/role-directory';
import { whenUnlocked } from './open-database';

interface DataRow {
  data: string;
}

/** The role table in the embedded SQLite file: one row per role word, every change in `role_history`. */
export class SqliteRoleDirectory implements RoleDirectory {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(): Promise<RoleAssignment[]> {
    return this.db
      .prepare<[], DataRow>('SELECT data FROM roles ORDER BY role')
      .all()
      .map((r) => JSON.parse(r.data) as RoleAssignment);
  }

  async set(roleInput: string, personInput: Person, actorInput: Actor): Promise<RoleAssignment> {
    const role = parseInput(roleNameSchema, roleInput, 'role');
    const person = parseInput(personSchema, personInput, 'person');
    const actor = parseInput(actorSchema, actorInput, 'actor');
    const at = this.now().toISOString();
    return whenUnlocked(this.db, () =>
      this.db
        .transaction((): RoleAssignment => {
          const row = this.db.prepare<[string], DataRow>('SELECT data FROM roles WHERE role = ?').get(role);
          const previous = row ? (JSON.parse(row.data) as RoleAssignment).person : null;
          const assignment: RoleAssignment = { role, person, updatedBy: actor, updatedAt: at };
          const change: RoleChange = { role, person, previous, actor, at };
          this.db
            .prepare('INSERT INTO roles (role, data) VALUES (?, ?) ON CONFLICT (role) DO UPDATE SET data = excluded.data')
            .run(role, JSON.stringify(assignment));
          this.db.prepare('INSERT INTO role_history (role, at, data) VALUES (?, ?, ?)').run(role, at, JSON.stringify(change));
          return assignment;
        })
        .immediate(),
    );
  }

  async history(): Promise<RoleChange[]> {
    return this.db
      .prepare<[], DataRow>('SELECT data FROM role_history ORDER BY seq')
      .all()
      .map((r) => JSON.parse(r.data) as RoleChange);
  }
}
