import { randomUUID } from 'node:crypto';
import type { Client } from '@microsoft/microsoft-graph-client';
import { actionQuerySchema, type Action, type ActionPatch, type ActionQueryInput, type Actor, type CloseAction, type NewActionInput } from '../../domain/action';
import type { HistoryEntry } from '../../domain/history';
import { parseInput } from '../../domain/validate';
import { AppError, ConflictError, NotFoundError } from '../../errors';
import type { ActionRepository } from '../action-repository';
import { rememberReadToken } from '../read-tokens';
import { planChange, planCreate, validateActor, validateNewActions, type Change, type PlannedChange } from '../plan-change';
import { actionFields, actionOf, createdEntryOf, historyEntryOf, historyFields, idempotencyDigest, newActionFields, odataString } from './action-fields';
import { executeBatch, type BatchOptions, type BatchStep } from './graph-batch';
import { graphRoot } from './graph-client';
import { getAllPages } from './graph-paging';
import { itemPageSchema, parseGraph, type GraphListItem } from './graph-shapes';
import { itemTokenOf } from './item-token';
import { byDueDate, matchesQuery, serverFilter } from './query-plan';
import { ACTION_LISTS, SiteLists } from './site-lists';

export interface SharePointRepositoryOptions {
  /** `{hostname},{site-collection-id},{web-id}` of the SEND site. */
  siteId: string;
  /** Same as the Graph client's `baseUrl`; needed to follow `@odata.nextLink`. Default: public Graph. */
  baseUrl?: string;
  /** `$top` for list reads. Default 200. */
  pageSize?: number;
  now?: () => Date;
  batch?: BatchOptions;
}

/** A lookup filter stays well under URL length limits; longer sets of keys are split. */
const MAX_FILTER_CHARS = 1500;
/** Times a write is re-tried when its eTag went stale but the action's version did not change. */
const MAX_WRITE_ATTEMPTS = 3;
const JSON_HEADERS = { 'Content-Type': 'application/json' };

const ok = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;
const withFilter = (filter: string) => `&$filter=${encodeURIComponent(filter)}`;

/**
 * The production store: SharePoint Lists on the SEND site, through Microsoft Graph.
 * Rules live in `plan-change.ts`, shared with the SQLite store. Writes are compare-and-set with
 * `If-Match` eTags; many creates go through `$batch`; reads follow `@odata.nextLink`.
 */
export class SharePointActionRepository implements ActionRepository {
  private readonly lists: SiteLists<keyof typeof ACTION_LISTS>;
  private readonly root: string;
  private readonly pageSize: number;
  private readonly now: () => Date;

  constructor(
    private readonly client: Client,
    private readonly options: SharePointRepositoryOptions,
  ) {
    this.root = graphRoot(options.baseUrl);
    this.lists = new SiteLists(client, options.siteId, this.root, ACTION_LISTS);
    this.pageSize = options.pageSize ?? 200;
    this.now = options.now ?? (() => new Date());
  }

  async createMany(inputs: NewActionInput[], actor: Actor): Promise<Action[]> {
    const valid = validateNewActions(inputs);
    const who = validateActor(actor);
    const { actions } = await this.lists.paths();
    const digests = valid.flatMap((input) => (input.idempotencyKey ? [idempotencyDigest(input.idempotencyKey)] : []));
    const known = await this.findByDigests(actions, digests);
    const planned: PlannedChange[] = [];
    const result = valid.map((input) => {
      const digest = input.idempotencyKey ? idempotencyDigest(input.idempotencyKey) : undefined;
      const existing = digest ? known.get(digest) : undefined;
      if (existing) return existing;
      const plan = planCreate(input, who, this.now(), randomUUID());
      planned.push(plan);
      // The same key twice in one call is one action, as in the SQLite store.
      if (digest) known.set(digest, plan.action);
      return plan.action;
    });
    if (planned.length > 0) await this.createItems(actions, planned);
    return result;
  }

  async get(id: string): Promise<Action> {
    const item = await this.readItem(id);
    return rememberReadToken(actionOf(item), itemTokenOf(item));
  }

  update(id: string, expectedVersion: number, patch: ActionPatch, actor: Actor): Promise<Action> {
    return this.change(id, expectedVersion, { kind: 'updated', patch }, actor);
  }

  close(id: string, expectedVersion: number, close: CloseAction, actor: Actor): Promise<Action> {
    return this.change(id, expectedVersion, { kind: 'closed', close }, actor);
  }

  reopen(id: string, expectedVersion: number, note: string, actor: Actor): Promise<Action> {
    return this.change(id, expectedVersion, { kind: 'reopened', note }, actor);
  }

