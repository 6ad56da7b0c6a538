import { importRegister, planRegisterImport, previewRegisterImport } from '@/register/import-register';
import { ConflictError, ValidationError } from '@/kernel/errors';
import { proposeMapping } from '@/register/mis-columns';
import { parseRegister, readMisTable } from '@/register/mis-import';
import { SqliteRegisterRepository } from '@/storage/sqlite/sqlite-register-repository';
import { arborXlsx, generatePrimaryRegister, IMPORTER, SIMS_HEADERS, simsCsv, simsRow } from './generate-register';
import { freshDatabase } from './support';

const school = generatePrimaryRegister();

async function rejection(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe('proposing a column mapping', () => {
  it('maps every SIMS-style header and leaves none unmapped', () => {
    const { proposedMapping, unmappedHeaders, missingRequired } = proposeMapping(SIMS_HEADERS);
    expect(proposedMapping).toMatchObject({
      upn: 'UPN',
      surname: 'Legal Surname',
      forename: 'Legal Forename',
      dateOfBirth: 'DOB',
      yearGroup: 'NC Year',
      senStatus: 'SEN Status',
      primaryNeed: 'Primary Need',
      fsm: 'FSM Eligible',
      attendancePercent: 'Attendance %',
    });
    expect(unmappedHeaders).toEqual([]);
    expect(missingRequired).toEqual([]);
  });

  it('maps Arbor-style headers and lists unknown columns for the user to place', () => {
    const { proposedMapping, unmappedHeaders } = proposeMapping([
      'UPN',
      'Surname',
      'Forename',
      'Date of Birth',
      'Year Group',
      'SEN Provision',
      'SEN Need Type 1',
      'First Language',
      'House',
    ]);
    expect(proposedMapping).toMatchObject({
      dateOfBirth: 'Date of Birth',
      yearGroup: 'Year Group',
      senStatus: 'SEN Provision',
      primaryNeed: 'SEN Need Type 1',
      eal: 'First Language',
      secondaryNeed: null,
    });
    expect(unmappedHeaders).toEqual(['House']);
  });

  it('prefers the legal surname when both legal and preferred columns exist', () => {
    expect(proposeMapping(['Surname', 'Legal Surname']).proposedMapping.surname).toBe('Legal Surname');
  });

  it('says which required fields have no column yet', () => {
    expect(proposeMapping(['UPN', 'Surname']).missingRequired).toEqual(['forename', 'dateOfBirth', 'yearGroup', 'senStatus']);
  });
});

describe('importing a generated 1,000-pupil primary register', () => {
  // Writing and reading a 1,000-row workbook takes 2–3 s alone, longer when the suite shares 2 cores.
  jest.setTimeout(30_000);
  it('imports a SIMS-style CSV exactly as generated', async () => {
    const repo = new SqliteRegisterRepository(freshDatabase());
    const file = { format: 'csv' as const, text: simsCsv(school) };
    const preview = await previewRegisterImport(file);
    expect(preview.rowCount).toBe(1000);
    const result = await importRegister(repo, { file, mapping: preview.proposedMapping, by: IMPORTER });
    expect(result).toMatchObject({ created: 1000, updated: 0, unchanged: 0, leftRoll: 0, warnings: [] });
    const stored = await repo.list();
    expect(stored).toHaveLength(1000);
    const byUpn = new Map(stored.map((p) => [p.upn, p]));
    for (const original of school) expect(byUpn.get(original.upn)).toMatchObject(original);
  });

  it('imports an Arbor-style Excel workbook (date and percentage cells, words for codes)', async () => {
    const repo = new SqliteRegisterRepository(freshDatabase());
    const file = { format: 'xlsx' as const, base64: (await arborXlsx(school)).toString('base64') };
    const preview = await previewRegisterImport(file);
    expect(preview.missingRequired).toEqual([]);
    await importRegister(repo, { file, mapping: preview.proposedMapping, by: IMPORTER });
    const byUpn = new Map((await repo.list()).map((p) => [p.upn, p]));
    expect(byUpn.size).toBe(1000);
    for (const original of school) expect(byUpn.get(original.upn)).toMatchObject(original);
  });

  it('updates on re-import instead of duplicating, keeps ids, and marks leavers off roll', async () => {
    const repo = new SqliteRegisterRepository(freshDatabase());
    const mapping = proposeMapping(SIMS_HEADERS).proposedMapping;
    await importRegister(repo, { file: { format: 'csv', text: simsCsv(school) }, mapping, by: IMPORTER });
    const before = new Map((await repo.list()).map((p) => [p.upn, p.id]));

    const changed = school
      .slice(0, 999)
      .map((p, i) =>
        i < 10 ? { ...p, senStatus: 'K' as const, needs: [{ code: 'SEMH' as const, rank: 1 }], senStartDate: '2026-01-10' } : p,
      );
    const file = { format: 'csv' as const, text: simsCsv(changed) };
    const plan = await planRegisterImport(repo, { file, mapping });
    const result = await importRegister(repo, { file, mapping, markLeft: plan.notInFile.count, by: IMPORTER });

    const changedCount = school
      .slice(0, 10)
      .filter((p) => p.senStatus !== 'K' || p.needs[0]?.code !== 'SEMH' || p.needs.length !== 1 || p.senStartDate !== '2026-01-10').length;
    expect(plan).toMatchObject({ created: 0, updated: changedCount, unchanged: 999 - changedCount, warnings: [] });
    expect(plan.notInFile).toEqual({
      count: 1,
      pupils: [{ name: `${school[999]!.forename} ${school[999]!.surname}`, year: expect.stringMatching(/^(Reception|Year \d)$/) }],
    });
    expect(result).toMatchObject({ created: 0, updated: changedCount, unchanged: 999 - changedCount, leftRoll: 1 });
    const onRoll = await repo.list();
    expect(onRoll).toHaveLength(999);
    expect((await repo.list({ includeOffRoll: true })).length).toBe(1000);
    for (const p of onRoll) expect(p.id).toBe(before.get(p.upn));
    expect(onRoll.find((p) => p.upn === school[0]!.upn)).toMatchObject({ senStatus: 'K', needs: [{ code: 'SEMH', rank: 1 }] });
  });
});

describe('a partial file', () => {
  const mapping = proposeMapping(SIMS_HEADERS).proposedMapping;
  const csv = (pupils: typeof school) => ({ format: 'csv' as const, text: simsCsv(pupils) });

  it('says who is not in it and marks nobody as left unless that count is confirmed', async () => {
    const repo = new SqliteRegisterRepository(freshDatabase());
    await importRegister(repo, { file: csv(school.slice(0, 30)), mapping, by: IMPORTER });
    const five = csv(school.slice(0, 5));
    const plan = await planRegisterImport(repo, { file: five, mapping });
    expect(plan).toMatchObject({ created: 0, updated: 0, unchanged: 5, notInFile: { count: 25 } });
    expect(plan.notInFile.pupils.map((p) => p.name)).toContain(`${school[29]!.forename} ${school[29]!.surname}`);
    expect(await repo.list()).toHaveLength(30); // checking stores nothing

    expect(await importRegister(repo, { file: five, mapping, by: IMPORTER })).toMatchObject({ unchanged: 5, leftRoll: 0 });
    expect(await repo.list()).toHaveLength(30);
  });

  it('refuses a confirmed count the register no longer matches, storing nothing', async () => {
    const repo = new SqliteRegisterRepository(freshDatabase());
    await importRegister(repo, { file: csv(school.slice(0, 30)), mapping, by: IMPORTER });
    const five = csv(school.slice(0, 5));
    const { notInFile } = await planRegisterImport(repo, { file: five, mapping });
    await importRegister(repo, { file: csv(school.slice(0, 32)), mapping, by: IMPORTER }); // someone else's import meanwhile
    const error = await importRegister(repo, { file: five, mapping, markLeft: notInFile.count, by: IMPORTER }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).message).toBe(
      'The register changed since you checked: 27 pupils on roll are not in this file, not 25. Nothing was imported; check the changes again.',
    );
    expect(await repo.list()).toHaveLength(32);
    expect(await importRegister(repo, { file: five, mapping, markLeft: 27, by: IMPORTER })).toMatchObject({ leftRoll: 27 });
    expect(await repo.list()).toHaveLength(5);
    expect(await repo.list({ includeOffRoll: true })).toHaveLength(32); // marked as left, never deleted
  });
});

