import { answerKeyQuestions, type KeyAnswer } from './key-questions';
import { latestAbsence, NATIONAL_FIGURES, nationalYear, type NationalFigures, type Phase } from './national-figures';
import { NEED_CODES, NEED_LABELS, type NeedCode, type SenStatus } from '@/kernel/need-codes';
import { percent, pointsDifference } from './percent';
import { initials, primaryNeed, type PupilRecord } from '@/kernel/pupil-record';
import { termSortKey, type RegisterSnapshot } from '@/kernel/register-snapshot';

export interface AnalyticsInput {
  /** Pupils on roll. */
  pupils: readonly PupilRecord[];
  /** Register pupil ids that have an open tracker item. */
  openActionPupilIds: Iterable<string>;
  /** Register pupil ids with an intervention running now. */
  activeInterventionPupilIds: Iterable<string>;
  /** Need areas staff have been trained in; null when not recorded. */
  staffTrainingNeeds?: readonly NeedCode[] | null;
  snapshots?: readonly RegisterSnapshot[];
  /**
   * The number on roll the SEND team gave (null: not given, so the register's own count is the roll).
   * A file of SEN pupils only is then a share of the whole school, not "100% SEN".
   */
  numberOnRoll?: number | null;
  /** Defaults to the phase most pupils are in (Years 7+ = secondary). */
  phase?: Phase;
  figures?: NationalFigures;
  /** How many percentage points from national still count as "in line". */
  inLinePoints?: number;
}

export interface Comparison {
  measure: 'anySen' | 'ehcPlan' | 'senSupport';
  label: string;
  count: number;
  schoolPercent: number | null;
  nationalPercent: number | null;
  /** Which national figure: the school's phase when DfE gives one, else all schools. */
  nationalScope: Phase | 'all schools';
  differencePoints: number | null;
}

export interface NeedRow {
  code: NeedCode;
  label: string;
  ehcPlan: number;
  ehcPlanPercent: number | null;
  nationalEhcPlanPercent: number | null;
  senSupport: number;
  senSupportPercent: number | null;
  nationalSenSupportPercent: number | null;
}

export interface StatusSplit {
  ehcPlan: { count: number; percent: number | null; nationalPercent: number | null };
  senSupport: { count: number; percent: number | null; nationalPercent: number | null };
  noSen: { count: number; percent: number | null; nationalPercent: number | null };
}

export interface LowAttendancePupil {
  id: string;
  initials: string;
  yearGroup: number;
  senStatus: SenStatus;
  attendancePercent: number;
  hasOpenAction: boolean;
}

export interface RegisterAnalytics {
  phase: Phase;
  national: { year: string; source: string };
  pupils: number;
  /**
   * What the school percentages are of: the number on roll as given, or the pupils on the register
   * when none was given or it is fewer than the register holds (`given` says what was given).
   */
  roll: { count: number; source: 'given' | 'register'; given: number | null };
  comparisons: Comparison[];
  needs: NeedRow[];
  /** null: no pupil has this recorded (the file had no such column), shown as "not in the file". */
  overlap: { fsm: StatusSplit | null; pupilPremium: StatusSplit | null; eal: StatusSplit | null };
  attendance: {
    recorded: number;
    /**
     * Below 90% = missing 10%+ of sessions, DfE's "persistent absence"; national figures are autumn
     * term. null when no pupil has attendance recorded.
     */
    belowNinety: StatusSplit | null;
    nationalYear: string | null;
    lowAttendance: LowAttendancePupil[];
    /** Below 90% with neither an SEN plan (status N) nor an open tracker item. */
    flagged: LowAttendancePupil[];
  };
  change: { from: string; to: string; anySen: number; ehcPlan: number; senSupport: number; anySenPercentPoints: number | null } | null;
  /** Every termly snapshot in school order, as shares of the pupils on the register then (for the trend chart). */
  trend: TrendPoint[];
  keyQuestions: KeyAnswer[];
}

export interface TrendPoint {
  term: string;
  pupils: number;
  ehcPlanPercent: number | null;
  senSupportPercent: number | null;
}

const byStatus = (pupils: readonly PupilRecord[], s: SenStatus) => pupils.filter((p) => p.senStatus === s);

