import { daysBetween } from '@/kernel/dates';
import { measureAt, midPoint, type Intervention, type NewIntervention } from '@/kernel/intervention';

/** Why an intervention needs a look. Warnings never block saving, except missing consent at the start. */
export interface InterventionWarning {
  code: 'duration' | 'dose_sessions' | 'dose_minutes' | 'consent_missing' | 'past_planned_end' | 'mid_measure_due';
  message: string;
}

/** Seed guidance: 12-20 weeks works best; don't let one run indefinitely. */
export const DURATION_WEEKS = { min: 12, max: 20 } as const;
/** EEF guidance for TA-led structured interventions. */
export const EEF_DOSE = { minutes: { min: 20, max: 50 }, sessionsPerWeek: { min: 3, max: 5 } } as const;

/** Weeks from start to planned end, to one decimal place. */
export function plannedWeeks(i: Pick<NewIntervention, 'startDate' | 'plannedEndDate'>): number {
  return Math.round((daysBetween(i.startDate, i.plannedEndDate) / 7) * 10) / 10;
}

/** Warnings about plan shape (length, dose, consent) and, given today, about its running. */
export function interventionWarnings(
  i: Pick<Intervention, 'startDate' | 'plannedEndDate' | 'sessionsPerWeek' | 'sessionMinutes' | 'parentConsentDate' | 'measures'>,
  today: string,
): InterventionWarning[] {
  const warnings: InterventionWarning[] = [];
  const weeks = plannedWeeks(i);
  if (weeks < DURATION_WEEKS.min || weeks > DURATION_WEEKS.max) {
    warnings.push({
      code: 'duration',
      message: `Planned for ${weeks} weeks: ${DURATION_WEEKS.min}-${DURATION_WEEKS.max} weeks works best.`,
    });
  }
  const { sessionsPerWeek: s, minutes: m } = EEF_DOSE;
  if (i.sessionsPerWeek < s.min || i.sessionsPerWeek > s.max) {
    warnings.push({ code: 'dose_sessions', message: `${i.sessionsPerWeek} sessions a week: EEF guidance is ${s.min}-${s.max}.` });
  }
  if (i.sessionMinutes < m.min || i.sessionMinutes > m.max) {
    warnings.push({ code: 'dose_minutes', message: `${i.sessionMinutes}-minute sessions: EEF guidance is ${m.min}-${m.max} minutes.` });
  }
  if (i.parentConsentDate === null) {
    warnings.push({ code: 'consent_missing', message: `Parent consent is not recorded: it is needed before the start on ${i.startDate}.` });
  }
  const ended = measureAt(i, 'end') !== undefined;
  if (!ended && today > i.plannedEndDate) {
    warnings.push({
      code: 'past_planned_end',
      message: `Still running ${daysBetween(i.plannedEndDate, today)} days past its planned end: review, end or re-plan it.`,
    });
  }
  const midDate = midPoint(i);
  if (!ended && measureAt(i, 'mid') === undefined && today > midDate) {
    warnings.push({ code: 'mid_measure_due', message: `No mid-point measure yet (mid-point was ${midDate}).` });
  }
  return warnings;
}
