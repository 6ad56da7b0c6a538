import type { Action, Actor, NewActionInput, Person, Pupil } from '@/kernel/action';
import type { IsoDate } from '@/kernel/dates';
import type { EventType, ItemType } from '@/kernel/item-type';
import { ValidationError, type FieldProblem } from '@/kernel/errors';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import { createActions } from '@/tracker/action-commands';
import { shownPupil } from './propose';

/** One row of the proposed-actions card as the person left it. `index` is its place in the proposal. */
export interface ConfirmedItem {
  index: number;
  description: string;
  ownerId: string | null;
  /** The role word the parser found when it could not name a person ("class teacher"). */
  role: string | null;
  due: IsoDate | null;
  pupilId: string | null;
  itemType: ItemType;
}

export interface SaveProposedActionsInput {
  /** The Teams message the actions were read from: with `index` it makes the idempotency key. */
  messageId: string;
  conversationId: string;
  eventType: EventType;
  items: ConfirmedItem[];
}

export interface SaveProposedActionsDeps {
  repo: ActionRepository;
  pupils: Pupil[];
  /** Finds a member of staff by Entra object id; null when they cannot be found (never a guess). */
  findPerson: (id: string) => Promise<Person | null>;
}

/**
 * Saves confirmed actions, all or none. The idempotency key `${messageId}#${index}` makes a Teams
 * retry or a double click return the stored actions instead of duplicates.
 * @throws ValidationError naming every item that has no owner person, no date or no pupil; nothing is written
 */
export async function saveProposedActions(deps: SaveProposedActionsDeps, input: SaveProposedActionsInput, actor: Actor): Promise<Action[]> {
  if (input.items.length === 0) throw new ValidationError([{ path: 'items', message: 'Choose at least one action to save.' }]);
  const problems: FieldProblem[] = [];
  const inputs: NewActionInput[] = [];
  for (const item of input.items) {
    const n = item.index + 1;
    const problem = (field: string, message: string) =>
      problems.push({ path: `items.${item.index}.${field}`, message: `Action ${n}: ${message}` });
    const owner = item.ownerId ? await deps.findPerson(item.ownerId) : null;
    if (!item.ownerId) {
      problem('owner', item.role ? `'${item.role}' is a role, not a person: choose who will do it.` : 'no owner: choose one person.');
    } else if (!owner) {
      problem('owner', 'the owner could not be found in Teams: choose them again.');
    }
    if (!item.due) problem('due', 'no due date: choose one.');
    const found = deps.pupils.find((p) => p.id === item.pupilId);
    // Only what an action may hold: a register pupil's name stays in the directory.
    const pupil: Pupil | null = found ? shownPupil(found) : null;
    if (!pupil) problem('pupil', 'choose the pupil.');
    if (owner && item.due && pupil) {
      inputs.push({
        pupil,
        itemType: item.itemType,
        description: item.description,
        owner,
        dueDate: item.due,
        source: { eventType: input.eventType, conversationId: input.conversationId, messageId: input.messageId },
        idempotencyKey: `${input.messageId}#${item.index}`,
      });
    }
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return createActions(deps.repo, actor, inputs);
}
