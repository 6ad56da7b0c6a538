/** @jest-environment jsdom */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Person } from '@/kernel/action';
import { ApiError } from '@tab/api/api-error';
import { describedBy } from '../support/field-description';
import { installResizeObserver } from '../support/resize-observer';
import { SetRoleForm } from '@tab/Roles/SetRoleForm';

installResizeObserver();

const staff: Person[] = [
  { id: 'u-att', name: 'Mrs Attendance', email: 'att@school.example' },
  { id: 'u-ks2', name: 'Mr Phase', email: 'ks2@school.example' },
];

function renderForm(set: (role: string, person: Person) => Promise<unknown>, onSaved = jest.fn()) {
  render(
    <FluentProvider theme={teamsLightTheme}>
      <SetRoleForm api={{ set } as never} staff={staff} onSaved={onSaved} />
    </FluentProvider>,
  );
  return onSaved;
}

describe('SetRoleForm', () => {
  it('gives the role word to the chosen member of staff', async () => {
    const sent: [string, Person][] = [];
    const onSaved = renderForm(async (role, person) => (sent.push([role, person]), { role, person }));
    fireEvent.change(screen.getByLabelText(/^Role/), { target: { value: 'Attendance lead' } });
    fireEvent.change(screen.getByLabelText(/^Held by/), { target: { value: 'u-att' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save role' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent).toEqual([['Attendance lead', staff[0]]]);
    expect((screen.getByLabelText(/^Role/) as HTMLInputElement).value).toBe('');
  });

  it('shows the server’s problem with the role word beside the field', async () => {
    const onSaved = renderForm(async () => {
      throw new ApiError(400, 'validation', 'Invalid input', [{ path: 'role', message: 'must be words (letters, numbers, spaces)' }]);
    });
    fireEvent.change(screen.getByLabelText(/^Role/), { target: { value: '!!' } });
    fireEvent.change(screen.getByLabelText(/^Held by/), { target: { value: 'u-ks2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save role' }));
    await waitFor(() => expect(describedBy(screen.getByLabelText(/^Role/))).toContain('must be words (letters, numbers, spaces)'));
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('asks who holds the role before sending anything', () => {
    const sent: unknown[] = [];
    renderForm(async (...args) => sent.push(args));
    fireEvent.change(screen.getByLabelText(/^Role/), { target: { value: 'year lead' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save role' }));
    expect(describedBy(screen.getByLabelText(/^Held by/))).toContain('choose who holds this role');
    expect(sent).toEqual([]);
  });
});
