import { assertCanChange, canSee, type Viewer } from '@/kernel/access';
import type { Action, ActionPatch, ActionQueryInput, Actor, CloseAction, NewActionInput } from '@/kernel/action';
import { addDays } from '@/kernel/dates';
import { ForbiddenError, NotFoundError } from '@/kernel/errors';
import type { ActionPage, ActionPageQueryInput } from '@/kernel/action-page';
import type { HistoryEntry } from '@/kernel/history';
import type { ActionRepository, ChangeFeed } from '@/kernel/ports/action-repository';

/**
 * The one way in to an action. Tab routes, reminder-card clicks and scheduled tasks call these with
 * the authenticated caller; each applies the one access rule of the domain (`src/kernel/access.ts`)
 * and makes one repository write. Nothing else calls the repository's write methods.
 *
 * Someone who may not see an item is told it does not exist, so an id reveals nothing.
 */

/** How long "Snooze" holds reminders off an item; its due date never moves. */
export const SNOOZE_DAYS = 7;

/** @throws NotFoundError when there is no such item or the viewer may not see it */
export async function readAction(repo: ActionRepository, viewer: Viewer, id: string): Promise<Action> {
  const action = await repo.get(id);
  if (!canSee(viewer, action)) throw new NotFoundError(`No action with id ${id}`);
  return action;
}

/** The items of `query` the viewer may see. */
export async function listActions(repo: ActionRepository, viewer: Viewer, query: ActionQueryInput = {}): Promise<Action[]> {
  return (await repo.query(query)).filter((a) => canSee(viewer, a));
}

/** One page of what the viewer may see: the need-to-know rule goes to the store with the query, so the total is theirs too. */
export function pageActions(repo: ActionRepository, viewer: Viewer, query: ActionPageQueryInput): Promise<ActionPage> {
  return repo.page({ ...query, visibleTo: viewer.sendTeam ? undefined : viewer.id });
}

/** Beyond this many changed items, a viewer outside the SEND team is told to reload rather than each checked. */
const CHANGES_CHECKED = 50;

/**
 * What changed since `cursor`, for the live tracker. The SEND team hears of every item; anyone else
 * only of items they may see (each is read and checked), so an id never tells them of another's work.
 */
export async function changedSince(repo: ActionRepository, viewer: Viewer, cursor: string | null): Promise<ChangeFeed> {
  const feed = await repo.changesSince(cursor);
  if (viewer.sendTeam || feed.ids.length === 0) return feed;
  if (feed.ids.length > CHANGES_CHECKED) return { cursor: feed.cursor, ids: [], reset: true };
  const seen = await Promise.all(
    feed.ids.map((id) =>
      repo.get(id).then(
        (a) => (canSee(viewer, a) ? id : null),
        () => null,
      ),
    ),
  );
  return { ...feed, ids: seen.filter((id): id is string => id !== null) };
}

/** @throws NotFoundError as `readAction` */
export async function actionHistory(repo: ActionRepository, viewer: Viewer, id: string): Promise<HistoryEntry[]> {
  return repo.history((await readAction(repo, viewer, id)).id);
}

/**
 * Saves new actions as `creator` (anyone may record what was agreed). A retried request (same
 * idempotency keys, same creator) returns the first save; the same keys from anyone else are refused.
 * @throws ValidationError, ConflictError
 */
export function createActions(repo: ActionRepository, creator: Actor, inputs: NewActionInput[]): Promise<Action[]> {
  return repo.createMany(inputs, creator);
}

/** The item a change is for, and the version the caller last saw (a stale one is a ConflictError, nothing overwritten). */
export interface SeenItem {
  id: string;
  version: number;
}

/** Reads the item for `viewer` and checks they may change it. @throws NotFoundError, ForbiddenError */
async function assertMayChange(repo: ActionRepository, viewer: Viewer, id: string): Promise<void> {
  assertCanChange(viewer, await readAction(repo, viewer, id));
}

/** @throws NotFoundError, ForbiddenError, ConflictError (stale version, nothing overwritten), ValidationError */
export async function updateAction(repo: ActionRepository, viewer: Viewer, item: SeenItem, patch: ActionPatch): Promise<Action> {
  await assertMayChange(repo, viewer, item.id);
  return repo.update(item.id, item.version, patch, viewer);
}

/** Done or parked with a closing note: the item moves to the archive. @throws as `updateAction` */
export async function closeAction(repo: ActionRepository, viewer: Viewer, item: SeenItem, close: CloseAction): Promise<Action> {
  await assertMayChange(repo, viewer, item.id);
  return repo.close(item.id, item.version, close, viewer);
}

/** Brings an archived item back: the SEND team only. @throws as `updateAction` */
export async function reopenAction(repo: ActionRepository, viewer: Viewer, item: SeenItem, note: string): Promise<Action> {
  if (!viewer.sendTeam) throw new ForbiddenError('Only the SEND team can reopen an archived item.');
  await readAction(repo, viewer, item.id);
  return repo.reopen(item.id, item.version, note, viewer);
}

/** No reminder about the item before `today + SNOOZE_DAYS`; the due date (possibly statutory) does not move. @throws as `updateAction` */
export function snoozeAction(repo: ActionRepository, viewer: Viewer, item: SeenItem, today: string): Promise<Action> {
  return updateAction(repo, viewer, item, { remindAfter: addDays(today, SNOOZE_DAYS) });
}
