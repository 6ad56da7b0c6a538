/** @jest-environment jsdom */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Measure } from '@/kernel/intervention';
import { ApiError } from '@tab/api/api-error';
import type { InterventionView } from '@tab/Register/register-api';
import { describedBy } from '../support/field-description';
import { installResizeObserver } from '../support/resize-observer';
import { RecordMeasureForm } from '@tab/Interventions/RecordMeasureForm';
import { datePickersReady } from '../support/date-pickers';

installResizeObserver();

const intervention = {
  id: 'i-1',
  pupilId: 'r-1',
  name: 'Reading catch-up',
  measureKind: 'reading_age',
  measureUnit: null,
  version: 2,
  measures: [{ point: 'baseline', date: '2026-09-07', value: 84 }],
} as unknown as InterventionView;

async function renderForm(addMeasure: (id: string, m: Measure) => Promise<unknown>, onRecorded = jest.fn()) {
  render(
    <FluentProvider theme={teamsLightTheme}>
      <RecordMeasureForm
        api={{ addMeasure } as never}
        intervention={intervention}
        pupilLabel="J.B. (Y4)"
        today="2026-12-11"
        onRecorded={onRecorded}
        onCancel={jest.fn()}
      />
    </FluentProvider>,
  );
  await datePickersReady();
  return onRecorded;
}

describe('RecordMeasureForm', () => {
  it('offers the next point not yet measured and sends the measure for this intervention', async () => {
    const sent: [string, Measure][] = [];
    const onRecorded = await renderForm(async (id, m) => sent.push([id, m]));
    expect(screen.getByRole('heading').textContent).toBe('Record a measure: Reading catch-up (J.B. (Y4))');
    expect((screen.getByLabelText(/^Point/) as HTMLSelectElement).value).toBe('mid');
    fireEvent.change(screen.getByLabelText(/^Point/), { target: { value: 'end' } });
    fireEvent.change(screen.getByLabelText(/^Age: years/), { target: { value: '8' } }); // months left empty: 8 years 0 months
    fireEvent.click(screen.getByRole('button', { name: 'Save measure' }));
    await waitFor(() => expect(onRecorded).toHaveBeenCalled());
    expect(sent).toEqual([['i-1', { point: 'end', date: '2026-12-11', value: 96 }]]);
  });

  it('shows the server’s problems (named under "measure.") beside their fields', async () => {
    const onRecorded = await renderForm(async () => {
      throw new ApiError(400, 'validation', 'Invalid input', [
        { path: 'measure.value', message: 'Invalid input: expected number, received undefined' },
        { path: 'measure.date', message: 'must be a date YYYY-MM-DD' },
      ]);
    });
    fireEvent.change(screen.getByLabelText(/^Age: years/), { target: { value: '7' } });
    fireEvent.change(screen.getByLabelText(/^Date measured/), { target: { value: '' } });
    fireEvent.blur(screen.getByLabelText(/^Date measured/));
    fireEvent.click(screen.getByRole('button', { name: 'Save measure' }));
    await waitFor(() => expect(describedBy(screen.getByLabelText(/^Age: years/))).toContain('expected number'));
    expect(describedBy(screen.getByLabelText(/^Date measured/))).toContain('must be a date YYYY-MM-DD');
    expect(onRecorded).not.toHaveBeenCalled();
  });

  it('takes an age as years and months, and says so when they are not an age, sending nothing', async () => {
    const addMeasure = jest.fn();
    await renderForm(addMeasure);
    fireEvent.change(screen.getByLabelText(/^Age: years/), { target: { value: '7' } });
    fireEvent.change(screen.getByLabelText(/^Age: months/), { target: { value: '14' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save measure' }));
    await waitFor(() =>
      expect(describedBy(screen.getByLabelText(/^Age: years/))).toContain('give the age as whole years and 0 to 11 months'),
    );
    expect(addMeasure).not.toHaveBeenCalled();
  });
});
