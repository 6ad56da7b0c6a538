import type { Viewer } from '@/kernel/access';
import type { ActionFacets } from '@/kernel/action-facets';
import type { ActionQueryInput } from '@/kernel/action';
import type { ActionRepository } from '@/kernel/ports/action-repository';

export type { ActionFacets } from '@/kernel/action-facets';

export type FacetScope = 'open' | 'archive' | 'all';

const SCOPES: Record<FacetScope, ActionQueryInput> = {
  open: {},
  archive: { statuses: ['done', 'parked'], includeArchived: true },
  all: { includeArchived: true },
};

/**
 * Who and which pupils appear among the items the viewer may see, open or archived: read once per
 * scope by the tab, so filtering and paging never ask for them again. The need-to-know rule travels
 * with the query, as for a page (`pageActions`).
 */
export function actionFacets(repo: ActionRepository, viewer: Viewer, scope: FacetScope): Promise<ActionFacets> {
  return repo.facets({ ...SCOPES[scope], visibleTo: viewer.sendTeam ? undefined : viewer.id });
}
