import { z } from 'zod';
import { evidenceInputId } from './reminder-verbs';

const item = z.object({ actionId: z.string().min(1).max(100), version: z.number().int().min(1), new: z.literal(true).optional() });

/**
 * The `data` of a reminder card click, as Teams posts it back: what the card carried plus any
 * inputs (the evidence box is keyed by item, see `evidenceInputId`). Extra keys are allowed
 * because Teams merges inputs into data.
 */
export const reminderCardDataSchema = z
  .looseObject({
    ownerId: z.string().min(1).max(100),
    ownerName: z.string().min(1).max(200),
    audience: z.enum(['owner', 'lead']).default('owner'),
    items: z.array(item).min(1).max(100).optional(),
    actionId: z.string().min(1).max(100).optional(),
    version: z.number().int().min(1).optional(),
  })
  .transform((data) => {
    const raw = data.actionId ? (data as Record<string, unknown>)[evidenceInputId(data.actionId)] : undefined;
    return {
      card: {
        ownerId: data.ownerId,
        ownerName: data.ownerName,
        audience: data.audience,
        ...(data.items
          ? {
              items: data.items.map(({ actionId, version, new: isNew }) => ({
                actionId,
                version,
                ...(isNew ? { new: true as const } : {}),
              })),
            }
          : {}),
      },
      target: data.actionId && data.version ? { actionId: data.actionId, version: data.version } : undefined,
      evidence: typeof raw === 'string' && raw.trim() ? raw.trim().slice(0, 2000) : undefined,
    };
  });
