import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { AppError } from '@/kernel/errors';
import type { BatchOptions } from './graph-batch';
import { findItemByKey, type LookupTarget } from './graph-lookup';
import type { GraphListItem } from './graph-shapes';
import type { RegisterLists } from './site-lists';
import { graphStatus } from './graph-client';

/** What the register, intervention, passport and role stores of one instance share. */
export interface RegisterStoreContext {
  client: Client;
  lists: RegisterLists;
  /** The Graph root the client sends to (`graphRoot(baseUrl)`); needed to follow `@odata.nextLink`. */
  root: string;
  /** `$top` for list reads. Default 200. */
  pageSize?: number;
  batch?: BatchOptions;
  now?: () => Date;
}

export const DEFAULT_REGISTER_PAGE_SIZE = 200;

/** A read target on one of the lists. */
export function lookupTarget(context: Pick<RegisterStoreContext, 'client' | 'root' | 'pageSize'>, listPath: string): LookupTarget {
  return { client: context.client, root: context.root, listPath, pageSize: context.pageSize ?? DEFAULT_REGISTER_PAGE_SIZE };
}

/**
 * The record kept as JSON in an item's `Data` column (or `column`). The JSON is ours, written whole
 * by the app, so it is trusted as the record; a missing or unreadable value means someone edited the
 * list by hand, which is reported rather than guessed at.
 */
export function jsonColumn<T>(item: GraphListItem, what: string, column = 'Data'): T {
  const raw = item.fields[column];
  if (typeof raw === 'string') {
    try {
      return JSON.parse(raw) as T;
    } catch {
      // reported below
    }
  }
  throw new AppError(`A stored ${what} is unreadable in SharePoint; was the list edited outside the app?`);
}

/**
 * Creates or replaces the item whose unique `column` holds `key` (last writer wins). A create that
 * meets 409 (another instance created it just now) is read back and replaced.
 * @throws AppError when Graph refuses the write.
 */
export async function upsertByKey(
  context: RegisterStoreContext,
  listPath: string,
  column: string,
  key: string,
  fields: Record<string, unknown>,
): Promise<void> {
  for (let attempt = 1; attempt <= 2; attempt++) {
    const existing = await findItemByKey(lookupTarget(context, listPath), column, key);
    try {
      if (existing) await context.client.api(`${listPath}/items/${existing.id}/fields`).patch(fields);
      else await context.client.api(`${listPath}/items`).post({ fields });
      return;
    } catch (error) {
      // 409: created meanwhile; 404: the item went between our read and write. Either way read again.
      if (attempt === 2 || (graphStatus(error) !== 409 && graphStatus(error) !== 404)) throw graphFailure(error, 'save');
    }
  }
}

/** A Graph failure as an AppError naming what was being done; other errors pass through. */
export function graphFailure(error: unknown, doing: string): unknown {
  return error instanceof GraphError ? new AppError(`SharePoint refused to ${doing} (HTTP ${error.statusCode}).`) : error;
}
