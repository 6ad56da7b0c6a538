import { termDatesOn } from '@/kernel/school-calendar';

/** A school year as a local authority publishes it: terms, with the half-term weeks as holidays. */
const DATES = {
  terms: [
    { start: '2026-01-05', end: '2026-03-27' },
    { start: '2026-04-13', end: '2026-07-22' },
  ],
  holidays: [
    { start: '2026-02-16', end: '2026-02-20', name: 'February half term' },
    { start: '2026-05-25', end: '2026-05-29', name: 'May half term' },
  ],
};

describe('termDatesOn: what "end of term" and "half term" mean on a day', () => {
  it('gives the end of the term today is in, and the last weekday before its half term', () => {
    expect(termDatesOn(DATES, '2026-04-23')).toEqual({ termEnd: '2026-07-22', halfTerm: '2026-05-22' });
    expect(termDatesOn(DATES, '2026-01-20')).toEqual({ termEnd: '2026-03-27', halfTerm: '2026-02-13' });
  });

  it('has no half term once it has passed, and looks to the next term in the holidays', () => {
    expect(termDatesOn(DATES, '2026-06-08')).toEqual({ termEnd: '2026-07-22', halfTerm: null });
    expect(termDatesOn(DATES, '2026-04-01')).toEqual({ termEnd: '2026-07-22', halfTerm: '2026-05-22' });
  });

  it('says nothing when the school has not set its dates', () => {
    expect(termDatesOn({}, '2026-04-23')).toEqual({ termEnd: null, halfTerm: null });
  });
});
