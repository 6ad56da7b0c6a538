import type { Action } from './action';
import { addDays, type IsoDate } from './dates';
import { isClosed } from './status';

/** How far ahead the check-in and the SEND lead's digest look for statutory deadlines. */
export const STATUTORY_HORIZON_DAYS = 42;
/** A step due this soon that nobody has started (or that waits on someone) is at risk. */
export const AT_RISK_DAYS = 14;

export interface StatutoryDeadlines<T> {
  /** Past the date and not done: a breach to put right and record. */
  missed: T[];
  /** Due within two weeks and not started, or waiting on someone. */
  atRisk: T[];
  /** The rest due within six weeks. */
  comingUp: T[];
}

/**
 * The statutory steps (items the EHC plans' clock made) by how they stand today, each list by due
 * date; ordinary items and closed steps are left out. Pure.
 */
export function statutoryDeadlines(actions: readonly Action[], today: IsoDate): StatutoryDeadlines<Action> {
  const horizon = addDays(today, STATUTORY_HORIZON_DAYS);
  const soon = addDays(today, AT_RISK_DAYS);
  const steps = actions
    .filter((a) => a.statutory && !isClosed(a.status) && a.dueDate <= horizon)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
  const result: StatutoryDeadlines<Action> = { missed: [], atRisk: [], comingUp: [] };
  for (const a of steps) {
    if (a.dueDate < today) result.missed.push(a);
    else if (a.dueDate <= soon && (a.status === 'open' || a.status === 'waiting')) result.atRisk.push(a);
    else result.comingUp.push(a);
  }
  return result;
}
