import { z } from 'zod';
import { SORT_KEYS } from '@/kernel/action-view';

/**
 * The view part of an export's query string, on top of GET /api/actions' filters:
 * `?q=reading&sort=owner&dir=desc`. The filters themselves are validated by `listActionsQuery`.
 */
export const exportViewQuery = z.strictObject({
  q: z.string().max(200).optional(),
  sort: z.enum(SORT_KEYS).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
});

/** Splits a query object into the view keys and the filter keys. */
export function splitExportQuery(query: Record<string, unknown>): { view: Record<string, unknown>; filters: Record<string, unknown> } {
  const { q, sort, dir, ...filters } = query;
  const view = Object.fromEntries(Object.entries({ q, sort, dir }).filter(([, v]) => v !== undefined));
  return { view, filters };
}
