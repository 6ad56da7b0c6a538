import { CsvError, parse } from 'csv-parse/sync';
import { ValidationError } from '@/kernel/errors';

// What csv-parse's error codes mean to the person who exported the file.
const MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'text after a closing quote; quotes inside a field must be doubled ("")',
};

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The delimiter of an export: the candidate found most often, outside quotes, on any one of its
 * first lines (title lines above the header hold fewer). Comma when nothing else is: Excel in a
 * European locale writes semicolons, "Unicode text" exports tabs, some reports pipes.
 */
export function detectDelimiter(text: string): string {
  const lines = text.replace(/"[^"]*"/g, '').split(/\r?\n/, 10);
  let best: string = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = Math.max(0, ...lines.map((line) => line.split(d).length - 1));
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

/**
 * Reads CSV (RFC 4180, through csv-parse): quoted fields, doubled quotes, delimiters and line breaks
 * inside quotes, CRLF or LF, a leading UTF-8 BOM (Excel writes one), and a comma, semicolon, tab or
 * pipe delimiter (detected). A blank line becomes an empty row, so row numbers match what a
 * spreadsheet shows.
 * @throws ValidationError naming the line, for an unclosed quote or text after a closing quote.
 */
export function parseCsv(text: string): string[][] {
  try {
    const rows = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
    return rows.map((row) => (row.length === 1 && row[0] === '' ? [] : row));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 1;
    throw new ValidationError([{ path: `Line ${line}`, message: MESSAGES[error.code] ?? error.message }]);
  }
}
