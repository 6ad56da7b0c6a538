import { isIsoDate } from '@/kernel/dates';
import { NEED_CODES, NEED_LABELS, SEN_STATUSES, type NeedCode, type SenStatus } from '@/kernel/need-codes';

/** Either the parsed value or a sentence saying why the cell is wrong (quoted back to the user). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

/** `dd/mm/yyyy` (as UK MIS exports write dates) or ISO `yyyy-mm-dd` (Excel date cells). */
export function parseUkDate(cell: string): Parsed<string> {
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(cell);
  const iso = uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : cell;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return bad(`'${cell}' is not a date (dd/mm/yyyy)`);
  return isIsoDate(iso) ? ok(iso) : bad(`'${cell}' is not a real date`);
}

/** "R", "Reception", "Year 4", "Y4", "4", "N1"/"N2"/"Nursery" -> -1 nursery, 0 Reception, 1..14. */
export function parseYearGroup(cell: string): Parsed<number> {
  const v = cell.trim().toLowerCase();
  if (v === 'r' || v === 'reception' || v === 'rec' || v === 'yr') return ok(0);
  if (v === 'n1' || v === 'n2' || v === 'nursery') return ok(-1);
  const m = /^(?:year|yr|y|nc)?\s*(\d{1,2})$/.exec(v);
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= 14 ? ok(n) : bad(`'${cell}' is not a year group (R, Reception, 1-14 or Year 1-14)`);
}

const STATUS_WORDS: Record<string, SenStatus> = {
  'no sen': 'N',
  'no special educational need': 'N',
  none: 'N',
  'sen support': 'K',
  'ehc plan': 'E',
  ehcp: 'E',
  'education, health and care plan': 'E',
  'education health and care plan': 'E',
};

/** Census SEN provision code. A blank cell means no SEN (SIMS leaves it empty). */
export function parseSenStatus(cell: string): Parsed<SenStatus> {
  const v = cell.trim();
  if (v === '') return ok('N');
  const code = v.toUpperCase();
  if ((SEN_STATUSES as readonly string[]).includes(code)) return ok(code as SenStatus);
  const word = STATUS_WORDS[v.toLowerCase()];
  return word ? ok(word) : bad(`'${cell}' is not a census SEN code (N, K or E)`);
}

const NEED_BY_LABEL = new Map<string, NeedCode>(
  NEED_CODES.map((c) => [NEED_LABELS[c].toLowerCase().replace(/\s*\(.*\)$/, ''), c] as const),
);

/** A census need code (or its full label). Blank -> null. */
export function parseNeed(cell: string): Parsed<NeedCode | null> {
  const v = cell.trim();
  if (v === '') return ok(null);
  const code = v.toUpperCase();
  if ((NEED_CODES as readonly string[]).includes(code)) return ok(code as NeedCode);
  const byLabel = NEED_BY_LABEL.get(v.toLowerCase()) ?? (v.toLowerCase() === 'down syndrome' ? 'DS' : undefined);
  return byLabel ? ok(byLabel) : bad(`'${cell}' is not a census need code (${NEED_CODES.join(', ')})`);
}

/** Y/N, Yes/No, True/False, 1/0; blank = no. */
export function parseYesNo(cell: string): Parsed<boolean> {
  const v = cell.trim().toLowerCase();
  if (['y', 'yes', 'true', '1', 't'].includes(v)) return ok(true);
  if (['n', 'no', 'false', '0', 'f', ''].includes(v)) return ok(false);
  return bad(`'${cell}' is not yes or no (Y/N)`);
}

const ENGLISH = new Set(['eng', 'enb', 'english', 'english (believed to be)']);
const NOT_KNOWN = new Set(['', 'not', 'ref', 'not obtained', 'refused', 'information not obtained', 'unknown']);

/**
 * EAL from either a yes/no flag column or a first-language column (SIMS codes ENG/ENB = English).
 * Not obtained or refused -> null (unknown), not "no".
 */
export function parseEal(cell: string): Parsed<boolean | null> {
  const v = cell.trim().toLowerCase();
  if (NOT_KNOWN.has(v)) return ok(null);
  const flag = parseYesNo(v);
  if (flag.ok) return flag;
  return ok(!ENGLISH.has(v));
}

/** "95.4" or "95.4%" (Excel percentage cells are scaled to this by the table reader). Blank -> null. */
export function parseAttendance(cell: string): Parsed<number | null> {
  const v = cell.trim().replace(/%$/, '').trim();
  if (v === '') return ok(null);
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 100) return bad(`'${cell}' is not a percentage between 0 and 100`);
  return ok(Math.round(n * 10) / 10);
}
