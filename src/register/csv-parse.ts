import { ValidationError } from '@/kernel/errors';

/**
 * An RFC 4180 CSV parser: quoted fields, doubled quotes inside them, commas and line breaks inside
 * quotes, CRLF or LF line ends, a leading UTF-8 BOM (Excel writes one). A blank line becomes an empty row.
 * @throws ValidationError for an unclosed quote or text after a closing quote.
 */
export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  let quoted = false;
  let afterQuote = false;

  const endField = () => {
    row.push(field);
    field = '';
    afterQuote = false;
  };
  const endRow = () => {
    endField();
    // A blank line stays as an empty row so row numbers match what a spreadsheet shows.
    rows.push(row.length === 1 && row[0] === '' ? [] : row);
    row = [];
  };

  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        afterQuote = true;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === ',') endField();
    else if (ch === '\r' && src[i + 1] === '\n') {
      endRow();
      line++;
      i++;
    } else if (ch === '\n' || ch === '\r') {
      endRow();
      line++;
    } else if (ch === '"' && field === '' && !afterQuote) quoted = true;
    else if (afterQuote) {
      throw new ValidationError([{ path: `Line ${line}`, message: 'text after a closing quote; quotes inside a field must be doubled ("")' }]);
    } else field += ch;
    i++;
  }
  if (quoted) throw new ValidationError([{ path: `Line ${line}`, message: 'a quoted field is never closed' }]);
  if (field !== '' || row.length > 0 || afterQuote) endRow();
  return rows;
}
