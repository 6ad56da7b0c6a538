import { ForbiddenError } from './errors';
import type { Action, Actor } from './action';

/** A caller as far as access rules care: who they are and whether they are in the SEND team. */
export interface Viewer extends Actor {
  sendTeam: boolean;
}

/**
 * Need-to-know access to special-category records: the SEND team sees and changes everything;
 * other staff see and update only the actions they own or created.
 */
export function canSee(viewer: Viewer, action: Action): boolean {
  return viewer.sendTeam || action.owner.id === viewer.id || action.createdBy.id === viewer.id;
}

/** @throws ForbiddenError (without saying whether the item exists) */
export function assertCanChange(viewer: Viewer, action: Action): void {
  if (!canSee(viewer, action)) throw new ForbiddenError('You can change only actions you own or created.');
}
