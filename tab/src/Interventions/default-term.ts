import type { IsoDate } from '@/kernel/dates';

/**
 * A first guess at the current term for the provision map's date fields: autumn September to
 * December, spring January to March, summer April to July. Term dates vary by local authority and
 * academy, so the SENCO corrects them; this only saves typing the year.
 */
export function defaultTerm(today: IsoDate): { start: IsoDate; end: IsoDate } {
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  if (month >= 9) return { start: `${year}-09-01`, end: `${year}-12-19` };
  if (month <= 3) return { start: `${year}-01-05`, end: `${year}-03-27` };
  return { start: `${year}-04-13`, end: `${year}-07-22` };
}
