import type { Action, ActionQuery } from '@/kernel/action';
import { statusesOf } from '@/kernel/action-page';
import { odataString } from './action-fields';

/**
 * The one server-side `$filter` for a query, on the most selective indexed column it names:
 * a pupil has few actions, an owner more, a date window more again, a status most of all.
 * The rest of the query is finished in memory by `matchesQuery`. Filtering on one column keeps every
 * query valid for SharePoint, which only filters large lists on indexed columns, one index at a time.
 */
export function serverFilter(q: ActionQuery): string | undefined {
  if (q.pupilId) return `fields/PupilId eq ${odataString(q.pupilId)}`;
  if (q.ownerId) return `fields/OwnerId eq ${odataString(q.ownerId)}`;
  if (q.dueFrom || q.dueTo) {
    const range = [q.dueFrom && `fields/DueDate ge ${odataString(q.dueFrom)}`, q.dueTo && `fields/DueDate le ${odataString(q.dueTo)}`];
    return range.filter(Boolean).join(' and ');
  }
  if (q.itemType) return `fields/ItemType eq ${odataString(q.itemType)}`;
  const statuses = statusesOf(q);
  if (statuses) return statuses.map((s) => `fields/Status eq ${odataString(s)}`).join(' or ');
  return undefined;
}

/** Due date, then creation time, then id: the same order as the SQLite store. */
export function byDueDate(a: Action, b: Action): number {
  // Code-unit order, as SQLite's default BINARY collation compares.
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return cmp(a.dueDate, b.dueDate) || cmp(a.createdAt, b.createdAt) || cmp(a.id, b.id);
}
