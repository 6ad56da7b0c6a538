import type { ActionFilters, SortDirection, SortKey } from '@/kernel/action-view';
import { SORT_KEYS } from '@/kernel/action-view';
import { ITEM_TYPES, type ItemType } from '@/kernel/item-type';
import { STATUSES, type Status } from '@/kernel/status';
import type { ListParams } from '@tab/api/api-client';

/** A tracker list's filters, search, sort and page: kept in the URL so a view can be reloaded or shared. */
export interface ViewState {
  filters: ActionFilters;
  search: string;
  sort: SortKey;
  direction: SortDirection;
  /** Zero-based. */
  page: number;
}

export const EMPTY_VIEW: ViewState = { filters: {}, search: '', sort: 'dueDate', direction: 'asc', page: 0 };

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
const date = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);

/** Reads a view from a query string, ignoring anything malformed. */
export function parseViewState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const statuses = (p.get('status') ?? '').split(',').filter((s): s is Status => (STATUSES as readonly string[]).includes(s));
  return {
    filters: {
      statuses: statuses.length ? statuses : undefined,
      ownerId: p.get('owner') || undefined,
      pupilId: p.get('pupil') || undefined,
      itemType: oneOf<ItemType>(ITEM_TYPES, p.get('type')),
      dueFrom: date(p.get('dueFrom')),
      dueTo: date(p.get('dueTo')),
    },
    search: p.get('q') ?? '',
    sort: oneOf<SortKey>(SORT_KEYS, p.get('sort')) ?? 'dueDate',
    direction: p.get('dir') === 'desc' ? 'desc' : 'asc',
    page: Math.max(0, Number.parseInt(p.get('page') ?? '1', 10) - 1 || 0),
  };
}

/** The view as GET /api/actions + export query params (the server understands exactly these). */
export function viewToParams(view: ViewState): ListParams {
  const f = view.filters;
  return {
    status: f.statuses?.join(','),
    owner: f.ownerId,
    pupil: f.pupilId,
    type: f.itemType,
    dueFrom: f.dueFrom,
    dueTo: f.dueTo,
    q: view.search.trim() || undefined,
    sort: view.sort === 'dueDate' ? undefined : view.sort,
    dir: view.direction === 'asc' ? undefined : view.direction,
  };
}

/** Writes the view into `current` query string (keeping view/theme params), for history.replaceState. */
export function writeViewState(current: string, view: ViewState): string {
  const p = new URLSearchParams(current);
  for (const key of ['status', 'owner', 'pupil', 'type', 'dueFrom', 'dueTo', 'q', 'sort', 'dir', 'page']) p.delete(key);
  for (const [key, value] of Object.entries(viewToParams(view))) if (value) p.set(key, value);
  if (view.page > 0) p.set('page', String(view.page + 1));
  return `?${p.toString()}`;
}
