import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { DateField } from '@tab/components/DateField/DateField';
import type { IsoDate } from '@/kernel/dates';
import { monthsOfAge } from '@/kernel/age';
import { AgeFields } from './AgeFields';
import { measureText } from './measure-text';
import { MEASURE_POINTS, measureAt, type MeasurePoint } from '@/kernel/intervention';
import { fieldState, formProblems, NO_PROBLEMS, type FormProblems } from '@tab/components/FormProblems/form-problems';
import type { InterventionView, RegisterApi } from '@tab/Register/register-api';
import { useFormStyles } from '@tab/components/FormProblems/Form.styles';
import { FormFooter } from '@tab/components/FormProblems/FormFooter';

const POINT_LABELS: Record<MeasurePoint, string> = { baseline: 'Baseline (start)', mid: 'Mid-point', end: 'End' };
const FIELDS = ['point', 'value', 'date', 'note'] as const;

/** The first point not yet measured (baseline, then mid, then end): what is usually recorded next. */
const nextPoint = (i: InterventionView): MeasurePoint => MEASURE_POINTS.find((p) => !measureAt(i, p)) ?? 'end';

export interface RecordMeasureFormProps {
  api: Pick<RegisterApi, 'addMeasure'>;
  intervention: InterventionView;
  /** Who it is for, as shown in the list (initials and year). */
  pupilLabel: string;
  today: IsoDate;
  onRecorded: () => void;
  onCancel: () => void;
}

/**
 * Record a baseline, mid-point or end measure on one intervention. A point already measured is
 * replaced (the server keeps one of each). The server's problems show beside their fields.
 */
export function RecordMeasureForm({ api, intervention, pupilLabel, today, onRecorded, onCancel }: RecordMeasureFormProps) {
  const styles = useFormStyles();
  const [point, setPoint] = useState<MeasurePoint>(() => nextPoint(intervention));
  const [value, setValue] = useState('');
  const [date, setDate] = useState<string>(today);
  const [ageMonths, setAgeMonths] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [busy, setBusy] = useState(false);
  // A reading or spelling age is typed as staff read it, years and months; it is stored in months.
  const isAge = intervention.measureKind === 'reading_age' || intervention.measureKind === 'spelling_age';
  const unit =
    intervention.measureKind === 'custom'
      ? (intervention.measureUnit ?? 'value')
      : intervention.measureKind === 'standardised_score'
        ? 'score'
        : 'months';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblems(NO_PROBLEMS);
    try {
      if (isAge && monthsOfAge(value, ageMonths) === null) {
        setProblems({ byField: { value: 'give the age as whole years and 0 to 11 months' }, general: null });
        return;
      }
      // An empty box is sent as missing so the server names the field, rather than as 0.
      const typed = isAge ? monthsOfAge(value, ageMonths) : value.trim() === '' ? undefined : Number(value);
      await api.addMeasure(intervention.id, { point, date, value: typed as number });
      setValue('');
      setAgeMonths('');
      onRecorded();
    } catch (error) {
      setProblems(formProblems(error, FIELDS, 'measure'));
    } finally {
      setBusy(false);
    }
  }

  const headingId = `record-measure-${intervention.id}`;
  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate aria-labelledby={headingId}>
      <h3 id={headingId}>
        Record a measure: {intervention.name} ({pupilLabel})
      </h3>
      <div className={styles.grid}>
        <Field label="Point" required {...fieldState(problems, 'point')}>
          <Select value={point} onChange={(_, d) => setPoint(d.value as MeasurePoint)}>
            {MEASURE_POINTS.map((p) => (
              <option key={p} value={p}>
                {POINT_LABELS[p]}
                {measureAt(intervention, p) ? ` (replaces ${measureText(intervention, measureAt(intervention, p)!.value)})` : ''}
              </option>
            ))}
          </Select>
        </Field>
        {isAge ? (
          <AgeFields
            label="Age"
            required
            years={value}
            months={ageMonths}
            onChange={(age) => (setValue(age.years), setAgeMonths(age.months))}
            validation={fieldState(problems, 'value')}
          />
        ) : (
          <Field label={`Value (${unit})`} required {...fieldState(problems, 'value')}>
            <Input type="number" value={value} onChange={(_, d) => setValue(d.value)} />
          </Field>
        )}
        <DateField label="Date measured" required {...fieldState(problems, 'date')} value={date} onChange={setDate} />
      </div>
      <FormFooter problem={problems.general} busy={busy} submitLabel="Save measure">
        <Button onClick={onCancel}>Close</Button>
      </FormFooter>
    </form>
  );
}
