import { z } from 'zod';
import { actionQuerySchema, isoDateSchema, type Action, type ActionQuery, type Pupil } from './action';
import { matchesSearch, sortActions, SORT_KEYS } from './action-view';
import { DEFAULT_CHECK_IN_POLICY, isOverdue, needsEscalation, type CheckInPolicy } from './check-in';
import { addDays, endOfWeek, fromLondonLocal, type IsoDate } from './dates';
import { OPEN_STATUSES, type Status } from './status';

/**
 * One page of the tracker, filtered, searched and sorted by the store, so a school's thousands of
 * items never travel to a browser. Both stores answer it: SQLite in SQL, SharePoint by finishing its
 * one indexed read with `pageOf` below. The contract suite holds them to the same rows.
 */

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** The check-in's four lists, as a filter a page can carry ("show more" of one list is a page of it). */
export const CHECK_IN_BUCKETS = ['overdue', 'dueThisWeek', 'waiting', 'needsEscalation'] as const;
export type CheckInBucket = (typeof CHECK_IN_BUCKETS)[number];

export const bucketFilterSchema = z.strictObject({
  name: z.enum(CHECK_IN_BUCKETS),
  today: isoDateSchema,
  escalateAfterDays: z.number().int().min(1).max(365).default(DEFAULT_CHECK_IN_POLICY.escalateAfterDays),
});
export type BucketFilter = z.output<typeof bucketFilterSchema>;

