import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Action } from '@/kernel/action';
import type { HistoryEntry } from '@/kernel/history';
import { AppError } from '@/kernel/errors';
import type { GraphListItem } from './graph-shapes';

/** SharePoint's single line of text holds at most 255 characters. */
const LINE = 255;
const clip = (value: string) => (value.length > LINE ? `${value.slice(0, LINE - 1)}…` : value);

/**
 * Idempotency keys can be 300 characters and contain anything, so the indexed column holds a
 * fixed-length digest (128 bits, base64url): short, safe inside an OData string literal, and collision-free in practice.
 */
export function idempotencyDigest(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 22);
}

/** An OData string literal: single quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * The column values of an action. `Data` carries the whole action (the source of truth); the other
 * columns are copies for indexed filtering and for people reading the list in SharePoint or Excel.
 */
export function actionFields(action: Action): Record<string, unknown> {
  return {
    Title: clip(action.description),
    Status: action.status,
    DueDate: action.dueDate,
    OwnerId: action.owner.id,
    OwnerName: clip(action.owner.name),
    OwnerEmail: clip(action.owner.email),
    PupilId: action.pupil.id,
    ItemType: action.itemType,
    Version: action.version,
    Data: JSON.stringify(action),
  };
}

/**
 * Fields for a new item. The creation audit entry is written once, on the item itself, so creating 20
 * actions is 20 batch steps (one `$batch`) rather than 40; it is never patched afterwards.
 */
export function newActionFields(action: Action, created: HistoryEntry): Record<string, unknown> {
  return {
    ...actionFields(action),
    ActionId: action.id,
    ...(action.idempotencyKey ? { IdempotencyKey: idempotencyDigest(action.idempotencyKey) } : {}),
    CreatedEntry: JSON.stringify(created),
  };
}

export function historyFields(entry: HistoryEntry): Record<string, unknown> {
  return {
    Title: `${entry.kind} v${entry.version}`,
    ActionId: entry.actionId,
    Version: entry.version,
    Kind: entry.kind,
    Actor: JSON.stringify(entry.actor),
    At: entry.at,
    Changes: JSON.stringify(entry.changes),
  };
}

const storedActionSchema = z.looseObject({ id: z.string(), version: z.number().int(), dueDate: z.string(), createdAt: z.string() });
const actorJsonSchema = z.looseObject({ id: z.string(), name: z.string() });
const historyEntrySchema = z.object({
  actionId: z.string(),
  version: z.number().int(),
  kind: z.enum(['created', 'updated', 'closed', 'reopened']),
  actor: actorJsonSchema,
  at: z.string(),
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
});

function parseJson<S extends z.ZodType>(schema: S, text: unknown, what: string): z.output<S> {
  try {
    const result = schema.safeParse(typeof text === 'string' ? JSON.parse(text) : undefined);
    if (result.success) return result.data;
  } catch {
    // fall through: malformed JSON is reported the same way as a wrong shape
  }
  throw new AppError(`The ${what} column of a SharePoint item is missing or malformed; was it edited outside the app?`);
}

export function actionOf(item: GraphListItem): Action {
  return parseJson(storedActionSchema, item.fields.Data, 'Data') as unknown as Action;
}

export function createdEntryOf(item: GraphListItem): HistoryEntry {
  return parseJson(historyEntrySchema, item.fields.CreatedEntry, 'CreatedEntry') as HistoryEntry;
}

export function historyEntryOf(item: GraphListItem): HistoryEntry {
  const { fields } = item;
  const json = (value: unknown): unknown => {
    try {
      return JSON.parse(String(value));
    } catch {
      return undefined;
    }
  };
  const result = historyEntrySchema.safeParse({
    actionId: fields.ActionId,
    version: fields.Version,
    kind: fields.Kind,
    actor: json(fields.Actor),
    at: fields.At,
    changes: json(fields.Changes),
  });
  if (!result.success) throw new AppError('A SharePoint history item is malformed; was it edited outside the app?');
  return result.data as HistoryEntry;
}
