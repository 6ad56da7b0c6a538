import { dateHint } from '@tab/components/DateHint/date-hint';
import { defaultTerm } from '@tab/Interventions/default-term';

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

describe('defaultTerm', () => {
  it('guesses the school term containing today', () => {
    expect(defaultTerm('2026-11-25')).toEqual({ start: '2026-09-01', end: '2026-12-19' });
    expect(defaultTerm('2027-02-10')).toEqual({ start: '2027-01-05', end: '2027-03-27' });
    expect(defaultTerm('2027-06-30')).toEqual({ start: '2027-04-13', end: '2027-07-22' });
  });
});
