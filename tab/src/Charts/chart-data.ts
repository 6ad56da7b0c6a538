/** One group of bars: its name on the axis and a value per legend (null: not known, no bar). */
export interface BarGroup {
  name: string;
  values: (number | null)[];
}

/** One line across the terms: a value per term (null: not known there). */
export interface TrendSeries {
  legend: string;
  values: (number | null)[];
}

const TERM_STARTS = { Autumn: [0, 8], Spring: [1, 0], Summer: [1, 3] } as const;

/** "2025-26 Spring" -> 1 January 2026 (UTC): where the term sits on a trend's time axis. */
export function termStartDate(term: string): Date {
  const [years, name] = term.split(' ') as [string, keyof typeof TERM_STARTS];
  const [yearOffset, month] = TERM_STARTS[name] ?? [0, 8];
  return new Date(Date.UTC(Number(years.slice(0, 4)) + yearOffset, month, 1));
}
