import type { SchoolDirectory } from '../../src/commands/capture-actions';
import type { Person } from '../../src/domain/action';
import type { BotDeps } from '../bot-deps';

/** The school directory for this turn: a fixed one, or the current copy of a cached one. */
export function schoolOf(deps: Pick<BotDeps, 'school'>): Promise<SchoolDirectory> {
  return typeof deps.school === 'function' ? deps.school() : Promise.resolve(deps.school);
}

/** Staff known without a Teams lookup: the fixed list plus whoever holds a role now. */
export async function knownPeopleOf(deps: Pick<BotDeps, 'school' | 'knownPeople'>): Promise<Person[]> {
  return [...deps.knownPeople, ...Object.values((await schoolOf(deps)).roles)];
}
