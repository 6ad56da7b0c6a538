import type Database from 'better-sqlite3';
import { actorSchema, type Actor } from '@/kernel/action';
import { parseInput } from '@/kernel/validate';
import { ConflictError } from '@/kernel/errors';
import { passportContentSchema, type Passport, type PassportContent } from '@/kernel/passport';
import type { PassportRepository } from '@/kernel/ports/passport-repository';
import { whenUnlocked } from './open-database';

/** One-page profiles in the embedded SQLite file: the current one per pupil, and every saved version beside it (never deleted). */
export class SqlitePassportRepository implements PassportRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(pupilId: string): Promise<Passport | null> {
    const row = this.db.prepare<[string], { data: string }>('SELECT data FROM passports WHERE pupil_id = ?').get(pupilId);
    return row ? (JSON.parse(row.data) as Passport) : null;
  }

  async versions(pupilId: string): Promise<Passport[]> {
    return this.db
      .prepare<[string], { data: string }>('SELECT data FROM passport_versions WHERE pupil_id = ? ORDER BY version')
      .all(pupilId)
      .map((row) => JSON.parse(row.data) as Passport);
  }

  async save(pupilId: string, expectedVersion: number, input: PassportContent, actor: Actor): Promise<Passport> {
    const content = parseInput(passportContentSchema, input, 'content');
    const who = parseInput(actorSchema, actor, 'actor');
    return whenUnlocked(this.db, () =>
      this.db
        .transaction(() => {
          const current =
            this.db.prepare<[string], { version: number }>('SELECT version FROM passports WHERE pupil_id = ?').get(pupilId)?.version ?? 0;
          if (current !== expectedVersion) {
            throw new ConflictError(
              `This profile was changed since you opened it (version ${current}, you had ${expectedVersion}). Reload and try again.`,
              current,
            );
          }
          const passport: Passport = { pupilId, content, version: current + 1, updatedBy: who, updatedAt: this.now().toISOString() };
          this.db
            .prepare(
              'INSERT INTO passports (pupil_id, version, data) VALUES (?, ?, ?) ON CONFLICT (pupil_id) DO UPDATE SET version = excluded.version, data = excluded.data',
            )
            .run(pupilId, passport.version, JSON.stringify(passport));
          this.db
            .prepare('INSERT INTO passport_versions (pupil_id, version, data) VALUES (?, ?, ?)')
            .run(pupilId, passport.version, JSON.stringify(passport));
          return passport;
        })
        .immediate(),
    );
  }
}
