import type { Viewer } from '@/kernel/access';
import type { ActionQueryInput, Pupil } from '@/kernel/action';
import { sortKey } from '@/kernel/action-view';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import { listActions } from './action-commands';

/** The pupils and owners a tracker scope holds, for its filter pickers. */
export interface ActionFacets {
  pupils: Pupil[];
  owners: { id: string; name: string }[];
}

export type FacetScope = 'open' | 'archive' | 'all';

const SCOPES: Record<FacetScope, ActionQueryInput> = {
  open: {},
  archive: { statuses: ['done', 'parked'], includeArchived: true },
  all: { includeArchived: true },
};

const byName = <T extends { id: string; name: string }>(a: T, b: T) =>
  sortKey(a.name) < sortKey(b.name) ? -1 : sortKey(a.name) > sortKey(b.name) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Who and which pupils appear among the items the viewer may see, open or archived: read once per
 * scope by the tab, so filtering and paging never ask for them again.
 */
export async function actionFacets(repo: ActionRepository, viewer: Viewer, scope: FacetScope): Promise<ActionFacets> {
  const items = await listActions(repo, viewer, SCOPES[scope]);
  const pupils = new Map<string, Pupil>();
  const owners = new Map<string, { id: string; name: string }>();
  for (const a of items) {
    pupils.set(a.pupil.id, a.pupil);
    owners.set(a.owner.id, { id: a.owner.id, name: a.owner.name });
  }
  return { pupils: [...pupils.values()].sort(byName), owners: [...owners.values()].sort(byName) };
}
