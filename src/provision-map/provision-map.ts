import { z } from 'zod';
import { daysBetween } from '@/kernel/dates';
import { isoDateSchema } from '@/kernel/action';
import { STAFF_ROLES, type Intervention, type StaffRole } from '@/kernel/intervention';

/** The term being costed and the school's hourly rates (pounds per hour, by role). */
export const provisionTermSchema = z
  .strictObject({
    termStart: isoDateSchema,
    termEnd: isoDateSchema,
    /** Weeks the school is closed inside the term (half-term), which deliver no sessions. */
    closedWeeks: z.number().min(0).max(4).default(0),
    hourlyRates: z.partialRecord(z.enum(STAFF_ROLES), z.number().min(0).max(1000)).default({}),
  })
  .refine((t) => t.termEnd > t.termStart, { path: ['termEnd'], message: 'must be after the term start' });
export type ProvisionTermInput = z.input<typeof provisionTermSchema>;
export type ProvisionTerm = z.output<typeof provisionTermSchema>;

/** One delivered provision: a group (or one pupil) with one member of staff. */
export interface ProvisionRow {
  name: string;
  group: string | null;
  staffName: string;
  role: StaffRole;
  yearGroups: number[];
  pupils: number;
  sessionsPerWeek: number;
  sessionMinutes: number;
  weeksInTerm: number;
  staffHours: number;
  hourlyRate: number | null;
  cost: number | null;
}

export interface ProvisionMap {
  term: { start: string; end: string };
  rows: ProvisionRow[];
  /** Per year group; a mixed group's hours and cost are shared by its pupils. */
  byYear: { yearGroup: number; pupils: number; provisions: number; staffHours: number; cost: number | null }[];
  totals: { pupils: number; staffHours: number; cost: number | null };
  /** Roles used this term with no hourly rate set, so their cost is unknown. */
  missingRates: StaffRole[];
}

const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;

/** Weeks of the term the intervention runs in, less closed weeks pro rata. */
function weeksInTerm(i: Intervention, term: ProvisionTerm): number {
  const from = i.startDate > term.termStart ? i.startDate : term.termStart;
  const to = i.plannedEndDate < term.termEnd ? i.plannedEndDate : term.termEnd;
  const days = daysBetween(from, to) + 1;
  if (days <= 0) return 0;
  const termDays = daysBetween(term.termStart, term.termEnd) + 1;
  const open = Math.max(0, termDays / 7 - term.closedWeeks) / (termDays / 7);
  return round((days / 7) * open, 1);
}

/**
 * All additional and different provision running in a term, by group and year, with staff hours
 * (sessions x minutes x weeks, counted once per group) and cost (hours x the role's hourly rate).
 * `yearGroupOf` gives each pupil's year group from the register.
 */
export function provisionMap(
  interventions: readonly Intervention[],
  yearGroupOf: (pupilId: string) => number | null,
  termInput: ProvisionTermInput,
): ProvisionMap {
  const term = provisionTermSchema.parse(termInput);
  const groups = new Map<string, Intervention[]>();
  for (const i of interventions) {
    if (weeksInTerm(i, term) <= 0) continue;
    // Without a group label each pupil's sessions are their own.
    const key = i.group ? `${i.name}\u0000${i.group}\u0000${i.staff.id}` : `single\u0000${i.id}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  const missing = new Set<StaffRole>();
  const yearTotals = new Map<number, { pupils: Set<string>; provisions: number; staffHours: number; cost: number | null }>();
  const rows = [...groups.values()].map((members): ProvisionRow => {
    const first = members[0]!;
    const weeks = Math.max(...members.map((m) => weeksInTerm(m, term)));
    const staffHours = round((first.sessionsPerWeek * first.sessionMinutes * weeks) / 60);
    const rate = term.hourlyRates[first.staff.role] ?? null;
    if (rate === null) missing.add(first.staff.role);
    const cost = rate === null ? null : round(staffHours * rate);
    const years = members.map((m) => yearGroupOf(m.pupilId)).filter((y): y is number => y !== null);
    for (const m of members) {
      const y = yearGroupOf(m.pupilId);
      if (y === null) continue;
      const t = yearTotals.get(y) ?? { pupils: new Set<string>(), provisions: 0, staffHours: 0, cost: 0 };
      t.pupils.add(m.pupilId);
      t.provisions++;
      t.staffHours += staffHours / members.length;
      t.cost = t.cost === null || cost === null ? null : t.cost + cost / members.length;
      yearTotals.set(y, t);
    }
    return {
      name: first.name,
      group: first.group,
      staffName: first.staff.name,
      role: first.staff.role,
      yearGroups: [...new Set(years)].sort((a, b) => a - b),
      pupils: new Set(members.map((m) => m.pupilId)).size,
      sessionsPerWeek: first.sessionsPerWeek,
      sessionMinutes: first.sessionMinutes,
      weeksInTerm: weeks,
      staffHours,
      hourlyRate: rate,
      cost,
    };
  });
  rows.sort(
    (a, b) =>
      (a.yearGroups[0] ?? 99) - (b.yearGroups[0] ?? 99) || a.name.localeCompare(b.name) || (a.group ?? '').localeCompare(b.group ?? ''),
  );
  const costs = rows.map((r) => r.cost);
  return {
    term: { start: term.termStart, end: term.termEnd },
    rows,
    byYear: [...yearTotals]
      .sort(([a], [b]) => a - b)
      .map(([yearGroup, t]) => ({
        yearGroup,
        pupils: t.pupils.size,
        provisions: t.provisions,
        staffHours: round(t.staffHours),
        cost: t.cost === null ? null : round(t.cost),
      })),
    totals: {
      pupils: new Set(interventions.filter((i) => weeksInTerm(i, term) > 0).map((i) => i.pupilId)).size,
      staffHours: round(rows.reduce((s, r) => s + r.staffHours, 0)),
      cost: costs.includes(null) ? null : round(costs.reduce((s: number, c) => s + c!, 0)),
    },
    missingRates: [...missing],
  };
}
