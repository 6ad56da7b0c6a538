/** Views every member of staff has. `item` is not a view of its own: it opens the item panel over the tracker. */
export const TRACKER_VIEWS = ['tracker', 'check-in', 'my-actions', 'pupil', 'archive'] as const;
/** Views over special-category data (register, interventions, digests), reminder runs and the role table: offered to the SEND team only. */
export const SEND_TEAM_VIEWS = ['register', 'interventions', 'provision', 'digest', 'reminders', 'roles'] as const;
export const VIEWS = [...TRACKER_VIEWS, ...SEND_TEAM_VIEWS] as const;
export type ViewName = (typeof VIEWS)[number];

export const VIEW_LABELS: Record<ViewName, string> = {
  tracker: 'Live tracker',
  'check-in': 'Weekly check-in',
  'my-actions': 'My actions',
  pupil: 'Pupil',
  archive: 'Archive',
  register: 'SEN register',
  interventions: 'Interventions',
  provision: 'Provision map',
  digest: 'Digest preview',
  reminders: 'Reminders',
  roles: 'Roles',
};

/**
 * The views to offer in the navigation. Hiding is a courtesy only: the server refuses the SEND-team
 * routes to anyone else (403), and a view opened by URL explains that refusal.
 */
export function visibleViews(sendTeam: boolean): readonly ViewName[] {
  return sendTeam ? VIEWS : TRACKER_VIEWS;
}

export interface Route {
  view: ViewName | 'config';
  itemId?: string;
  pupilId?: string;
}

/**
 * Where the page should open: `/tab/config` is the channel tab configuration page;
 * `?view=item&id=...`, `?view=pupil&pupil=...` and Teams' `subPageId` (`item:<id>`, `pupil:<ref>`)
 * are deep links. The query wins over the subPageId, so in-app navigation is not overridden.
 */
export function parseRoute(pathname: string, search: string, subPageId?: string): Route {
  if (/\/config\/?$/.test(pathname)) return { view: 'config' };
  const params = new URLSearchParams(search);
  const view = params.get('view');
  const itemId = params.get('id') ?? undefined;
  const pupilId = params.get('pupil') ?? undefined;
  if (view === 'item' && itemId) return { view: 'tracker', itemId };
  if (view && (VIEWS as readonly string[]).includes(view)) return { view: view as ViewName, itemId, pupilId };
  if (subPageId) {
    const [kind, ...rest] = subPageId.split(':');
    const target = rest.join(':');
    if (kind === 'item' && target) return { view: 'tracker', itemId: target };
    if (kind === 'pupil' && target) return { view: 'pupil', pupilId: target };
  }
  return { view: 'tracker', itemId, pupilId };
}

/** The query string for a route, keeping unrelated params (theme, filters) from `current`. */
export function routeSearch(route: Route, current: string, keepFilters: boolean): string {
  const params = new URLSearchParams(keepFilters ? current : '');
  const theme = new URLSearchParams(current).get('theme');
  if (theme) params.set('theme', theme);
  params.set('view', route.view);
  for (const [key, value] of [
    ['id', route.itemId],
    ['pupil', route.pupilId],
  ] as const) {
    if (value) params.set(key, value);
    else params.delete(key);
  }
  return `?${params.toString()}`;
}
