import { randomUUID } from 'node:crypto';
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { AppError } from '@/kernel/errors';
import type { ReminderClaim, ReminderLog } from '@/kernel/ports/reminder-log';
import { DEFAULT_CLAIM_LEASE_MS } from '../sqlite/sqlite-digest-log';
import { actionOf } from './action-fields';
import { BatchWriter } from './batch-writer';
import { executeBatch, MAX_BATCH_STEPS, type BatchStep } from './graph-batch';
import { findItemByKey, findItemsWhere, inParallel, isOk, JSON_HEADERS, MAX_CONCURRENT_REQUESTS, type LookupTarget } from './graph-lookup';
import type { BatchStepResponse, GraphListItem } from './graph-shapes';
import { parseItemToken, type ItemRef } from './item-token';
import type { TaskLists } from './site-lists';
import { DEFAULT_TASK_PAGE_SIZE, type TaskStoreOptions } from './task-store-options';

/** The outcome a given-back claim is marked with: the claims list keeps every item. */
const RELEASED = 'released';

/** Rounds of re-checking the version after our `If-Match` write lost to an edit that left the version alone. */
const MAX_VERIFY_ROUNDS = 3;

/** The unique value in the claims list: one reminder of one kind on one occasion for one action. */
export const reminderClaimKey = (c: ReminderClaim): string => `${c.actionId}|${c.kind}|${c.occasion}`;

const createdItemSchema = z.looseObject({ id: z.string(), eTag: z.string().optional() });
const eTagIn = (response: BatchStepResponse | undefined): string | undefined => {
  const eTag = (response?.body as Record<string, unknown> | undefined)?.['@odata.etag'];
  return typeof eTag === 'string' ? eTag : undefined;
};

export interface SharePointReminderLogOptions extends TaskStoreOptions {
  /** A claim with no outcome older than this belongs to a runner that died mid-run. Default 30 minutes, as in SQLite. */
  leaseMs?: number;
}

/** A claim item this instance holds, and the eTag it last saw on it (the proof it still holds it). */
interface Held {
  id: string;
  eTag?: string;
}

/** One claim to try: a create, or (after a failed create) a takeover of the outcome-less claim item past its lease. */
interface Attempt {
  claim: ReminderClaim;
  retake?: GraphListItem;
}

function claimFields(claim: ReminderClaim, at: Date): Record<string, unknown> {
  const key = reminderClaimKey(claim);
  return {
    Title: key,
    ClaimKey: key,
    ActionId: claim.actionId,
    Kind: claim.kind,
    Occasion: claim.occasion,
    Version: claim.version,
    ClaimedAt: at.toISOString(),
  };
}

const versionOf = (item: GraphListItem | undefined): number | undefined => (item ? actionOf(item).version : undefined);

/**
 * ReminderLog on SharePoint Lists. Two checks make a claim, both enforced by SharePoint itself:
 *
 * 1. Exactly once: the claim is an item create in "SEND Reminder Claims", whose `ClaimKey` column is
 *    indexed with `enforceUniqueValues`. Only one create of a key succeeds; the others fail (409 in the
 *    stand-in; no Microsoft page names the status, so any failure is read back by key).
 * 2. Only at the claimed version: in the same `$batch`, and only if the create succeeded (`dependsOn`),
 *    the action's item is PATCHed (column `ReminderClaim`) with `If-Match` on the eTag read when its
 *    `Version` was checked: by the repository's query when the claim carries its `readToken`, else here. 412 means the item changed since: if its version moved, the claim is given
 *    back (the next run re-evaluates the reminder, as the SQLite store does by not inserting it).
 *
 * Create first, PATCH second (not the other way round) so a run that finds the reminder already
 * claimed writes nothing to the action: re-runs on several instances do not churn the item's eTag,
 * and so neither its SharePoint version history nor concurrent edits in the app (which would retry on 412).
 * Graph has no transaction across lists, so the version is checked just before the claim is granted,
 * not atomically with it: the gap is one step inside one `$batch`, and a card from a version changed in
 * that gap is stale and refreshes when clicked, as any card does after a later edit.
 * Claims are never deleted: giving one back renames its key, so the claims list stays an audit trail.
 *
 * A claim with no outcome older than the lease (its runner crashed between claim and record) is taken
 * over: after the create fails, one lookup of the failed keys, then a PATCH of the claim item with
 * `If-Match` on the eTag just read (one survivor wins, the other gets 412), followed in the same `$batch`
 * by the same version check on the action. The crashed runner may have sent the card before it died,
 * so a takeover can send it again: at least once after a crash, never lost. Giving a claim back is
 * also `If-Match` on the eTag this instance holds, so a runner that outlived its lease cannot free a
 * claim taken over from it. A run with no conflicts does no lookup: the happy path costs nothing more.
 */
