import type Database from 'better-sqlite3';
import { actorSchema, type Actor } from '@/kernel/action';
import { parseInput } from '@/kernel/validate';
import { passportContentSchema, type Passport, type PassportContent } from '@/kernel/passport';
import { passportConflict, type PassportRepository } from '@/kernel/ports/passport-repository';
import { VersionedPupilRows } from './versioned-pupil-rows';

/** One-page profiles in the embedded SQLite file: the current one per pupil, and every saved version beside it (never deleted). */
export class SqlitePassportRepository implements PassportRepository {
  private readonly rows: VersionedPupilRows<Passport>;

  constructor(
    db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.rows = new VersionedPupilRows(db, 'passports', 'passport_versions', passportConflict);
  }

  async get(pupilId: string): Promise<Passport | null> {
    return this.rows.get(pupilId);
  }

  async versions(pupilId: string): Promise<Passport[]> {
    return this.rows.versions(pupilId);
  }

  async save(pupilId: string, expectedVersion: number, input: PassportContent, actor: Actor): Promise<Passport> {
    const content = parseInput(passportContentSchema, input, 'content');
    const who = parseInput(actorSchema, actor, 'actor');
    return this.rows.save(pupilId, expectedVersion, (version) => ({
      pupilId,
      content,
      version,
      updatedBy: who,
      updatedAt: this.now().toISOString(),
    }));
  }
}
