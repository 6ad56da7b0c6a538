import type { SchoolDirectory } from './capture-actions';
import type { Person } from '@/kernel/action';

/** Where a turn's school directory comes from: fixed, or read per turn through a cache (see BotDeps). */
export interface DirectorySource {
  school: SchoolDirectory | (() => Promise<SchoolDirectory>);
  knownPeople: Person[];
}

/** The school directory for this turn: a fixed one, or the current copy of a cached one. */
export function schoolOf(deps: Pick<DirectorySource, 'school'>): Promise<SchoolDirectory> {
  return typeof deps.school === 'function' ? deps.school() : Promise.resolve(deps.school);
}

/** Staff known without a Teams lookup: the fixed list plus whoever holds a role now. */
export async function knownPeopleOf(deps: DirectorySource): Promise<Person[]> {
  return [...deps.knownPeople, ...Object.values((await schoolOf(deps)).roles)];
}
