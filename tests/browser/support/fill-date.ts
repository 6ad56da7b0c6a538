import type { Locator } from 'playwright-core';
import { formatShortDate, type IsoDate } from '@/kernel/dates';

/** Types a date into a DateField as staff type it (dd/mm/yyyy, or nothing), then leaves the field: the picker reads it on blur. */
export async function fillDate(field: Locator, date: IsoDate | ''): Promise<void> {
  await field.fill(date ? formatShortDate(date) : '');
  await field.press('Tab');
}
