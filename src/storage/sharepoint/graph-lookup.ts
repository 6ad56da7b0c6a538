import type { Client } from '@microsoft/microsoft-graph-client';
import { odataString } from './action-fields';
import { getAllPages } from './graph-paging';
import { itemPageSchema, type GraphListItem } from './graph-shapes';

/** A lookup filter stays well under URL length limits; longer sets of values are split. */
const MAX_FILTER_CHARS = 1500;
/** Requests one store call keeps in flight: enough to overlap latency, few enough not to invite throttling. */
export const MAX_CONCURRENT_REQUESTS = 4;

/** `fn` over `items` with at most `limit` running at once; results in input order. */
export async function inParallel<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Where and how to read: the list, the Graph root (for `@odata.nextLink`) and `$top`. */
export interface LookupTarget {
  client: Client;
  root: string;
  listPath: string;
  pageSize: number;
}

/**
 * Items whose indexed `column` equals one of `values`: one filtered GET (`eq ... or eq ...`) per
 * ~1,500 characters of filter, a few at a time, following `@odata.nextLink`.
 */
export async function findItemsWhere(target: LookupTarget, column: string, values: readonly string[]): Promise<GraphListItem[]> {
  const groups: string[][] = [];
  for (const value of new Set(values)) {
    const clause = `fields/${column} eq ${odataString(value)}`;
    const last = groups.at(-1);
    if (last && [...last, clause].join(' or ').length <= MAX_FILTER_CHARS) last.push(clause);
    else groups.push([clause]);
  }
  const pages = await inParallel(groups, MAX_CONCURRENT_REQUESTS, (clauses) =>
    getAllPages(
      target.client,
      `${target.listPath}/items?expand=fields&$top=${target.pageSize}&$filter=${encodeURIComponent(clauses.join(' or '))}`,
      target.root,
      itemPageSchema,
    ),
  );
  return pages.flat();
}

/** The one item whose unique `column` holds `value`, or undefined. */
export async function findItemByKey(target: LookupTarget, column: string, value: string): Promise<GraphListItem | undefined> {
  const [item] = await findItemsWhere({ ...target, pageSize: 1 }, column, [value]);
  return item;
}

/** A 2xx status. */
export const isOk = (status: number | undefined): boolean => status !== undefined && status >= 200 && status < 300;

export const JSON_HEADERS = { 'Content-Type': 'application/json' } as const;
