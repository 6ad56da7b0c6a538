/** `part` as a percentage of `whole`, to one decimal place; null when `whole` is 0. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/** Difference in percentage points, to one decimal place; null if either side is unknown. */
export function pointsDifference(school: number | null, national: number | null): number | null {
  return school === null || national === null ? null : Math.round((school - national) * 10) / 10;
}
