import ExcelJS from 'exceljs';
import type { NeedCode, SenStatus } from '@/kernel/need-codes';
import type { PupilRecordFields } from '@/kernel/pupil-record';
import { withCheckLetter } from '@/kernel/upn';
import { toCsv } from '@/platform/csv';

/** mulberry32: a small seeded PRNG so the generated school is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FORENAMES = [
  'Amara',
  'Ben',
  'Chloe',
  'Dev',
  'Ella',
  'Finn',
  'Grace',
  'Hassan',
  'Isla',
  'Jack',
  'Kai',
  'Lily',
  'Musa',
  'Nia',
  'Oscar',
  'Priya',
  'Ruby',
  'Sam',
  'Theo',
  'Zara',
];
const SURNAMES = [
  'Ahmed',
  'Brown',
  'Clarke',
  "O'Neill",
  'Evans',
  'Fraser',
  'Green',
  'Hughes',
  'Iqbal',
  'Jones',
  'Khan',
  'Lewis',
  'Morgan',
  'Nowak',
  'Patel',
  'Smith, Jr',
  'Taylor',
  'Walker',
  'Wilson',
  'Young',
];
/** Rough shape of primary needs in a primary school: SLCN and SEMH common, ASD common on EHC plans. */
const SUPPORT_NEEDS: [NeedCode, number][] = [
  ['SLCN', 0.32],
  ['SEMH', 0.2],
  ['MLD', 0.14],
  ['SPLD', 0.1],
  ['ASD', 0.1],
  ['NSA', 0.05],
  ['PD', 0.03],
  ['OTH', 0.03],
  ['HI', 0.02],
  ['VI', 0.01],
];
const EHC_NEEDS: [NeedCode, number][] = [
  ['ASD', 0.4],
  ['SLCN', 0.25],
  ['SEMH', 0.12],
  ['SLD', 0.08],
  ['PD', 0.06],
  ['PMLD', 0.04],
  ['DS', 0.03],
  ['MSI', 0.02],
];

function pick<T>(rnd: () => number, weighted: [T, number][]): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = rnd() * total;
  for (const [v, w] of weighted) if ((r -= w) <= 0) return v;
  return weighted[weighted.length - 1]![0];
}

/**
 * A realistic three-form-entry primary (Reception to Year 6, ~143 a year): SEN support
 * about 14%, EHC plans about 4% (near national), FSM about a quarter, attendance mostly 93-99%.
 */
/** Who the tests' imports are by (the SENCO). */
export const IMPORTER = { id: 'senco-1', name: 'Priya Shah' };

export function generatePrimaryRegister(count = 1000, seed = 20260423): PupilRecordFields[] {
  const rnd = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const yearGroup = i % 7;
    const birthYear = 2025 - 5 - yearGroup - (rnd() < 0.66 ? 0 : 1);
    const month = 1 + Math.floor(rnd() * 12);
    const dob = `${birthYear}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    const r = rnd();
    const senStatus: SenStatus = r < 0.042 ? 'E' : r < 0.042 + 0.141 ? 'K' : 'N';
    const needs = senStatus === 'N' ? [] : [{ code: pick(rnd, senStatus === 'E' ? EHC_NEEDS : SUPPORT_NEEDS), rank: 1 }];
    if (needs.length && rnd() < 0.3) {
      const second = pick(rnd, SUPPORT_NEEDS);
      if (second !== needs[0]!.code) needs.push({ code: second, rank: 2 });
    }
    const fsm = rnd() < (senStatus === 'N' ? 0.22 : 0.4);
    const attendance = rnd() < 0.12 ? 75 + rnd() * 15 : 90 + rnd() * 10;
    return {
      upn: withCheckLetter(`8202001${String(10000 + i).slice(-5)}`),
      forename: FORENAMES[Math.floor(rnd() * FORENAMES.length)]!,
      surname: SURNAMES[Math.floor(rnd() * SURNAMES.length)]!,
      dateOfBirth: dob,
      yearGroup,
      regGroup: `${yearGroup === 0 ? 'R' : yearGroup}${'ABC'[i % 3]}`,
      senStatus,
      senStartDate: senStatus === 'N' ? null : `2024-0${1 + (i % 9)}-15`,
      needs,
      fsm,
      pupilPremium: fsm || rnd() < 0.03,
      eal: rnd() < 0.2,
      attendancePercent: Math.round(attendance * 10) / 10,
    };
  });
}

const ukDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');
const need = (r: PupilRecordFields, rank: number) => r.needs.find((n) => n.rank === rank)?.code ?? '';

/** SIMS-style headers and values (codes, Y/N, dd/mm/yyyy, "R" for Reception). */
export const SIMS_HEADERS = [
  'UPN',
  'Legal Surname',
  'Legal Forename',
  'DOB',
  'NC Year',
  'Reg Group',
  'SEN Status',
  'SEN Start Date',
  'Primary Need',
  'Secondary Need',
  'FSM Eligible',
  'Pupil Premium',
  'EAL',
  'Attendance %',
];

export function simsRow(r: PupilRecordFields): string[] {
  return [
    r.upn,
    r.surname,
    r.forename,
    ukDate(r.dateOfBirth),
    r.yearGroup === 0 ? 'R' : String(r.yearGroup),
    r.regGroup ?? '',
    r.senStatus,
    ukDate(r.senStartDate),
    need(r, 1),
    need(r, 2),
    r.fsm ? 'Y' : 'N',
    r.pupilPremium ? 'Y' : 'N',
    r.eal ? 'Y' : 'N',
    r.attendancePercent === null ? '' : String(r.attendancePercent),
  ];
}

/** The register as a SIMS-style CSV export (with BOM and CRLF, as Excel saves it). */
export function simsCsv(records: readonly PupilRecordFields[]): string {
  return toCsv([SIMS_HEADERS, ...records.map(simsRow)]);
}

/** Arbor-style headers ("Year 4", "Reception", "First Language", date cells, percentage cells). */
export async function arborXlsx(records: readonly PupilRecordFields[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Students');
  sheet.addRow([
    'UPN',
    'Surname',
    'Forename',
    'Date of Birth',
    'Year Group',
    'Reg Group',
    'SEN Provision',
    'SEN Start Date',
    'SEN Need Type 1',
    'SEN Need Type 2',
    'FSM',
    'Pupil Premium',
    'First Language',
    'Attendance %',
  ]);
  for (const r of records) {
    const row = sheet.addRow([
      r.upn,
      r.surname,
      r.forename,
      new Date(`${r.dateOfBirth}T00:00:00Z`),
      r.yearGroup === 0 ? 'Reception' : `Year ${r.yearGroup}`,
      r.regGroup,
      r.senStatus === 'N' ? 'No SEN' : r.senStatus === 'K' ? 'SEN Support' : 'EHC Plan',
      r.senStartDate ? new Date(`${r.senStartDate}T00:00:00Z`) : null,
      need(r, 1),
      need(r, 2),
      r.fsm ? 'Yes' : 'No',
      r.pupilPremium ? 'Yes' : 'No',
      r.eal ? 'Polish' : 'English',
      r.attendancePercent === null ? null : r.attendancePercent / 100,
    ]);
    row.getCell(14).numFmt = '0.0%';
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
