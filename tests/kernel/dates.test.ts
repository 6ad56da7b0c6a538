import {
  addDays,
  daysBetween,
  endOfWeek,
  formatDate,
  formatShortDate,
  isIsoDate,
  isoWeekday,
  londonDate,
  parseTypedDate,
} from '@/kernel/dates';

describe('dates', () => {
  it('takes today from London, not from UTC, across the clock change', () => {
    expect(londonDate(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-28'); // GMT
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01'); // BST
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-02-31')).toBe(false);
    expect(isIsoDate('2026-4-1')).toBe(false);
    expect(isIsoDate('01/04/2026')).toBe(false);
  });

  it('counts and adds whole days across month and clock-change boundaries', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(daysBetween('2026-03-28', '2026-04-04')).toBe(7);
    expect(daysBetween('2026-04-04', '2026-03-28')).toBe(-7);
  });

  it('ends the school week on Sunday', () => {
    expect(isoWeekday('2026-04-23')).toBe(4);
    expect(endOfWeek('2026-04-23')).toBe('2026-04-26');
    expect(endOfWeek('2026-04-26')).toBe('2026-04-26');
  });

  it('reads a typed date day first, as staff in England type it, and refuses what is not a day', () => {
    expect(parseTypedDate('23/4/2026')).toBe('2026-04-23');
    expect(parseTypedDate(' 01/09/26 ')).toBe('2026-09-01');
    expect(parseTypedDate('1.9.2026')).toBe('2026-09-01');
    expect(parseTypedDate('3-11-2026')).toBe('2026-11-03');
    expect(parseTypedDate('29/02/2028')).toBe('2028-02-29');
    for (const wrong of ['31/04/2026', '29/02/2026', '13/13/2026', '04/23/2026', '2026-04-23', 'next Friday', '', '1/9'])
      expect(parseTypedDate(wrong)).toBeNull();
    expect(formatShortDate('2026-09-01')).toBe('01/09/2026');
    expect(parseTypedDate(formatShortDate('2026-12-31'))).toBe('2026-12-31');
  });

  it('shows dates the British way', () => {
    expect(formatDate('2026-04-24')).toBe('Fri 24 Apr 2026');
  });
});
