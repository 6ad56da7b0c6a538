import { newInterventionSchema, type Intervention, type NewInterventionInput } from '@/kernel/intervention';
import { provisionMapCsv } from '@/provision-map/provision-csv';
import { provisionMap } from '@/provision-map/provision-map';
import { parseCsv } from '@/register/csv-parse';
import { buildIntervention, ta, teacherStaff } from '@tests/interventions/support';

let n = 0;
function running(overrides: Partial<NewInterventionInput>): Intervention {
  n++;
  return {
    ...newInterventionSchema.parse(buildIntervention(overrides)),
    id: `i${n}`,
    reviewDates: [],
    measures: [],
    version: 1,
    createdBy: { id: 'x', name: 'X' },
    createdAt: '',
    updatedAt: '',
  };
}

const years: Record<string, number> = { a: 3, b: 3, c: 4, d: 5 };
// Spring term 2026-01-05 (Mon) .. 2026-03-29 (Sun): 84 days = 12 weeks, one of them half-term.
const term = { termStart: '2026-01-05', termEnd: '2026-03-29', closedWeeks: 1, hourlyRates: { teaching_assistant: 18, teacher: 40 } };
const interventions = [
  // A group of three sharing one TA's sessions: 3 x 30 min a week over the whole term.
  running({ pupilId: 'a', name: 'Reading catch-up', group: 'Y3/4 group', staff: ta }),
  running({ pupilId: 'b', name: 'Reading catch-up', group: 'Y3/4 group', staff: ta }),
  running({ pupilId: 'c', name: 'Reading catch-up', group: 'Y3/4 group', staff: ta }),
  // One pupil, a teacher, 2 x 45 min, starting halfway (2026-02-16) -> 6 of 12 weeks.
  running({
    pupilId: 'd',
    name: '=HYPERLINK("x")',
    staff: teacherStaff,
    sessionsPerWeek: 2,
    sessionMinutes: 45,
    startDate: '2026-02-16',
    plannedEndDate: '2026-06-01',
    parentConsentDate: '2026-02-01',
  }),
  // Finished before the term: not on this term's map.
  running({ pupilId: 'a', name: 'Old', startDate: '2025-09-01', plannedEndDate: '2025-12-15', parentConsentDate: '2025-08-01' }),
];

describe('provision map', () => {
  const map = provisionMap(interventions, (id) => years[id] ?? null, term);

  it('counts a group’s staff time once and costs it at the role’s hourly rate', () => {
    // 12 weeks less 1 closed = 11 teaching weeks; 3 x 0.5 h x 11 = 16.5 h at £18 = £297.
    expect(map.rows[0]).toEqual({
      name: 'Reading catch-up',
      group: 'Y3/4 group',
      staffName: ta.name,
      role: 'teaching_assistant',
      yearGroups: [3, 4],
      pupils: 3,
      sessionsPerWeek: 3,
      sessionMinutes: 30,
      weeksInTerm: 11,
      staffHours: 16.5,
      hourlyRate: 18,
      cost: 297,
    });
    // 6 weeks x 11/12 open = 5.5 weeks; 2 x 0.75 h x 5.5 = 8.25 h at £40 = £330.
    expect(map.rows[1]).toMatchObject({ pupils: 1, yearGroups: [5], weeksInTerm: 5.5, staffHours: 8.25, cost: 330 });
    expect(map.rows).toHaveLength(2);
    expect(map.totals).toEqual({ pupils: 4, staffHours: 24.75, cost: 627 });
  });

  it('shares a mixed group’s hours and cost across the year groups of its pupils', () => {
    expect(map.byYear).toEqual([
      { yearGroup: 3, pupils: 2, provisions: 2, staffHours: 11, cost: 198 },
      { yearGroup: 4, pupils: 1, provisions: 1, staffHours: 5.5, cost: 99 },
      { yearGroup: 5, pupils: 1, provisions: 1, staffHours: 8.25, cost: 330 },
    ]);
  });

  it('leaves cost unknown, and says which roles need a rate, when a rate is missing', () => {
    const noRates = provisionMap(interventions, (id) => years[id] ?? null, { ...term, hourlyRates: { teaching_assistant: 18 } });
    expect(noRates.missingRates).toEqual(['teacher']);
    expect(noRates.totals.cost).toBeNull();
  });

  it('exports a CSV with totals in which a formula-looking name is neutralised', () => {
    const rows = parseCsv(provisionMapCsv(map));
    expect(rows[0]).toEqual([
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
    ]);
    expect(rows[1]).toEqual([
      'Reading catch-up',
      'Y3/4 group',
      ta.name,
      'teaching assistant',
      '3 4',
      '3',
      '3',
      '30',
      '11',
      '16.5',
      '18.00',
      '297.00',
    ]);
    expect(rows[2]![0]).toBe('\'=HYPERLINK("x")');
    expect(rows[3]).toEqual(['Total', '', '', '', '', '4', '', '', '', '24.75', '', '627.00']);
  });
});
