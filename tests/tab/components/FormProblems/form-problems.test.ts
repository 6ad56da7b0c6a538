import { ApiError } from '@tab/api/api-error';
import { formProblems } from '@tab/components/FormProblems/form-problems';

describe('formProblems', () => {
  it('puts each server problem beside its field, by path prefix, once per message', () => {
    const error = new ApiError(400, 'validation', 'Invalid input', [
      { path: 'staff.id', message: 'must not be empty' },
      { path: 'staff.name', message: 'must not be empty' },
      { path: 'staff.email', message: 'must be an email address' },
      { path: 'measure.value', message: 'too big' },
      { path: 'idempotencyKey', message: 'too long' },
    ]);
    expect(formProblems(error, ['staff', 'value'], 'measure')).toEqual({
      byField: { staff: 'must not be empty; must be an email address', value: 'too big' },
      general: 'idempotencyKey: too long',
    });
  });

  it('explains a failure with no field problems in plain words', () => {
    expect(formProblems(new ApiError(403, 'forbidden', 'Only the SEND team can see or change who holds each role.'), ['role'])).toEqual({
      byField: {},
      general: 'You do not have access to this. Only the SEND team can see or change who holds each role.',
    });
    expect(formProblems(new TypeError('Failed to fetch'), ['role']).general).toMatch(/could not be reached/);
  });
});
