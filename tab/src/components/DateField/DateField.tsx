import { DayOfWeek } from '@fluentui/react-calendar-compat';
import { Field } from '@fluentui/react-components';
import { DatePicker, defaultDatePickerStrings, type DatePickerValidationResultData } from '@fluentui/react-datepicker-compat';
import { format, parseISO } from 'date-fns';
import { useMemo, useState } from 'react';
import { formatShortDate, isIsoDate, parseTypedDate, type IsoDate } from '@/kernel/dates';

const TYPE_IT_SO = 'Type the date as dd/mm/yyyy, for example 23/04/2026, or pick it from the calendar.';

const STRINGS = { ...defaultDatePickerStrings, invalidInputErrorMessage: TYPE_IT_SO, closeButtonAriaLabel: 'Close the calendar' };

/** The picker's Date is a local midnight; the record's date is its calendar day. */
const toDate = (value: string) => (isIsoDate(value) ? parseISO(value) : null);
const toIso = (date: Date): IsoDate => format(date, 'yyyy-MM-dd');
// Both at module level on purpose: the picker re-shows its value whenever `formatDate` changes
// identity, so an inline function would wipe half-typed text at the parent's next render.
const formatPicked = (date?: Date | null) => (date ? formatShortDate(toIso(date)) : '');
const parseTyped = (text: string) => {
  const iso = parseTypedDate(text);
  return iso ? parseISO(iso) : null;
};

export interface DateFieldProps {
  label: string;
  /** An ISO date, or '' for none. */
  value: string;
  onChange: (value: IsoDate | '') => void;
  hint?: string;
  /** A problem the server found with this field (it wins over the field's own). */
  validationMessage?: string;
  validationState?: 'error';
  required?: boolean;
}

/**
 * A date as staff in England read and type it: dd/mm/yyyy, weeks from Monday, whatever the
 * browser's own locale (a native date input follows the browser: mm/dd/yyyy in an en-US build).
 * Fluent's DatePicker, typed or picked; what it cannot read is said beside it, not saved.
 */
export function DateField({ label, value, onChange, hint, validationMessage, validationState, required }: DateFieldProps) {
  const [unreadable, setUnreadable] = useState(false);
  const onValidationResult = ({ error }: DatePickerValidationResultData) => setUnreadable(error === 'invalid-input');
  const message = validationMessage ?? (unreadable ? TYPE_IT_SO : undefined);
  // One Date per value: a new one each render would also make the picker re-show it over typed text.
  const picked = useMemo(() => toDate(value), [value]);
  return (
    // The Field's control id on the input, so the label's `for` names it (the picker takes the rest from the Field).
    <Field label={label} hint={hint} required={required} validationMessage={message} validationState={message ? 'error' : validationState}>
      {({ id }) => (
        <DatePicker
          id={id}
          value={picked}
          onSelectDate={(date) => {
            // The picker re-selects the date it had after unreadable text: that is no change.
            const next = date ? toIso(date) : '';
            if (next !== value) onChange(next);
          }}
          allowTextInput
          formatDate={formatPicked}
          parseDateFromString={parseTyped}
          onValidationResult={onValidationResult}
          firstDayOfWeek={DayOfWeek.Monday}
          placeholder="dd/mm/yyyy"
          strings={STRINGS}
        />
      )}
    </Field>
  );
}
