import { newActionSchema } from '@/kernel/action';
import { closeAction, createAction } from '@/kernel/lifecycle';
import { DEFAULT_RETENTION_YEARS, retentionEndDate, retentionReport } from '@/privacy/retention';
import { ValidationError } from '@/kernel/errors';
import { buildNewAction, senco } from '@tests/support/factories';

let seq = 0;
const actionFor = (pupilId: string, closed = false) => {
  const action = createAction(
    newActionSchema.parse(buildNewAction({ pupil: { id: pupilId, name: 'X.Y.', yearGroup: 4 } })),
    senco,
    new Date('2010-01-01T09:00:00Z'),
    `a-${++seq}`,
  );
  return closed ? closeAction(action, { status: 'done', note: 'Finished' }, senco, new Date('2010-02-01T09:00:00Z')) : action;
};

describe('retention of SEN records', () => {
  it('keeps records until date of birth + 31 years by default', () => {
    expect(DEFAULT_RETENTION_YEARS).toBe(31);
    expect(retentionEndDate('2015-09-14')).toBe('2046-09-14');
  });

  it('takes a school’s own period in whole years', () => {
    expect(retentionEndDate('2015-09-14', 25)).toBe('2040-09-14');
  });

  it('ends a 29 February birthday on 1 March when the end year has no 29 February, never a day early', () => {
    expect(retentionEndDate('2016-02-29')).toBe('2047-03-01');
    expect(retentionEndDate('2016-02-29', 32)).toBe('2048-02-29');
  });

  it.each([['2016-02-30'], ['31/02/2016'], [''], ['2016-2-1']])('refuses date of birth %p with a ValidationError', (dob) => {
    expect(() => retentionEndDate(dob)).toThrow(ValidationError);
  });

  it.each([[0], [101], [2.5], [Number.NaN]])('refuses a retention period of %p years', (years) => {
    expect(() => retentionEndDate('2015-09-14', years)).toThrow(ValidationError);
  });

  it('lists pupils past retention for review, with their open items to archive first, and changes nothing', () => {
    const old = [actionFor('p-old'), actionFor('p-old', true)];
    const edge = [actionFor('p-edge', true)];
    const young = [actionFor('p-young')];
    const actions = [...old, ...edge, ...young, actionFor('p-no-dob')];
    const before = JSON.stringify(actions);
    const report = retentionReport(
      [
        { id: 'p-old', dateOfBirth: '1990-01-01' },
        { id: 'p-edge', dateOfBirth: '1995-04-23' },
        { id: 'p-young', dateOfBirth: '2015-09-14' },
        { id: 'p-no-dob', dateOfBirth: null },
        { id: 'p-no-records', dateOfBirth: '1980-01-01' },
      ],
      actions,
      '2026-04-23',
    );
    expect(report).toEqual({
      asOf: '2026-04-23',
      years: 31,
      due: [{ pupilId: 'p-old', retentionEnded: '2021-01-01', actionIds: old.map((a) => a.id), openActionIds: [old[0]!.id] }],
      unknownDateOfBirth: ['p-no-dob'],
    });
    // p-edge's period ends today: still kept. From tomorrow it is due.
    expect(retentionReport([{ id: 'p-edge', dateOfBirth: '1995-04-23' }], edge, '2026-04-24').due.map((d) => d.pupilId)).toEqual([
      'p-edge',
    ]);
    expect(JSON.stringify(actions)).toBe(before);
  });

  it('refuses a report date that is not a real date', () => {
    expect(() => retentionReport([], [], '2026-02-31')).toThrow(ValidationError);
  });
});
