import type { EventType, ItemType } from '@/kernel/item-type';
import { pupilLabel } from '@/kernel/pupil-label';
import type { ParsedMessage } from './parse-actions';

/** The CLI's JSON shape: ids and names only, so scripts need not know the domain types. */
export interface ActionJson {
  owner: { id: string; name: string } | { role: string } | null;
  due: string | null;
  pupil: { id: string; name: string } | null;
  /** When two pupils fit what was written: each, as staff would see them ("L.W. (Year 2)"). */
  pupilChoices?: { id: string; label: string }[];
  itemType: ItemType;
  /** True when nothing in the words gave the type away. */
  itemTypeGuessed: boolean;
  description: string;
  warnings: string[];
}

export function presentActions({ actions, eventType }: ParsedMessage): { eventType: EventType; actions: ActionJson[] } {
  return {
    eventType,
    actions: actions.map((a) => ({
      owner:
        a.owner === null ? null : a.owner.kind === 'person' ? { id: a.owner.person.id, name: a.owner.person.name } : { role: a.owner.role },
      due: a.due,
      pupil: a.pupil ? { id: a.pupil.id, name: a.pupil.name } : null,
      ...(a.pupilChoices ? { pupilChoices: a.pupilChoices.map((p) => ({ id: p.id, label: pupilLabel(p) })) } : {}),
      itemType: a.itemType,
      itemTypeGuessed: a.itemTypeGuessed,
      description: a.description,
      warnings: a.warnings,
    })),
  };
}
