/** Reading and spelling ages are kept in months (ratio gain divides months by months) and read as years and months. */
export function formatAge(months: number): string {
  const whole = Math.round(months);
  const years = Math.floor(whole / 12);
  const rest = whole - years * 12;
  return `${years} year${years === 1 ? '' : 's'} ${rest} month${rest === 1 ? '' : 's'}`;
}

/** "7" years and "6" months as typed -> 90 months; null when either box is not a whole number in range. */
export function monthsOfAge(years: string, months: string): number | null {
  const y = years.trim() === '' ? NaN : Number(years);
  const m = months.trim() === '' ? 0 : Number(months);
  if (!Number.isInteger(y) || !Number.isInteger(m) || y < 0 || y > 25 || m < 0 || m > 11) return null;
  return y * 12 + m;
}
