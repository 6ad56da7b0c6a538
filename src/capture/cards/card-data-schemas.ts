import { z } from 'zod';
import { isoDateSchema } from '@/kernel/action';
import { EVENT_TYPES, ITEM_TYPES } from '@/kernel/item-type';
import type { ConfirmedItem } from '../save-proposed-actions';
import { EVENT_TYPE_INPUT, MAX_PROPOSED_ACTIONS, NO_PUPIL_CHOICE, rowInputIds } from './capture-verbs';

/** The `value` of an `adaptiveCard/action` invoke: which button, and the card's data merged with its inputs. */
export const cardActionValueSchema = z.object({
  action: z.object({
    type: z.string().optional(),
    verb: z.string().min(1).max(100),
    data: z.record(z.string(), z.unknown()).default({}),
  }),
});

const empty = (v: unknown) => (v === '' || v === undefined || v === null ? null : v);
const optionalText = (max: number) => z.preprocess(empty, z.string().trim().min(1).max(max).nullable());

const rowSchema = z.object({
  description: z.string().trim().min(1, 'must not be empty').max(500),
  ownerId: optionalText(100),
  due: z.preprocess(empty, isoDateSchema.nullable()),
  pupilId: z.preprocess((v) => (v === NO_PUPIL_CHOICE.value ? null : v), optionalText(64)),
  itemType: z.enum(ITEM_TYPES),
  include: z.preprocess((v) => v === true || v === 'true', z.boolean()),
});

/**
 * The data a proposed-actions card button posts back: what the card carried (message id, row
 * count, role words) plus every row's inputs. Output: the rows as `ConfirmedItem`s with `include`.
 */
export const proposalDataSchema = z
  .looseObject({
    messageId: z.string().min(1).max(200),
    conversationId: z.string().min(1).max(500),
    first: z
      .number()
      .int()
      .min(0)
      .max(MAX_PROPOSED_ACTIONS - 1)
      .default(0),
    count: z.number().int().min(1).max(MAX_PROPOSED_ACTIONS),
    roles: z.record(z.string(), z.string().max(100)).default({}),
    memberIds: z.record(z.string().max(100), z.string().max(200)).default({}),
    scope: z.enum(['organisation', 'conversation']).default('conversation'),
    [EVENT_TYPE_INPUT]: z.enum(EVENT_TYPES).default('sen_support_meeting'),
  })
  .transform((data, ctx) => {
    const raw = data as Record<string, unknown>;
    const rows: (ConfirmedItem & { include: boolean })[] = [];
    for (let i = data.first; i < data.first + data.count; i++) {
      const ids = rowInputIds(i);
      const parsed = rowSchema.safeParse({
        description: raw[ids.description],
        ownerId: raw[ids.owner],
        due: raw[ids.due],
        pupilId: raw[ids.pupil],
        itemType: raw[ids.itemType],
        include: raw[ids.include] ?? 'true',
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          ctx.addIssue({ code: 'custom', path: [`row${i}`, ...issue.path.map(String)], message: issue.message });
        continue;
      }
      rows.push({ index: i, role: data.roles[String(i)] ?? null, ...parsed.data });
    }
    return {
      messageId: data.messageId,
      conversationId: data.conversationId,
      eventType: data[EVENT_TYPE_INPUT],
      first: data.first,
      count: data.count,
      roles: data.roles,
      memberIds: data.memberIds,
      scope: data.scope,
      rows,
    };
  });

export type ProposalData = z.output<typeof proposalDataSchema>;