describe('rejecting a malformed export', () => {
  const mapping = proposeMapping(SIMS_HEADERS).proposedMapping;
  const rows = school.slice(0, 30).map(simsRow);
  // Spreadsheet rows: headers are row 1, so rows[12] is row 14 and rows[20] is row 22.
  rows[12]![6] = 'X';
  rows[20]![3] = '31/02/2015';
  rows[25]![0] = 'A820200101001';
  rows[27]![4] = 'Year 15';
  rows[28]![8] = 'DYS';
  rows[29]![0] = rows[1]![0]!;
  const text = [SIMS_HEADERS, ...rows]
    .map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(','))
    .join('\r\n');

  it('rejects the whole file with a message naming each row and column, and stores nothing', async () => {
    const repo = new SqliteRegisterRepository(freshDatabase());
    const error = await rejection(importRegister(repo, { file: { format: 'csv', text }, mapping, by: IMPORTER }));
    expect(error.message).toMatch(/^The file was not imported \(nothing was changed\)/);
    expect(error.message).toContain("Row 14, column 'SEN Status': 'X' is not a census SEN code (N, K or E)");
    expect(error.message).toContain("Row 22, column 'DOB': '31/02/2015' is not a real date");
    expect(error.message).toContain("Row 27, column 'UPN': 'A820200101001' has the wrong check letter (expected U)");
    expect(error.message).toContain("Row 29, column 'NC Year': 'Year 15' is not a year group");
    expect(error.message).toContain("Row 30, column 'Primary Need': 'DYS' is not a census need code");
    expect(error.message).toContain(`Row 31, column 'UPN': '${school[1]!.upn}' also appears on row 3`);
    expect(error.problems).toHaveLength(6);
    expect(await repo.list({ includeOffRoll: true })).toEqual([]);
  });

  it('rejects pupils on SEN support or with a plan who have no primary need', async () => {
    const row = simsRow({ ...school[0]!, senStatus: 'E', needs: [] });
    const table = await readMisTable({ format: 'csv', text: `${SIMS_HEADERS.join(',')}\n${row.join(',')}` });
    expect(() => parseRegister(table, mapping)).toThrow(
      "Row 2, column 'Primary Need': a pupil with SEN status E needs a primary need (use NSA if not yet assessed)",
    );
  });

  it('refuses a mapping that points at a column the file does not have, or leaves a required field out', async () => {
    const table = await readMisTable({ format: 'csv', text: simsCsv(school.slice(0, 2)) });
    expect(() => parseRegister(table, { ...mapping, senStatus: 'SEN' })).toThrow("mapping.senStatus: the file has no column 'SEN'");
    expect(() => parseRegister(table, { ...mapping, upn: null })).toThrow('mapping.upn: choose the column');
  });

  it('rejects a file that is not a workbook, and a header row with a repeated column', async () => {
    await expect(readMisTable({ format: 'xlsx', data: Buffer.from('not a zip') })).rejects.toThrow(/not an Excel/);
    await expect(readMisTable({ format: 'csv', text: 'UPN,UPN\nA,B' })).rejects.toThrow("the column 'UPN' appears twice");
  });

  it('accepts a need given for a pupil with no SEN but drops it with a warning', async () => {
    const row = simsRow({ ...school.find((p) => p.senStatus === 'N')!, needs: [{ code: 'SEMH', rank: 1 }] });
    const table = await readMisTable({
      format: 'csv',
      text: `${SIMS_HEADERS.join(',')}\n${row.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')}`,
    });
    const { records, warnings } = parseRegister(table, mapping);
    expect(records[0]!.needs).toEqual([]);
    expect(warnings).toEqual(['Row 2: a need is recorded for a pupil with SEN status N; it was ignored']);
  });
});
