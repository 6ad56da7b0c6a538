import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { DEMO_SCHOOL_NAME, DEMO_STAFF } from '@/app/demo/school';
import { addDays, addMonths, formatDate, londonDate } from '@/kernel/dates';
import { interventionRatioGain, ratioGainBand } from '@/interventions/ratio-gain';
import { withCheckLetter } from '@/kernel/upn';
import { axeViolations } from './support/axe';
import { fillDate } from './support/fill-date';
import { startApp, type RunningApp } from './support/start-app';
import { useTabInBrowser } from './support/use-tab-in-browser';
import { startProvisionedSite } from '@tests/graph-stand-in/provisioned-site';
import { generatePrimaryRegister } from '@tests/register/generate-register';

/**
 * The SEND team's views in the built tab, over the real server and SQLite file: register import and
 * dashboard and termly snapshots, interventions (started and measured from the tab), provision map,
 * one-page profile, digest preview, reminder runs and the role table; and what a teacher
 * outside the SEND team sees of them (nothing, and 403s from the routes).
 */
jest.setTimeout(240_000);

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/tab');
const today = londonDate(new Date());

/**
 * 20 pupils as a SIMS-style export: 1 EHC plan (ASD), 3 SEN support (SLCN, SLCN, SPLD), 16 no SEN.
 * Two are below 90% attendance: one on SEN support, one with no plan and no open item (flagged).
 * "Need 1" is not a header the importer knows, so the user maps it to Primary need by hand.
 */
const NAMES = [
  'Ava Ahmed',
  'Ben Brooks',
  'Cara Clarke',
  'Dev Dhillon',
  'Ella Evans',
  'Finn Foster',
  'Gia Gray',
  'Hal Hughes',
  'Isla Iqbal',
  'Jon James',
  'Kai Khan',
  'Lily Lewis',
  'Max Moore',
  'Nia Nash',
  'Oli Owen',
  'Pia Price',
  'Quin Quinn',
  'Rosa Reid',
  'Sam Shaw',
  'Tia Turner',
];
const SEN: Record<number, [status: string, need: string]> = { 0: ['E', 'ASD'], 1: ['K', 'SLCN'], 2: ['K', 'SLCN'], 3: ['K', 'SPLD'] };
const ATTENDANCE: Record<number, string> = { 1: '88.0', 7: '84.5' };
const REGISTER_CSV = [
  'UPN,Legal Surname,Legal Forename,DOB,NC Year,Reg Group,SEN Status,Need 1,FSM,EAL,Attendance %',
  ...NAMES.map((name, i) => {
    const [forename, surname] = name.split(' ');
    const [status, need] = SEN[i] ?? ['N', ''];
    return [
      withCheckLetter(`8812000${String(100 + i).padStart(5, '0')}`),
      surname,
      forename,
      `0${(i % 9) + 1}/03/2017`,
      '4',
      '4M',
      status,
      need,
      i % 3 === 0 ? 'Y' : 'N',
      'English',
      ATTENDANCE[i] ?? '96.5',
    ].join(',');
  }),
].join('\r\n');

/** The first five pupils of the register: a class list, say, rather than the whole roll. */
async function choosePartialFile(p: Page) {
  const partial = REGISTER_CSV.split('\r\n').slice(0, 6).join('\r\n');
  await p.locator('input[type="file"]').setInputFiles({ name: 'class.csv', mimeType: 'text/csv', buffer: Buffer.from(partial) });
  await p.getByText('5 pupil rows. Check which column fills each field:').waitFor();
  await p.getByRole('combobox', { name: 'Primary need' }).selectOption('Need 1');
}

let tabDir: string;
let app: RunningApp;
let page: Page;

useTabInBrowser(
  (parts) => ({ tabDir, app } = parts),
  (p) => (page = p),
);
beforeAll(() => fs.mkdirSync(ARTIFACTS, { recursive: true }));

const open = (query: string, base = app.url) => page.goto(`${base}/tab/${query}`);

/** Every chart on the page drawn (axe and the screenshots see the charts, not their loading spinners). */
async function chartsDrawn(p: Page): Promise<void> {
  await p.locator('figure').first().waitFor();
  await p.waitForFunction(() => [...document.querySelectorAll('figure')].every((f) => f.querySelector('svg')));
}

