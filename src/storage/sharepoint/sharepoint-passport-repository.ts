import { actorSchema, type Actor } from '@/kernel/action';
import { parseInput } from '@/kernel/validate';
import { passportContentSchema, type Passport, type PassportContent } from '@/kernel/passport';
import { passportConflict, type PassportRepository } from '@/kernel/ports/passport-repository';
import type { RegisterStoreContext } from './register-store-options';
import { VersionedPupilRecords } from './versioned-pupil-records';

/** One-page profiles in the "SEND Pupil Passports" list, every version in "SEND Pupil Passport Versions". */
export class SharePointPassportRepository implements PassportRepository {
  private readonly now: () => Date;
  private readonly records: VersionedPupilRecords<Passport>;

  constructor(context: RegisterStoreContext) {
    this.now = context.now ?? (() => new Date());
    this.records = new VersionedPupilRecords(context, {
      current: 'passports',
      versions: 'passportVersions',
      what: 'profile',
      conflict: passportConflict,
    });
  }

  get(pupilId: string): Promise<Passport | null> {
    return this.records.get(pupilId);
  }

  /** @throws ConflictError, ValidationError */
  async save(pupilId: string, expectedVersion: number, input: PassportContent, actor: Actor): Promise<Passport> {
    const content = parseInput(passportContentSchema, input, 'content');
    const who = parseInput(actorSchema, actor, 'actor');
    return this.records.save(pupilId, expectedVersion, (version) => ({
      pupilId,
      content,
      version,
      updatedBy: who,
      updatedAt: this.now().toISOString(),
    }));
  }

  versions(pupilId: string): Promise<Passport[]> {
    return this.records.versions(pupilId);
  }
}
