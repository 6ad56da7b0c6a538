import { randomUUID } from 'node:crypto';
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { AppError } from '@/kernel/errors';
import type { DigestClaim, DigestLog, SentDigest } from '@/kernel/ports/digest-log';
import { DEFAULT_CLAIM_LEASE_MS } from '../sqlite/sqlite-digest-log';
import { executeBatch, type BatchStep } from './graph-batch';
import { findItemByKey, findItemsWhere, isOk, JSON_HEADERS, type LookupTarget } from './graph-lookup';
import { listItemSchema, parseGraph, type BatchStepResponse, type GraphListItem } from './graph-shapes';
import type { TaskLists } from './site-lists';
import { DEFAULT_TASK_PAGE_SIZE, type TaskStoreOptions } from './task-store-options';
import { graphStatus } from './graph-client';

export interface SharePointDigestLogOptions extends TaskStoreOptions {
  /** A claim older than this belongs to a runner that died mid-send. Default 30 minutes, as in SQLite. */
  leaseMs?: number;
}

/** Stops a takeover racing edits made outside the app from looping for ever. */
const MAX_WRITE_ATTEMPTS = 3;

export const digestKey = (recipientId: string, week: string): string => `${recipientId}|${week}`;

/** An item this instance holds (or is about to write): where it is and the eTag it was last seen with. */
interface Held {
  id: string;
  eTag?: string;
}

const createdSchema = listItemSchema.pick({ id: true, eTag: true });
const eTagIn = (response: BatchStepResponse | undefined): string => {
  const eTag = (response?.body as Record<string, unknown> | undefined)?.['@odata.etag'];
  return typeof eTag === 'string' ? eTag : '';
};

/**
 * DigestLog on SharePoint Lists, with the same rules as the SQLite store. The gate is an item create in
 * "SEND Digest Sends" whose `DigestKey` (recipient and ISO week) is indexed and unique: one create wins,
 * the others get 409 Conflict. Taking over a failed or stale claim, and marking a claim sent or failed,
 * are PATCHes with `If-Match` on the eTag the holder last saw: a 412 means someone else took the claim
 * since (or the item was edited, which is re-checked by its `ClaimToken`), so two runners cannot both win.
 * `claimMany` and `markSentMany` are the same requests carried 20 to a `$batch`, with one lookup for
 * all the recipients whose create conflicted (or whose write lost a race).
 */
export class SharePointDigestLog implements DigestLog {
  /** eTags of items this instance holds, by claim token: `markSent` then needs no read. */
  private readonly held = new Map<string, Held>();
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

  /** @throws the create's error when Graph refuses the claim and nothing is stored under its key. */
  async claim(recipientId: string, week: string, now: Date): Promise<DigestClaim | null> {
    const { digestSends } = await this.lists.paths();
    const key = digestKey(recipientId, week);
    const token = randomUUID();
    const at = now.toISOString();
    try {
      const raw: unknown = await this.client.api(`${digestSends}/items`).post({
        fields: {
          Title: key,
          DigestKey: key,
          RecipientId: recipientId,
          Week: week,
          Status: 'claimed',
          ClaimToken: token,
          ClaimedAt: at,
          Attempts: 1,
        },
      });
      const item = parseGraph(listItemSchema.pick({ id: true, eTag: true }), raw, 'list item');
      this.held.set(token, { id: item.id, eTag: item.eTag });
      return { recipientId, week, token };
    } catch (error) {
      // No Microsoft page says a duplicate in a unique column is a 409, and a create can land although
      // its answer was lost: whatever the failure, what is stored under the key decides.
      const item = await findItemByKey(this.target(digestSends), 'DigestKey', key).catch(() => {
        throw error;
      });
      if (!item) throw error; // nothing stored: the create really failed
      if (item.fields.ClaimToken === token) {
        this.held.set(token, { id: item.id, eTag: item.eTag ?? '' });
        return { recipientId, week, token }; // ours: it landed, the reply was lost
      }
      return this.takeOverOne(digestSends, item, { recipientId, week, token }, now);
    }
  }

