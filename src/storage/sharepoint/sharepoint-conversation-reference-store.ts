import { createHash } from 'node:crypto';
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { AppError } from '@/kernel/errors';
import type { ConversationReferenceStore, StoredConversationReference } from '@/kernel/ports/conversation-reference-store';
import { findItemByKey, type LookupTarget } from './graph-lookup';
import { getAllPages } from './graph-paging';
import { itemPageSchema, listItemSchema, parseGraph, type GraphListItem } from './graph-shapes';
import type { TaskLists } from './site-lists';
import { DEFAULT_TASK_PAGE_SIZE, type TaskStoreOptions } from './task-store-options';
import { graphStatus } from './graph-client';

/**
 * Teams conversation ids can run past the 255 characters of a single line of text and contain any
 * character, so the unique key column holds a fixed-length digest; the full id is in the JSON.
 */
export function conversationKey(conversationId: string): string {
  return createHash('sha256').update(conversationId).digest('base64url').slice(0, 32);
}

const referenceSchema = z.object({
  conversationId: z.string(),
  conversationType: z.string().nullable(),
  tenantId: z.string().nullable(),
  serviceUrl: z.string(),
  bot: z.object({ id: z.string(), name: z.string().optional() }),
  channelId: z.string(),
  updatedAt: z.string(),
  user: z.object({ id: z.string().optional(), aadObjectId: z.string().optional() }).optional(),
});

function referenceOf(item: GraphListItem): StoredConversationReference {
  try {
    const parsed = referenceSchema.safeParse(JSON.parse(String(item.fields.Reference)));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: malformed JSON is reported as a wrong shape is
  }
  throw new AppError('A stored conversation reference is malformed; was the SharePoint list edited outside the app?');
}

/** Column values; absent ones are left out rather than sent as null. */
function referenceFields(ref: StoredConversationReference): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    Title: ref.conversationType ?? 'conversation',
    ConversationKey: conversationKey(ref.conversationId),
    ConversationType: ref.conversationType,
    UserAadObjectId: ref.user?.aadObjectId ?? null,
    UpdatedAt: ref.updatedAt,
    Reference: JSON.stringify(ref),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null));
}

/**
 * Conversation references in the "SEND Bot Conversations" list: one item per conversation (unique
 * `ConversationKey`), the latest save wins, as in the SQLite store. A save on an instance that has seen
 * the conversation is one PATCH by item id; otherwise a create, and on 409 (the item exists, maybe just
 * created by another instance) a lookup and a PATCH.
 */
export class SharePointConversationReferenceStore implements ConversationReferenceStore {
  /** Item id by conversation key, for conversations this instance has read or written. */
  private readonly itemIds = new Map<string, string>();
  private readonly pageSize: number;

  constructor(
    private readonly client: Client,
    private readonly lists: TaskLists,
    private readonly options: TaskStoreOptions,
  ) {
    this.pageSize = options.pageSize ?? DEFAULT_TASK_PAGE_SIZE;
  }

  /** @throws AppError when Graph refuses the write. */
  async save(ref: StoredConversationReference): Promise<void> {
    const { conversations } = await this.lists.paths();
    const key = conversationKey(ref.conversationId);
    const fields = referenceFields(ref);
    const known = this.itemIds.get(key);
    if (known && (await this.update(conversations, known, fields))) return;
    try {
      const raw: unknown = await this.client.api(`${conversations}/items`).post({ fields });
      this.itemIds.set(key, parseGraph(listItemSchema.pick({ id: true }), raw, 'list item').id);
      return;
    } catch (error) {
      if (graphStatus(error) !== 409) throw error;
    }
    const existing = await findItemByKey(this.target(conversations), 'ConversationKey', key);
    if (!existing || !(await this.update(conversations, existing.id, fields))) {
      throw new AppError('The conversation reference could not be saved to SharePoint; it will be saved on the next message.');
    }
  }

  async get(conversationId: string): Promise<StoredConversationReference | null> {
    const { conversations } = await this.lists.paths();
    const key = conversationKey(conversationId);
    const item = await findItemByKey(this.target(conversations), 'ConversationKey', key);
    if (!item) return null;
    this.itemIds.set(key, item.id);
    return referenceOf(item);
  }

  /** Every stored reference, ordered by conversation id (as the SQLite store returns them). */
  async list(): Promise<StoredConversationReference[]> {
    const { conversations } = await this.lists.paths();
    const items = await getAllPages(
      this.client,
      `${conversations}/items?expand=fields&$top=${this.pageSize}`,
      this.options.root,
      itemPageSchema,
    );
    return items.map(referenceOf).sort((a, b) => (a.conversationId < b.conversationId ? -1 : a.conversationId > b.conversationId ? 1 : 0));
  }

  /** PATCH by item id; false when the item is gone (404), so the caller creates it again. */
  private async update(listPath: string, id: string, fields: Record<string, unknown>): Promise<boolean> {
    try {
      await this.client.api(`${listPath}/items/${id}/fields`).patch(fields);
      this.itemIds.set(String(fields.ConversationKey), id);
      return true;
    } catch (error) {
      if (graphStatus(error) !== 404) throw error;
      this.itemIds.delete(String(fields.ConversationKey));
      return false;
    }
  }

  private target(listPath: string): LookupTarget {
    return { client: this.client, root: this.options.root, listPath, pageSize: this.pageSize };
  }
}
