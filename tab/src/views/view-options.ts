import type { Action } from '@/kernel/action';
import type { Option } from '@tab/components/TrackerFilters/TrackerFilters';

/** Distinct pupils and owners present in a list, sorted by name, for the filter pickers. */
export function filterOptions(actions: readonly Action[]): { pupils: Option[]; owners: Option[] } {
  const pupils = new Map<string, string>();
  const owners = new Map<string, string>();
  for (const a of actions) {
    pupils.set(a.pupil.id, a.pupil.name);
    owners.set(a.owner.id, a.owner.name);
  }
  const sorted = (m: Map<string, string>) =>
    [...m].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { pupils: sorted(pupils), owners: sorted(owners) };
}