export const actionPageQuerySchema = actionQuerySchema.extend({
  search: z.string().trim().max(200).optional(),
  sort: z.enum(SORT_KEYS).default('dueDate'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  /** Need-to-know (kernel/access.ts) pushed into the store: only items this person owns or created. */
  visibleTo: z.string().min(1).optional(),
  bucket: bucketFilterSchema.optional(),
});
export type ActionPageQueryInput = z.input<typeof actionPageQuerySchema>;
export type ActionPageQuery = z.output<typeof actionPageQuerySchema>;

export interface ActionPage {
  items: Action[];
  /** Every item the query matches, of which `items` is the page at `offset`. */
  total: number;
  offset: number;
  limit: number;
}

/** Statuses a query selects: the given ones, or the open ones unless archived items are wanted. */
export function statusesOf(q: ActionQuery): readonly Status[] | undefined {
  return q.statuses ?? (q.includeArchived ? undefined : OPEN_STATUSES);
}

/** Every filter of a store query, applied to a stored action. */
export function matchesQuery(action: Action, q: ActionQuery): boolean {
  const statuses = statusesOf(q);
  return (
    (!statuses || statuses.includes(action.status)) &&
    (!q.ownerId || action.owner.id === q.ownerId) &&
    (!q.pupilId || action.pupil.id === q.pupilId) &&
    (!q.itemType || action.itemType === q.itemType) &&
    (!q.dueFrom || action.dueDate >= q.dueFrom) &&
    (!q.dueTo || action.dueDate <= q.dueTo)
  );
}

/** Whether an open action sits in a check-in list (the same rules as `checkInBuckets`). */
export function inBucket(action: Action, bucket: BucketFilter): boolean {
  const { today } = bucket;
  switch (bucket.name) {
    case 'overdue':
      return isOverdue(action, today);
    case 'dueThisWeek':
      return action.dueDate >= today && action.dueDate <= endOfWeek(today);
    case 'waiting':
      return action.status === 'waiting';
    case 'needsEscalation':
      return needsEscalation(action, today, { escalateAfterDays: bucket.escalateAfterDays });
  }
}

/**
 * A bucket as the bounds a store can index: due on or before `dueTo`, or (for the waiting rule)
 * waiting and last updated before the instant `waitingUpdatedBefore`.
 */
export function bucketBounds(bucket: BucketFilter): { dueFrom?: IsoDate; dueTo?: IsoDate; waiting?: true; waitingUpdatedBefore?: string } {
  const { today, escalateAfterDays } = bucket;
  switch (bucket.name) {
    case 'overdue':
      return { dueTo: addDays(today, -1) };
    case 'dueThisWeek':
      return { dueFrom: today, dueTo: endOfWeek(today) };
    case 'waiting':
      return { waiting: true };
    case 'needsEscalation': {
      // Waiting with no update on any London day up to `today - escalateAfterDays`: updated before the next London midnight.
      const [y, m, d] = addDays(today, 1 - escalateAfterDays)
        .split('-')
        .map(Number) as [number, number, number];
      return { dueTo: addDays(today, -escalateAfterDays), waitingUpdatedBefore: fromLondonLocal(y, m, d).toISOString() };
    }
  }
}

/** Whether an action passes every part of a page query except paging. */
export function matchesPageQuery(action: Action, q: ActionPageQuery): boolean {
  return (
    matchesQuery(action, q) &&
    (!q.visibleTo || action.owner.id === q.visibleTo || action.createdBy.id === q.visibleTo) &&
    (!q.bucket || inBucket(action, q.bucket)) &&
    matchesSearch(action, q.search)
  );
}

/** A page worked out in memory: for a store whose server can filter on one column only (SharePoint). */
export function pageOf(actions: readonly Action[], q: ActionPageQuery): ActionPage {
  const matching = sortActions(
    actions.filter((a) => matchesPageQuery(a, q)),
    q.sort,
    q.direction,
  );
  return { items: matching.slice(q.offset, q.offset + q.limit), total: matching.length, offset: q.offset, limit: q.limit };
}

/** What a tracker row shows, and no more: the item panel reads the whole item when it opens. */
export interface ActionRow {
  id: string;
  version: number;
  pupil: Pupil;
  description: string;
  itemType: Action['itemType'];
  owner: { id: string; name: string };
  /** A parent or professional who does it, chased by `owner` (absent when staff do it). */
  outsideOwner?: string | null;
  dueDate: IsoDate;
  status: Status;
  nextReviewDate: IsoDate | null;
  closedAt: string | null;
  updatedAt: string;
}

export function toRow(a: Action): ActionRow {
  return {
    id: a.id,
    version: a.version,
    pupil: a.pupil,
    description: a.description,
    itemType: a.itemType,
    owner: { id: a.owner.id, name: a.owner.name },
    ...(a.outsideOwner ? { outsideOwner: a.outsideOwner } : {}),
    dueDate: a.dueDate,
    status: a.status,
    nextReviewDate: a.nextReviewDate,
    closedAt: a.closedAt,
    updatedAt: a.updatedAt,
  };
}

/** The weekly check-in as the tab shows it: how many items each list holds, and the first page of each. */
export type CheckInPages = Record<CheckInBucket, { items: Action[]; total: number }>;

/** The page query for the first page of one check-in list. */
export function bucketPageQuery(name: CheckInBucket, today: IsoDate, policy: CheckInPolicy, limit: number): ActionPageQuery {
  return actionPageQuerySchema.parse({ bucket: { name, today, escalateAfterDays: policy.escalateAfterDays }, limit });
}

/** The check-in as four pages of one page function: a store's own (SQLite), or `pageOf` over what it read (SharePoint). */
export async function checkInByPages(
  page: (q: ActionPageQuery) => ActionPage | Promise<ActionPage>,
  today: IsoDate,
  policy: CheckInPolicy,
  limit: number,
): Promise<CheckInPages> {
  const pages = await Promise.all(
    CHECK_IN_BUCKETS.map(async (name) => {
      const { items, total } = await page(bucketPageQuery(name, today, policy, limit));
      return [name, { items, total }] as const;
    }),
  );
  return Object.fromEntries(pages) as CheckInPages;
}

/**
 * The narrowest store query holding every row of a page, for a store that filters on its server by
 * one indexed column and finishes in memory: a check-in list's dates or status become filters.
 */
export function coveringQuery(q: ActionPageQuery): ActionQuery {
  const { statuses, ownerId, pupilId, itemType, dueFrom, dueTo, includeArchived } = q;
  const query: ActionQuery = { statuses, ownerId, pupilId, itemType, dueFrom, dueTo, includeArchived };
  if (!q.bucket) return query;
  const b = bucketBounds(q.bucket);
  if (b.waitingUpdatedBefore) return query; // either of two rules: no single bound covers both
  return {
    ...query,
    ...(b.dueFrom && { dueFrom: query.dueFrom && query.dueFrom > b.dueFrom ? query.dueFrom : b.dueFrom }),
    ...(b.dueTo && { dueTo: query.dueTo && query.dueTo < b.dueTo ? query.dueTo : b.dueTo }),
    ...(b.waiting && { statuses: ['waiting'] }),
  };
}
