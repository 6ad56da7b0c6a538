import type { ProposedAction } from './parse/proposed-action';
import type { Pupil } from '@/kernel/action';
import type { ProposalRow } from './cards/proposed-actions-card';

/** Parser output -> editable card rows: a person owner is preselected, a role is named, two fitting pupils are offered. */
export function toProposalRows(actions: ProposedAction[]): ProposalRow[] {
  return actions.map((a) => ({
    description: a.description.slice(0, 500),
    owner: a.owner?.kind === 'person' ? { id: a.owner.person.id, name: a.owner.person.name } : null,
    role: a.owner?.kind === 'role' ? a.owner.role : null,
    due: a.due,
    pupilId: a.pupil?.id ?? null,
    ...(a.pupilChoices ? { pupilChoiceIds: a.pupilChoices.map((p) => p.id) } : {}),
    itemType: a.itemType,
    itemTypeGuessed: a.itemTypeGuessed,
    include: true,
    warnings: a.warnings,
  }));
}

/** A pupil as cards and the tracker may hold them: id, initials, year group. Never a name from the register. */
export const shownPupil = (p: Pupil): Pupil => ({ id: p.id, name: p.name, yearGroup: p.yearGroup });

/** Pupils offered in the card: the school's list, plus any pupil the parser found that is not on it. */
export function pupilChoices(pupils: Pupil[], actions: ProposedAction[]): Pupil[] {
  const found = actions.flatMap((a) => [...(a.pupil ? [a.pupil] : []), ...(a.pupilChoices ?? [])]);
  const extra = found.filter((p) => !pupils.some((q) => q.id === p.id));
  return [...pupils, ...extra.filter((p, i) => extra.findIndex((q) => q.id === p.id) === i)].map(shownPupil);
}
