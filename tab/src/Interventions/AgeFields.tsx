import { Field, Input } from '@fluentui/react-components';

/**
 * A reading or spelling age typed as staff read it, years then months (8y 6m, not 102 months);
 * `monthsOfAge` turns the two boxes into the months the server keeps.
 */
export function AgeFields({
  label,
  years,
  months,
  onChange,
  required,
  validation,
}: {
  /** "Age" or "Target age": the boxes read "Age: years", "Age: months (0 to 11)". */
  label: string;
  years: string;
  months: string;
  onChange: (next: { years: string; months: string }) => void;
  required?: boolean;
  /** The problem to show beside the years box. */
  validation?: { validationMessage?: string; validationState?: 'error' };
}) {
  return (
    <>
      <Field label={`${label}: years`} required={required} {...validation}>
        <Input type="number" inputMode="numeric" min={0} value={years} onChange={(_, d) => onChange({ years: d.value, months })} />
      </Field>
      <Field label={`${label}: months (0 to 11)`}>
        <Input
          type="number"
          inputMode="numeric"
          min={0}
          max={11}
          value={months}
          onChange={(_, d) => onChange({ years, months: d.value })}
        />
      </Field>
    </>
  );
}
