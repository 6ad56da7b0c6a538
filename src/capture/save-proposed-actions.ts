import type { Action, Actor, NewActionInput, Person, Pupil } from '@/kernel/action';
import type { IsoDate } from '@/kernel/dates';
import type { EventType, ItemType } from '@/kernel/item-type';
import { ValidationError, type FieldProblem } from '@/kernel/errors';
import type { ActionRepository } from '@/kernel/ports/action-repository';
import { createActions } from '@/tracker/action-commands';
import { shownPupil } from './propose';
import { outsideRoleOf } from './parse/owner-words';

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
 * The member of staff who answers for an item. For a parent's or a professional's part ("parent to
 * send sleep diary") that is whoever was chosen to chase it, and by default whoever saves it.
 */
async function ownerOf(deps: SaveProposedActionsDeps, item: ConfirmedItem, outside: string | null, actor: Actor): Promise<Person | null> {
  const id = item.ownerId ?? (outside ? actor.id : null);
  if (!id) return null;
  const found = await deps.findPerson(id);
  if (found || id !== actor.id || !actor.email) return found;
  return { id: actor.id, name: actor.name, email: actor.email };
}

/**
 * Saves confirmed actions, all or none. A row whose owner is a parent or professional is saved with
 * them as its outside owner and a member of staff (chosen, or the saver) as the owner who chases it.
 * The idempotency key `${messageId}#${index}` makes a Teams
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
    const outside = outsideRoleOf(item.role);
    const owner = await ownerOf(deps, item, outside, actor);
    if (!item.ownerId && !outside) {
      problem('owner', item.role ? `'${item.role}' is a role, not a person: choose who will do it.` : 'no owner: choose one person.');
    } else if (!owner) {
      problem('owner', outside ? 'choose who will chase it.' : 'the owner could not be found in Teams: choose them again.');
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
        ...(outside ? { outsideOwner: outside } : {}),
        dueDate: item.due,
        source: { eventType: input.eventType, conversationId: input.conversationId, messageId: input.messageId },
        idempotencyKey: `${input.messageId}#${item.index}`,
      });
    }
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return createActions(deps.repo, actor, inputs);
}
