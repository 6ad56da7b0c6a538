import { dateHint } from '@tab/components/DateHint/date-hint';

describe('dateHint', () => {
  it('reads a date input value the British way', () => {
    expect(dateHint('2026-04-23')).toBe('Thu 23 Apr 2026');
  });

  it('says nothing for an empty or half-typed value', () => {
    expect(dateHint(undefined)).toBeUndefined();
    expect(dateHint('')).toBeUndefined();
    expect(dateHint('2026-02-30')).toBeUndefined();
  });
});