export class SharePointReminderLog implements ReminderLog {
  /** Claim item ids this instance won and has not yet settled, so settling needs no lookup. */
  private readonly held = new Map<string, Held>();
  private readonly writer: BatchWriter;
  private readonly pageSize: number;
  private readonly leaseMs: number;

  constructor(
    private readonly client: Client,
    private readonly lists: TaskLists,
    private readonly options: SharePointReminderLogOptions,
  ) {
    this.writer = new BatchWriter(client, options.batch);
    this.pageSize = options.pageSize ?? DEFAULT_TASK_PAGE_SIZE;
    this.leaseMs = options.leaseMs ?? DEFAULT_CLAIM_LEASE_MS;
  }

  /** @throws AppError when a list is missing or Graph answers something malformed. */
  async claim(claims: readonly ReminderClaim[], at: Date): Promise<ReminderClaim[]> {
    const wanted = [...new Map(claims.map((c) => [reminderClaimKey(c), c])).values()];
    if (wanted.length === 0) return [];
    const { actions, reminderClaims } = await this.lists.paths();
    const { refs, byAction } = await this.claimable(actions, wanted);
    const won: ReminderClaim[] = [];
    const unverified = new Map<string, ReminderClaim[]>();
    const conflicted: ReminderClaim[] = [];
    const groups = (attempts: Attempt[]) => {
      const byId = new Map<string, Attempt[]>();
      for (const a of attempts) byId.set(a.claim.actionId, [...(byId.get(a.claim.actionId) ?? []), a]);
      return [...byId.values()];
    };
    const tries = { actions, reminderClaims, refs, at, won, unverified };
    await this.attempt(groups([...byAction.values()].flat().map((claim) => ({ claim }))), { ...tries, conflicted });
    const stale = await this.staleClaims(reminderClaims, conflicted, at);
    if (stale.length > 0) await this.attempt(groups(stale), tries);
    won.push(...(await this.verify(unverified, actions, at)));
    const order = new Map(wanted.map((c, i) => [reminderClaimKey(c), i]));
    return won.sort((a, b) => order.get(reminderClaimKey(a))! - order.get(reminderClaimKey(b))!);
  }

  /**
   * One pass of claims, packed into `$batch`es by action: each claim's create (or takeover PATCH), then
   * the action's `If-Match` PATCH depending on them. Fills `won`, `unverified` (claims held whose action
   * write failed) and `conflicted` (creates answered 409, when asked for).
   */
  private async attempt(
    groups: Attempt[][],
    pass: {
      actions: string;
      reminderClaims: string;
      refs: Map<string, ItemRef>;
      at: Date;
      won: ReminderClaim[];
      unverified: Map<string, ReminderClaim[]>;
      conflicted?: ReminderClaim[];
    },
  ): Promise<void> {
    const { actions, reminderClaims, refs, at } = pass;
    await inParallel(packGroups(groups), MAX_CONCURRENT_REQUESTS, async (chunk) => {
      const steps: BatchStep[] = chunk.flatMap((group, g) => {
        const ref = refs.get(group[0]!.claim.actionId)!;
        const claims = group.map(({ claim, retake }, i): BatchStep => {
          const id = `${g}.${i}`;
          if (!retake)
            return { id, method: 'POST', url: `${reminderClaims}/items`, headers: JSON_HEADERS, body: { fields: claimFields(claim, at) } };
          const fields = { Version: claim.version, ClaimedAt: at.toISOString() };
          return {
            id,
            method: 'PATCH',
            url: `${reminderClaims}/items/${retake.id}/fields`,
            headers: { ...JSON_HEADERS, 'If-Match': retake.eTag! },
            body: fields,
          };
        });
        const mark = this.markAction(
          `${g}.p`,
          actions,
          ref,
          group.map((a) => a.claim),
          at,
          claims.map((s) => s.id),
        );
        return [...claims, mark];
      });
      const results = await executeBatch(this.client, steps, this.options.batch);
      chunk.forEach((group, g) => {
        const held = group.flatMap(({ claim, retake }, i) => {
          const response = results.get(`${g}.${i}`);
          if (retake) {
            // 412: another survivor took it over first (or the runner recorded it after all).
            if (!isOk(response?.status)) return [];
            this.held.set(reminderClaimKey(claim), { id: retake.id, eTag: eTagIn(response) });
            return [claim];
          }
          // Not created: claimed elsewhere (409), or refused or unanswered; no Microsoft page promises a
          // 409 for a duplicate in a unique column, so what is stored under the key decides (staleClaims).
          if (response?.status !== 201) {
            pass.conflicted?.push(claim);
            return [];
          }
          const parsed = createdItemSchema.safeParse(response.body);
          if (parsed.success) this.held.set(reminderClaimKey(claim), { id: parsed.data.id, eTag: parsed.data.eTag });
          return [claim];
        });
        if (held.length === 0) return;
        if (isOk(results.get(`${g}.p`)?.status)) pass.won.push(...held);
        else pass.unverified.set(group[0]!.claim.actionId, held);
      });
    });
  }

