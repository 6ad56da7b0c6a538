import type { ProposedAction } from './parse/proposed-action';
import type { Pupil } from '@/kernel/action';
import type { ProposalRow } from './cards/proposed-actions-card';

/** Parser output -> editable card rows: a person owner is preselected, a role is named. */
export function toProposalRows(actions: ProposedAction[]): ProposalRow[] {
  return actions.map((a) => ({
    description: a.description.slice(0, 500),
    owner: a.owner?.kind === 'person' ? { id: a.owner.person.id, name: a.owner.person.name } : null,
    role: a.owner?.kind === 'role' ? a.owner.role : null,
    due: a.due,
    pupilId: a.pupil?.id ?? null,
    itemType: a.itemType,
    include: true,
    warnings: a.warnings,
  }));
}

/** Pupils offered in the card: the school's list, plus any pupil the parser found that is not on it. */
export function pupilChoices(pupils: Pupil[], actions: ProposedAction[]): Pupil[] {
  const extra = actions.flatMap((a) => (a.pupil && !pupils.some((p) => p.id === a.pupil!.id) ? [a.pupil] : []));
  return [...pupils, ...extra.filter((p, i) => extra.findIndex((q) => q.id === p.id) === i)];
}
