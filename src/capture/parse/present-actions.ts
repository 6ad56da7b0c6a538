import type { ItemType } from '@/kernel/item-type';
import type { ProposedAction } from './proposed-action';

/** The CLI's JSON shape: ids and names only, so scripts need not know the domain types. */
export interface ActionJson {
  owner: { id: string; name: string } | { role: string } | null;
  due: string | null;
  pupil: { id: string; name: string } | null;
  itemType: ItemType;
  description: string;
  warnings: string[];
}

export function presentActions(actions: readonly ProposedAction[]): { actions: ActionJson[] } {
  return {
    actions: actions.map((a) => ({
      owner:
        a.owner === null ? null : a.owner.kind === 'person' ? { id: a.owner.person.id, name: a.owner.person.name } : { role: a.owner.role },
      due: a.due,
      pupil: a.pupil ? { id: a.pupil.id, name: a.pupil.name } : null,
      itemType: a.itemType,
      description: a.description,
      warnings: a.warnings,
    })),
  };
}
