import type { Action } from '../action';

/**
 * The concurrency token a store read alongside an action (SharePoint: the list item's eTag), kept
 * beside the action object rather than on it so the domain type stays store-neutral.
 *
 * Why: the reminder claim is a compare-and-set on the item "as it was read". Passing the token the
 * query already returned saves the claim a second read of every item. A WeakMap keyed by the very
 * object the repository returned ties the token to that read (and to its version), and forgets it
 * when the action is dropped. A stale token is harmless: the write it guards answers 412 and the
 * store re-reads.
 */
const tokens = new WeakMap<Action, string>();

/** Called by a store for each action it returns from a read. */
export function rememberReadToken(action: Action, token: string): Action {
  tokens.set(action, token);
  return action;
}

/** The token read with this action object, or undefined (SQLite stores none; a copied object has none). */
export function readTokenOf(action: Action): string | undefined {
  return tokens.get(action);
}
