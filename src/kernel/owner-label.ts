import type { Action } from './action';

/** Outside roles written as capitals in meetings and letters. */
const ACRONYMS = new Set(['ep', 'salt', 'ot', 'camhs', 'la', 'gp']);

/** "parent" -> "Parent", "ep" -> "EP", "school nurse" -> "School nurse": a role word as a person reads it. */
export function outsideOwnerName(role: string): string {
  const word = role.trim();
  if (ACRONYMS.has(word.toLowerCase())) return word.toUpperCase();
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "Tom Reed", or "Parent (Tom Reed chases)" when someone outside the staff does the action. */
export function ownerLabel(action: { owner: Pick<Action['owner'], 'name'>; outsideOwner?: string | null }): string {
  return action.outsideOwner ? `${outsideOwnerName(action.outsideOwner)} (${action.owner.name} chases)` : action.owner.name;
}

/** What the person chasing reads on a reminder: "Chase parent: send sleep information", or the action as agreed. */
export function reminderWording(action: Pick<Action, 'outsideOwner' | 'description'>): string {
  if (!action.outsideOwner) return action.description;
  const role = action.outsideOwner.trim();
  return `Chase ${ACRONYMS.has(role.toLowerCase()) ? role.toUpperCase() : role.toLowerCase()}: ${action.description}`;
}
