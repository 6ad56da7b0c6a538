import { formatAge } from '@/kernel/age';
import type { Intervention } from '@/kernel/intervention';

/** A measure's value as staff read it: an age in years and months, anything else as the number. */
export function measureText(i: Pick<Intervention, 'measureKind'>, value: number): string {
  return i.measureKind === 'reading_age' || i.measureKind === 'spelling_age' ? formatAge(value) : String(value);
}
