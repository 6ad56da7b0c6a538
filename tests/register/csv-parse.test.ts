import { parseCsv } from '@/register/csv-parse';
import { csvCell, toCsv } from '@/platform/csv';
import { ValidationError } from '@/kernel/errors';

describe('CSV parser (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks inside them', () => {
    expect(parseCsv('a,"b, c","say ""hi""","two\nlines"\n1,2,3,4')).toEqual([
      ['a', 'b, c', 'say "hi"', 'two\nlines'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('strips a leading BOM and accepts CRLF line ends and a final line break', () => {
    expect(parseCsv('\ufeffUPN,Surname\r\nA1,Smith\r\n')).toEqual([
      ['UPN', 'Surname'],
      ['A1', 'Smith'],
    ]);
  });

  it('keeps empty fields and keeps a blank line as an empty row so row numbers hold', () => {
    expect(parseCsv('a,,c\r\n\r\n,,\r\n')).toEqual([['a', '', 'c'], [], ['', '', '']]);
  });

  it('rejects an unclosed quote and text after a closing quote, naming the line', () => {
    expect(() => parseCsv('a,"b\nc')).toThrow(ValidationError);
    expect(() => parseCsv('a,b\n"x"y,z')).toThrow(/Line 2: text after a closing quote/);
  });

  it('round-trips what the CSV writer produces', () => {
    const rows = [
      ['Name', 'Note'],
      ["O'Neill, Jr", 'said "no"\r\nthen left'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it('neutralises cells that spreadsheet apps would run as formulas', () => {
    expect(['=1+1', '+44 7700', '-2', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual([
      "'=1+1",
      "'+44 7700",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      `"'\rx"`,
    ]);
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell('plain')).toBe('plain');
  });

  it('detects a semicolon, tab or pipe delimiter, ignoring delimiters inside quotes and title lines above', () => {
    expect(parseCsv('UPN;Surname;Forename\nA1;"Smith, Jr";Ben')).toEqual([
      ['UPN', 'Surname', 'Forename'],
      ['A1', 'Smith, Jr', 'Ben'],
    ]);
    expect(parseCsv('"Pupils; printed 01/12"\nUPN,Surname,Forename\nA1,"Jones; Ann",Ava')[2]).toEqual(['A1', 'Jones; Ann', 'Ava']);
    expect(parseCsv('UPN\tSurname\nA1\tSmith')[1]).toEqual(['A1', 'Smith']);
    expect(parseCsv('UPN|Surname\nA1|Smith')[1]).toEqual(['A1', 'Smith']);
  });
});
