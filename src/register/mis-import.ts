import { parseInput } from '@/kernel/validate';
import { ValidationError, type FieldProblem } from '@/kernel/errors';
import {
  columnMappingSchema,
  proposeMapping,
  REQUIRED_FIELDS,
  type ColumnMapping,
  type MappingProposal,
  type RegisterField,
} from './mis-columns';
import type { MisTable } from './mis-table';
import { parseAttendance, parseEal, parseNeed, parseSenStatus, parseUkDate, parseYearGroup, parseYesNo, type Parsed } from './mis-values';
import type { PupilRecordFields, RankedNeed } from '@/kernel/pupil-record';
import { upnProblem } from '@/kernel/upn';
import type { MisPlanDates } from '@/ehc-plans/import-ehc-dates';

export { proposeMapping, type ColumnMapping, type MappingProposal } from './mis-columns';
export { readMisTable, type MisFile, type MisTable } from './mis-table';

/** Shown with the rejection so a long list stays readable; the count says how many there were. */
const MAX_LISTED = 50;

/** What the user sees before confirming: the proposed mapping and the first rows as read. */
export interface ImportPreview extends MappingProposal {
  headers: string[];
  rowCount: number;
}

export function previewImport(table: MisTable): ImportPreview {
  return { ...proposeMapping(table.headers), headers: table.headers, rowCount: table.rows.filter((r) => r.some((c) => c !== '')).length };
}

/** A row's EHC plan dates, when the file has them (pupils with SEN status E and an issue date only). */
export type EhcDatesFromMis = MisPlanDates;

export interface ParsedRegister {
  records: PupilRecordFields[];
  ehcDates: EhcDatesFromMis[];
  /** Things accepted but worth a look (e.g. a need recorded for a pupil with no SEN was ignored). */
  warnings: string[];
}

/**
 * Turns a table into register records using the mapping the user confirmed. All or nothing: any
 * bad cell rejects the whole file, naming each row and column ("Row 14, column 'SEN Status': 'X'
 * is not a census SEN code (N, K or E)"). Row numbers are the spreadsheet's, title rows included.
 * @throws ValidationError
 */
