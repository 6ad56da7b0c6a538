import { formatDate, isIsoDate } from '@/kernel/dates';

/**
 * The long en-GB reading of a date field's value ("Thu 23 Apr 2026"), for a Field `hint` beside it:
 * the field shows dd/mm/yyyy, and the weekday is what a SENCO checks a date against.
 * Undefined when the field is empty.
 */
export function dateHint(value: string | undefined): string | undefined {
  return value && isIsoDate(value) ? formatDate(value) : undefined;
}
