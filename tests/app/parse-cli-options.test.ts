import { parseCliArgs, parseNow } from '@/app/parse-cli-options';
import { ValidationError } from '@/kernel/errors';

describe('parseNow', () => {
  it('reads a time without a zone as London wall-clock time, in BST and in GMT', () => {
    expect(parseNow('2026-04-23T10:00')?.toISOString()).toBe('2026-04-23T09:00:00.000Z');
    expect(parseNow('2026-01-15T10:00')?.toISOString()).toBe('2026-01-15T10:00:00.000Z');
    expect(parseNow('2026-07-01')?.toISOString()).toBe('2026-06-30T23:00:00.000Z');
  });

  it('takes a time with a zone as that exact instant', () => {
    expect(parseNow('2026-03-28T23:30:00Z')?.toISOString()).toBe('2026-03-28T23:30:00.000Z');
    expect(parseNow('2026-04-23T10:00+01:00')?.toISOString()).toBe('2026-04-23T09:00:00.000Z');
  });

  it('uses the earlier instant for a time the clocks skip or repeat', () => {
    expect(parseNow('2026-10-25T01:30')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(parseNow('2026-03-29T01:30')?.toISOString()).toBe('2026-03-29T00:30:00.000Z');
  });

  it.each(['2026-02-31T10:00', '2026-04-23T24:00', 'tomorrow', '23/04/2026', ''])('refuses "%s"', (value) => {
    expect(parseNow(value)).toBeNull();
  });
});

describe('parseCliArgs', () => {
  it('names every bad flag at once', () => {
    expect(() => parseCliArgs(['--now', 'x', '--term-end', 'y'])).toThrow(ValidationError);
    try {
      parseCliArgs(['--now', 'x', '--term-end', 'y']);
    } catch (error) {
      expect((error as ValidationError).problems.map((p) => p.path)).toEqual(['--now', '--term-end', 'text']);
    }
  });
});
