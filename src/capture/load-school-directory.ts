import type { Pupil } from '@/kernel/action';
import { initials, type PupilRecord } from '@/kernel/pupil-record';
import type { RegisterRepository } from '@/kernel/ports/register-repository';
import { roleTable, type RoleDirectory } from '@/kernel/ports/role-directory';
import type { SchoolDirectory } from './capture-actions';

export interface SchoolDirectorySources {
  register: Pick<RegisterRepository, 'list'>;
  roles: Pick<RoleDirectory, 'list'>;
  /**
   * Pupils to offer while the register is empty (embedded mode: the demo school, whose demo actions
   * refer to its pupils by their demo ids). Tenant mode has none: no register, no pupils.
   */
  fallbackPupils?: Pupil[];
}

/**
 * A register pupil as the bot shows them: initials as staff write them in chats ("J.B."), never the
 * name or UPN; year groups outside Reception..Year 13 (nursery) have none.
 */
export function pupilOf(record: Pick<PupilRecord, 'id' | 'forename' | 'surname' | 'yearGroup'>): Pupil {
  return { id: record.id, name: initials(record), yearGroup: record.yearGroup >= 0 && record.yearGroup <= 13 ? record.yearGroup : null };
}

/** The school the bot reads messages against: on-roll pupils from the register, roles from the role table. */
export async function loadSchoolDirectory(sources: SchoolDirectorySources): Promise<SchoolDirectory> {
  const [records, roles] = await Promise.all([sources.register.list(), sources.roles.list()]);
  const pupils = records.length > 0 ? records.map(pupilOf) : (sources.fallbackPupils ?? []);
  return { pupils, roles: roleTable(roles) };
}
