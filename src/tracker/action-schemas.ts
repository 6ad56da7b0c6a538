import { z } from 'zod';
import { actionPatchSchema, closeActionSchema } from '@/kernel/action';
import { CHECK_IN_BUCKETS, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@/kernel/action-page';
import { SORT_KEYS } from '@/kernel/action-view';
import { ITEM_TYPES } from '@/kernel/item-type';
import { STATUSES } from '@/kernel/status';

/** Query string of GET /api/actions: `?status=open,waiting&owner=...&pupil=...&type=...&dueFrom=...&dueTo=...&archived=true` */
const listFilters = z.strictObject({
  status: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(z.enum(STATUSES)))
    .optional(),
  owner: z.string().min(1).optional(),
  pupil: z.string().min(1).optional(),
  type: z.enum(ITEM_TYPES).optional(),
  dueFrom: z.string().optional(),
  dueTo: z.string().optional(),
  archived: z.enum(['true', 'false']).optional(),
});

const storeQueryOf = (q: z.output<typeof listFilters>) => ({
  statuses: q.status,
  ownerId: q.owner,
  pupilId: q.pupil,
  itemType: q.type,
  dueFrom: q.dueFrom,
  dueTo: q.dueTo,
  includeArchived: q.archived === 'true',
});

export const listActionsQuery = listFilters.transform(storeQueryOf);

const count = (max: number) => z.coerce.number().int().min(0).max(max);

/**
 * Query string of the tracker's paged list: the filters above plus `q` (search), `sort`, `dir`,
 * `offset`, `limit` (1–200, default 50), `bucket` (one check-in list) and `detail=full` (whole items,
 * for the pupil view; rows otherwise).
 */
export const pageActionsQuery = listFilters
  .extend({
    q: z.string().max(200).optional(),
    sort: z.enum(SORT_KEYS).optional(),
    dir: z.enum(['asc', 'desc']).optional(),
    offset: count(1_000_000).optional(),
    limit: count(MAX_PAGE_SIZE).pipe(z.number().min(1)).default(DEFAULT_PAGE_SIZE),
    bucket: z.enum(CHECK_IN_BUCKETS).optional(),
    detail: z.enum(['rows', 'full']).default('rows'),
  })
  .transform(({ q, sort, dir, offset, limit, bucket, detail, ...filters }) => ({
    query: { ...storeQueryOf(filters), search: q, sort, direction: dir, offset, limit },
    bucket,
    detail,
  }));

/** Query string of GET /api/actions/facets: the open items (default), the archive, or both. */
export const facetsQuery = z.strictObject({ scope: z.enum(['open', 'archive', 'all']).default('open') });

const version = z.number().int().min(1);

export const updateActionBody = z.strictObject({ version, patch: actionPatchSchema });
export const closeActionBody = z.strictObject({ version, close: closeActionSchema });
export const reopenActionBody = z.strictObject({ version, note: z.string().trim().min(1).max(2000) });
/** A statutory item comes only from a pupil's EHC plan dates (src/ehc-plans), never from a typed-in action. */
const notStatutory = z.unknown().superRefine((action, ctx) => {
  if (action !== null && typeof action === 'object' && 'statutory' in action) {
    ctx.addIssue({ code: 'custom', path: ['statutory'], message: "is set only from the pupil's EHC plan dates" });
  }
});
export const createActionsBody = z.strictObject({ actions: z.array(notStatutory).min(1).max(200) });

/** Query string of GET /api/actions/changes: the cursor from the last answer, none the first time. */
export const changesQuery = z.strictObject({ cursor: z.string().min(1).max(4000).optional() });
