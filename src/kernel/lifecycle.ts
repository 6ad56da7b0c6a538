import { ValidationError } from './errors';
import type { Action, ActionPatch, Actor, CloseAction, NewAction } from './action';
import { canTransition, isClosed, STATUS_LABELS } from './status';

/**
 * Pure state changes of an action. Each returns the next version; storage adapters only persist
 * the result (with a compare-and-set on `version`), so the rules live in one place.
 */
export function createAction(input: NewAction, actor: Actor, now: Date, id: string): Action {
  const at = now.toISOString();
  return {
    ...input,
    id,
    version: 1,
    lastNote: null,
    createdBy: actor,
    createdAt: at,
    updatedBy: actor,
    updatedAt: at,
    closedAt: null,
    closingNote: null,
  };
}

function refuseIfClosed(action: Action): void {
  if (isClosed(action.status)) {
    throw new ValidationError([
      { path: 'status', message: `this item is ${STATUS_LABELS[action.status].toLowerCase()} and archived: reopen it first` },
    ]);
  }
}

export function applyPatch(action: Action, patch: ActionPatch, actor: Actor, now: Date): Action {
  refuseIfClosed(action);
  if (patch.status && !canTransition(action.status, patch.status)) {
    throw new ValidationError([{ path: 'status', message: `cannot move from ${action.status} to ${patch.status}` }]);
  }
  const { note, ...fields } = patch;
  return {
    ...action,
    ...fields,
    lastNote: note ?? action.lastNote,
    version: action.version + 1,
    updatedBy: actor,
    updatedAt: now.toISOString(),
  };
}

/** Done or parked: the item leaves the live tracker for the archive, with a closing note. */
export function closeAction(action: Action, close: CloseAction, actor: Actor, now: Date): Action {
  refuseIfClosed(action);
  const at = now.toISOString();
  return {
    ...action,
    status: close.status,
    evidenceUrl: close.evidenceUrl === undefined ? action.evidenceUrl : close.evidenceUrl,
    closingNote: close.note,
    lastNote: close.note,
    closedAt: at,
    version: action.version + 1,
    updatedBy: actor,
    updatedAt: at,
  };
}

/** Brings an archived item back to the live tracker. The earlier closing stays in its history. */
export function reopenAction(action: Action, note: string, actor: Actor, now: Date): Action {
  if (!isClosed(action.status)) {
    throw new ValidationError([{ path: 'status', message: 'this item is not closed' }]);
  }
  return {
    ...action,
    status: 'open',
    closedAt: null,
    closingNote: null,
    lastNote: note,
    version: action.version + 1,
    updatedBy: actor,
    updatedAt: now.toISOString(),
  };
}
