import { parseDueDate } from '@/capture/parse/parse-due-date';
import { THURSDAY } from './capture-context';

const FRIDAY = new Date('2026-04-24T10:00:00+01:00');
const due = (text: string, now = THURSDAY, extra = {}) => parseDueDate(text, { now, ...extra });

describe('parseDueDate', () => {
  it.each([
    ['by Friday', '2026-04-24'],
    ['Friday', '2026-04-24'],
    ['by Thursday', '2026-04-23'],
    ['by Monday', '2026-04-27'],
    ['by next Friday', '2026-05-01'],
    ['next Monday', '2026-04-27'],
    ['tomorrow', '2026-04-24'],
    ['today', '2026-04-23'],
    ['by the end of the week', '2026-04-24'],
    ['end of next week', '2026-05-01'],
    ['by the end of the month', '2026-04-30'],
    ['end of May', '2026-05-31'],
    ['24 April', '2026-04-24'],
    ['24th April', '2026-04-24'],
    ['on the 24th of April', '2026-04-24'],
    ['Fri 1 May', '2026-05-01'],
    ['May 7th', '2026-05-07'],
    ['24/4', '2026-04-24'],
    ['7/5', '2026-05-07'],
    ['07/05/2026', '2026-05-07'],
    ['7/5/27', '2027-05-07'],
    ['7.5.2026', '2026-05-07'],
    ['2026-06-01', '2026-06-01'],
    ['in two weeks', '2026-05-07'],
    ['within 2 weeks', '2026-05-07'],
    ["in two weeks' time", '2026-05-07'],
    ['in a fortnight', '2026-05-07'],
    ['in 3 days', '2026-04-26'],
    ['within a month', '2026-05-23'],
    ['for four weeks', '2026-05-21'],
  ])('reads "%s" on Thursday 23 April 2026 as %s', (text, expected) => {
    expect(due(text)).toMatchObject({ due: expected, warnings: [] });
  });

  it('reads "by Friday" written on a Friday as that same day', () => {
    expect(due('by Friday', FRIDAY).due).toBe('2026-04-24');
  });

  it('reads "next Friday" written on a Friday as the Friday of next week', () => {
    expect(due('next Friday', FRIDAY).due).toBe('2026-05-01');
  });

  it('reads "end of the week" on a Saturday as the coming Friday', () => {
    expect(due('end of the week', new Date('2026-04-25T10:00:00+01:00')).due).toBe('2026-05-01');
  });

  it('reads day/month the British way: 7/5 is 7 May, and 5/24 is not a date', () => {
    expect(due('by 7/5').due).toBe('2026-05-07');
    expect(due('by 5/24')).toEqual({ due: null, warnings: ["'5/24' is not a real date"], rest: '' });
  });

  it('refuses a date that does not exist, with a warning naming it', () => {
    expect(due('send it by 31/02')).toEqual({ due: null, warnings: ["'31/02' is not a real date"], rest: 'send it' });
    expect(due('30 February').warnings).toEqual(["'30 February' is not a real date"]);
    expect(due('29/2/2026').warnings).toEqual(["'29/2/2026' is not a real date"]);
    expect(due('29/2/2028').due).toBe('2028-02-29');
  });

  it('keeps a day-month up to 60 days past in this year, with a warning, and rolls older ones to next year', () => {
    expect(due('by 1/3')).toMatchObject({ due: '2026-03-01', warnings: ['Due date Sun 1 Mar 2026 is in the past'] });
    expect(due('by 7/1')).toMatchObject({ due: '2027-01-07', warnings: [] });
    expect(due('by 20 February')).toMatchObject({ due: '2027-02-20', warnings: [] });
  });

  it('uses the term end and next review dates from the context, or says they are missing', () => {
    expect(due('by end of term', THURSDAY, { termEnd: '2026-07-22' }).due).toBe('2026-07-22');
    expect(due('before the next review', THURSDAY, { nextReview: '2026-06-10' }).due).toBe('2026-06-10');
    expect(due('by the end of term')).toEqual({
      due: null,
      warnings: ["'end of term' has no date set here: choose the date"],
      rest: '',
    });
    expect(due('at next review').warnings).toEqual(["'next review' has no date set here: choose the date"]);
  });

  it('takes the date out of the text with its "by", but keeps "for four weeks" because it says what to do', () => {
    expect(due('phone mum by Friday about the plan').rest).toBe('phone mum about the plan');
    expect(due('run phonics group for four weeks').rest).toBe('run phonics group for four weeks');
  });

  it('uses the first date in the text', () => {
    expect(due('meet on 1 May, then again by 30/5').due).toBe('2026-05-01');
  });

  it('counts from the London date, not the UTC one, across the BST and GMT boundaries', () => {
    // 23:30 UTC on 28 March 2026 is still 28 March in London (GMT, clocks change the next morning).
    expect(due('tomorrow', new Date('2026-03-28T23:30:00Z')).due).toBe('2026-03-29');
    // 23:30 UTC on 30 June 2026 is already 1 July in London (BST).
    expect(due('tomorrow', new Date('2026-06-30T23:30:00Z')).due).toBe('2026-07-02');
    expect(due('by the end of the month', new Date('2026-06-30T23:30:00Z')).due).toBe('2026-07-31');
  });

  it('finds no date in text without one, and leaves the text alone', () => {
    expect(due('Phone mum re reading plan')).toEqual({ due: null, warnings: [], rest: 'Phone mum re reading plan' });
  });

  it('returns no date rather than throwing when the clock value is invalid', () => {
    expect(due('by Friday', new Date(NaN)).due).toBeNull();
  });
});
