import { GraphError } from '@microsoft/microsoft-graph-client';
import { actorSchema, type Actor } from '@/kernel/action';
import { parseInput } from '@/kernel/validate';
import { ConflictError } from '@/kernel/errors';
import { passportContentSchema, type Passport, type PassportContent } from '@/kernel/passport';
import type { PassportRepository } from '@/kernel/ports/passport-repository';
import { findItemByKey, findItemsWhere } from './graph-lookup';
import type { GraphListItem } from './graph-shapes';
import { graphFailure, jsonColumn, lookupTarget, type RegisterStoreContext } from './register-store-options';

const statusOf = (error: unknown): number | undefined => (error instanceof GraphError ? error.statusCode : undefined);

/**
 * One-page profiles in the "SEND Pupil Passports" list: one item per pupil (`PupilId` unique), the
 * profile as JSON with its version. The first save is a create (a second first save gets 409); later
 * saves PATCH with `If-Match` on the eTag read with the version, so two editors never overwrite each
 * other: the loser gets ConflictError with the stored version, as in SQLite.
 */
export class SharePointPassportRepository implements PassportRepository {
  private readonly now: () => Date;

  constructor(private readonly context: RegisterStoreContext) {
    this.now = context.now ?? (() => new Date());
  }

  async get(pupilId: string): Promise<Passport | null> {
    const item = await this.readItem(pupilId);
    return item ? jsonColumn<Passport>(item, 'profile') : null;
  }

  /** @throws ConflictError, ValidationError */
  async save(pupilId: string, expectedVersion: number, input: PassportContent, actor: Actor): Promise<Passport> {
    const content = parseInput(passportContentSchema, input, 'content');
    const who = parseInput(actorSchema, actor, 'actor');
    const { passports } = await this.context.lists.paths();
    const item = await this.readItem(pupilId);
    const current = item ? jsonColumn<Passport>(item, 'profile').version : 0;
    if (current !== expectedVersion) throw conflict(current, expectedVersion);
    const passport: Passport = { pupilId, content, version: current + 1, updatedBy: who, updatedAt: this.now().toISOString() };
    const fields = { Title: pupilId, PupilId: pupilId, Version: passport.version, Data: JSON.stringify(passport) };
    let written = true;
    try {
      if (item) await this.context.client.api(`${passports}/items/${item.id}/fields`).header('If-Match', item.eTag).patch(fields);
      else await this.context.client.api(`${passports}/items`).post({ fields });
    } catch (error) {
      if (statusOf(error) !== 409 && statusOf(error) !== 412) throw graphFailure(error, 'save the profile');
      written = false;
    }
    if (!written) {
      // Someone saved between our read and our write: report the version they left.
      const now = await this.readItem(pupilId);
      throw conflict(now ? jsonColumn<Passport>(now, 'profile').version : 0, expectedVersion);
    }
    await this.appendVersion(passport);
    return passport;
  }

  /** Every saved version, oldest first; the current profile counts even if its version entry was never appended. */
  async versions(pupilId: string): Promise<Passport[]> {
    const { passportVersions } = await this.context.lists.paths();
    const items = await findItemsWhere(lookupTarget(this.context, passportVersions), 'PupilId', [pupilId]);
    const saved = new Map(items.map((i) => jsonColumn<Passport>(i, 'profile version')).map((p) => [p.version, p]));
    const current = await this.get(pupilId);
    if (current && !saved.has(current.version)) saved.set(current.version, current);
    return [...saved.values()].sort((a, b) => a.version - b.version);
  }

  /** Appends the version entry, keyed by pupil and version, so a repeat is a harmless 409. */
  private async appendVersion(passport: Passport): Promise<void> {
    const { passportVersions } = await this.context.lists.paths();
    const fields = {
      Title: passport.pupilId,
      VersionKey: `${passport.pupilId}#${passport.version}`,
      PupilId: passport.pupilId,
      Version: passport.version,
      Data: JSON.stringify(passport),
    };
    try {
      await this.context.client.api(`${passportVersions}/items`).post({ fields });
    } catch (error) {
      if (statusOf(error) !== 409) throw graphFailure(error, 'keep the profile version');
    }
  }

  private async readItem(pupilId: string): Promise<GraphListItem | undefined> {
    const { passports } = await this.context.lists.paths();
    return findItemByKey(lookupTarget(this.context, passports), 'PupilId', pupilId);
  }
}

function conflict(current: number, expected: number): ConflictError {
  return new ConflictError(
    `This profile was changed since you opened it (version ${current}, you had ${expected}). Reload and try again.`,
    current,
  );
}
