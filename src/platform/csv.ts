import { stringify } from 'csv-stringify/sync';

/**
 * A spreadsheet opens a cell starting with `=`, `+`, `-` or `@` as a formula (and tab/CR can smuggle
 * one in), so text typed in a Teams chat could run in the SENCO's Excel. Such cells get a leading
 * apostrophe, which Excel shows as plain text. (OWASP "CSV injection".)
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

type Cell = string | number | boolean | null | undefined;

// csv-stringify quotes a field holding the whole record delimiter; a lone CR or LF must be quoted too.
const OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

// Text is neutralised; numbers and booleans are written as they read (csv-stringify would turn true into 1).
const cellText = (value: Cell): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? neutraliseFormula(value) : String(value);

/** One CSV cell: formula-looking text is neutralised; quoted when it holds , " or a line break. */
export function csvCell(value: Cell): string {
  return stringify([[cellText(value)]], OPTIONS).slice(0, -2);
}

/** RFC 4180 CSV with CRLF line ends and a BOM so Excel reads UTF-8 (e.g. £) correctly. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return stringify(
    rows.map((row) => row.map(cellText)),
    { ...OPTIONS, bom: true },
  );
}
