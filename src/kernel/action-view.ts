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

/** The words staff search by: description, pupil, owner, decision, latest note. */
export function searchedFields(a: Action): (string | null | undefined)[] {
  return [a.description, a.pupil.name, a.pupil.id, a.owner.name, a.decision, a.lastNote];
}

/** What a search looks in: `searchedFields`, case and accents folded, one per line (the embedded store keeps it as a column). */
export function searchText(a: Action): string {
  return searchedFields(a)
    .map((field) => sortKey(field ?? ''))
    .join('\n');
}

/** Case- and accent-insensitive match on `searchedFields`. */
export function matchesSearch(action: Action, search: string | undefined): boolean {
  const needle = sortKey(search?.trim() ?? '');
  return !needle || searchText(action).includes(needle);
}

/**
 * How names sort: case and accents ignored ("Émile" beside "Emily"), then plain code-unit order, which
 * SQLite can reproduce exactly (the embedded store registers this function as `sort_key`).
 */
export function sortKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const SORT_VALUE: Record<SortKey, (a: Action) => string> = {
  dueDate: (a) => a.dueDate,
  pupil: (a) => sortKey(a.pupil.name),
  owner: (a) => sortKey(a.owner.name),
  itemType: (a) => a.itemType,
  status: (a) => STATUS_LABELS[a.status],
  updatedAt: (a) => a.updatedAt,
};

const byCodeUnit = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Sorted copy; ties fall back to due date then id, so the order (and each page) is stable. */
export function sortActions(actions: readonly Action[], sort: SortKey = 'dueDate', direction: SortDirection = 'asc'): Action[] {
  const value = SORT_VALUE[sort];
  const sign = direction === 'asc' ? 1 : -1;
  return [...actions].sort((a, b) => sign * byCodeUnit(value(a), value(b)) || byCodeUnit(a.dueDate, b.dueDate) || byCodeUnit(a.id, b.id));
}

/** Search then sort: the rows of a view, in display order. */
export function applyView(actions: readonly Action[], view: ActionViewOptions): Action[] {
  return sortActions(
    actions.filter((a) => matchesSearch(a, view.search)),
    view.sort,
    view.direction,
  );
}
