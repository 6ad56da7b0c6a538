const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Minutes London is ahead of UTC at `instant` (0 in GMT, 60 in BST). */
function londonOffsetMinutes(instant: number): number {
  const p = Object.fromEntries(PARTS.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant of a London wall-clock time ("2026-04-23T10:00" -> 09:00Z in BST). In the hour the
 * clocks go forward (a time that does not exist) and in the hour they go back (a time that happens
 * twice), the earlier instant is used. Only the calendar date matters to the parser.
 */
export function fromLondonLocal(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const early = wall - londonOffsetMinutes(wall - 60 * 60_000) * 60_000;
  const late = wall - londonOffsetMinutes(early) * 60_000;
  return new Date(Math.min(early, late));
}
