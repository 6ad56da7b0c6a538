import { Field, Input } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { formatShortDate, isIsoDate, type IsoDate } from '@/kernel/dates';
import { TYPE_IT_SO } from './date-field-text';

const DatePickerInput = lazy(() => import('./DatePickerInput'));

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
 * Fluent's DatePicker, typed or picked; what it cannot read is said beside it, not saved. Until
 * the picker's chunk arrives, the same date shows read-only in its place.
 */
export function DateField({ label, value, onChange, hint, validationMessage, validationState, required }: DateFieldProps) {
  const [readable, setReadable] = useState(true);
  const message = validationMessage ?? (readable ? undefined : TYPE_IT_SO);
  return (
    <Field label={label} hint={hint} required={required} validationMessage={message} validationState={message ? 'error' : validationState}>
      {/* The Field's control id on the input, so the label's `for` names it (the picker takes the rest from the Field). */}
      {({ id }) => (
        <Suspense fallback={<Input id={id} readOnly value={isIsoDate(value) ? formatShortDate(value) : ''} placeholder="dd/mm/yyyy" />}>
          <DatePickerInput id={id} value={value} onChange={onChange} onReadable={setReadable} />
        </Suspense>
      )}
    </Field>
  );
}
