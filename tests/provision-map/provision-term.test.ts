import { isoWeekday } from '@/kernel/dates';
import { termToCost } from '@/provision-map/provision-term';

const OAKFIELD = {
  terms: [
    { start: '2026-09-03', end: '2026-12-18', name: 'Autumn' },
    { start: '2027-01-05', end: '2027-03-25', name: 'Spring' },
  ],
  holidays: [
    { start: '2026-10-26', end: '2026-10-30', name: 'Half term' },
    { start: '2026-11-27', end: '2026-11-27', name: 'INSET' },
    { start: '2027-02-15', end: '2027-02-19', name: 'Half term' },
  ],
};

describe('the term a provision map costs', () => {
  it('is the school calendar’s term today is in, its closed weeks counted from the holidays inside it', () => {
    // Half term (5 weekdays) and an INSET day (1): 1.2 weeks.
    expect(termToCost(OAKFIELD, '2026-12-03')).toEqual({
      start: '2026-09-03',
      end: '2026-12-18',
      closedWeeks: 1.2,
      source: 'school calendar',
    });
    expect(termToCost(OAKFIELD, '2027-02-01')).toEqual({
      start: '2027-01-05',
      end: '2027-03-25',
      closedWeeks: 1,
      source: 'school calendar',
    });
  });

  it('is the next term between terms, and the last one after the calendar ends', () => {
    expect(termToCost(OAKFIELD, '2026-12-24')).toMatchObject({ start: '2027-01-05', end: '2027-03-25' });
    expect(termToCost(OAKFIELD, '2027-05-10')).toMatchObject({ start: '2027-01-05', end: '2027-03-25' });
  });

  it('is an estimate without configured terms, starting and ending on weekdays (never a Saturday)', () => {
    for (const today of ['2026-11-25', '2027-02-10', '2027-06-30', '2028-10-02', '2029-01-15']) {
      const term = termToCost({}, today);
      expect(term.source).toBe('estimate');
      expect(isoWeekday(term.start)).toBeLessThanOrEqual(5);
      expect(isoWeekday(term.end)).toBeLessThanOrEqual(5);
      expect(term.start <= today && today <= term.end).toBe(true);
    }
    // 19 December 2026 and 27 March 2027 are Saturdays: the estimate ends the Friday before.
    expect(termToCost({}, '2026-11-25')).toEqual({ start: '2026-09-01', end: '2026-12-18', closedWeeks: 1, source: 'estimate' });
    expect(termToCost({}, '2027-02-10')).toMatchObject({ start: '2027-01-05', end: '2027-03-26' });
  });
});
