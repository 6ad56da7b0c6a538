import type { Action } from './action';
import type { IsoDate } from './dates';
import type { ItemType } from './item-type';
import { STATUS_LABELS, type Status } from './status';

/**
 * "The current view" of the tracker: the same filters as GET /api/actions plus a free-text search
 * and a sort. Pure, so the tab (client-side, instant) and the export routes (server-side) agree
 * on exactly which rows a view holds and in what order.
 */
export interface ActionFilters {
  statuses?: Status[];
  ownerId?: string;
  pupilId?: string;
  itemType?: ItemType;
  dueFrom?: IsoDate;
  dueTo?: IsoDate;
}

export const SORT_KEYS = ['dueDate', 'pupil', 'owner', 'itemType', 'status', 'updatedAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export interface ActionViewOptions {
  search?: string;
  sort?: SortKey;
  direction?: SortDirection;
}

/** True when `action` passes every given filter (absent filters pass everything). */
export function matchesFilters(action: Action, f: ActionFilters): boolean {
  if (f.statuses && f.statuses.length > 0 && !f.statuses.includes(action.status)) return false;
  if (f.ownerId && action.owner.id !== f.ownerId) return false;
  if (f.pupilId && action.pupil.id !== f.pupilId) return false;
  if (f.itemType && action.itemType !== f.itemType) return false;
  if (f.dueFrom && action.dueDate < f.dueFrom) return false;
  if (f.dueTo && action.dueDate > f.dueTo) return false;
  return true;
}

/** Case-insensitive match on the words staff search by: description, pupil, owner, decision, notes. */
export function matchesSearch(action: Action, search: string | undefined): boolean {
  const needle = search?.trim().toLowerCase();
  if (!needle) return true;
  return [action.description, action.pupil.name, action.pupil.id, action.owner.name, action.decision ?? '', action.lastNote ?? ''].some(
    (field) => field.toLowerCase().includes(needle),
  );
}

const SORT_VALUE: Record<SortKey, (a: Action) => string> = {
  dueDate: (a) => a.dueDate,
  pupil: (a) => a.pupil.name.toLowerCase(),
  owner: (a) => a.owner.name.toLowerCase(),
  itemType: (a) => a.itemType,
  status: (a) => STATUS_LABELS[a.status],
  updatedAt: (a) => a.updatedAt,
};

/** Sorted copy; ties fall back to due date then id, so the order (and each page) is stable. */
export function sortActions(actions: readonly Action[], sort: SortKey = 'dueDate', direction: SortDirection = 'asc'): Action[] {
  const value = SORT_VALUE[sort];
  const sign = direction === 'asc' ? 1 : -1;
  return [...actions].sort(
    (a, b) => sign * value(a).localeCompare(value(b)) || a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id),
  );
}

/** Search then sort: the rows of a view, in display order. */
export function applyView(actions: readonly Action[], view: ActionViewOptions): Action[] {
  return sortActions(
    actions.filter((a) => matchesSearch(a, view.search)),
    view.sort,
    view.direction,
  );
}
