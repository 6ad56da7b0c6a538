/**
 * A spreadsheet opens a cell starting with `=`, `+`, `-` or `@` as a formula (and tab/CR can smuggle
 * one in), so text typed in a Teams chat could run in the SENCO's Excel. Such cells get a leading
 * apostrophe, which Excel shows as plain text. (OWASP "CSV injection".)
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV cell: formula-looking text is neutralised; quoted when it holds , " or a line break. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? neutraliseFormula(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with CRLF line ends and a BOM so Excel reads UTF-8 (e.g. £) correctly. */
export function toCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return `\ufeff${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
