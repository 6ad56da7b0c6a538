import { formatAge, monthsOfAge } from '@/kernel/age';

describe('reading and spelling ages', () => {
  it('read months as years and months', () => {
    expect([84, 88, 90, 1, 12, 13].map(formatAge)).toEqual([
      '7 years 0 months',
      '7 years 4 months',
      '7 years 6 months',
      '0 years 1 month',
      '1 year 0 months',
      '1 year 1 month',
    ]);
  });

  it('take years and months as typed, and refuse what is not an age', () => {
    expect(monthsOfAge('7', '6')).toBe(90);
    expect(monthsOfAge('8', '')).toBe(96);
    expect(['', '7.5', '-1', '26'].map((y) => monthsOfAge(y, '0'))).toEqual([null, null, null, null]);
    expect(['12', '-1', '2.5'].map((m) => monthsOfAge('7', m))).toEqual([null, null, null]);
  });
});
