import { DayOfWeek } from '@fluentui/react-calendar-compat';
import { DatePicker, defaultDatePickerStrings, type DatePickerValidationResultData } from '@fluentui/react-datepicker-compat';
import { format, parseISO } from 'date-fns';
import { useMemo } from 'react';
import { formatShortDate, isIsoDate, parseTypedDate, type IsoDate } from '@/kernel/dates';
import { TYPE_IT_SO } from './date-field-text';

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

export interface DatePickerInputProps {
  id?: string;
  value: string;
  onChange: (value: IsoDate | '') => void;
  /** Told whether the text typed could be read as a date. */
  onReadable: (readable: boolean) => void;
}

/**
 * Fluent's DatePicker set up the British way: dd/mm/yyyy typed or picked, weeks from Monday. Its own
 * chunk (about 37 KB gzipped), loaded when a view first shows a date field, not with the tracker.
 */
export default function DatePickerInput({ id, value, onChange, onReadable }: DatePickerInputProps) {
  // One Date per value: a new one each render would also make the picker re-show it over typed text.
  const picked = useMemo(() => toDate(value), [value]);
  return (
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
      onValidationResult={({ error }: DatePickerValidationResultData) => onReadable(error !== 'invalid-input')}
      firstDayOfWeek={DayOfWeek.Monday}
      placeholder="dd/mm/yyyy"
      strings={STRINGS}
    />
  );
}