/** Everything on the register dashboard, computed from the register alone (pure). */
export function registerAnalytics(input: AnalyticsInput): RegisterAnalytics {
  const figures = input.figures ?? NATIONAL_FIGURES;
  const year = nationalYear(figures);
  const pupils = input.pupils.filter((p) => p.onRoll);
  const phase = input.phase ?? inferPhase(pupils);
  const ehc = byStatus(pupils, 'E');
  const support = byStatus(pupils, 'K');
  const phaseFigures = year.byPhase[phase];
  const given = input.numberOnRoll ?? null;
  const roll: RegisterAnalytics['roll'] =
    given !== null && given >= pupils.length
      ? { count: given, source: 'given', given }
      : { count: pupils.length, source: 'register', given };

  const compare = (
    measure: Comparison['measure'],
    label: string,
    count: number,
    key: 'anySenPercent' | 'ehcPlanPercent' | 'senSupportPercent',
  ): Comparison => {
    const nationalPhase = phaseFigures[key];
    const national = nationalPhase ?? year.allSchools[key];
    const schoolPercent = percent(count, roll.count);
    return {
      measure,
      label,
      count,
      schoolPercent,
      nationalPercent: national,
      nationalScope: nationalPhase === null ? 'all schools' : phase,
      differencePoints: pointsDifference(schoolPercent, national),
    };
  };
  const comparisons = [
    compare('anySen', 'Any SEN', ehc.length + support.length, 'anySenPercent'),
    compare('senSupport', 'SEN support', support.length, 'senSupportPercent'),
    compare('ehcPlan', 'EHC plan', ehc.length, 'ehcPlanPercent'),
  ];

  const needs = NEED_CODES.map((code): NeedRow => {
    const e = ehc.filter((p) => primaryNeed(p) === code).length;
    const k = support.filter((p) => primaryNeed(p) === code).length;
    return {
      code,
      label: NEED_LABELS[code],
      ehcPlan: e,
      ehcPlanPercent: percent(e, ehc.length),
      nationalEhcPlanPercent: year.primaryNeedPercent.ehcPlan[code] ?? null,
      senSupport: k,
      senSupportPercent: percent(k, support.length),
      nationalSenSupportPercent: year.primaryNeedPercent.senSupport[code] ?? null,
    };
  });

  const openActions = new Set(input.openActionPupilIds);
  const absence = latestAbsence(figures);
  const lowAttendance = pupils
    .filter((p) => p.attendancePercent !== null && p.attendancePercent < 90)
    .sort((a, b) => a.attendancePercent! - b.attendancePercent!)
    .map((p): LowAttendancePupil => ({
      id: p.id,
      initials: initials(p),
      yearGroup: p.yearGroup,
      senStatus: p.senStatus,
      attendancePercent: p.attendancePercent!,
      hasOpenAction: openActions.has(p.id),
    }));
  const recorded = pupils.filter((p) => p.attendancePercent !== null);
  const attendance: RegisterAnalytics['attendance'] = {
    recorded: recorded.length,
    belowNinety: splitOf(
      pupils,
      (p) => (p.attendancePercent === null ? null : p.attendancePercent < 90),
      absence?.persistentAbsencePercent ?? null,
    ),
    nationalYear: absence?.year ?? null,
    lowAttendance,
    flagged: lowAttendance.filter((p) => p.senStatus === 'N' && !p.hasOpenAction),
  };

  const analytics: Omit<RegisterAnalytics, 'keyQuestions'> = {
    phase,
    national: { year: year.year, source: figures.source },
    pupils: pupils.length,
    roll,
    comparisons,
    needs,
    overlap: {
      fsm: splitOf(pupils, (p) => p.fsm, year.fsmEligiblePercent),
      pupilPremium: splitOf(pupils, (p) => p.pupilPremium, null),
      eal: splitOf(pupils, (p) => p.eal, null),
    },
    attendance,
    change: snapshotChange(input.snapshots ?? []),
    trend: [...(input.snapshots ?? [])]
      .sort((a, b) => termSortKey(a.term).localeCompare(termSortKey(b.term)))
      .map((snap) => ({
        term: snap.term,
        pupils: snap.total,
        ehcPlanPercent: percent(snap.ehcPlan, snap.total),
        senSupportPercent: percent(snap.senSupport, snap.total),
      })),
  };
  return {
    ...analytics,
    keyQuestions: answerKeyQuestions(analytics, {
      pupils,
      activeInterventionPupilIds: new Set(input.activeInterventionPupilIds),
      staffTrainingNeeds: input.staffTrainingNeeds ?? null,
      inLinePoints: input.inLinePoints ?? 2,
    }),
  };
}

/**
 * Counts and percentages of each SEN status group that `has` something (null: not known for that
 * pupil, left out of the percentage), beside national where known; null when nobody's is known.
 */
function splitOf(
  pupils: readonly PupilRecord[],
  has: (p: PupilRecord) => boolean | null,
  national: { ehcPlan: number | null; senSupport: number | null; noSen: number | null } | null,
): StatusSplit | null {
  const known = pupils.filter((p) => has(p) !== null);
  if (known.length === 0) return null;
  const part = (s: SenStatus, nationalPercent: number | null) => {
    const group = byStatus(known, s);
    const count = group.filter((p) => has(p) === true).length;
    return { count, percent: percent(count, group.length), nationalPercent };
  };
  return {
    ehcPlan: part('E', national?.ehcPlan ?? null),
    senSupport: part('K', national?.senSupport ?? null),
    noSen: part('N', national?.noSen ?? null),
  };
}

/** Primary unless most pupils are in Year 7 or above. */
export function inferPhase(pupils: readonly Pick<PupilRecord, 'yearGroup'>[]): Phase {
  const secondary = pupils.filter((p) => p.yearGroup >= 7).length;
  return secondary > pupils.length / 2 ? 'secondary' : 'primary';
}

function snapshotChange(snapshots: readonly RegisterSnapshot[]): RegisterAnalytics['change'] {
  if (snapshots.length < 2) return null;
  const from = snapshots[snapshots.length - 2]!;
  const to = snapshots[snapshots.length - 1]!;
  const anySen = (s: RegisterSnapshot) => s.senSupport + s.ehcPlan;
  const pointsFrom = percent(anySen(from), from.total);
  const pointsTo = percent(anySen(to), to.total);
  return {
    from: from.term,
    to: to.term,
    anySen: anySen(to) - anySen(from),
    ehcPlan: to.ehcPlan - from.ehcPlan,
    senSupport: to.senSupport - from.senSupport,
    anySenPercentPoints: pointsDifference(pointsTo, pointsFrom),
  };
}