/** A chart's figure: waits for its drawing, then gives its table's body rows as text. */
async function chartRows(title: string): Promise<string[]> {
  const figure = page.getByRole('figure', { name: title });
  await figure.locator('svg').first().waitFor();
  return figure
    .getByRole('region', { name: `${title}: table` })
    .locator('tbody tr')
    .allTextContents();
}
const post = async (route: string, body: unknown) => {
  const response = await fetch(`${app.url}${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<Record<string, unknown>>;
};

describe('the SEND team views in a browser', () => {
  // The tests below build on this import (the register, then interventions for its pupils).
  it('imports a CSV register after the lead confirms the column mapping, then answers the key questions', async () => {
    await open('?view=register');
    await page.getByText('No register yet: import your MIS export above').waitFor();
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(REGISTER_CSV) });
    await page.getByText('20 pupil rows. Check which column fills each field:').waitFor();
    await expect(page.getByLabel('Primary need').inputValue()).resolves.toBe('');
    await expect(page.getByLabel('SEN status (N/K/E)').inputValue()).resolves.toBe('SEN Status');
    await page.getByLabel('Primary need').selectOption('Need 1');
    await page.getByRole('button', { name: 'Check what will change' }).click();
    await page.getByText('20 new, 0 updated, 0 unchanged.').waitFor();
    await page.getByRole('button', { name: 'Import 20 pupils' }).click();
    await page.getByText('Register imported: 20 added, 0 updated, 0 unchanged, 0 marked as left.').waitFor();

    await page.getByRole('heading', { name: 'Our numbers and national (20 pupils, primary)' }).waitFor();
    // The chart is drawn, and the table it is drawn from says the same in words.
    expect(await chartRows('Percentage of pupils: school and national')).toEqual([
      'Any SEN20%18.2%primary',
      'SEN support15%14.2%all schools',
      'EHC plan5%5.3%all schools',
    ]);
    for (const question of [
      'Are our numbers in line with national?',
      'Do provisions match needs?',
      'Does staff training match the main needs?',
      'Do low-attendance pupils have plans?',
    ]) {
      await page.getByText(question, { exact: true }).waitFor();
    }
    await page
      .getByText(/2 pupils are below 90% attendance: 1 has an SEN plan, 0 more have an open tracker item, and 1 has neither \(flagged\)/)
      .waitFor();
    // The file has no pupil premium column: not known, never "0%".
    const overlap = page.getByRole('table', { name: 'Share of each group' });
    expect(
      await overlap
        .getByRole('row', { name: /^Pupil premium/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['Not in the file']);
    await page.getByRole('heading', { name: 'Below 90% attendance with no plan or open item (1)' }).waitFor();
    await page.getByText('H.H. (Y4): 84.5%').waitFor();

    const stored = await app.register.list();
    expect(stored).toHaveLength(20);
    expect(stored.find((p) => p.forename === 'Ava')).toMatchObject({ senStatus: 'E', needs: [{ code: 'ASD', rank: 1 }] });
    expect(stored.find((p) => p.forename === 'Dev')).toMatchObject({ senStatus: 'K', needs: [{ code: 'SPLD', rank: 1 }] });

    await page.getByText(/^Not answered yet: record the need areas staff are trained in\. Main needs are /).waitFor();
    await page.getByRole('checkbox', { name: /^SLCN:/ }).check();
    const answer = page.getByText(/^No training recorded for /);
    await answer.waitFor();
    await expect(answer.textContent()).resolves.not.toMatch(/Speech/);
    await page.getByText(/^Last changed .+ by Priya Shah\.$/).waitFor();
    expect((await app.register.settings())?.trainingNeeds).toEqual(['SLCN']); // on the server, not in this browser

    // A file of SEN pupils only would read as "100% SEN": the number on roll is what percentages are of.
    await page.getByLabel('Pupils on roll').fill('400');
    await page.getByRole('button', { name: 'Save number on roll' }).click();
    await page.getByRole('heading', { name: 'Our numbers and national (400 on roll, 20 on the register, primary)' }).waitFor();
    expect((await chartRows('Percentage of pupils: school and national'))[0]).toBe('Any SEN1%18.2%primary');
    await page.reload();
    await expect(page.getByLabel('Pupils on roll').inputValue()).resolves.toBe('400');
    await page.getByLabel('Pupils on roll').fill('');
    await page.getByRole('button', { name: 'Save number on roll' }).click();
    await page.getByRole('heading', { name: 'Our numbers and national (20 pupils, primary)' }).waitFor();
    expect((await app.register.settingsHistory()).map((s) => s.numberOnRoll)).toEqual([null, 400, null]);

    // The register view, with its import log and settings, fits a phone as well as a laptop.
    try {
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
        await open('?view=register');
        await page.getByRole('heading', { name: 'Number on roll' }).waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
        await page.screenshot({ path: path.join(ARTIFACTS, `register-${width}.png`), fullPage: true });
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('shows who a partial file leaves out, marks them as left only when the lead ticks the box with their count, and undoes it', async () => {
    await open('?view=register');
    await choosePartialFile(page);
    await page.getByRole('button', { name: 'Check what will change' }).click();
    await page.getByText('0 new, 0 updated, 5 unchanged.').waitFor();
    await page.getByText('15 pupils on the register are not in this file.', { exact: false }).waitFor();
    const missing = page.getByRole('list', { name: 'Pupils not in this file (15)' });
    expect(await missing.getByRole('listitem').allTextContents()).toEqual(NAMES.slice(5).map((n) => `${n} (Year 4)`));
    expect(await page.getByRole('button', { name: 'Import 5 pupils', exact: true }).count()).toBe(1); // nobody marked unless ticked
    await page.getByRole('checkbox', { name: /^These 15 pupils have left the school/ }).check();
    await page.getByRole('button', { name: 'Import 5 pupils and mark 15 as left' }).click();
    await page.getByText('Register imported: 0 added, 0 updated, 5 unchanged, 15 marked as left.').waitFor();
    expect(await app.register.list()).toHaveLength(5);

    // A class list imported as the whole roll by mistake: the import is undone, after a second question.
    const imports = page.getByRole('table', { name: 'Register imports, newest first' });
    await imports.locator('tbody tr').nth(1).waitFor();
    expect(await imports.locator('tbody tr').first().locator('td').allTextContents()).toEqual(['Priya Shah', '0', '0', '5', '15', 'No']);
    await page.getByRole('button', { name: 'Undo the latest import' }).click();
    await page.getByText(/^Undo the import of .+ by Priya Shah\? Pupils it updated or marked as left go back as they were\.$/).waitFor();
    const failures = (await axeViolations(page)).map((v) => `${v.id} (${v.impact}) ${v.help} at ${v.targets.slice(0, 3).join(', ')}`);
    expect(failures).toEqual([]);
    await page.getByRole('button', { name: 'Undo it' }).click();
    await page.getByText('Import undone: 15 pupils put back as they were, 0 marked as left.').waitFor();
    expect(await app.register.list()).toHaveLength(20);
    await imports.getByText(/ by Priya Shah$/).waitFor();
    expect(await page.getByRole('button', { name: 'Undo the latest import' }).count()).toBe(0); // once only
  });

  it('refuses a Word document, a legacy .xls, a file without the SEN status column and one with bad values, each with what to do; reads a report with title rows; imports nothing', async () => {
    await open('?view=register');
    const input = page.locator('input[type="file"]');
    const alert = page.getByRole('alert');
    const word = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('SEN register, Autumn term')] }] }));
    // Named .csv: the file is read by what it holds, not by its name.
    await input.setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: word });
    await alert
      .getByText('This is a Word document, not a register export. Export the report from your MIS as CSV or Excel (.xlsx)', {
        exact: false,
      })
      .waitFor();
    expect(await page.getByText(/pupil rows\. Check which column/).count()).toBe(0);
    const xls = fs.readFileSync(path.join(__dirname, '../register/fixtures/register-biff8.xls'));
    await input.setInputFiles({ name: 'register.xls', mimeType: 'application/vnd.ms-excel', buffer: xls });
    await alert
      .getByText('This is an older Excel (.xls) workbook. Open it in Excel, save it as Excel Workbook (.xlsx) or CSV', { exact: false })
      .waitFor();

    // A SIMS report saved to Excel: its title, the school and a print date above the header row.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Student List');
    for (const title of [['Student List – SEN'], [DEMO_SCHOOL_NAME], ['Printed 01/12/2026 09:14'], []]) sheet.addRow(title);
    for (const line of REGISTER_CSV.split('\r\n')) sheet.addRow(line.split(','));
    await input.setInputFiles({
      name: 'Student List.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    await page.getByText('20 pupil rows. Check which column fills each field:').waitFor();
    await expect(page.getByLabel('SEN status (N/K/E)').inputValue()).resolves.toBe('SEN Status');

    // Without the SEN status column nothing can be checked, and the page says why.
    const withoutStatus = REGISTER_CSV.split('\r\n').map((line) =>
      line
        .split(',')
        .filter((_, i) => i !== 6)
        .join(','),
    );
    await input.setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(withoutStatus.join('\r\n')) });
    await page.getByText('Choose a column for SEN status (N/K/E): the register needs it.').waitFor();
    await expect(page.getByRole('button', { name: 'Check what will change' }).isDisabled()).resolves.toBe(true);

    const lines = REGISTER_CSV.split('\r\n');
    lines[2] = lines[2]!.replace(',K,SLCN,', ',X,SLCN,'); // Ben: not a census SEN code
    lines[4] = lines[4]!.replace(/^([^,]+),[^,]+,/, '$1,,'); // Dev: no surname
    await input.setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) });
    await page.getByText('20 pupil rows. Check which column fills each field:').waitFor();
    await page.getByRole('combobox', { name: 'Primary need' }).selectOption('Need 1');
    await page.getByRole('button', { name: 'Check what will change' }).click();
    const problems = alert.getByRole('list', { name: 'Problems in the file' });
    await problems.waitFor();
    expect(await problems.getByRole('listitem').allTextContents()).toEqual([
      "Row 3, column 'SEN Status': 'X' is not a census SEN code (N, K or E)",
      "Row 5, column 'Legal Surname': is empty",
    ]);
    // Scrolled to, below the column pickers.
    const inView = await alert.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    const failures = (await axeViolations(page)).map((v) => `${v.id} (${v.impact}) ${v.help} at ${v.targets.slice(0, 3).join(', ')}`);
    expect(failures).toEqual([]);
    expect(await app.register.list()).toHaveLength(20);
  });

  it('shows which interventions work and each pupil’s with ratio gain and warnings', async () => {
    const pupils = await app.register.list();
    const ben = pupils.find((p) => p.forename === 'Ben')!;
    const cara = pupils.find((p) => p.forename === 'Cara')!;
    const staff = { ...DEMO_STAFF.assistant, role: 'teaching_assistant' };
    const base = {
      group: 'Y4 reading',
      staff,
      sessionsPerWeek: 3,
      sessionMinutes: 30,
      measureKind: 'reading_age',
      target: { description: 'Reading age 8y', value: 96 },
    };
    const running = (
      await post('/api/interventions', {
        ...base,
        pupilId: ben.id,
        name: 'Reading catch-up',
        startDate: addDays(today, -70),
        plannedEndDate: addDays(today, 28),
        parentConsentDate: addDays(today, -75),
      })
    ).intervention as { id: string };
    await post(`/api/interventions/${running.id}/measures`, { point: 'baseline', date: addDays(today, -70), value: 84 });
    await post(`/api/interventions/${running.id}/measures`, { point: 'mid', date: addDays(today, -7), value: 88 });
    await post('/api/interventions', {
      ...base,
      pupilId: cara.id,
      name: 'Talk boost',
      group: null,
      measureKind: 'custom',
      measureUnit: 'words a minute',
      startDate: addDays(today, -150),
      plannedEndDate: addDays(today, -10),
      parentConsentDate: addDays(today, -151),
    });
    const stored = (await app.interventions.list()).find((i) => i.id === running.id)!;
    const rg = interventionRatioGain(stored)!;

    await open('?view=interventions');
    const effectiveness = page.getByRole('table', { name: 'How well each intervention works' });
    await effectiveness.waitFor();
    await expect(effectiveness.getByRole('row', { name: /^Reading catch-up/ }).textContent()).resolves.toContain(
      `${rg} (${ratioGainBand(rg)})`,
    );
    const list = page.getByRole('table', { name: 'Interventions by pupil (2)' });
    const readingRow = list.locator(`tr[data-intervention-id="${running.id}"]`);
    await expect(readingRow.textContent()).resolves.toContain('B.B. (Y4)');
    await expect(readingRow.textContent()).resolves.toContain(`${rg} (${ratioGainBand(rg)})`);
    await expect(list.getByRole('row', { name: /Talk boost/ }).textContent()).resolves.toMatch(/Overrun.*past its planned end/);

    await page.getByLabel('Pupil', { exact: true }).selectOption({ label: 'Brooks, Ben (Year 4)' });
    await page.getByRole('table', { name: 'Interventions by pupil (1)' }).waitFor();
  });

  it('lets the SENCO start an intervention, record its baseline and end measures and see the ratio gain', async () => {
    await open('?view=interventions');
    const start = page.getByRole('form', { name: 'Start an intervention' });
    await start.waitFor();
    await start.getByLabel('Pupil').selectOption({ label: 'Dhillon, Dev (Year 4)' });
    await start.getByLabel('Intervention name').fill('Spelling boost');
    await start.getByLabel('Delivered by').selectOption({ label: DEMO_STAFF.assistant.name });
    await fillDate(start.getByLabel('Start date'), addDays(today, -120));
    await fillDate(start.getByLabel('Planned end'), addDays(today, 7));
    await start.getByText('18.1 weeks. 12–20 weeks works best.').waitFor();
    await start.getByLabel('Target outcome').fill('Spelling age 9y 0m');
    await start.getByLabel('Measured by').selectOption({ label: 'Spelling age' });
    await start.getByLabel('Target age: years').fill('9');
    await start.getByLabel('Target age: months (0 to 11)').fill('0');

    // Without consent the form says so beside the field; a consent after the start is the server's to refuse.
    await start.getByRole('button', { name: 'Start intervention' }).click();
    await start.getByText('record the date parent consent was given').waitFor();
    await fillDate(start.getByLabel('Parent consent recorded on'), addDays(today, -100));
    await start.getByRole('button', { name: 'Start intervention' }).click();
    await start.getByText('consent must be recorded on or before the start date').waitFor();
    await fillDate(start.getByLabel('Parent consent recorded on'), addDays(today, -125));
    await start.getByRole('button', { name: 'Start intervention' }).click();
    await page.getByText('Intervention started: Spelling boost. Its review dates are on the tracker.').waitFor();
    await page.getByRole('table', { name: 'Interventions by pupil (3)' }).waitFor();

    await page.getByRole('button', { name: 'Record a measure for Spelling boost, D.D. (Y4)' }).click();
    const record = page.getByRole('form', { name: 'Record a measure: Spelling boost (D.D. (Y4))' });
    await expect(record.getByLabel('Point').inputValue()).resolves.toBe('baseline');
    await record.getByLabel('Age: years').fill('7');
    await record.getByLabel('Age: months (0 to 11)').fill('6');
    await fillDate(record.getByLabel('Date measured'), addDays(today, -120));
    await record.getByRole('button', { name: 'Save measure' }).click();
    const row = page.getByRole('table', { name: /^Interventions by pupil/ }).getByRole('row', { name: /Spelling boost/ });
    await row.getByText('Spelling age: baseline 7 years 6 months').waitFor();
    await record.getByLabel('Point').selectOption('end');
    await record.getByLabel('Age: years').fill('8');
    await record.getByLabel('Age: months (0 to 11)').fill('6');
    await record.getByRole('button', { name: 'Save measure' }).click();
    await row.getByText('Spelling age: baseline 7 years 6 months, end 8 years 6 months').waitFor();

    const stored = (await app.interventions.list()).find((i) => i.name === 'Spelling boost')!;
    expect(stored).toMatchObject({
      parentConsentDate: addDays(today, -125),
      measureKind: 'spelling_age',
      target: { description: 'Spelling age 9y 0m', value: 108 },
      staff: { id: DEMO_STAFF.assistant.id, role: 'teaching_assistant' },
    });
    expect(stored.measures).toEqual([
      { point: 'baseline', date: addDays(today, -120), value: 90 },
      { point: 'end', date: today, value: 102 },
    ]);
    const rg = interventionRatioGain(stored)!;
    expect(rg).toBeGreaterThan(2);
    await expect(row.textContent()).resolves.toContain(`${rg} (${ratioGainBand(rg)})`);
  });

  it('takes termly snapshots of the register and shows the change between them', async () => {
    await open('?view=register');
    const form = page.getByRole('form', { name: 'Termly snapshot' });
    await form.waitFor();
    await form.getByLabel('Term').fill('Summer 2026');
    await form.getByRole('button', { name: 'Take termly snapshot' }).click();
    await form.getByText('must be a term like "2025-26 Autumn"').waitFor();

    await form.getByLabel('Term').fill('2025-26 Summer');
    await form.getByRole('button', { name: 'Take termly snapshot' }).click();
    await page.getByText('Snapshot taken for 2025-26 Summer: 20 pupils, 3 on SEN support, 1 with an EHC plan.').waitFor();
    await form.getByLabel('Term').fill('2026-27 Autumn');
    await form.getByRole('button', { name: 'Take termly snapshot' }).click();
    await page.getByText('Snapshot taken for 2026-27 Autumn: 20 pupils, 3 on SEN support, 1 with an EHC plan.').waitFor();
    await page.getByText(/^Since 2025-26 Summer: SEN support 0, EHC plans 0, any SEN 0 percentage points \(2026-27 Autumn\)\.$/).waitFor();
    expect((await app.register.snapshots()).map((s) => s.term)).toEqual(['2025-26 Summer', '2026-27 Autumn']);
    expect(await chartRows('Termly snapshots: share of pupils on the register')).toEqual([
      '2025-26 Summer205%15%',
      '2026-27 Autumn205%15%',
    ]);
  });

  it('lets the SENCO give the attendance lead role to someone else and shows the change in the history', async () => {
    await open('?view=roles');
    const roles = page.getByRole('table', { name: /^Roles the bot recognises/ });
    await expect(roles.getByRole('row', { name: /^attendance lead/ }).textContent()).resolves.toContain(DEMO_STAFF.attendanceLead.name);

    const form = page.getByRole('form', { name: 'Set who holds a role' });
    await form.getByLabel('Role').fill('!!');
    await form.getByLabel('Held by').selectOption({ label: DEMO_STAFF.familyLiaison.name });
    await form.getByRole('button', { name: 'Save role' }).click();
    await form.getByText('must be words (letters, numbers, spaces)').waitFor();

    await roles.getByRole('button', { name: 'Change who holds attendance lead' }).click();
    await expect(form.getByLabel('Role').inputValue()).resolves.toBe('attendance lead');
    await form.getByLabel('Held by').selectOption({ label: DEMO_STAFF.familyLiaison.name });
    await form.getByRole('button', { name: 'Save role' }).click();
    await page.getByText(`attendance lead is now held by ${DEMO_STAFF.familyLiaison.name}.`, { exact: false }).waitFor();
    await roles
      .getByRole('row', { name: /^attendance lead/ })
      .getByText(DEMO_STAFF.familyLiaison.name)
      .waitFor();

    const history = page.getByRole('table', { name: /^Changes to the roles, newest first/ });
    await history.locator('tbody tr').first().getByRole('rowheader', { name: 'attendance lead' }).waitFor();
    const newest = await history.locator('tbody tr').first().locator('th, td').allTextContents();
    expect(newest[0]).toMatch(new RegExp(`^${formatDate(today)}, \\d\\d:\\d\\d$`));
    expect(newest.slice(1)).toEqual([
      'attendance lead',
      DEMO_STAFF.familyLiaison.name,
      DEMO_STAFF.attendanceLead.name,
      DEMO_STAFF.senco.name,
    ]);
    expect((await app.roles.list()).find((r) => r.role === 'attendance lead')?.person).toEqual(DEMO_STAFF.familyLiaison);
  });

  it('shows the provision map for a term and exports it as CSV', async () => {
    await open('?view=provision');
    await fillDate(page.getByLabel('Term starts'), addDays(today, -80));
    await fillDate(page.getByLabel('Term ends'), addDays(today, 30));
    await page.getByLabel('Teaching assistant £/hour').fill('18');
    await page.getByRole('button', { name: 'Save rates' }).click();
    await page.getByText('Rates saved for the SEND team.').waitFor();
    const table = page.getByRole('table', { name: /^Provision map, / });
    await table.getByRole('row', { name: /^Reading catch-up/ }).waitFor();
    await expect(table.getByRole('row', { name: /^Reading catch-up/ }).textContent()).resolves.toContain(DEMO_STAFF.assistant.name);
    await expect(table.locator('tfoot').textContent()).resolves.toMatch(/£\d+\.\d\d/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toBe(`provision-map-${addDays(today, -80)}.csv`);
    expect(csv).toContain('Reading catch-up');
    expect(csv).toContain('Talk boost');
    // The rate is the school's, kept on the server: a fresh tab costs with it; the estimated term ends on a weekday.
    await open('?view=provision');
    await expect(page.getByLabel('Teaching assistant £/hour').inputValue()).resolves.toBe('18');
    await page.getByText('Estimated term dates: correct them to your school’s.').waitFor();
    expect((await app.register.settings())?.hourlyRates).toEqual({ teaching_assistant: 18 });
  });

  it('edits a register pupil’s one-page profile from the Pupil view, downloads it as Word and saves it into their documents', async () => {
    const ben = (await app.register.list()).find((p) => p.forename === 'Ben')!;
    await open(`?view=pupil&pupil=${ben.id}`);
    await page.getByRole('heading', { name: 'One-page profile' }).waitFor();
    await page.getByLabel('What people like and admire about me').fill('Kind to younger pupils; brilliant at Lego');
    await page.getByLabel('How best to support me (one per line)').fill('Give me a visual timetable\nWarn me before changes');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Profile saved.').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download (Word)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^profile-BB-\d{4}-\d{2}-\d{2}\.docx$/);
    expect(
      fs
        .readFileSync((await download.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    // Kept in Ben's documents as his current profile, and the list there shows it at once.
    await page.getByRole('button', { name: 'Save to the pupil’s documents' }).click();
    await page.getByText('Saved to the pupil’s documents as the current one-page profile', { exact: false }).waitFor();
    await page
      .getByRole('table', { name: /^Documents, current first/ })
      .getByRole('row', { name: new RegExp(`One-page profile ${today}\\.docx.*Current`) })
      .waitFor();

    await page.reload();
    await expect(page.getByLabel('How best to support me (one per line)').inputValue()).resolves.toBe(
      'Give me a visual timetable\nWarn me before changes',
    );
  });

  it('dates every statutory step of a pupil’s EHC plan, puts each on the tracker for the SENCO, and records the review as held', async () => {
    const ava = (await app.register.list()).find((p) => p.forename === 'Ava')!;
    const issued = addDays(today, -270);
    const booked = addDays(today, 60);
    await open(`?view=pupil&pupil=${ava.id}`);
    await page.getByRole('heading', { name: 'EHC plan and statutory deadlines' }).waitFor();
    await page.getByText('No EHC plan dates recorded.', { exact: false }).waitFor();
    const form = page.getByRole('form', { name: 'EHC plan dates' });
    await form.getByLabel('Local authority').fill('Oakshire County Council');
    await fillDate(form.getByLabel('Final plan issued'), issued);
    await fillDate(form.getByLabel('Next annual review booked for'), booked);
    await form.getByRole('button', { name: 'Save plan dates' }).click();
    await page.getByText('Saved. 4 statutory steps added to the tracker.').waitFor();

    const steps = page.getByRole('table', { name: /^Statutory steps/ });
    const rows = async () =>
      // The step's words (its first text), then due date, who acts and where it stands.
      steps
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [tr.children[0]!.firstChild!.textContent, ...[...tr.children].slice(1, 4).map((c) => c.textContent)]),
        );
    expect(await rows()).toEqual([
      [
        'Send annual review invitations and circulate the advice gathered',
        formatDate(addDays(booked, -14)),
        'School (SENCO)',
        'Not started',
      ],
      ['Hold the annual review meeting', formatDate(booked), 'School (SENCO)', 'Not started'],
      [
        'Send the annual review report to the local authority and everyone invited',
        formatDate(addDays(booked, 14)),
        'School (SENCO)',
        'Not started',
      ],
      [
        'Decide after the annual review: keep, amend or cease the plan',
        formatDate(addDays(booked, 28)),
        'Local authority (SENCO chases)',
        'Not started',
      ],
    ]);
    const items = (await app.repo.query({ pupilId: ava.id })).filter((a) => a.statutory);
    expect(items.map((a) => a.owner.id)).toEqual(Array(4).fill(DEMO_STAFF.senco.id));

    const held = page.getByRole('form', { name: 'Record the annual review as held' });
    await fillDate(held.getByLabel('Review held on'), addDays(today, -1));
    await held.getByLabel('What the review agreed').fill('Outcomes kept; SALT time to rise');
    await held.getByRole('button', { name: 'Record the review as held' }).click();
    await page.getByText('Saved. 4 statutory steps added to the tracker.').waitFor();
    await page.getByRole('heading', { name: 'Still open from an earlier review' }).waitFor();
    const meeting = (await app.repo.query({ pupilId: ava.id, includeArchived: true })).find(
      (a) => a.statutory?.step === 'review-meeting' && a.status === 'done',
    );
    expect(meeting?.closingNote).toBe('Outcomes kept; SALT time to rise');
    await page
      .getByText(`next annual review due by ${formatDate(addDays(addMonths(addDays(today, -1), 12), -1))}`, { exact: false })
      .waitFor();

    // The weekly check-in lists the steps apart from ordinary actions: the invitations missed, the report at risk, the decision to come.
    await open('?view=check-in');
    await page.getByRole('heading', { name: /^Statutory deadlines to / }).waitFor();
    for (const heading of ['Missed (1)', 'At risk (1)', 'Coming up (1)'])
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();

    await open(`?view=pupil&pupil=${ava.id}`);
    await page.setViewportSize({ width: 375, height: 812 });
    try {
      await steps.waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('adds two versions of a pupil’s support plan, makes the second current keeping the first as superseded, and opens each', async () => {
    const cara = (await app.register.list()).find((p) => p.forename === 'Cara')!;
    await open(`?view=pupil&pupil=${cara.id}`);
    const form = page.getByRole('form', { name: 'Add a document' });
    await form.waitFor();
    const add = async (name: string, text: string, current: boolean) => {
      await form.getByLabel('File').setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`) });
      await form.getByLabel('Document type').selectOption({ label: 'Support plan' });
      const box = form.getByRole('checkbox', { name: /^Make it the current support plan/ });
      if ((await box.isChecked()) !== current) await box.click();
      await form.getByRole('button', { name: 'Add document' }).click();
      await form.getByText(`Added ${name}`, { exact: false }).waitFor();
    };
    await fillDate(form.getByLabel('Review by'), addDays(today, 60));
    await add('Support plan autumn.pdf', 'autumn', true);
    await form.getByText(`Its review is on the tracker for ${formatDate(addDays(today, 60))}.`, { exact: false }).waitFor();
    const reviews = (await app.repo.query({ pupilId: cara.id })).filter((a) => a.description.startsWith('Review the support plan'));
    expect(reviews.map((a) => [a.dueDate, a.owner.name])).toEqual([[addDays(today, 60), DEMO_STAFF.senco.name]]);
    await add('Support plan spring.pdf', 'spring', false);
    const table = page.getByRole('table', { name: /^Documents, current first/ });
    const rows = async () => (await table.locator('tbody tr').allTextContents()).map((t) => t.replace(/Make current$/, ''));
    await table.getByRole('row', { name: /Support plan spring\.pdf/ }).waitFor();
    expect(await rows()).toEqual([
      expect.stringMatching(/^Support plan autumn\.pdfSupport planCurrent/),
      expect.stringMatching(/^Support plan spring\.pdfSupport planNot current/),
    ]);

    await page.getByRole('button', { name: 'Make current: Support plan spring.pdf' }).click();
    await table.getByRole('row', { name: /Support plan autumn\.pdf.*Superseded/ }).waitFor();
    expect(await rows()).toEqual([
      expect.stringMatching(/^Support plan spring\.pdfSupport planCurrent/),
      expect.stringMatching(/^Support plan autumn\.pdfSupport planSuperseded/),
    ]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      table.getByRole('button', { name: 'Support plan autumn.pdf', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Support plan autumn.pdf');
    expect(fs.readFileSync((await download.path())!, 'utf8')).toContain('autumn');

    // An executable is refused beside the file box, and nothing is added.
    await form
      .getByLabel('File')
      .setInputFiles({ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\x90\x00') });
    await form.getByRole('button', { name: 'Add document' }).click();
    await form.getByText('is a program, not a document', { exact: false }).waitFor();
    const failures = (await axeViolations(page)).map((v) => `${v.id} (${v.impact}) ${v.help} at ${v.targets.slice(0, 3).join(', ')}`);
    expect(failures).toEqual([]);
    expect((await app.documents.list(cara.id)).map((d) => d.status)).toEqual(['current', 'superseded']);

    // The current plan becomes the evidence on one of Cara's items, picked from her documents.
    const [item] = await app.repo.createMany(
      [
        {
          pupil: { id: cara.id, name: 'C.C.', yearGroup: 4 },
          itemType: 'support_plan_update',
          description: 'Share the updated support plan with the class team',
          owner: DEMO_STAFF.senco,
          dueDate: addDays(today, 7),
          source: { eventType: 'sen_support_meeting', title: 'SEN support review' },
        },
      ],
      DEMO_STAFF.senco,
    );
    const documentLists: string[] = [];
    const countLists = (request: { url(): string }) => {
      if (new URL(request.url()).pathname === `/api/register/pupils/${cara.id}/documents`) documentLists.push(request.url());
    };
    page.on('request', countLists);
    await open(`?view=item&id=${item!.id}`);
    const dialog = () => page.getByRole('dialog');
    await dialog()
      .getByLabel('Or pick one of the pupil’s documents')
      .selectOption({ label: 'Support plan spring.pdf (Support plan, current)' });
    await dialog().getByRole('button', { name: 'Save link' }).click();
    await dialog().getByText('Evidence link saved.').waitFor();
    const evidence = (await app.repo.get(item!.id)).evidenceUrl!;
    // Saving rebuilds the edit form; the panel still asked for her documents once.
    page.off('request', countLists);
    expect(documentLists).toHaveLength(1);
    expect(evidence).toMatch(/\/api\/documents\/[^/]+\/files\/Support%20plan%20spring\.pdf$/);
    await dialog()
      .getByRole('link', { name: /^Support plan spring\.pdf on / })
      .waitFor();
    const linked = await page.request.get(evidence);
    expect(await linked.text()).toContain('spring');

    // A profile whose review date has passed is on the weekly check-in, and opens the pupil's page.
    await app.documents.upload(
      { pupilId: cara.id, name: 'One-page profile.pdf', type: 'one_page_profile', reviewDate: addDays(today, -3) },
      Buffer.from('%PDF-1.7'),
      DEMO_STAFF.senco,
    );
    await open('?view=check-in');
    const past = page.getByRole('region', { name: 'Documents past their review date table' });
    await past.getByRole('row', { name: /One-page profile\.pdf/ }).waitFor();
    expect(await past.locator('tbody tr').allTextContents()).toEqual([
      `C.C. (Year 4)One-page profile.pdfOne-page profile${formatDate(addDays(today, -3))}`,
    ]);
    await past.getByRole('button', { name: 'C.C. (Year 4)' }).click();
    await page.getByRole('heading', { name: 'Documents' }).waitFor();
  });

  it('keeps the documents in the SEND site’s library in tenant mode, opens each in SharePoint, and fits a phone in every theme', async () => {
    const site = await startProvisionedSite();
    const tenant = await startApp({ tabDir, documents: site.registerStores().documents });
    try {
      await tenant.register.upsertMany(generatePrimaryRegister(2), { fullRoll: true, by: DEMO_STAFF.senco });
      const [pupil] = await tenant.register.list();
      await open(`?view=pupil&pupil=${pupil!.id}`, tenant.url);
      const form = page.getByRole('form', { name: 'Add a document' });
      // SharePoint is slow to take the first file: once every byte has reached the app, the form says it is saving.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      site.standIn.beforeNext('upload content', () => held);
      void form
        .getByText('Sent: saving it in the pupil’s folder…')
        .waitFor()
        .then(() => release());
      for (const [name, current] of [
        ['Support plan autumn.pdf', true],
        ['Support plan spring.pdf', false],
      ] as const) {
        await form.getByLabel('File').setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.7\n${name}\n`) });
        await form.getByLabel('Document type').selectOption({ label: 'Support plan' });
        const box = form.getByRole('checkbox', { name: /^Make it the current support plan/ });
        if ((await box.isChecked()) !== current) await box.click();
        await form.getByRole('button', { name: 'Add document' }).click();
        await form.getByText(`Added ${name}`, { exact: false }).waitFor();
      }
      await page.getByRole('button', { name: 'Make current: Support plan spring.pdf' }).click();
      const table = page.getByRole('table', { name: /^Documents, current first/ });
      await table.getByRole('row', { name: /Support plan autumn\.pdf.*Superseded/ }).waitFor();
      // Each file is in the pupil's folder of the library, and opens there (the SEND team has the library's permission).
      const stored = await tenant.documents.list(pupil!.id);
      expect(stored.map((d) => [d.name, d.status])).toEqual([
        ['Support plan spring.pdf', 'current'],
        ['Support plan autumn.pdf', 'superseded'],
      ]);
      const link = table.getByRole('link', { name: 'Open in SharePoint: Support plan spring.pdf' });
      expect(await link.getAttribute('href')).toBe(stored[0]!.webUrl);
      expect(stored[0]!.webUrl).toMatch(new RegExp(`/SEND%20Pupil%20Records/${pupil!.id}/Support%20plan%20spring\\.pdf$`));

      const failures: string[] = [];
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
        for (const theme of ['light', 'dark', 'contrast']) {
          await open(`?view=pupil&pupil=${pupil!.id}&theme=${theme}`, tenant.url);
          // On a phone each document is a card, its buttons in view with nothing to scroll sideways for.
          const list = width === 375 ? page.getByRole('region', { name: /^Documents, current first/ }).getByRole('listitem') : table;
          await list.getByRole('link', { name: 'Open in SharePoint: Support plan autumn.pdf' }).waitFor();
          if (width === 375) {
            expect(await list.count()).toBe(2);
            await list.getByRole('button', { name: 'Make current: Support plan autumn.pdf' }).waitFor();
            expect(await page.getByRole('table', { name: /^Documents, current first/ }).count()).toBe(0);
          }
          expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
          await page.screenshot({ path: path.join(ARTIFACTS, `library-documents-${width}-${theme}.png`), fullPage: true });
          for (const v of await axeViolations(page))
            failures.push(`library documents ${width} ${theme}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.slice(0, 3).join(', ')}`);
        }
      }
      expect(failures).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
      await tenant.close();
      await site.standIn.close();
    }
  });

  it('shows a pupil’s chronology newest first, filters it by kind and downloads it as Word for the annual review', async () => {
    const ava = (await app.register.list()).find((p) => p.forename === 'Ava')!;
    await open(`?view=pupil&pupil=${ava.id}`);
    const list = page.getByRole('list', { name: 'Chronology, newest first' });
    await list.getByText('Annual review held', { exact: false }).first().waitFor();
    const titles = () => list.locator('li > p:first-child').allTextContents();
    expect(await titles()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/: Done: Hold the annual review meeting$/),
        expect.stringMatching(/: EHC plan issued$/),
      ]),
    );

    await page.getByRole('checkbox', { name: 'EHC plan and reviews' }).uncheck();
    await list.getByText('EHC plan issued', { exact: false }).waitFor({ state: 'detached' });
    expect((await titles()).some((t) => /EHC plan issued|Annual review held|Statutory step/.test(t))).toBe(false);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download for the annual review (Word)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^chronology-AA-\d{4}-\d{2}-\d{2}\.docx$/);
    expect(
      fs
        .readFileSync((await download.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('previews a recipient’s whole digest in a sandboxed frame (no scripts, nothing cut off) and lists the outbox', async () => {
    const run = await app.digest.run(new Date());
    expect(run.sent.length).toBeGreaterThan(0);
    await open('?view=digest');
    await page.getByLabel('Recipient').selectOption({ label: DEMO_STAFF.senco.name });
    const frame = page.locator('iframe');
    await frame.waitFor();
    // Same origin only so the tab can measure it: no allow-scripts, and the CSP inside forbids them too.
    expect(await frame.getAttribute('sandbox')).toBe('allow-same-origin');
    await page.frameLocator('iframe').getByText(DEMO_SCHOOL_NAME, { exact: false }).first().waitFor();
    // The frame grows to the email (taller than the 640 px it starts at), so nothing is cut off.
    const emailHeight = await page
      .frameLocator('iframe')
      .locator('html')
      .evaluate((html) => html.scrollHeight);
    expect(emailHeight).toBeGreaterThan(640);
    await page.waitForFunction((h) => document.querySelector('iframe')!.getBoundingClientRect().height >= h, emailHeight);
    await page.getByRole('table', { name: new RegExp(`^Emails written to the outbox folder \\(${run.sent.length}\\)`) }).waitFor();
  });

  it('shows what the reminders did and who they could not reach, runs them again, and fits a phone in every theme', async () => {
    // A Wednesday in term, so the run is a school day's whatever day the suite runs on.
    const wednesday = new Date('2026-12-02T07:30:00Z');
    const laptop = await startApp({ tabDir, now: () => wednesday });
    try {
      await open('?view=reminders', laptop.url);
      await page.getByText('No reminders have run in the last two weeks.', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Run reminders now' }).click();
      await page
        .getByRole('status')
        .getByText(/^Reminders run: No cards were sent\. \d+ reminders reached nobody/)
        .waitFor();

      // Nobody has opened the bot on a laptop: each owner with something due is listed, with the reason and what to do.
      const unreached = page.getByRole('table', { name: 'Owners the bot could not message directly at the last run' });
      await unreached.waitFor();
      const rows = unreached.locator('tbody tr');
      expect(await rows.count()).toBeGreaterThan(0);
      for (const text of await rows.allTextContents()) {
        expect(text).toContain('the app is not installed in their personal chat');
        expect(text).toContain('Ask them to open SEND Tracker in Teams once.');
      }
      // Installing needs Microsoft 365: no button offers it here.
      expect(await unreached.getByRole('button').count()).toBe(0);
      const firstOwner = await rows.first().locator('th').textContent();
      expect(Object.values(DEMO_STAFF).map((p) => p.name)).toContain(firstOwner);

      await page.getByRole('button', { name: 'Run reminders now' }).click();
      const recent = page.getByRole('table', { name: 'Reminder runs in the last two weeks, newest first' });
      await recent.locator('tbody tr').nth(1).waitFor();
      expect(await recent.locator('tbody tr th').allTextContents()).toEqual(['Wed 2 Dec 2026, 07:30', 'Wed 2 Dec 2026, 07:30']);

      const failures: string[] = [];
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
        for (const theme of ['light', 'dark', 'contrast']) {
          await open(`?view=reminders&theme=${theme}`, laptop.url);
          await recent.waitFor();
          expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
          await page.screenshot({ path: path.join(ARTIFACTS, `reminders-${width}-${theme}.png`), fullPage: true });
          for (const v of await axeViolations(page))
            failures.push(`reminders ${width} ${theme}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.slice(0, 3).join(', ')}`);
        }
      }
      expect(failures).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
      await laptop.close();
    }
  });

  const VIEWS: [name: string, query: () => Promise<string>, ready: (p: Page) => Promise<unknown>][] = [
    [
      'register',
      async () => '?view=register',
      async (p) => (await p.getByRole('heading', { name: /^Our numbers and national/ }).waitFor(), chartsDrawn(p)),
    ],
    [
      'interventions',
      async () => '?view=interventions',
      async (p) => (await p.getByRole('table', { name: /^Interventions by pupil/ }).waitFor(), chartsDrawn(p)),
    ],
    ['provision', async () => '?view=provision', (p) => p.getByRole('button', { name: 'Export CSV' }).waitFor()],
    [
      'ehc-plan',
      async () => `?view=pupil&pupil=${(await app.register.list()).find((p) => p.forename === 'Ava')!.id}`,
      (p) => p.getByRole('table', { name: /^Statutory steps/ }).waitFor(),
    ],
    [
      'documents',
      async () => `?view=pupil&pupil=${(await app.register.list()).find((p) => p.forename === 'Cara')!.id}`,
      (p) => p.getByRole('table', { name: /^Documents, current first/ }).waitFor(),
    ],
    ['check-in', async () => '?view=check-in', (p) => p.getByRole('heading', { name: /^Statutory deadlines to / }).waitFor()],
    [
      'passport',
      async () => `?view=pupil&pupil=${(await app.register.list())[1]!.id}`,
      (p) => p.getByRole('button', { name: 'Save profile' }).waitFor(),
    ],
    ['digest', async () => '?view=digest', (p) => p.locator('iframe').waitFor()],
    [
      'import-changes',
      async () => '?view=register',
      async (p) => {
        await choosePartialFile(p);
        await p.getByRole('button', { name: 'Check what will change' }).click();
        await p.getByRole('checkbox', { name: /^These 15 pupils have left/ }).waitFor();
      },
    ],
    ['snapshot', async () => '?view=register', (p) => p.getByRole('form', { name: 'Termly snapshot' }).waitFor()],
    ['start-intervention', async () => '?view=interventions', (p) => p.getByRole('form', { name: 'Start an intervention' }).waitFor()],
    [
      'record-measure',
      async () => '?view=interventions',
      async (p) => {
        await p.getByRole('button', { name: /^Record a measure for Spelling boost/ }).click();
        await p.getByRole('form', { name: /^Record a measure: / }).waitFor();
      },
    ],
    [
      'roles',
      async () => '?view=roles',
      async (p) => {
        await p.getByRole('table', { name: /^Changes to the roles/ }).waitFor();
        // The form with a server problem showing, so its error styling is checked too.
        const form = p.getByRole('form', { name: 'Set who holds a role' });
        await form.getByLabel('Role').fill('!!');
        await form.getByLabel('Held by').selectOption({ index: 1 });
        await form.getByRole('button', { name: 'Save role' }).click();
        await form.getByText('must be words (letters, numbers, spaces)').waitFor();
      },
    ],
  ];

  it.each(['light', 'dark', 'contrast'])(
    'has no axe violations in the SEND team views in the %s theme (screenshots kept)',
    async (theme) => {
      const failures: string[] = [];
      for (const [name, query, ready] of VIEWS) {
        await open(`${await query()}&theme=${theme}`);
        await ready(page);
        await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${theme}.png`), fullPage: true });
        for (const v of await axeViolations(page))
          failures.push(`${name}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.slice(0, 3).join(', ')}`);
      }
      expect(failures).toEqual([]);
    },
  );

  it('hides these views from a teacher outside the SEND team, whose calls to their routes get 403', async () => {
    const teacherApp = await startApp({ tabDir, user: { ...DEMO_STAFF.year4Teacher, sendTeam: false } });
    try {
      await open('?view=tracker', teacherApp.url);
      await page.locator('tbody tr').first().waitFor();
      await page.getByText(`Signed in as ${DEMO_STAFF.year4Teacher.name}`).waitFor();
      const tabs = await page.getByRole('tab').evaluateAll((els) => els.map((e) => e.querySelector('.fui-Tab__content')?.textContent));
      expect(tabs).toEqual(['Live tracker', 'Weekly check-in', 'My actions', 'Pupil', 'Archive']);

      const statuses = await page.evaluate(async () => {
        const routes = [
          '/api/register/dashboard',
          '/api/register/pupils',
          '/api/register/pupils/x/passport',
          '/api/interventions',
          '/api/provision-map?termStart=2026-09-01&termEnd=2026-12-19',
          '/api/provision-map.csv?termStart=2026-09-01&termEnd=2026-12-19',
          '/api/digest/preview?recipient=x',
          '/api/digest/outbox',
          '/api/roles',
          '/api/roles/history',
          '/api/reminders/runs',
          '/api/register/settings',
          '/api/register/pupils/x/ehc-plan',
          '/api/check-in/statutory',
          '/api/register/pupils/x/chronology',
          '/api/register/pupils/x/chronology.docx',
        ];
        const writes: [string, string, unknown][] = [
          ['POST', '/api/interventions', {}],
          ['POST', '/api/interventions/x/measures', { point: 'end', date: '2026-12-01', value: 1 }],
          ['POST', '/api/register/snapshots', { term: '2026-27 Autumn' }],
          ['PUT', '/api/roles', { role: 'attendance lead', person: { id: 'x', name: 'X', email: 'x@school.example' } }],
          ['POST', '/api/reminders/run', {}],
          ['POST', '/api/reminders/install', { personId: 'x' }],
          ['POST', '/api/register/import/changes', {}],
          ['POST', '/api/register/import', {}],
          ['PUT', '/api/register/settings', { numberOnRoll: 5, trainingNeeds: null }],
          ['PUT', '/api/register/pupils/x/ehc-plan', { version: 0, details: {} }],
          ['POST', '/api/register/pupils/x/ehc-plan/review-held', { version: 1, heldOn: '2026-12-01', note: 'x' }],
        ];
        const sent = writes.map(
          async ([method, r, body]) =>
            `${method} ${r} ${(await fetch(r, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).status}`,
        );
        return Promise.all([...routes.map(async (r) => `${r} ${(await fetch(r)).status}`), ...sent]);
      });
      expect(statuses.map((s) => s.split(' ').at(-1))).toEqual(Array(27).fill('403'));
      expect((await teacherApp.roles.list()).find((r) => r.role === 'attendance lead')?.person).toEqual(DEMO_STAFF.attendanceLead);

      await open('?view=register', teacherApp.url);
      await expect(page.getByRole('alert').first().textContent()).resolves.toContain(
        'You do not have access to this. The SEN register is for the SEND team.',
      );
      await open('?view=roles', teacherApp.url);
      await expect(page.getByRole('alert').first().textContent()).resolves.toContain(
        'You do not have access to this. Only the SEND team can see or change who holds each role.',
      );
      expect(await page.getByRole('form').count()).toBe(0);
    } finally {
      await teacherApp.close();
    }
  });
});
