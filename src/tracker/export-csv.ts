import type { Action } from '@/kernel/action';
import type { IsoDate } from '@/kernel/dates';
import { toCsv } from '@/platform/csv';
import { EXPORT_COLUMNS, ukDate } from './spreadsheet-cells';

/**
 * RFC 4180 CSV with CRLF line ends and a UTF-8 byte-order mark (so Excel reads accents and
 * apostrophes correctly). Every text cell is formula-neutralised.
 */
export function actionsToCsv(actions: readonly Action[], today: IsoDate): string {
  return toCsv([
    EXPORT_COLUMNS.map((c) => c.header),
    ...actions.map((action) =>
      EXPORT_COLUMNS.map((c) => {
        const raw = c.value(action, today);
        return c.date && typeof raw === 'string' ? ukDate(raw) : raw;
      }),
    ),
  ]);
}
