import { randomUUID } from 'node:crypto';
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { AppError } from '../../errors';
import type { DigestClaim, DigestLog } from '../../tasks/digest-log';
import { DEFAULT_CLAIM_LEASE_MS } from '../sqlite/sqlite-digest-log';
import { findItemByKey, type LookupTarget } from './graph-lookup';
import { listItemSchema, parseGraph } from './graph-shapes';
import type { TaskLists } from './site-lists';
import { DEFAULT_TASK_PAGE_SIZE, type TaskStoreOptions } from './task-store-options';

export interface SharePointDigestLogOptions extends TaskStoreOptions {
  /** A claim older than this belongs to a runner that died mid-send. Default 30 minutes, as in SQLite. */
  leaseMs?: number;
}

/** Stops a takeover racing edits made outside the app from looping for ever. */
const MAX_WRITE_ATTEMPTS = 3;

export const digestKey = (recipientId: string, week: string): string => `${recipientId}|${week}`;

const statusOf = (error: unknown): number | undefined => (error instanceof GraphError ? error.statusCode : undefined);

/**
 * DigestLog on SharePoint Lists, with the same rules as the SQLite store. The gate is an item create in
 * "SEND Digest Sends" whose `DigestKey` (recipient and ISO week) is indexed and unique: one create wins,
 * the others get 409 Conflict. Taking over a failed or stale claim, and marking a claim sent or failed,
 * are PATCHes with `If-Match` on the eTag the holder last saw: a 412 means someone else took the claim
 * since (or the item was edited, which is re-checked by its `ClaimToken`), so two runners cannot both win.
 */
export class SharePointDigestLog implements DigestLog {
  /** eTags of items this instance holds, by claim token: `markSent` then needs no read. */
  private readonly held = new Map<string, { id: string; eTag?: string }>();
  private readonly leaseMs: number;
  private readonly pageSize: number;

  constructor(
    private readonly client: Client,
    private readonly lists: TaskLists,
    private readonly options: SharePointDigestLogOptions,
  ) {
    this.leaseMs = options.leaseMs ?? DEFAULT_CLAIM_LEASE_MS;
    this.pageSize = options.pageSize ?? DEFAULT_TASK_PAGE_SIZE;
  }

  /** @throws AppError when Graph refuses the claim for another reason than a conflict. */
  async claim(recipientId: string, week: string, now: Date): Promise<DigestClaim | null> {
    const { digestSends } = await this.lists.paths();
    const key = digestKey(recipientId, week);
    const token = randomUUID();
    const at = now.toISOString();
    try {
      const raw: unknown = await this.client.api(`${digestSends}/items`).post({
        fields: { Title: key, DigestKey: key, RecipientId: recipientId, Week: week, Status: 'claimed', ClaimToken: token, ClaimedAt: at, Attempts: 1 },
      });
      const item = parseGraph(listItemSchema.pick({ id: true, eTag: true }), raw, 'list item');
      this.held.set(token, { id: item.id, eTag: item.eTag });
      return { recipientId, week, token };
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
    }
    // Someone has (or had) this week's claim: take it over only if it failed or its lease ran out.
    const item = await findItemByKey(this.target(digestSends), 'DigestKey', key);
    if (!item) return null;
    const { Status, ClaimedAt, Attempts } = item.fields;
    const stale = Status === 'claimed' && Date.parse(String(ClaimedAt)) < now.getTime() - this.leaseMs;
    if (Status !== 'failed' && !stale) return null;
    const eTag = await this.patch(digestSends, item, { Status: 'claimed', ClaimToken: token, ClaimedAt: at, Attempts: Number(Attempts ?? 1) + 1 });
    if (eTag === null) return null; // 412: another runner took it over first
    this.held.set(token, { id: item.id, eTag });
    return { recipientId, week, token };
  }

  async markSent(claim: DigestClaim, reference: string, now: Date): Promise<void> {
    await this.writeIfHolder(claim, { Status: 'sent', SentAt: now.toISOString(), Reference: reference, LastError: null });
    this.held.delete(claim.token);
  }

  async markFailed(claim: DigestClaim, reason: string, now: Date): Promise<void> {
    await this.writeIfHolder(claim, { Status: 'failed', LastError: reason, ClaimedAt: now.toISOString() });
    this.held.delete(claim.token);
  }

  /**
   * Writes only while `claim` still holds the item (as SQLite's `WHERE claim_token = ?`): first on the eTag
   * we saw when claiming, and after a 412 on a fresh read, if the token there is still ours.
   */
  private async writeIfHolder(claim: DigestClaim, fields: Record<string, unknown>): Promise<void> {
    const { digestSends } = await this.lists.paths();
    const mine = this.held.get(claim.token);
    let current: { id: string; eTag?: string } | undefined = mine?.eTag ? mine : undefined;
    for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
      if (!current) {
        const item = await findItemByKey(this.target(digestSends), 'DigestKey', digestKey(claim.recipientId, claim.week));
        if (!item || item.fields.ClaimToken !== claim.token) return; // taken over: the new holder decides
        current = item;
      }
      if ((await this.patch(digestSends, current, fields)) !== null) return;
      current = undefined;
    }
    throw new AppError('The digest record keeps being changed by someone else; its state was not saved.');
  }

  /** PATCH with `If-Match`: the new eTag, '' when Graph sent none, or null on 412. @throws AppError otherwise. */
  private async patch(listPath: string, item: { id: string; eTag?: string }, fields: Record<string, unknown>): Promise<string | null> {
    try {
      const request = this.client.api(`${listPath}/items/${item.id}/fields`);
      const raw: unknown = await (item.eTag ? request.header('If-Match', item.eTag) : request).patch(fields);
      const eTag = (raw as Record<string, unknown> | undefined)?.['@odata.etag'];
      return typeof eTag === 'string' ? eTag : '';
    } catch (error) {
      if (statusOf(error) === 412) return null;
      throw error instanceof GraphError ? new AppError(`SharePoint refused a digest record update (HTTP ${error.statusCode}).`) : error;
    }
  }

  private target(listPath: string): LookupTarget {
    return { client: this.client, root: this.options.root, listPath, pageSize: this.pageSize };
  }
}

