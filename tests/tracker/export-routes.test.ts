import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DEMO_STAFF } from '@/app/demo/school';
import { neutraliseFormula } from '@/tracker/spreadsheet-cells';
import { startApp, type RunningApp } from '@tests/browser/support/start-app';
import { buildNewAction } from '@tests/support/factories';

const HOSTILE = '=HYPERLINK("http://evil.example","Click")';

let app: RunningApp;
let emptyTabDir: string;

beforeAll(async () => {
  emptyTabDir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-no-tab-'));
  app = await startApp({ tabDir: emptyTabDir });
  await app.repo.createMany(
    [
      buildNewAction({
        description: HOSTILE,
        decision: '+SUM(A1:A9)',
        owner: DEMO_STAFF.assistant,
        pupil: { id: 'p-evil', name: '@cmd', yearGroup: 3 },
      }),
      buildNewAction({
        description: '-2+3 chase the referral',
        owner: DEMO_STAFF.assistant,
        pupil: { id: 'p-evil', name: 'Tabbed', yearGroup: 3 },
      }),
    ],
    DEMO_STAFF.senco,
  );
});
afterAll(async () => {
  await app.close();
  fs.rmSync(emptyTabDir, { recursive: true, force: true });
});

describe('neutraliseFormula', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])('prefixes %j with an apostrophe', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text alone', () => {
    expect(neutraliseFormula('Phone parent = agreed')).toBe('Phone parent = agreed');
  });
});

describe('GET /api/actions/export.csv', () => {
  it('exports the filtered, searched view with every formula-like cell neutralised', async () => {
    const response = await fetch(`${app.url}/api/actions/export.csv?pupil=p-evil&q=hyperlink`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="send-tracker-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(lines[1]).toContain("'+SUM(A1:A9)");
    expect(lines[1]!.startsWith("'@cmd,")).toBe(true);
  });

  it('sorts as asked and keeps dates in en-GB form', async () => {
    const text = await (await fetch(`${app.url}/api/actions/export.csv?owner=${DEMO_STAFF.assistant.id}&sort=pupil&dir=desc`)).text();
    const rows = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1);
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.every((r) => /,\d{2}\/\d{2}\/\d{4},/.test(r))).toBe(true);
    const pupils = rows.map((r) => r.split(',')[0]!.replace(/^'/, ''));
    expect(pupils).toEqual([...pupils].sort((a, b) => b.toLowerCase().localeCompare(a.toLowerCase())));
  });

  it('rejects an unknown filter with a 400 naming it', async () => {
    const response = await fetch(`${app.url}/api/actions/export.csv?colour=red`);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe('validation_error');
  });
});

describe('GET /api/actions/export.xlsx', () => {
  it('writes formula-like text as plain strings with a leading apostrophe, and dates as dates', async () => {
    const response = await fetch(`${app.url}/api/actions/export.xlsx?pupil=p-evil`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Tracker')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const cells = [2, 3].map((r) => sheet.getRow(r));
    const descriptions = cells.map((row) => row.getCell(col('Action')).value);
    expect(descriptions).toEqual(expect.arrayContaining([`'${HOSTILE}`, "'-2+3 chase the referral"]));
    expect(cells.map((row) => row.getCell(col('Pupil')).value)).toContain("'@cmd");
    for (const row of cells) {
      expect(row.getCell(col('Action')).type).toBe(ExcelJS.ValueType.String);
      expect(row.getCell(col('Due')).value).toBeInstanceOf(Date);
    }
  });
});

describe('GET /api/staff', () => {
  it('lists the demo staff and every owner, by name, with emails', async () => {
    const { staff } = (await (await fetch(`${app.url}/api/staff`)).json()) as { staff: { name: string; email: string }[] };
    expect(staff.map((p) => p.name)).toEqual(expect.arrayContaining(Object.values(DEMO_STAFF).map((p) => p.name)));
    expect(staff.map((p) => p.name)).toEqual([...staff.map((p) => p.name)].sort((a, b) => a.localeCompare(b)));
    expect(staff.every((p) => p.email.includes('@'))).toBe(true);
  });
});