  /** Someone has (or had) this week's claim: take it over only if it failed or its lease ran out. */
  private async takeOverOne(digestSends: string, item: GraphListItem, claim: DigestClaim, now: Date): Promise<DigestClaim | null> {
    if (!this.canTakeOver(item, now)) return null;
    const eTag = await this.patch(digestSends, item, {
      Status: 'claimed',
      ClaimToken: claim.token,
      ClaimedAt: now.toISOString(),
      Attempts: Number(item.fields.Attempts ?? 1) + 1,
    });
    if (eTag === null) return null; // 412: another runner took it over first
    this.held.set(claim.token, { id: item.id, eTag });
    return claim;
  }

  /** @throws AppError when Graph refuses a claim and nothing is stored under its key. */
  async claimMany(recipientIds: readonly string[], week: string, now: Date): Promise<DigestClaim[]> {
    const ids = [...new Set(recipientIds)];
    if (ids.length === 0) return [];
    const { digestSends } = await this.lists.paths();
    const at = now.toISOString();
    const tokens = new Map(ids.map((id) => [id, randomUUID()]));
    const creates = await this.runSteps(
      ids.map((recipientId, i) => {
        const key = digestKey(recipientId, week);
        const fields = {
          Title: key,
          DigestKey: key,
          RecipientId: recipientId,
          Week: week,
          Status: 'claimed',
          ClaimToken: tokens.get(recipientId),
          ClaimedAt: at,
          Attempts: 1,
        };
        return { id: String(i + 1), method: 'POST', url: `${digestSends}/items`, headers: JSON_HEADERS, body: { fields } };
      }),
    );
    const won = new Set<string>();
    const conflicted: string[] = [];
    ids.forEach((recipientId, i) => {
      const response = creates.get(String(i + 1));
      if (response?.status === 201) {
        const item = parseGraph(createdSchema, response.body, 'list item');
        this.held.set(tokens.get(recipientId)!, { id: item.id, eTag: item.eTag });
        won.add(recipientId);
      } else conflicted.push(recipientId); // whatever the status: what is stored under the key decides
    });
    const createStatus = (recipientId: string) => creates.get(String(ids.indexOf(recipientId) + 1))?.status;
    for (const recipientId of await this.takeOver(digestSends, conflicted, week, tokens, now, createStatus)) won.add(recipientId);
    return ids.filter((id) => won.has(id)).map((recipientId) => ({ recipientId, week, token: tokens.get(recipientId)! }));
  }

  async markSent(claim: DigestClaim, reference: string, now: Date): Promise<void> {
    await this.writeIfHolder(claim, { Status: 'sent', SentAt: now.toISOString(), Reference: reference, LastError: null });
    this.held.delete(claim.token);
  }

