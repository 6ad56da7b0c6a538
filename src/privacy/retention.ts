import { ValidationError } from '@/kernel/errors';
import type { Action } from '@/kernel/action';
import { isIsoDate, type IsoDate } from '@/kernel/dates';

/**
 * SEN records are kept until the pupil's date of birth + 31 years (IRMS Information Management
 * Toolkit for Schools: "Date of birth of the pupil + 31 years"). Schools may set another period.
 */
export const DEFAULT_RETENTION_YEARS = 31;

/**
 * The last day a pupil's SEN records must be kept: `dateOfBirth` + `years`. A 29 February birthday
 * ends on 1 March in a non-leap year (the later of the two possible days), so records are never
 * released a day early.
 * @throws ValidationError for a date that is not a real `YYYY-MM-DD` date or years outside 1..100
 */
export function retentionEndDate(dateOfBirth: IsoDate, years: number = DEFAULT_RETENTION_YEARS): IsoDate {
  if (!isIsoDate(dateOfBirth)) throw new ValidationError([{ path: 'dateOfBirth', message: 'must be a real date (YYYY-MM-DD)' }]);
  if (!Number.isInteger(years) || years < 1 || years > 100)
    throw new ValidationError([{ path: 'years', message: 'must be a whole number of years from 1 to 100' }]);
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d));
  // Date.UTC rolls 29 Feb into 1 Mar when the target year has no 29 Feb: the behaviour wanted.
  return end.toISOString().slice(0, 10);
}

/** A pupil as retention needs them: an id and (when the register has it) a date of birth. */
export interface RetentionPupil {
  id: string;
  dateOfBirth: IsoDate | null;
}

/** One pupil whose retention period has ended: their records are for a person to review. */
export interface RetentionDue {
  pupilId: string;
  retentionEnded: IsoDate;
  /** Every action held about the pupil (archived or not). */
  actionIds: string[];
  /** Still open: these need closing (archiving) with a note before anything else is decided. */
  openActionIds: string[];
}

export interface RetentionReport {
  asOf: IsoDate;
  years: number;
  /** Past retention, oldest end date first. Nothing is deleted: a person reviews and archives. */
  due: RetentionDue[];
  /** Pupils with records but no date of birth: retention cannot be worked out, so they are listed for a person. */
  unknownDateOfBirth: string[];
}

/**
 * Which pupils' tracker records are past retention on `today`. Pure: reads nothing, changes
 * nothing. The report is for a person to review; the app archives (closes) items and never deletes.
 * Pupils with no actions are left out.
 * @throws ValidationError as `retentionEndDate`, or for a `today` that is not a real date
 */
export function retentionReport(
  pupils: RetentionPupil[],
  actions: Action[],
  today: IsoDate,
  years: number = DEFAULT_RETENTION_YEARS,
): RetentionReport {
  if (!isIsoDate(today)) throw new ValidationError([{ path: 'today', message: 'must be a real date (YYYY-MM-DD)' }]);
  const byPupil = new Map<string, Action[]>();
  for (const action of actions) byPupil.set(action.pupil.id, [...(byPupil.get(action.pupil.id) ?? []), action]);
  const due: RetentionDue[] = [];
  const unknownDateOfBirth: string[] = [];
  const births = new Map(pupils.map((p) => [p.id, p.dateOfBirth]));
  for (const [pupilId, held] of byPupil) {
    const dateOfBirth = births.get(pupilId) ?? null;
    if (dateOfBirth === null) {
      unknownDateOfBirth.push(pupilId);
      continue;
    }
    const retentionEnded = retentionEndDate(dateOfBirth, years);
    // Kept up to and including the end date; due for review from the day after.
    if (today <= retentionEnded) continue;
    due.push({
      pupilId,
      retentionEnded,
      actionIds: held.map((a) => a.id),
      openActionIds: held.filter((a) => a.closedAt === null).map((a) => a.id),
    });
  }
  due.sort((a, b) => a.retentionEnded.localeCompare(b.retentionEnded) || a.pupilId.localeCompare(b.pupilId));
  return { asOf: today, years, due, unknownDateOfBirth: unknownDateOfBirth.sort() };
}
