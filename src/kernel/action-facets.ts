import type { Action, Pupil } from './action';
import { sortKey } from './action-view';

/** The pupils and owners among some items, for the tracker's filter pickers. */
export interface ActionFacets {
  pupils: Pupil[];
  owners: { id: string; name: string }[];
}

/** Which item's copy of a pupil or owner is shown: the last updated (then the greatest id), as SQL's max() picks it. */
const stamp = (a: Action) => `${a.updatedAt} ${a.id}`;

const byName = <T extends { id: string; name: string }>(a: T, b: T) => {
  const x = sortKey(a.name);
  const y = sortKey(b.name);
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/** Each pupil and owner once, by folded name, as of the latest item that names them. */
export function facetsOf(actions: readonly Action[]): ActionFacets {
  const latest = new Map<string, Action>();
  const owners = new Map<string, Action>();
  for (const a of actions) {
    const p = latest.get(a.pupil.id);
    if (!p || stamp(a) > stamp(p)) latest.set(a.pupil.id, a);
    const o = owners.get(a.owner.id);
    if (!o || stamp(a) > stamp(o)) owners.set(a.owner.id, a);
  }
  return sortFacets({
    pupils: [...latest.values()].map((a) => a.pupil),
    owners: [...owners.values()].map((a) => ({ id: a.owner.id, name: a.owner.name })),
  });
}

/** Pupils and owners in name order (accents and case folded), ties by id. */
export function sortFacets({ pupils, owners }: ActionFacets): ActionFacets {
  return { pupils: [...pupils].sort(byName), owners: [...owners].sort(byName) };
}
