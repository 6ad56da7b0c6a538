import { z } from 'zod';
import { actionPatchSchema, closeActionSchema } from '@/kernel/action';
import { ITEM_TYPES } from '@/kernel/item-type';
import { STATUSES } from '@/kernel/status';

/** Query string of GET /api/actions: `?status=open,waiting&owner=...&pupil=...&type=...&dueFrom=...&dueTo=...&archived=true` */
export const listActionsQuery = z
  .strictObject({
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
  })
  .transform((q) => ({
    statuses: q.status,
    ownerId: q.owner,
    pupilId: q.pupil,
    itemType: q.type,
    dueFrom: q.dueFrom,
    dueTo: q.dueTo,
    includeArchived: q.archived === 'true',
  }));

const version = z.number().int().min(1);

export const updateActionBody = z.strictObject({ version, patch: actionPatchSchema });
export const closeActionBody = z.strictObject({ version, close: closeActionSchema });
export const reopenActionBody = z.strictObject({ version, note: z.string().trim().min(1).max(2000) });
export const createActionsBody = z.strictObject({ actions: z.array(z.unknown()).min(1).max(200) });
