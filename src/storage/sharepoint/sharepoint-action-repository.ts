import { randomUUID } from 'node:crypto';
import type { Client } from '@microsoft/microsoft-graph-client';
import {
  actionQuerySchema,
  type Action,
  type ActionPatch,
  type ActionQueryInput,
  type Actor,
  type CloseAction,
  type NewActionInput,
} from '@/kernel/action';
import {
  checkInByPages,
  coveringQuery,
  matchesPageQuery,
  matchesQuery,
  pageOf,
  actionPageQuerySchema,
  type ActionPage,
  type ActionPageQueryInput,
  type CheckInPages,
} from '@/kernel/action-page';
import { facetsOf, type ActionFacets } from '@/kernel/action-facets';
import type { CheckInPolicy } from '@/kernel/check-in';
import { endOfWeek, type IsoDate } from '@/kernel/dates';
import type { HistoryEntry } from '@/kernel/history';
import { parseInput } from '@/kernel/validate';
import { AppError, ConflictError, NotFoundError } from '@/kernel/errors';
import type { ActionRepository, ChangeFeed } from '@/kernel/ports/action-repository';
import { rememberReadToken } from '@/kernel/ports/read-tokens';
import { planChange, planCreate, validateActor, validateNewActions, type Change, type PlannedChange, replayOf } from '@/kernel/plan-change';
import {
  actionFields,
  actionOf,
  createdEntryOf,
  historyEntryOf,
  historyFields,
  idempotencyDigest,
  newActionFields,
  odataString,
} from './action-fields';
import { executeBatch, type BatchOptions, type BatchStep } from './graph-batch';
import { graphRoot } from './graph-client';
import { findItemsWhere } from './graph-lookup';
import { getAllPages } from './graph-paging';
import { listDelta } from './list-delta';
import { columnsSchema, itemPageSchema, parseGraph, type GraphListItem } from './graph-shapes';
import { itemTokenOf } from './item-token';
import { byDueDate, serverFilter } from './query-plan';
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
  private keyUnique?: Promise<boolean>;

  constructor(
    private readonly client: Client,
    private readonly options: SharePointRepositoryOptions,
  ) {
    this.root = graphRoot(options.baseUrl);
    this.lists = new SiteLists(client, options.siteId, this.root, ACTION_LISTS);
    this.pageSize = options.pageSize ?? 200;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Creates first and asks questions after: each keyed create goes straight into the `$batch`, and the
   * unique `IdempotencyKey` column refuses a key already saved (a Teams retry, a double click). Any keyed
   * create that failed, whatever the status, is then read back, in one filtered GET, and returned in place, so a save of 20 new
   * actions is one request and a repeated save is two. Their creation audit entry lives on the item
   * (`CreatedEntry`), so a refused create writes no history either.
   */
  async createMany(inputs: NewActionInput[], actor: Actor): Promise<Action[]> {
    const valid = validateNewActions(inputs);
    const who = validateActor(actor);
    const { actions } = await this.lists.paths();
    const digestOf = (input: { idempotencyKey?: string }) => (input.idempotencyKey ? idempotencyDigest(input.idempotencyKey) : undefined);
    const digests = valid.flatMap((input) => digestOf(input) ?? []);
    // A site not provisioned since the key became unique would accept a duplicate create: look up first there.
    const known =
      digests.length > 0 && !(await this.keyIsUnique(actions)) ? await this.findByDigests(actions, digests) : new Map<string, Action>();
    const planned: PlannedChange[] = [];
    const result = valid.map((input) => {
      const digest = digestOf(input);
      const existing = digest ? known.get(digest) : undefined;
      if (existing) return replayOf(existing, who);
      const plan = planCreate(input, who, this.now(), randomUUID());
      planned.push(plan);
      // The same key twice in one call is one action, sent once: SharePoint would refuse the second create anyway.
      if (digest) known.set(digest, plan.action);
      return plan.action;
    });
    if (planned.length === 0) return result;
    const refused = await this.createItems(actions, planned);
    if (refused.length === 0) return result;
    // Decide from what is stored, whatever the status: no Microsoft page says SharePoint answers 409 for a
    // duplicate in a unique column, and a create can fail after it was saved (a lost reply, a 5xx).
    const stored = await this.findByDigests(
      actions,
      refused.map(({ action }) => digestOf(action)).filter((d) => d !== undefined),
    );
    const missing = refused.filter(({ action }) => !stored.has(digestOf(action) ?? ''));
    if (missing.length > 0) {
      const statuses = [...new Set(missing.map((m) => m.status ?? 'no reply'))].join(', ');
      throw new AppError(
        missing.every((m) => m.status === 409)
          ? `SharePoint refused ${missing.length} actions as already saved but holds no such items. Save again.`
          : `SharePoint did not save ${missing.length} of ${planned.length} actions (HTTP ${statuses}). Saving again is safe for items with an idempotency key.`,
      );
    }
    // A key someone else saved first is refused (ConflictError). SharePoint has no transaction across a
    // $batch: this save's new items stay, keyed, so the same creator's retry returns them.
    const inPlace = new Map(refused.map(({ action }) => [action.id, replayOf(stored.get(digestOf(action) ?? '')!, who)]));
    return result.map((action) => inPlace.get(action.id) ?? action);
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

  /**
   * SharePoint filters a large list on one indexed column only: read what the page's narrowest
   * indexed filter selects (the same requests as `query`), then search, sort and cut in memory.
   */
  async page(input: ActionPageQueryInput): Promise<ActionPage> {
    const q = parseInput(actionPageQuerySchema, input, 'query');
    return pageOf(await this.query(coveringQuery(q)), q);
  }

  /** The page's own indexed read, then `facetsOf` what it selects. */
  async facets(input: ActionPageQueryInput): Promise<ActionFacets> {
    const q = parseInput(actionPageQuerySchema, input, 'query');
    return facetsOf((await this.query(coveringQuery(q))).filter((a) => matchesPageQuery(a, q)));
  }

  /** Two indexed reads hold every list: open items due by Sunday (overdue, this week, late) and everything waiting. */
  async checkIn(today: IsoDate, policy: CheckInPolicy, limit: number): Promise<CheckInPages> {
    const [dueByWeekEnd, waiting] = await Promise.all([this.query({ dueTo: endOfWeek(today) }), this.query({ statuses: ['waiting'] })]);
    const open = [...new Map([...dueByWeekEnd, ...waiting].map((a) => [a.id, a])).values()];
    return checkInByPages((q) => pageOf(open, q), today, policy, limit);
  }

  /** The actions list's own delta feed: what any instance wrote, and edits made in SharePoint itself. */
  async changesSince(cursor: string | null): Promise<ChangeFeed> {
    const { actions } = await this.lists.paths();
    const delta = await listDelta(this.client, this.root, actions, cursor, 'ActionId');
    const ids = delta.items.map((item) => item.fields?.ActionId).filter((id): id is string => typeof id === 'string');
    return { cursor: delta.token, ids: cursor === null ? [] : [...new Set(ids)], ...(delta.reset && { reset: true }) };
  }

  async history(id: string): Promise<HistoryEntry[]> {
    const { history } = await this.lists.paths();
    const [item, later] = await Promise.all([
      this.readItem(id),
      getAllPages(
        this.client,
        `${history}/items?expand=fields&$top=${this.pageSize}${withFilter(`fields/ActionId eq ${odataString(id)}`)}`,
        this.root,
        itemPageSchema,
      ),
    ]);
    return [createdEntryOf(item), ...later.map(historyEntryOf).sort((a, b) => a.version - b.version)];
  }

  /** The list item holding action `id`. @throws NotFoundError */
  private async readItem(id: string): Promise<GraphListItem> {
    const { actions } = await this.lists.paths();
    const raw: unknown = await this.client
      .api(`${actions}/items?expand=fields&$top=2${withFilter(`fields/ActionId eq ${odataString(id)}`)}`)
      .get();
    const [item] = parseGraph(itemPageSchema, raw, 'list items').value;
    if (!item) throw new NotFoundError(`No action with id ${id}`);
    return item;
  }

  /** Stored actions by idempotency digest: one filtered GET per ~28 keys on the indexed column. */
  private async findByDigests(actionsPath: string, digests: string[]): Promise<Map<string, Action>> {
    const items = await findItemsWhere(
      { client: this.client, root: this.root, listPath: actionsPath, pageSize: this.pageSize },
      'IdempotencyKey',
      digests,
    );
    return new Map(items.map((item) => [String(item.fields.IdempotencyKey), actionOf(item)]));
  }

  /**
   * Whether the site refuses a second item with the same `IdempotencyKey` (provisioning makes it so).
   * Read once per process, on the first keyed save; a failed read is tried again on the next one.
   */
  private keyIsUnique(actionsPath: string): Promise<boolean> {
    // Every page: the list also holds SharePoint's own columns, so ours may come later.
    this.keyUnique ??= getAllPages(this.client, `${actionsPath}/columns`, this.root, columnsSchema)
      .then((columns) => columns.some((c) => c.name === 'IdempotencyKey' && c.enforceUniqueValues === true))
      .catch((error: unknown) => {
        this.keyUnique = undefined;
        throw error;
      });
    return this.keyUnique;
  }

  /**
   * Creates the planned actions, 20 per `$batch`; each carries its own creation audit entry. Returns the
   * keyed actions whose create failed, with the status (the caller reads their keys back); a failed
   * create without a key throws.
   */
  private async createItems(actionsPath: string, planned: PlannedChange[]): Promise<{ action: Action; status?: number }[]> {
    const steps: BatchStep[] = planned.map((plan, i) => ({
      id: String(i + 1),
      method: 'POST',
      url: `${actionsPath}/items`,
      headers: JSON_HEADERS,
      body: { fields: newActionFields(plan.action, plan.entry) },
    }));
    const results = await executeBatch(this.client, steps, this.options.batch);
    const outcomes = planned.map((plan, i) => ({ action: plan.action, status: results.get(steps[i]!.id)?.status }));
    const failed = outcomes.filter((o) => !ok(o.status));
    const unkeyed = failed.filter((o) => !o.action.idempotencyKey);
    if (unkeyed.length > 0) {
      throw new AppError(
        `SharePoint did not save ${unkeyed.length} of ${steps.length} actions (HTTP ${[...new Set(unkeyed.map((o) => o.status))].join(', ')}). Saving again is safe for items with an idempotency key.`,
      );
    }
    return failed;
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
          {
            id: 'write',
            method: 'PATCH',
            url: `${actions}/items/${item.id}/fields`,
            headers: { ...JSON_HEADERS, 'If-Match': item.eTag },
            body: actionFields(planned.action),
          },
          {
            id: 'audit',
            method: 'POST',
            url: `${history}/items`,
            headers: JSON_HEADERS,
            body: { fields: historyFields(planned.entry) },
            dependsOn: ['write'],
          },
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
