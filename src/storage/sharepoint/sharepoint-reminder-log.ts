import { randomUUID } from 'node:crypto';
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { AppError } from '../../errors';
import type { ReminderClaim, ReminderLog } from '../../tasks/reminders/reminder-log';
import { actionOf } from './action-fields';
import { BatchWriter } from './batch-writer';
import { executeBatch, MAX_BATCH_STEPS, type BatchStep } from './graph-batch';
import { findItemByKey, findItemsWhere, inParallel, isOk, JSON_HEADERS, MAX_CONCURRENT_REQUESTS, type LookupTarget } from './graph-lookup';
import type { GraphListItem } from './graph-shapes';
import { parseItemToken, type ItemRef } from './item-token';
import type { TaskLists } from './site-lists';
import { DEFAULT_TASK_PAGE_SIZE, type TaskStoreOptions } from './task-store-options';

/** Rounds of re-checking the version after our `If-Match` write lost to an edit that left the version alone. */
const MAX_VERIFY_ROUNDS = 3;

/** The unique value in the claims list: one reminder of one kind on one occasion for one action. */
export const reminderClaimKey = (c: ReminderClaim): string => `${c.actionId}|${c.kind}|${c.occasion}`;

const createdItemSchema = z.looseObject({ id: z.string() });

function claimFields(claim: ReminderClaim, at: Date): Record<string, unknown> {
  const key = reminderClaimKey(claim);
  return { Title: key, ClaimKey: key, ActionId: claim.actionId, Kind: claim.kind, Occasion: claim.occasion, Version: claim.version, ClaimedAt: at.toISOString() };
}

const versionOf = (item: GraphListItem | undefined): number | undefined => (item ? actionOf(item).version : undefined);

/**
 * ReminderLog on SharePoint Lists. Two checks make a claim, both enforced by SharePoint itself:
 *
 * 1. Exactly once: the claim is an item create in "SEND Reminder Claims", whose `ClaimKey` column is
 *    indexed with `enforceUniqueValues`. Only one create of a key succeeds; the others get 409 Conflict.
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
 */
export class SharePointReminderLog implements ReminderLog {
  /** Claim item ids this instance won and has not yet settled, so settling needs no lookup. */
  private readonly held = new Map<string, string>();
  private readonly writer: BatchWriter;
  private readonly pageSize: number;

  constructor(
    private readonly client: Client,
    private readonly lists: TaskLists,
    private readonly options: TaskStoreOptions,
  ) {
    this.writer = new BatchWriter(client, options.batch);
    this.pageSize = options.pageSize ?? DEFAULT_TASK_PAGE_SIZE;
  }

  /** @throws AppError when a list is missing or Graph answers something malformed. */
  async claim(claims: readonly ReminderClaim[], at: Date): Promise<ReminderClaim[]> {
    const wanted = [...new Map(claims.map((c) => [reminderClaimKey(c), c])).values()];
    if (wanted.length === 0) return [];
    const { actions, reminderClaims } = await this.lists.paths();
    const { refs, byAction } = await this.claimable(actions, wanted);
    const won: ReminderClaim[] = [];
    const unverified = new Map<string, ReminderClaim[]>();
    await inParallel(packGroups([...byAction.values()]), MAX_CONCURRENT_REQUESTS, async (chunk) => {
      const steps: BatchStep[] = chunk.flatMap((group, g) => {
        const ref = refs.get(group[0]!.actionId)!;
        const creates = group.map((c, i): BatchStep => ({ id: `${g}.${i}`, method: 'POST', url: `${reminderClaims}/items`, headers: JSON_HEADERS, body: { fields: claimFields(c, at) } }));
        return [...creates, this.markAction(`${g}.p`, actions, ref, group, at, creates.map((s) => s.id))];
      });
      const results = await executeBatch(this.client, steps, this.options.batch);
      chunk.forEach((group, g) => {
        const created = group.filter((c, i) => {
          const response = results.get(`${g}.${i}`);
          if (response?.status !== 201) return false; // 409: claimed already (or just now) elsewhere
          const parsed = createdItemSchema.safeParse(response.body);
          if (parsed.success) this.held.set(reminderClaimKey(c), parsed.data.id);
          return true;
        });
        if (created.length === 0) return;
        if (isOk(results.get(`${g}.p`)?.status)) won.push(...created);
        else unverified.set(group[0]!.actionId, created);
      });
    });
    won.push(...(await this.verify(unverified, actions, at)));
    const order = new Map(wanted.map((c, i) => [reminderClaimKey(c), i]));
    return won.sort((a, b) => order.get(reminderClaimKey(a))! - order.get(reminderClaimKey(b))!);
  }

  /**
   * The claims to attempt, by action, with the item each compare-and-set writes to. A claim that carries
   * the token the repository read with the action needs no read here: the `If-Match` write fails if the
   * item changed since, and `verify` then re-reads. Only the rest are read, and a claim whose version is
   * not the item's is dropped (a reminder computed from a stale read: the next run re-evaluates it).
   */
  private async claimable(actionsPath: string, wanted: ReminderClaim[]): Promise<{ refs: Map<string, ItemRef>; byAction: Map<string, ReminderClaim[]> }> {
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

  /** Gives a claim back after the send failed (only one not yet recorded), so a later run can try again. */
  async release(claim: ReminderClaim): Promise<void> {
    const key = reminderClaimKey(claim);
    const id = this.held.get(key) ?? (await this.unsettledClaimId(key));
    if (!id) return;
    this.held.delete(key);
    const { reminderClaims } = await this.lists.paths();
    // A unique key can be freed without deleting anything: the released item keeps a key no claim will use.
    const response = await this.writer.send({
      method: 'PATCH',
      url: `${reminderClaims}/items/${id}/fields`,
      headers: JSON_HEADERS,
      body: { ClaimKey: `${key}|released|${randomUUID()}`, Outcome: 'released' },
    });
    if (!isOk(response.status)) throw new AppError(`SharePoint did not give a reminder claim back (HTTP ${response.status}).`);
  }

  /** Records how the claimed reminder went out. Writes made together are sent as one `$batch`. */
  async record(claim: ReminderClaim, outcome: string): Promise<void> {
    const key = reminderClaimKey(claim);
    const { reminderClaims } = await this.lists.paths();
    const id = this.held.get(key) ?? (await findItemByKey(this.target(reminderClaims), 'ClaimKey', key))?.id;
    if (!id) return;
    this.held.delete(key);
    const response = await this.writer.send({ method: 'PATCH', url: `${reminderClaims}/items/${id}/fields`, headers: JSON_HEADERS, body: { Outcome: outcome } });
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

  private async readActions(actionsPath: string, actionIds: string[]): Promise<Map<string, GraphListItem>> {
    const items = await findItemsWhere(this.target(actionsPath), 'ActionId', actionIds);
    return new Map(items.map((item) => [String(item.fields.ActionId), item]));
  }

  private async unsettledClaimId(key: string): Promise<string | undefined> {
    const { reminderClaims } = await this.lists.paths();
    const item = await findItemByKey(this.target(reminderClaims), 'ClaimKey', key);
    return item && !item.fields.Outcome ? item.id : undefined;
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
function packGroups(groups: ReminderClaim[][]): ReminderClaim[][][] {
  const chunks: { groups: ReminderClaim[][]; size: number }[] = [];
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
