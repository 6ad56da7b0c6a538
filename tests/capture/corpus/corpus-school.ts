import type { Person } from '@/kernel/action';
import type { IsoDate } from '@/kernel/dates';
import { DEMO_STAFF } from '@/app/demo/school';
import { demoMentions, demoRoles } from '@/app/demo/demo-context';
import type { CaptureContext, KnownPupil } from '@/capture/parse/proposed-action';

/**
 * The school the corpus is read against: the demo staff and role table, and pupils as a register
 * import gives them (names held for matching only; every name is invented). Two pupils share the
 * initials L.W., as happens in any school of a few hundred.
 */
const pupil = (id: string, forename: string, surname: string, yearGroup: number): KnownPupil => ({
  id,
  name: `${forename[0]}.${surname[0]}.`,
  yearGroup,
  forename,
  surname,
});

export const CORPUS_PUPILS: KnownPupil[] = [
  pupil('p-0001', 'Jayden', 'Brooks', 4),
  pupil('p-0002', 'Amira', 'Khan', 2),
  pupil('p-0003', 'Mason', 'Taylor', 6),
  pupil('p-0004', 'Siobhan', "O'Neill", 0),
  pupil('p-0005', 'Lucas', 'Hall', 5),
  pupil('p-0006', 'Ruby', 'Patel', 3),
  pupil('p-0007', 'Ella', 'Wood', 6),
  pupil('p-0008', 'Zain', 'Ahmed', 1),
  pupil('p-0009', 'Kacper', 'Dabrowski', 4),
  pupil('p-0010', 'Noah', 'Clarke', 5),
  pupil('p-0011', 'Lily', 'White', 1),
  pupil('p-0012', 'Leo', 'Wilson', 2),
];

/** Thursday 23 April 2026, 10:00 in London (BST): every relative date in the corpus counts from here. */
export const CORPUS_NOW = new Date('2026-04-23T10:00:00+01:00');

export const CORPUS_DATES: { termEnd: IsoDate; halfTerm: IsoDate; nextReview: IsoDate } = {
  termEnd: '2026-07-22',
  halfTerm: '2026-05-22',
  nextReview: '2026-06-10',
};

/** The demo roles plus the one teaching assistant, as a school's role table would list them. */
function corpusRoles(): Record<string, Person> {
  return { ...demoRoles(), ta: DEMO_STAFF.assistant, 'teaching assistant': DEMO_STAFF.assistant };
}

export function corpusContext(text: string, overrides: Partial<CaptureContext> = {}): CaptureContext {
  return {
    now: CORPUS_NOW,
    mentions: demoMentions(text),
    pupils: CORPUS_PUPILS,
    roles: corpusRoles(),
    staff: Object.values(DEMO_STAFF),
    ...CORPUS_DATES,
    ...overrides,
  };
}
