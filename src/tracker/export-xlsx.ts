import ExcelJS from 'exceljs';
import type { Action } from '@/kernel/action';
import type { IsoDate } from '@/kernel/dates';
import { EXPORT_COLUMNS, neutraliseFormula } from './spreadsheet-cells';

/**
 * One worksheet, a frozen bold header row, real dates shown dd/mm/yyyy. Every text cell is
 * formula-neutralised and written as a string value (exceljs never turns a string into a formula).
 */
export async function actionsToXlsx(actions: readonly Action[], today: IsoDate): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SEND Tracker';
  const sheet = workbook.addWorksheet('Tracker', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width, style: c.date ? { numFmt: 'dd/mm/yyyy' } : {} }));
  sheet.getRow(1).font = { bold: true };
  for (const action of actions) {
    sheet.addRow(
      EXPORT_COLUMNS.map((c) => {
        const raw = c.value(action, today);
        if (raw === null) return null;
        if (typeof raw === 'number') return raw;
        if (c.date) return new Date(`${raw}T00:00:00Z`);
        return neutraliseFormula(raw);
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