  /**
   * What to try again of the claims whose create failed, read back by key in one lookup: nothing stored
   * (the create really failed) is created once more; a claim held with no outcome for longer than the
   * lease is taken over (its runner died after claiming, perhaps after sending). A fresh claim is left
   * alone, even one that may be ours with its reply lost: it is taken over after the lease, so a
   * reminder can go out late but never twice.
   */
  private async staleClaims(claimsPath: string, conflicted: ReminderClaim[], at: Date): Promise<Attempt[]> {
    if (conflicted.length === 0) return [];
    const found = await findItemsWhere(this.target(claimsPath), 'ClaimKey', conflicted.map(reminderClaimKey));
    const byKey = new Map(found.map((item) => [String(item.fields.ClaimKey), item]));
    const staleBefore = at.getTime() - this.leaseMs;
    return conflicted.flatMap((claim) => {
      const item = byKey.get(reminderClaimKey(claim));
      if (!item) return [{ claim }];
      const claimedAt = Date.parse(String(item.fields.ClaimedAt));
      // No eTag, no compare-and-set: leave it rather than risk two survivors both taking it over.
      return item.eTag && !item.fields.Outcome && Number.isFinite(claimedAt) && claimedAt < staleBefore ? [{ claim, retake: item }] : [];
    });
  }

  /**
   * The claims to attempt, by action, with the item each compare-and-set writes to. A claim that carries
   * the token the repository read with the action needs no read here: the `If-Match` write fails if the
   * item changed since, and `verify` then re-reads. Only the rest are read, and a claim whose version is
   * not the item's is dropped (a reminder computed from a stale read: the next run re-evaluates it).
   */
  private async claimable(
    actionsPath: string,
    wanted: ReminderClaim[],
  ): Promise<{ refs: Map<string, ItemRef>; byAction: Map<string, ReminderClaim[]> }> {
    const byAction = new Map<string, ReminderClaim[]>();
    for (const c of wanted) byAction.set(c.actionId, [...(byAction.get(c.actionId) ?? []), c]);
    const refs = new Map<string, ItemRef>();
    const toRead: string[] = [];
    for (const [actionId, group] of byAction) {
      const ref = parseItemToken(group[0]!.readToken);
      // Every claim for the item must come from that same read, or the token says nothing about the others.
      if (ref && group.every((c) => c.readToken === group[0]!.readToken && c.version === group[0]!.version)) refs.set(actionId, ref);
      else toRead.push(actionId);
    }
    const items = toRead.length > 0 ? await this.readActions(actionsPath, toRead) : new Map<string, GraphListItem>();
    for (const actionId of toRead) {
      const item = items.get(actionId);
      const group = byAction.get(actionId)!.filter((c) => versionOf(item) === c.version);
      if (item && group.length > 0) {
        refs.set(actionId, item);
        byAction.set(actionId, group);
      } else byAction.delete(actionId);
    }
    return { refs, byAction };
  }

  /**
   * Gives a claim back after the send failed (only one not yet recorded), so a later run can try again.
   * A claim this instance holds is given back only while it still holds it (`If-Match`): a 412 means
   * another instance took it over after the lease, and the claim is theirs to settle.
   */
  async release(claim: ReminderClaim): Promise<void> {
    const key = reminderClaimKey(claim);
    const held = this.held.get(key) ?? (await this.unsettledClaim(key));
    if (!held) return;
    this.held.delete(key);
    const { reminderClaims } = await this.lists.paths();
    // A unique key can be freed without deleting anything: the released item keeps a key no claim will use.
    const response = await this.writer.send({
      method: 'PATCH',
      url: `${reminderClaims}/items/${held.id}/fields`,
      headers: { ...JSON_HEADERS, ...(held.eTag ? { 'If-Match': held.eTag } : {}) },
      body: { ClaimKey: `${key}|released|${randomUUID()}`, Outcome: RELEASED },
    });
    if (response.status === 412) return;
    if (!isOk(response.status)) throw new AppError(`SharePoint did not give a reminder claim back (HTTP ${response.status}).`);
  }

  /** Records how the claimed reminder went out. Writes made together are sent as one `$batch`. */
  async record(claim: ReminderClaim, outcome: string): Promise<void> {
    const key = reminderClaimKey(claim);
    const { reminderClaims } = await this.lists.paths();
    // Written whoever holds the claim now: the card went out, and an outcome ends any takeover.
    const id = this.held.get(key)?.id ?? (await findItemByKey(this.target(reminderClaims), 'ClaimKey', key))?.id;
    if (!id) return;
    this.held.delete(key);
    const response = await this.writer.send({
      method: 'PATCH',
      url: `${reminderClaims}/items/${id}/fields`,
      headers: JSON_HEADERS,
      body: { Outcome: outcome },
    });
    if (!isOk(response.status)) throw new AppError(`SharePoint did not record a reminder outcome (HTTP ${response.status}).`);
  }

