import ExcelJS from 'exceljs';
import { ValidationError } from '@/kernel/errors';
import { parseCsv } from './csv-parse';
import { proposeMapping, REQUIRED_FIELDS } from './mis-columns';

/** A file as rows of text cells. `rows[i]` is spreadsheet row `headerRow + 1 + i`. */
export interface MisTable {
  headers: string[];
  /** The spreadsheet row holding the headers (1 unless title rows sit above it). */
  headerRow: number;
  rows: string[][];
}

/** How far down a report's title rows are looked past for the header row. */
const HEADER_SEARCH_ROWS = 30;

/**
 * The header row: the first of the opening rows that names at least two of the register's required
 * columns (reports put a title, the school's name and a print date above it), else the first row
 * with anything in it.
 */
function findHeaderRow(grid: readonly string[][]): number {
  const opening = grid.slice(0, HEADER_SEARCH_ROWS);
  const named = opening.findIndex((row) => {
    const { missingRequired } = proposeMapping(row.map((h) => h.trim()));
    return REQUIRED_FIELDS.length - missingRequired.length >= 2;
  });
  return named >= 0 ? named : grid.findIndex((row) => row.some((h) => h.trim() !== ''));
}

/** An uploaded MIS export: CSV text, or the bytes of an .xlsx workbook (first worksheet). */
export type MisFile = { format: 'csv'; text: string } | { format: 'xlsx'; data: Buffer };

/** Reads a CSV or Excel export into a table of trimmed text cells. @throws ValidationError */
export async function readMisTable(file: MisFile): Promise<MisTable> {
  const grid = file.format === 'csv' ? parseCsv(file.text) : await readXlsx(file.data);
  const index = findHeaderRow(grid);
  if (index < 0) throw new ValidationError([{ path: 'Row 1', message: 'the file has no header row' }]);
  const headerRow = index + 1;
  const headers = grid[index]!.map((h) => h.trim());
  const seen = new Set<string>();
  for (const h of headers) {
    if (h !== '' && seen.has(h)) throw new ValidationError([{ path: `Row ${headerRow}`, message: `the column '${h}' appears twice` }]);
    seen.add(h);
  }
  return { headers, headerRow, rows: grid.slice(index + 1).map((r) => headers.map((_, i) => (r[i] ?? '').trim())) };
}

async function readXlsx(data: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new ValidationError([{ path: 'file', message: 'this is not an Excel (.xlsx) workbook' }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ValidationError([{ path: 'file', message: 'the workbook has no worksheet' }]);
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell);
    });
    grid[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  // Keep row numbers aligned with Excel's: an empty row stays as an empty array, then blank rows go.
  const filled = Array.from(grid, (r) => r ?? []);
  while (filled.length > 0 && filled[filled.length - 1]!.every((c) => c === '')) filled.pop();
  return filled;
}

/** Excel dates become dd/mm/yyyy (as in CSV exports); percentage cells become 0-100. */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const iso = v.toISOString().slice(0, 10);
    return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  }
  if (typeof v === 'number') return cell.numFmt?.includes('%') ? String(Math.round(v * 1000) / 10) : String(v);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'result' in v) return v.result === undefined ? '' : String(v.result);
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v);
}
