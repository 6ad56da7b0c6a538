import type { Pupil } from './action';

/** "Year 4", "Reception", "Nursery": how a census year group reads (-1 nursery, 0 Reception). */
export function yearLabel(yearGroup: number): string {
  return yearGroup < 0 ? 'Nursery' : yearGroup === 0 ? 'Reception' : `Year ${yearGroup}`;
}

/**
 * How a pupil is shown to staff everywhere: "J.B. (Year 4)", so two pupils with the same initials
 * can be told apart. Never the internal id, the name or the UPN.
 */
export function pupilLabel(pupil: Pick<Pupil, 'name' | 'yearGroup'>): string {
  return pupil.yearGroup === null ? pupil.name : `${pupil.name} (${yearLabel(pupil.yearGroup)})`;
}
