/** @jest-environment jsdom */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { DateField } from '@tab/components/DateField/DateField';
import { describedBy } from '../../support/field-description';
import { installResizeObserver } from '../../support/resize-observer';
import { datePickersReady } from '../../support/date-pickers';

installResizeObserver();

/** The field as a form holds it: its value in state, each change also recorded. */
async function renderField(initial: string, onChange = jest.fn()) {
  function Form() {
    const [value, setValue] = useState(initial);
    return (
      <DateField
        label="Due date"
        value={value}
        onChange={(next) => {
          onChange(next);
          setValue(next);
        }}
      />
    );
  }
  render(
    <FluentProvider theme={teamsLightTheme}>
      <Form />
    </FluentProvider>,
  );
  await datePickersReady();
  return onChange;
}

const input = () => screen.getByLabelText('Due date') as HTMLInputElement;
const typeAndLeave = (text: string) => {
  fireEvent.change(input(), { target: { value: text } });
  fireEvent.blur(input());
};

describe('DateField', () => {
  it('shows a stored date day first, whatever the browser’s locale', async () => {
    await renderField('2026-09-01');
    expect(input().value).toBe('01/09/2026');
    expect(input().placeholder).toBe('dd/mm/yyyy');
  });

  it('reads a typed British date as the calendar day it names', async () => {
    const onChange = await renderField('');
    typeAndLeave('23/4/2026');
    expect(onChange).toHaveBeenLastCalledWith('2026-04-23');
    expect(input().value).toBe('23/04/2026');
  });

  it('says beside the field what it cannot read, and keeps the date it had', async () => {
    const onChange = await renderField('2026-09-01');
    typeAndLeave('04/23/2026');
    expect(onChange).not.toHaveBeenCalled();
    expect(describedBy(input())).toContain('Type the date as dd/mm/yyyy');
    expect(input().value).toBe('01/09/2026');
    typeAndLeave('2/9/2026');
    expect(onChange).toHaveBeenLastCalledWith('2026-09-02');
    expect(describedBy(input())).not.toContain('Type the date as dd/mm/yyyy');
  });

  it('keeps half-typed text when the form around it renders again before the field is left', async () => {
    const onChange = jest.fn();
    const form = (hint: string) => (
      <FluentProvider theme={teamsLightTheme}>
        <DateField label="Due date" hint={hint} value="2026-09-01" onChange={onChange} />
      </FluentProvider>
    );
    const { rerender } = render(form('first'));
    await datePickersReady();
    fireEvent.change(input(), { target: { value: '13/9/2026' } });
    rerender(form('second')); // e.g. a list finished loading behind it
    fireEvent.blur(input());
    expect(onChange).toHaveBeenLastCalledWith('2026-09-13');
  });

  it('empties to no date when the text is cleared', async () => {
    const onChange = await renderField('2026-09-01');
    typeAndLeave('');
    expect(onChange).toHaveBeenLastCalledWith('');
  });
});
