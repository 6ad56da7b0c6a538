import { formatDate, isIsoDate } from '@/kernel/dates';

/**
 * The en-GB reading of a date input's value ("Thu 23 Apr 2026"), for a Field `hint` beside it.
 * Chromium draws `<input type="date">` in the browser's own locale whatever the page's `lang`
 * (mm/dd/yyyy in an en-US build), so the tab says the date the British way next to it.
 * Undefined when the input is empty or half-typed.
 */
export function dateHint(value: string | undefined): string | undefined {
  return value && isIsoDate(value) ? formatDate(value) : undefined;
}
