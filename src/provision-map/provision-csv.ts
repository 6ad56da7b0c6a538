import { toCsv } from '@/platform/csv';
import type { ProvisionMap } from './provision-map';

const yearLabel = (y: number) => (y === 0 ? 'R' : y < 0 ? 'N' : String(y));

/** The provision map as a CSV staff can open in Excel (cells that look like formulas are neutralised). */
export function provisionMapCsv(map: ProvisionMap): string {
  const money = (n: number | null) => (n === null ? '' : n.toFixed(2));
  return toCsv([
    [
      'Provision',
      'Group',
      'Staff',
      'Role',
      'Year groups',
      'Pupils',
      'Sessions per week',
      'Minutes per session',
      'Weeks in term',
      'Staff hours',
      'Hourly rate (£)',
      'Cost (£)',
    ],
    ...map.rows.map((r) => [
      r.name,
      r.group ?? '',
      r.staffName,
      r.role.replace('_', ' '),
      r.yearGroups.map(yearLabel).join(' '),
      r.pupils,
      r.sessionsPerWeek,
      r.sessionMinutes,
      r.weeksInTerm,
      r.staffHours,
      money(r.hourlyRate),
      money(r.cost),
    ]),
    ['Total', '', '', '', '', map.totals.pupils, '', '', '', map.totals.staffHours, '', money(map.totals.cost)],
  ]);
}
