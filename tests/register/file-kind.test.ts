import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { ValidationError } from '@/kernel/errors';
import { importRegister, previewRegisterImport } from '@/register/import-register';
import { SqliteRegisterRepository } from '@/storage/sqlite/sqlite-register-repository';
import { generatePrimaryRegister, IMPORTER, SIMS_HEADERS, simsRow } from './generate-register';
import { freshDatabase } from './support';

const school = generatePrimaryRegister(30);
const upload = (bytes: Buffer) => ({ format: 'file' as const, base64: bytes.toString('base64') });
const delimited = (rows: string[][], d: string) =>
  rows.map((r) => r.map((c) => (c.includes(d) || c.includes('"') ? `"${c.replaceAll('"', '""')}"` : c)).join(d)).join('\r\n');

async function refusal(bytes: Buffer): Promise<string> {
  const error = await previewRegisterImport(upload(bytes)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).problems.map((p) => p.message).join('; ');
}

/** The register as a SIMS report saved to Excel: a title, the school and a print date above the headers. */
async function xlsxWithTitleRows(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Student List');
  sheet.addRow(['Student List – SEN']);
  sheet.addRow(['Greenfield Primary School']);
  sheet.addRow(['Printed 01/12/2026 09:14']);
  sheet.addRow([]);
  sheet.addRow(SIMS_HEADERS);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('reading an uploaded file by its content, not its name', () => {
  it('refuses a Word document (a report exported to Word, even named .csv) saying what to do instead', async () => {
    const table = new Table({
      rows: [SIMS_HEADERS, ...school.slice(0, 5).map(simsRow)].map(
        (cells) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) }),
      ),
    });
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('SEN register'), table] }] }));
    expect(await refusal(docx)).toBe(
      'This is a Word document, not a register export. Export the report from your MIS as CSV or Excel (.xlsx) and choose that file.',
    );
  });

  it('refuses a legacy .xls workbook with "save it as .xlsx or CSV"', async () => {
    // Written by SheetJS (@e965/xlsx 0.20) as BIFF8, the format of Excel 97–2003 and of older SIMS reports.
    const xls = fs.readFileSync(path.join(__dirname, 'fixtures/register-biff8.xls'));
    expect(await refusal(xls)).toBe(
      'This is an older Excel (.xls) workbook. Open it in Excel, save it as Excel Workbook (.xlsx) or CSV, and choose that file.',
    );
  });

  it('refuses a PDF and other binary files', async () => {
    expect(await refusal(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'))).toMatch(/^This is a PDF/);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(200, 7)]);
    expect(await refusal(png)).toMatch(/^This file is not a spreadsheet or CSV\./);
  });

  it('finds the header row below a report’s title rows, counts only pupil rows and names refused values by their Excel row', async () => {
    const rows = school.map(simsRow);
    const preview = await previewRegisterImport(upload(await xlsxWithTitleRows(rows)));
    expect(preview).toMatchObject({ headers: SIMS_HEADERS, rowCount: 30, missingRequired: [] });

    rows[2]![6] = 'X'; // the third pupil: Excel row 5 (headers) + 3
    const error = await importRegister(new SqliteRegisterRepository(freshDatabase()), {
      file: upload(await xlsxWithTitleRows(rows)),
      mapping: preview.proposedMapping,
      by: IMPORTER,
    }).catch((e: unknown) => e as ValidationError);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems).toEqual([
      { path: "Row 8, column 'SEN Status'", message: "'X' is not a census SEN code (N, K or E)" },
    ]);
  });

  it('reads semicolon CSV, UTF-16 tab-separated text and Windows-1252 CSV alike', async () => {
    const rows = [SIMS_HEADERS, ...school.slice(0, 3).map(simsRow)];
    rows[1]![2] = 'Zoë'; // not ASCII: the encoding must be read right
    const semicolon = Buffer.from(delimited(rows, ';'), 'utf8');
    const utf16Tabs = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(delimited(rows, '\t'), 'utf16le')]);
    const windows1252 = Buffer.from(delimited(rows, ','), 'latin1'); // ë is the same byte in both
    for (const bytes of [semicolon, utf16Tabs, windows1252]) {
      const repo = new SqliteRegisterRepository(freshDatabase());
      const file = upload(bytes);
      const preview = await previewRegisterImport(file);
      expect(preview).toMatchObject({ headers: SIMS_HEADERS, rowCount: 3, missingRequired: [] });
      await importRegister(repo, { file, mapping: preview.proposedMapping, by: IMPORTER });
      expect((await repo.list()).map((p) => p.forename)).toContain('Zoë');
    }
  });

  it('records a column the file lacks as not known, not as "no"', async () => {
    const pp = SIMS_HEADERS.indexOf('Pupil Premium');
    const withoutPp = [SIMS_HEADERS, ...school.slice(0, 3).map(simsRow)].map((r) => r.filter((_, i) => i !== pp));
    const repo = new SqliteRegisterRepository(freshDatabase());
    const file = upload(Buffer.from(delimited(withoutPp, ',')));
    const preview = await previewRegisterImport(file);
    await importRegister(repo, { file, mapping: preview.proposedMapping, by: IMPORTER });
    expect((await repo.list()).map((p) => [p.pupilPremium, p.fsm === null])).toEqual([
      [null, false],
      [null, false],
      [null, false],
    ]);
  });

  it('names the required columns a file lacks', async () => {
    const withoutSen = [SIMS_HEADERS, ...school.slice(0, 3).map(simsRow)].map((r) => r.filter((_, i) => i !== 6));
    const preview = await previewRegisterImport(upload(Buffer.from(delimited(withoutSen, ','))));
    expect(preview.missingRequired).toEqual(['senStatus']);
  });
});
