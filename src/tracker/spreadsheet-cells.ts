import { isOverdue } from '@/kernel/check-in';
import type { Action } from '@/kernel/action';
import type { IsoDate } from '@/kernel/dates';
import { ITEM_TYPE_LABELS, EVENT_TYPE_LABELS } from '@/kernel/item-type';
import { STATUS_LABELS } from '@/kernel/status';

export { neutraliseFormula } from '@/platform/csv';

/** `2026-04-24` -> `24/04/2026`: how UK spreadsheets expect a date typed as text. */
export function ukDate(date: IsoDate | null): string {
  if (!date) return '';
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

export interface ExportColumn {
  header: string;
  width: number;
  value: (action: Action, today: IsoDate) => string | number | null;
  /** Date columns become real dates in Excel (shown dd/mm/yyyy) and en-GB text in CSV. */
  date?: boolean;
}

/** The exported columns, in order. Values are raw: each writer escapes them for its format. */
export const EXPORT_COLUMNS: ExportColumn[] = [
  { header: 'Pupil', width: 10, value: (a) => a.pupil.name },
  { header: 'Pupil ref', width: 10, value: (a) => a.pupil.id },
  { header: 'Year group', width: 8, value: (a) => a.pupil.yearGroup },
  { header: 'Item type', width: 22, value: (a) => ITEM_TYPE_LABELS[a.itemType] },
  { header: 'Action', width: 60, value: (a) => a.description },
  { header: 'Owner', width: 18, value: (a) => a.owner.name },
  { header: 'Owner email', width: 26, value: (a) => a.owner.email },
  { header: 'Due', width: 12, value: (a) => a.dueDate, date: true },
  { header: 'Status', width: 18, value: (a) => STATUS_LABELS[a.status] },
  { header: 'Overdue', width: 8, value: (a, today) => (isOverdue(a, today) ? 'Yes' : 'No') },
  { header: 'Next review', width: 12, value: (a) => a.nextReviewDate, date: true },
  { header: 'Evidence', width: 30, value: (a) => a.evidenceUrl },
  { header: 'Decision', width: 30, value: (a) => a.decision ?? null },
  { header: 'Latest note', width: 40, value: (a) => a.lastNote },
  { header: 'Agreed at', width: 22, value: (a) => a.source.title ?? EVENT_TYPE_LABELS[a.source.eventType] },
  { header: 'Last updated by', width: 18, value: (a) => a.updatedBy.name },
];