  /**
   * Claims we created whose `If-Match` write did not go through (412: the item changed after our read,
   * or 424: a sibling claim for the same item was taken elsewhere). Re-read: at the same version, write
   * again on the fresh eTag; at another version, give the claims back.
   */
  private async verify(unverified: Map<string, ReminderClaim[]>, actionsPath: string, at: Date): Promise<ReminderClaim[]> {
    const won: ReminderClaim[] = [];
    for (let round = 1; unverified.size > 0 && round <= MAX_VERIFY_ROUNDS; round++) {
      const items = await this.readActions(actionsPath, [...unverified.keys()]);
      const steps: BatchStep[] = [];
      const stepAction = new Map<string, string>();
      for (const [actionId, group] of unverified) {
        const item = items.get(actionId);
        if (!item || versionOf(item) !== group[0]!.version) {
          unverified.delete(actionId);
          await Promise.all(group.map((c) => this.release(c)));
          continue;
        }
        const id = String(steps.length + 1);
        stepAction.set(id, actionId);
        steps.push(this.markAction(id, actionsPath, item, group, at));
      }
      const results = steps.length > 0 ? await executeBatch(this.client, steps, this.options.batch) : new Map();
      for (const [id, actionId] of stepAction) {
        if (!isOk(results.get(id)?.status)) continue;
        won.push(...unverified.get(actionId)!);
        unverified.delete(actionId);
      }
    }
    await Promise.all([...unverified.values()].flat().map((c) => this.release(c)));
    return won;
  }

  /** The compare-and-set on the action: a small write, only if the item is still as we read it. */
  private markAction(id: string, actionsPath: string, item: ItemRef, group: ReminderClaim[], at: Date, dependsOn?: string[]): BatchStep {
    const claimed = group.map((c) => `${c.kind} ${c.occasion}`).join(', ');
    return {
      id,
      method: 'PATCH',
      url: `${actionsPath}/items/${item.id}/fields`,
      headers: { ...JSON_HEADERS, 'If-Match': item.eTag },
      body: { ReminderClaim: `${claimed} at ${at.toISOString()}`.slice(0, 255) },
      ...(dependsOn ? { dependsOn } : {}),
    };
  }

  /** One filtered read of the claims list per group of ids (`ActionId` is indexed), however many claims each item has. */
  async shownBefore(actionIds: readonly string[]): Promise<Set<string>> {
    if (actionIds.length === 0) return new Set();
    const { reminderClaims } = await this.lists.paths();
    const claims = await findItemsWhere(this.target(reminderClaims), 'ActionId', actionIds);
    // A given-back claim keeps its item (renamed, outcome `released`): it showed nobody anything.
    const shown = claims.filter((item) => !!item.fields.Outcome && item.fields.Outcome !== RELEASED);
    return new Set(shown.map((item) => String(item.fields.ActionId)));
  }

  private async readActions(actionsPath: string, actionIds: string[]): Promise<Map<string, GraphListItem>> {
    const items = await findItemsWhere(this.target(actionsPath), 'ActionId', actionIds);
    return new Map(items.map((item) => [String(item.fields.ActionId), item]));
  }

  private async unsettledClaim(key: string): Promise<Held | undefined> {
    const { reminderClaims } = await this.lists.paths();
    const item = await findItemByKey(this.target(reminderClaims), 'ClaimKey', key);
    return item && !item.fields.Outcome ? { id: item.id } : undefined;
  }

  private target(listPath: string): LookupTarget {
    return { client: this.client, root: this.options.root, listPath, pageSize: this.pageSize };
  }
}

/**
 * Packs per-action groups (their creates plus one PATCH) into `$batch`es, never splitting a group:
 * `dependsOn` works only within one batch. First fit, largest groups first, so groups of 2 and 3 steps
 * still fill batches of 20 (the order of the claims does not matter to Graph or to the caller).
 */
function packGroups<T>(groups: T[][]): T[][][] {
  const chunks: { groups: T[][]; size: number }[] = [];
  for (const group of [...groups].sort((a, b) => b.length - a.length)) {
    const steps = group.length + 1;
    if (steps > MAX_BATCH_STEPS) throw new AppError(`Too many reminders for one action in one claim (${group.length}).`);
    const chunk = chunks.find((c) => c.size + steps <= MAX_BATCH_STEPS);
    if (chunk) {
      chunk.groups.push(group);
      chunk.size += steps;
    } else chunks.push({ groups: [group], size: steps });
  }
  return chunks.map((c) => c.groups);
}
