import { initials, type PupilRecord } from '@/kernel/pupil-record';
import type { RegisterRepository } from '@/kernel/ports/register-repository';
import { roleTable, type RoleDirectory } from '@/kernel/ports/role-directory';
import type { SchoolDirectory } from './capture-actions';
import type { KnownPupil } from './parse/proposed-action';

export interface SchoolDirectorySources {
  register: Pick<RegisterRepository, 'list'>;
  roles: Pick<RoleDirectory, 'list'>;
  /**
   * Pupils offered beside the register's (embedded mode with demo data: the demo school, whose demo
   * actions refer to its pupils by their demo ids, beside the demo register's class). Tenant mode has none.
   */
  demoPupils?: KnownPupil[];
}

/**
 * A register pupil as the bot knows them: shown by initials as staff write them in chats ("J.B."),
 * never by name or UPN; the forename and surname stay in memory so "Leo Wilson" in a message can be
 * recognised (src/capture/parse/find-pupil.ts). Year groups outside Reception..Year 13 have none.
 */
export function pupilOf(record: Pick<PupilRecord, 'id' | 'forename' | 'surname' | 'yearGroup'>): KnownPupil {
  return {
    id: record.id,
    name: initials(record),
    yearGroup: record.yearGroup >= 0 && record.yearGroup <= 13 ? record.yearGroup : null,
    forename: record.forename,
    surname: record.surname,
  };
}

/** The school the bot reads messages against: on-roll pupils from the register, roles from the role table. */
export async function loadSchoolDirectory(sources: SchoolDirectorySources): Promise<SchoolDirectory> {
  const [records, roles] = await Promise.all([sources.register.list(), sources.roles.list()]);
  const pupils = [...records.map(pupilOf), ...(sources.demoPupils ?? [])];
  return { pupils, roles: roleTable(roles) };
}
