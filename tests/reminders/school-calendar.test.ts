import { daysBetween, isoWeekday } from '@/kernel/dates';
import bankHolidays from '@/kernel/data/bank-holidays-england-and-wales.json';
import { bankHolidayDates, createSchoolCalendar, nextSchoolDay, previousSchoolDay, schoolDaysBefore } from '@/kernel/school-calendar';
import { ValidationError } from '@/kernel/errors';

const spring2026 = {
  holidays: [
    { start: '2026-03-30', end: '2026-04-10', name: 'Easter holiday' },
    { start: '2026-05-25', end: '2026-05-29', name: 'Half term' },
  ],
};

describe('school calendar', () => {
  const calendar = createSchoolCalendar(spring2026);

  it('treats Saturdays and Sundays as non-school days', () => {
    expect(calendar.isSchoolDay('2026-04-25')).toBe(false);
    expect(calendar.isSchoolDay('2026-04-26')).toBe(false);
    expect(calendar.isSchoolDay('2026-04-24')).toBe(true);
  });

  it('treats England and Wales bank holidays as non-school days, including substitute days', () => {
    const plain = createSchoolCalendar();
    expect(plain.isSchoolDay('2026-05-04')).toBe(false); // Early May bank holiday
    expect(plain.isSchoolDay('2026-12-28')).toBe(false); // Boxing Day substitute
    expect(plain.isSchoolDay('2027-12-27')).toBe(false); // Christmas substitute
    expect(plain.isSchoolDay('2026-05-05')).toBe(true);
  });

  it('treats configured school holidays as non-school days', () => {
    expect(calendar.isSchoolDay('2026-04-01')).toBe(false);
    expect(calendar.isSchoolDay('2026-05-27')).toBe(false);
    expect(calendar.isSchoolDay('2026-04-13')).toBe(true);
  });

  it('with term dates configured, only days inside a term are school days', () => {
    const terms = createSchoolCalendar({ terms: [{ start: '2026-09-03', end: '2026-10-23' }] });
    expect(terms.isSchoolDay('2026-09-02')).toBe(false);
    expect(terms.isSchoolDay('2026-09-03')).toBe(true);
    expect(terms.isSchoolDay('2026-10-26')).toBe(false);
  });

  it('finds the next and previous school day across weekends, bank holidays and holidays', () => {
    expect(nextSchoolDay(calendar, '2026-05-01')).toBe('2026-05-05'); // Fri -> Tue after the May bank holiday
    expect(nextSchoolDay(calendar, '2026-03-27')).toBe('2026-04-13'); // over the Easter holiday
    expect(previousSchoolDay(calendar, '2026-04-13')).toBe('2026-03-27');
    expect(schoolDaysBefore(calendar, '2026-05-06', 2)).toBe('2026-05-01');
  });

  it('does not move statutory deadlines: a 20-week EHC deadline is 140 calendar days whatever the holidays', () => {
    // Calendar days are counted by dates.ts alone; the school calendar only gates sending.
    expect(daysBetween('2026-03-20', '2026-08-07')).toBe(140);
    expect(calendar.isSchoolDay('2026-04-03')).toBe(false);
  });

  it('rejects a holiday that ends before it starts', () => {
    expect(() => createSchoolCalendar({ holidays: [{ start: '2026-04-10', end: '2026-04-01' }] })).toThrow(ValidationError);
  });
});

describe('shipped bank holiday list', () => {
  const dates = [...bankHolidayDates()];

  it('is in the gov.uk shape with eight England and Wales bank holidays in each of 2025, 2026 and 2027', () => {
    expect(bankHolidays['england-and-wales'].division).toBe('england-and-wales');
    for (const year of ['2025', '2026', '2027']) expect(dates.filter((d) => d.startsWith(year))).toHaveLength(8);
  });

  it('puts every bank holiday on a weekday, Good Fridays on Fridays and the rest on Mondays except Christmas and New Year', () => {
    for (const event of bankHolidays['england-and-wales'].events) {
      const weekday = isoWeekday(event.date);
      expect(weekday).toBeLessThanOrEqual(5);
      if (event.title === 'Good Friday') expect(weekday).toBe(5);
      if (/Easter Monday|May|Summer/.test(event.title)) expect(weekday).toBe(1);
    }
    expect(dates).toEqual(expect.arrayContaining(['2025-04-18', '2025-04-21', '2026-04-03', '2026-04-06', '2027-03-26', '2027-03-29']));
  });
});