  async query(input: ActionQueryInput = {}): Promise<Action[]> {
    const q = parseInput(actionQuerySchema, input, 'query');
    const { actions } = await this.lists.paths();
    const filter = serverFilter(q);
    const items = await getAllPages(
      this.client,
      `${actions}/items?expand=fields&$top=${this.pageSize}${filter ? withFilter(filter) : ''}`,
      this.root,
      itemPageSchema,
    );
    // Each action keeps its item id and the eTag it was read with, so a reminder claim can compare-and-set without reading it again.
    return items
      .map((item) => rememberReadToken(actionOf(item), itemTokenOf(item)))
      .filter((action) => matchesQuery(action, q))
      .sort(byDueDate);
  }

  async history(id: string): Promise<HistoryEntry[]> {
    const { history } = await this.lists.paths();
    const [item, later] = await Promise.all([
      this.readItem(id),
      getAllPages(this.client, `${history}/items?expand=fields&$top=${this.pageSize}${withFilter(`fields/ActionId eq ${odataString(id)}`)}`, this.root, itemPageSchema),
    ]);
    return [createdEntryOf(item), ...later.map(historyEntryOf).sort((a, b) => a.version - b.version)];
  }

  /** The list item holding action `id`. @throws NotFoundError */
  private async readItem(id: string): Promise<GraphListItem> {
    const { actions } = await this.lists.paths();
    const raw: unknown = await this.client.api(`${actions}/items?expand=fields&$top=2${withFilter(`fields/ActionId eq ${odataString(id)}`)}`).get();
    const [item] = parseGraph(itemPageSchema, raw, 'list items').value;
    if (!item) throw new NotFoundError(`No action with id ${id}`);
    return item;
  }

  /** Stored actions by idempotency digest: one filtered GET per ~28 keys on the indexed column. */
  private async findByDigests(actionsPath: string, digests: string[]): Promise<Map<string, Action>> {
    const groups: string[][] = [];
    for (const digest of new Set(digests)) {
      const clause = `fields/IdempotencyKey eq ${odataString(digest)}`;
      const last = groups.at(-1);
      if (last && [...last, clause].join(' or ').length <= MAX_FILTER_CHARS) last.push(clause);
      else groups.push([clause]);
    }
    const pages = await Promise.all(
      groups.map((clauses) =>
        getAllPages(this.client, `${actionsPath}/items?expand=fields&$top=${this.pageSize}${withFilter(clauses.join(' or '))}`, this.root, itemPageSchema),
      ),
    );
    return new Map(pages.flat().map((item) => [String(item.fields.IdempotencyKey), actionOf(item)]));
  }

  /** Creates the planned actions, 20 per `$batch`; each carries its own creation audit entry. */
  private async createItems(actionsPath: string, planned: PlannedChange[]): Promise<void> {
    const steps: BatchStep[] = planned.map((plan, i) => ({
      id: String(i + 1),
      method: 'POST',
      url: `${actionsPath}/items`,
      headers: JSON_HEADERS,
      body: { fields: newActionFields(plan.action, plan.entry) },
    }));
    const results = await executeBatch(this.client, steps, this.options.batch);
    const failed = steps.map((step) => results.get(step.id)?.status).filter((status) => !ok(status));
    if (failed.length > 0) {
      throw new AppError(
        `SharePoint did not save ${failed.length} of ${steps.length} actions (HTTP ${[...new Set(failed)].join(', ')}). Saving again is safe for items with an idempotency key.`,
      );
    }
  }

  /**
   * Read, plan with the shared rules, then one `$batch`: PATCH the fields with `If-Match` on the eTag we
   * read, and append the history item only if that succeeded (`dependsOn`). A 412 means someone wrote in
   * between: re-read, and the shared rules throw ConflictError if the version moved; if it did not (an edit
   * that left the version alone), try again on the fresh eTag.
   */
  private async change(id: string, expectedVersion: number, change: Change, actor: Actor): Promise<Action> {
    const { actions, history } = await this.lists.paths();
    for (let attempt = 1; ; attempt++) {
      const item = await this.readItem(id);
      const planned = planChange(actionOf(item), expectedVersion, change, actor, this.now());
      const results = await executeBatch(
        this.client,
        [
          { id: 'write', method: 'PATCH', url: `${actions}/items/${item.id}/fields`, headers: { ...JSON_HEADERS, 'If-Match': item.eTag }, body: actionFields(planned.action) },
          { id: 'audit', method: 'POST', url: `${history}/items`, headers: JSON_HEADERS, body: { fields: historyFields(planned.entry) }, dependsOn: ['write'] },
        ],
        this.options.batch,
      );
      const write = results.get('write')?.status;
      const audit = results.get('audit')?.status;
      if (write === 412) {
        if (attempt < MAX_WRITE_ATTEMPTS) continue;
        throw new ConflictError('This item keeps being changed by someone else. Reload and try again.');
      }
      if (!ok(write)) throw new AppError(`SharePoint refused the change (HTTP ${write}).`);
      if (!ok(audit)) throw new AppError(`The change was saved but its history entry was not (HTTP ${audit}).`);
      return planned.action;
    }
  }
}
