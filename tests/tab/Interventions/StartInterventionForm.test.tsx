/** @jest-environment jsdom */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { NewInterventionInput } from '@/kernel/intervention';
import { ApiError } from '@tab/api/api-error';
import type { RegisterPupil } from '@tab/Register/passport-api';
import { describedBy } from '../support/field-description';
import { installResizeObserver } from '../support/resize-observer';
import { StartInterventionForm } from '@tab/Interventions/StartInterventionForm';
import { datePickersReady } from '../support/date-pickers';

installResizeObserver();

const pupils: RegisterPupil[] = [
  { id: 'r-1', forename: 'Jamie', surname: 'Brown', yearGroup: 4, regGroup: '4M', senStatus: 'K', needs: [], attendancePercent: 96 },
];
const staff = [{ id: 'u-ta', name: 'Mr Assistant', email: 'ta@school.example' }];

/** Stands in for the HTTP client only: records each body and answers as the server would. */
function recordingApi(answer: (input: NewInterventionInput) => Promise<never> | Promise<{ intervention: never; warnings: [] }>) {
  const sent: NewInterventionInput[] = [];
  return { sent, api: { createIntervention: (input: NewInterventionInput) => (sent.push(input), answer(input)) } };
}

async function renderForm(api: { createIntervention: (i: NewInterventionInput) => Promise<unknown> }, onStarted = jest.fn()) {
  render(
    <FluentProvider theme={teamsLightTheme}>
      <StartInterventionForm api={api as never} pupils={pupils} staff={staff} today="2026-09-07" onStarted={onStarted} />
    </FluentProvider>,
  );
  await datePickersReady();
  return onStarted;
}

const control = (label: RegExp) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: RegExp, value: string) => fireEvent.change(control(label), { target: { value } });
/** A date typed as staff type it (dd/mm/yyyy), then the field left: the picker reads it on blur. */
const typeDate = (label: RegExp, text: string) => {
  type(label, text);
  fireEvent.blur(control(label));
};

function fillValid() {
  type(/^Pupil/, 'r-1');
  type(/^Intervention name/, 'Reading catch-up');
  type(/^Delivered by/, 'u-ta');
  typeDate(/^Parent consent recorded on/, '01/09/2026');
  type(/^Target outcome/, 'Reading age 8y 0m');
  type(/^Target age: years/, '8');
}

describe('StartInterventionForm', () => {
  it('sends the new intervention as the API takes it and confirms it by name', async () => {
    const { sent, api } = recordingApi(async () => ({ intervention: undefined as never, warnings: [] }));
    const onStarted = await renderForm(api);
    fillValid();
    fireEvent.click(screen.getByRole('button', { name: 'Start intervention' }));
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith('Reading catch-up'));
    expect(sent).toEqual([
      {
        pupilId: 'r-1',
        name: 'Reading catch-up',
        group: null,
        staff: { ...staff[0], role: 'teaching_assistant' },
        startDate: '2026-09-07',
        plannedEndDate: '2026-12-14',
        sessionsPerWeek: 3,
        sessionMinutes: 30,
        parentConsentDate: '2026-09-01',
        measureKind: 'reading_age',
        measureUnit: null,
        target: { description: 'Reading age 8y 0m', value: 96 },
      },
    ]);
  });

  it('shows the server’s validation problems beside their fields and the rest above the button', async () => {
    const { api } = recordingApi(async () => {
      throw new ApiError(400, 'validation', 'Invalid input', [
        { path: 'name', message: 'must not be empty' },
        { path: 'plannedEndDate', message: 'must be after the start date' },
        { path: 'target.description', message: 'must not be empty' },
        { path: 'reviewDates', message: 'too many review dates' },
      ]);
    });
    const onStarted = await renderForm(api);
    fillValid();
    fireEvent.click(screen.getByRole('button', { name: 'Start intervention' }));
    await waitFor(() => expect(describedBy(control(/^Intervention name/))).toContain('must not be empty'));
    expect(control(/^Intervention name/).getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(control(/^Planned end/))).toContain('must be after the start date');
    expect(describedBy(control(/^Target outcome/))).toContain('must not be empty');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('reviewDates: too many review dates');
    expect(onStarted).not.toHaveBeenCalled();
  });

  it('takes a target age in years and months and sends it in months; a non-age measure takes a plain value', async () => {
    const { sent, api } = recordingApi(async () => ({ intervention: undefined as never, warnings: [] }));
    const onStarted = await renderForm(api);
    fillValid();
    type(/^Target age: years/, '8');
    type(/^Target age: months/, '13');
    fireEvent.click(screen.getByRole('button', { name: 'Start intervention' }));
    expect(describedBy(control(/^Target age: years/))).toContain('give the target age as whole years and 0 to 11 months');
    expect(sent).toEqual([]);

    type(/^Target age: months/, '6');
    fireEvent.click(screen.getByRole('button', { name: 'Start intervention' }));
    await waitFor(() => expect(onStarted).toHaveBeenCalledTimes(1));
    expect(sent[0]!.target).toEqual({ description: 'Reading age 8y 0m', value: 102 });

    // The form starts afresh after a save.
    fillValid();
    type(/^Measured by/, 'standardised_score');
    expect(screen.queryByLabelText(/^Target age/)).toBeNull();
    type(/^Target value/, '85');
    fireEvent.click(screen.getByRole('button', { name: 'Start intervention' }));
    await waitFor(() => expect(onStarted).toHaveBeenCalledTimes(2));
    expect(sent[1]!.target.value).toBe(85);
  });

  it('asks for the parent consent date before sending anything', async () => {
    const { sent, api } = recordingApi(async () => ({ intervention: undefined as never, warnings: [] }));
    await renderForm(api);
    fillValid();
    typeDate(/^Parent consent recorded on/, '');
    fireEvent.click(screen.getByRole('button', { name: 'Start intervention' }));
    expect(describedBy(control(/^Parent consent recorded on/))).toContain('record the date parent consent was given');
    expect(sent).toEqual([]);
  });

  it('gives the planned length against the 12–20 weeks guidance and the EEF dose as hints', async () => {
    await renderForm(recordingApi(async () => ({ intervention: undefined as never, warnings: [] })).api);
    expect(describedBy(control(/^Planned end/))).toBe('14 weeks. 12–20 weeks works best.');
    typeDate(/^Planned end/, '05/10/2026');
    expect(describedBy(control(/^Planned end/))).toBe('4 weeks. 12–20 weeks works best.');
    expect(describedBy(control(/^Minutes a session/))).toBe('EEF: 20–50 minutes');
    expect(describedBy(control(/^Sessions a week/))).toBe('EEF: 3–5 a week');
  });
});
