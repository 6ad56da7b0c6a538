import type { Action, ActionPatch, ActionQueryInput, Actor, CloseAction, NewActionInput } from '../action';
import type { ActionFacets } from '../action-facets';
import type { ActionPage, ActionPageQueryInput, CheckInPages } from '../action-page';
import type { CheckInPolicy } from '../check-in';
import type { IsoDate } from '../dates';
import type { HistoryEntry } from '../history';

export interface ChangeFeed {
  cursor: string;
  ids: string[];
  reset?: boolean;
}

/**
 * The one storage port. Implemented by the embedded SQLite store and by SharePoint Lists via Graph;
 * both must pass `tests/contract/action-repository.contract.ts`.
 *
 * Every write validates its input (ValidationError naming the field, nothing written), checks the
 * caller's expected version (ConflictError, nothing overwritten) and appends to the history.
 * Nothing is ever deleted: closing an item archives it.
 */
export interface ActionRepository {
  /**
   * Creates all of `inputs` or none. An input whose `idempotencyKey` was saved before returns the
   * stored action instead of a duplicate, so a retried Teams request is harmless.
   */
  createMany(inputs: NewActionInput[], actor: Actor): Promise<Action[]>;
  /** @throws NotFoundError */
  get(id: string): Promise<Action>;
  /** @throws NotFoundError, ConflictError when `expectedVersion` is stale, ValidationError */
  update(id: string, expectedVersion: number, patch: ActionPatch, actor: Actor): Promise<Action>;
  /** Done or parked, with a closing note: the item moves to the archive. @throws as `update` */
  close(id: string, expectedVersion: number, close: CloseAction, actor: Actor): Promise<Action>;
  /** Brings an archived item back. @throws as `update` */
  reopen(id: string, expectedVersion: number, note: string, actor: Actor): Promise<Action>;
  /** Actions matching every given filter, ordered by due date then creation. */
  query(query?: ActionQueryInput): Promise<Action[]>;
  /** One page of the actions matching a query (filters, search, need-to-know, a check-in list), sorted, with the total. */
  page(query: ActionPageQueryInput): Promise<ActionPage>;
  /** The weekly check-in: every list's total and its first `limit` items. */
  checkIn(today: IsoDate, policy: CheckInPolicy, limit: number): Promise<CheckInPages>;
  /** The pupils and owners among the items a query selects (`facetsOf` them), for the filter pickers. */
  facets(query: ActionPageQueryInput): Promise<ActionFacets>;
  /**
   * Which items were created or changed since `cursor` (an opaque value this method gave before), and
   * the cursor to ask with next time. No cursor: none, and a cursor for "from now". `reset` says the
   * cursor was too old or not ours: the caller should reload everything. Works across instances: it
   * reads the store's own record of writes.
   */
  changesSince(cursor: string | null): Promise<ChangeFeed>;
  /** The audit trail of one action, oldest first. */
  history(id: string): Promise<HistoryEntry[]>;
}