export function parseRegister(table: MisTable, confirmedMapping: unknown): ParsedRegister {
  const mapping = parseInput(columnMappingSchema, confirmedMapping, 'mapping');
  checkMapping(table, mapping);
  const problems: FieldProblem[] = [];
  const warnings: string[] = [];
  const records: PupilRecordFields[] = [];
  const ehcDates: EhcDatesFromMis[] = [];
  const rowOfUpn = new Map<string, number>();

  table.rows.forEach((cells, index) => {
    if (cells.every((c) => c === '')) return;
    const rowNumber = table.headerRow + 1 + index;
    const cell = (field: RegisterField) => {
      const header = mapping[field];
      return header === null ? '' : (cells[table.headers.indexOf(header)] ?? '');
    };
    const take = <T>(field: RegisterField, parsed: Parsed<T>): T | undefined => {
      if (parsed.ok) return parsed.value;
      problems.push({ path: `Row ${rowNumber}, column '${mapping[field]}'`, message: parsed.problem });
      return undefined;
    };
    const required = (field: RegisterField): string | undefined => {
      const v = cell(field);
      if (v === '') problems.push({ path: `Row ${rowNumber}, column '${mapping[field]}'`, message: 'is empty' });
      return v === '' ? undefined : v;
    };

    const upnCell = required('upn')?.toUpperCase();
    const upn = upnCell === undefined ? undefined : take('upn', parseUpn(upnCell));
    if (upn) {
      const first = rowOfUpn.get(upn);
      if (first !== undefined)
        problems.push({ path: `Row ${rowNumber}, column '${mapping.upn}'`, message: `'${upn}' also appears on row ${first}` });
      else rowOfUpn.set(upn, rowNumber);
    }
    const forename = required('forename');
    const surname = required('surname');
    const dobCell = required('dateOfBirth');
    const dateOfBirth = dobCell === undefined ? undefined : take('dateOfBirth', parseUkDate(dobCell));
    const yearCell = required('yearGroup');
    const yearGroup = yearCell === undefined ? undefined : take('yearGroup', parseYearGroup(yearCell));
    const senStatus = take('senStatus', parseSenStatus(cell('senStatus')));
    const startCell = cell('senStartDate');
    const senStartDate = startCell === '' ? null : take('senStartDate', parseUkDate(startCell));
    const primary = take('primaryNeed', parseNeed(cell('primaryNeed')));
    const secondary = take('secondaryNeed', parseNeed(cell('secondaryNeed')));
    // A column the file does not have is not known (null), never "no": it must not read as 0%.
    const optional = <T>(field: RegisterField, parse: (cell: string) => Parsed<T>): T | null | undefined =>
      mapping[field] === null ? null : take(field, parse(cell(field)));
    const fsm = optional('fsm', parseYesNo);
    const pupilPremium = optional('pupilPremium', parseYesNo);
    const eal = optional('eal', parseEal);
    const attendancePercent = take('attendancePercent', parseAttendance(cell('attendancePercent')));
    const date = (field: 'ehcIssueDate' | 'ehcLastReviewDate' | 'ehcNextReviewDate') =>
      cell(field) === '' ? null : take(field, parseUkDate(cell(field)));
    const issueDate = date('ehcIssueDate');
    const lastReviewDate = date('ehcLastReviewDate');
    const nextReviewDate = date('ehcNextReviewDate');

    let needs: RankedNeed[] = [];
    if (primary) needs.push({ code: primary, rank: 1 });
    if (secondary) {
      if (!primary)
        problems.push({
          path: `Row ${rowNumber}, column '${mapping.secondaryNeed}'`,
          message: 'a secondary need is given without a primary need',
        });
      else if (secondary !== primary) needs.push({ code: secondary, rank: 2 });
    }
    if ((senStatus === 'K' || senStatus === 'E') && primary === null) {
      const column = mapping.primaryNeed ?? 'Primary Need';
      problems.push({
        path: `Row ${rowNumber}, column '${column}'`,
        message: `a pupil with SEN status ${senStatus} needs a primary need (use NSA if not yet assessed)`,
      });
    }
    if (senStatus === 'N' && needs.length > 0) {
      warnings.push(`Row ${rowNumber}: a need is recorded for a pupil with SEN status N; it was ignored`);
      needs = [];
    }

    if (
      upn === undefined ||
      forename === undefined ||
      surname === undefined ||
      dateOfBirth === undefined ||
      yearGroup === undefined ||
      senStatus === undefined ||
      senStartDate === undefined ||
      fsm === undefined ||
      pupilPremium === undefined ||
      eal === undefined ||
      attendancePercent === undefined
    )
      return;
    if (senStatus === 'E' && issueDate) {
      const localAuthority = cell('ehcLocalAuthority') || null;
      ehcDates.push({
        upn,
        rowNumber,
        localAuthority,
        issueDate,
        lastReviewDate: lastReviewDate ?? null,
        nextReviewDate: nextReviewDate ?? null,
      });
    }
    records.push({
      upn,
      forename,
      surname,
      dateOfBirth,
      yearGroup,
      regGroup: cell('regGroup') || null,
      senStatus,
      senStartDate: senStatus === 'N' ? null : senStartDate,
      needs,
      fsm,
      pupilPremium,
      eal,
      attendancePercent,
    });
  });

  if (records.length === 0 && problems.length === 0) problems.push({ path: 'file', message: 'there are no pupil rows under the headers' });
  if (problems.length > 0) throw rejection(problems);
  return { records, ehcDates, warnings };
}

function parseUpn(cell: string): Parsed<string> {
  const problem = upnProblem(cell);
  return problem ? { ok: false, problem } : { ok: true, value: cell };
}

function checkMapping(table: MisTable, mapping: ColumnMapping): void {
  const problems: FieldProblem[] = [];
  for (const field of REQUIRED_FIELDS) {
    if (mapping[field] === null) problems.push({ path: `mapping.${field}`, message: 'choose the column that holds this (it is required)' });
  }
  for (const [field, header] of Object.entries(mapping)) {
    if (header !== null && !table.headers.includes(header))
      problems.push({ path: `mapping.${field}`, message: `the file has no column '${header}'` });
  }
  if (problems.length > 0) throw new ValidationError(problems);
}

/** One ValidationError for the whole file: the first problems listed, then how many more. */
function rejection(problems: FieldProblem[]): ValidationError {
  const listed = problems.slice(0, MAX_LISTED);
  if (problems.length > MAX_LISTED) listed.push({ path: '', message: `and ${problems.length - MAX_LISTED} more problems` });
  const error = new ValidationError(listed);
  error.message = `The file was not imported (nothing was changed): ${error.message}`;
  return error;
}
