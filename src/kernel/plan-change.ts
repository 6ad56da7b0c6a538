import { z } from 'zod';
import {
  actionPatchSchema,
  actorSchema,
  closeActionSchema,
  newActionSchema,
  type Action,
  type ActionPatch,
  type Actor,
  type CloseAction,
  type NewAction,
  type NewActionInput,
} from './action';
import { diffActions, type HistoryEntry, type HistoryKind } from './history';
import { applyPatch, closeAction, createAction, reopenAction } from './lifecycle';
import { parseInput } from './validate';
import { ConflictError } from './errors';

/**
 * What every adapter does before it persists anything: validate, check the expected version,
 * apply the pure lifecycle rule and describe the change for the audit trail. Adapters then only
 * write `action` with a compare-and-set on the old version, and append `entry`.
 */
export interface PlannedChange {
  action: Action;
  entry: HistoryEntry;
}

const MAX_BATCH = 200;
const newActionsSchema = z.array(newActionSchema).min(1, 'nothing to save').max(MAX_BATCH, `at most ${MAX_BATCH} at once`);

export function validateNewActions(inputs: NewActionInput[]): NewAction[] {
  return parseInput(newActionsSchema, inputs, 'actions');
}

export function validateActor(actor: Actor): Actor {
  return parseInput(actorSchema, actor, 'actor');
}

function entryFor(before: Action | null, after: Action, kind: HistoryKind): HistoryEntry {
  return {
    actionId: after.id,
    version: after.version,
    kind,
    actor: after.updatedBy,
    at: after.updatedAt,
    changes: diffActions(before, after),
  };
}

export function planCreate(input: NewAction, actor: Actor, now: Date, id: string): PlannedChange {
  const action = createAction(input, actor, now, id);
  return { action, entry: entryFor(null, action, 'created') };
}

export type Change = { kind: 'updated'; patch: ActionPatch } | { kind: 'closed'; close: CloseAction } | { kind: 'reopened'; note: string };

/**
 * Input is checked first, then the version, then the lifecycle rules.
 * @throws ValidationError for bad input or an illegal move; ConflictError when `expectedVersion` is stale.
 */
export function planChange(current: Action, expectedVersion: number, change: Change, actor: Actor, now: Date): PlannedChange {
  const who = validateActor(actor);
  const valid = validateChange(change);
  if (current.version !== expectedVersion) {
    throw new ConflictError(
      `This item was changed by ${current.updatedBy.name} since you opened it (version ${current.version}, you had ${expectedVersion}). Reload and try again.`,
      current.version,
    );
  }
  const next = applyChange(current, valid, who, now);
  return { action: next, entry: entryFor(current, next, valid.kind) };
}

const reopenNoteSchema = z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters');

function validateChange(change: Change): Change {
  switch (change.kind) {
    case 'updated':
      return { kind: 'updated', patch: parseInput(actionPatchSchema, change.patch) };
    case 'closed':
      return { kind: 'closed', close: parseInput(closeActionSchema, change.close) };
    case 'reopened':
      return { kind: 'reopened', note: parseInput(reopenNoteSchema, change.note, 'note') };
  }
}

function applyChange(current: Action, change: Change, actor: Actor, now: Date): Action {
  switch (change.kind) {
    case 'updated':
      return applyPatch(current, change.patch, actor, now);
    case 'closed':
      return closeAction(current, change.close, actor, now);
    case 'reopened':
      return reopenAction(current, change.note, actor, now);
  }
}

/**
 * An input whose idempotency key was saved before. Keys are scoped to whoever made them: the same
 * creator's retry (a Teams retry, a double click) gets their saved item back; the same key from
 * anyone else is refused, so nobody is ever handed someone else's item and no save is silently dropped.
 * @throws ConflictError
 */
export function replayOf(existing: Action, actor: Actor): Action {
  if (existing.createdBy.id !== actor.id) {
    throw new ConflictError(
      'These actions were already saved by someone else (the same request id was used), so nothing of yours was saved. If they are yours, save them again from a new message.',
    );
  }
  return existing;
}