  async markSentMany(sent: readonly SentDigest[], now: Date): Promise<void> {
    await this.writeManyIfHolder(
      sent.map(({ claim, reference }) => ({
        claim,
        fields: { Status: 'sent', SentAt: now.toISOString(), Reference: reference, LastError: null },
      })),
    );
    for (const { claim } of sent) this.held.delete(claim.token);
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

  /** The recipients among `recipientIds` whose failed or stale claim this caller took over (If-Match PATCHes in `$batch`es). */
  private async takeOver(
    listPath: string,
    recipientIds: string[],
    week: string,
    tokens: Map<string, string>,
    now: Date,
    createStatus: (recipientId: string) => number | undefined,
  ): Promise<string[]> {
    if (recipientIds.length === 0) return [];
    const found = await findItemsWhere(
      this.target(listPath),
      'DigestKey',
      recipientIds.map((id) => digestKey(id, week)),
    );
    const byKey = new Map(found.map((item) => [String(item.fields.DigestKey), item]));
    const landed: string[] = [];
    const open = recipientIds.flatMap((recipientId) => {
      const item = byKey.get(digestKey(recipientId, week));
      if (!item) throw new AppError(`SharePoint refused a digest claim (HTTP ${createStatus(recipientId)}).`);
      if (item.fields.ClaimToken === tokens.get(recipientId)) {
        this.held.set(tokens.get(recipientId)!, { id: item.id, eTag: item.eTag ?? '' }); // ours: the reply was lost
        landed.push(recipientId);
        return [];
      }
      return this.canTakeOver(item, now) ? [{ recipientId, item }] : [];
    });
    const results = await this.runSteps(
      open.map(({ recipientId, item }, i) =>
        this.patchStep(String(i + 1), listPath, item, {
          Status: 'claimed',
          ClaimToken: tokens.get(recipientId),
          ClaimedAt: now.toISOString(),
          Attempts: Number(item.fields.Attempts ?? 1) + 1,
        }),
      ),
    );
    const takenOver = open.flatMap(({ recipientId, item }, i) => {
      const status = results.get(String(i + 1))?.status;
      if (status === 412) return []; // another runner took it over first
      if (!isOk(status)) throw new AppError(`SharePoint refused a digest record update (HTTP ${status}).`);
      this.held.set(tokens.get(recipientId)!, { id: item.id, eTag: eTagIn(results.get(String(i + 1))) });
      return [recipientId];
    });
    return [...landed, ...takenOver];
  }

  /** A claim that failed, or whose runner has held it past the lease (it died mid-send). */
  private canTakeOver(item: GraphListItem, now: Date): boolean {
    const { Status, ClaimedAt } = item.fields;
    return Status === 'failed' || (Status === 'claimed' && Date.parse(String(ClaimedAt)) < now.getTime() - this.leaseMs);
  }

  /**
   * `writeIfHolder` for many claims: PATCHes on the eTags we hold, in `$batch`es; then, for the claims we
   * hold no eTag for or whose write got 412, one lookup and another round, while the token there is still ours.
   */
  private async writeManyIfHolder(writes: readonly { claim: DigestClaim; fields: Record<string, unknown> }[]): Promise<void> {
    const { digestSends } = await this.lists.paths();
    let pending = writes.map((w) => ({ ...w, item: this.held.get(w.claim.token)?.eTag ? this.held.get(w.claim.token) : undefined }));
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > MAX_WRITE_ATTEMPTS)
        throw new AppError('The digest record keeps being changed by someone else; its state was not saved.');
      const unknown = pending.filter((w) => !w.item);
      if (unknown.length > 0) {
        const found = await findItemsWhere(
          this.target(digestSends),
          'DigestKey',
          unknown.map((w) => digestKey(w.claim.recipientId, w.claim.week)),
        );
        const byKey = new Map(found.map((item) => [String(item.fields.DigestKey), item]));
        // Taken over (or gone): the new holder decides, as in `writeIfHolder`.
        pending = pending.flatMap((w) => {
          if (w.item) return [w];
          const item = byKey.get(digestKey(w.claim.recipientId, w.claim.week));
          return item && item.fields.ClaimToken === w.claim.token ? [{ ...w, item }] : [];
        });
      }
      const results = await this.runSteps(pending.map((w, i) => this.patchStep(String(i + 1), digestSends, w.item!, w.fields)));
      pending = pending.flatMap((w, i) => {
        const status = results.get(String(i + 1))?.status;
        if (status === 412) return [{ ...w, item: undefined }];
        if (!isOk(status)) throw new AppError(`SharePoint refused a digest record update (HTTP ${status}).`);
        return [];
      });
    }
  }

  private patchStep(id: string, listPath: string, item: Held, fields: Record<string, unknown>): BatchStep {
    return {
      id,
      method: 'PATCH',
      url: `${listPath}/items/${item.id}/fields`,
      headers: { ...JSON_HEADERS, ...(item.eTag ? { 'If-Match': item.eTag } : {}) },
      body: fields,
    };
  }

  private async runSteps(steps: BatchStep[]): Promise<Map<string, BatchStepResponse>> {
    return steps.length > 0 ? executeBatch(this.client, steps, this.options.batch) : new Map();
  }

  /** PATCH with `If-Match`: the new eTag, '' when Graph sent none, or null on 412. @throws AppError otherwise. */
  private async patch(listPath: string, item: { id: string; eTag?: string }, fields: Record<string, unknown>): Promise<string | null> {
    try {
      const request = this.client.api(`${listPath}/items/${item.id}/fields`);
      const raw: unknown = await (item.eTag ? request.header('If-Match', item.eTag) : request).patch(fields);
      const eTag = (raw as Record<string, unknown> | undefined)?.['@odata.etag'];
      return typeof eTag === 'string' ? eTag : '';
    } catch (error) {
      if (graphStatus(error) === 412) return null;
      throw error instanceof GraphError ? new AppError(`SharePoint refused a digest record update (HTTP ${error.statusCode}).`) : error;
    }
  }

  private target(listPath: string): LookupTarget {
    return { client: this.client, root: this.options.root, listPath, pageSize: this.pageSize };
  }
}
