import type { Action } from '../../domain/action';
import type { IsoDate } from '../../domain/dates';
import { EXPORT_COLUMNS, neutraliseFormula, ukDate } from './spreadsheet-cells';

function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * RFC 4180 CSV with CRLF line ends and a UTF-8 byte-order mark (so Excel reads accents and
 * apostrophes correctly). Every text cell is formula-neutralised.
 */
export function actionsToCsv(actions: readonly Action[], today: IsoDate): string {
  const lines = [EXPORT_COLUMNS.map((c) => csvField(c.header)).join(',')];
  for (const action of actions) {
    lines.push(
      EXPORT_COLUMNS.map((c) => {
        const raw = c.value(action, today);
        return csvField(c.date && typeof raw === 'string' ? ukDate(raw) : raw);
      }).join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
