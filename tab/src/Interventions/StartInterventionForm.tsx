import { Field, Input, Select } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { DateField } from '@tab/components/DateField/DateField';
import type { Person } from '@/kernel/action';
import { addDays, type IsoDate } from '@/kernel/dates';
import { MEASURE_KINDS, STAFF_ROLES, type MeasureKind, type NewInterventionInput, type StaffRole } from '@/kernel/intervention';
import { DURATION_WEEKS, EEF_DOSE, plannedWeeks } from '@/api-types';
import { fieldState, formProblems, NO_PROBLEMS, type FormProblems } from '@tab/components/FormProblems/form-problems';
import type { RegisterPupil } from '@tab/Register/passport-api';
import { monthsOfAge } from '@/kernel/age';
import { yearLabel } from '@/kernel/pupil-label';
import { AgeFields } from './AgeFields';
import type { RegisterApi } from '@tab/Register/register-api';
import { useFormStyles } from '@tab/components/FormProblems/Form.styles';
import { FormFooter } from '@tab/components/FormProblems/FormFooter';
import { StaffOptions } from '@tab/components/StaffOptions/StaffOptions';

export const MEASURE_KIND_LABELS: Record<MeasureKind, string> = {
  reading_age: 'Reading age',
  spelling_age: 'Spelling age',
  standardised_score: 'Standardised score',
  custom: 'Something else (say what)',
};
const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  teaching_assistant: 'Teaching assistant',
  teacher: 'Teacher',
  senco: 'SENCO',
  external: 'External',
};

/** The server's field paths this form can show a problem beside. */
const FIELDS = [
  'pupilId',
  'name',
  'group',
  'staff',
  'startDate',
  'plannedEndDate',
  'sessionsPerWeek',
  'sessionMinutes',
  'parentConsentDate',
  'measureKind',
  'measureUnit',
  // Before 'target', which would take target.value too: the value has its own box.
  'target.value',
  'target',
] as const;

const blankForm = (today: IsoDate) => ({
  pupilId: '',
  name: '',
  group: '',
  staffId: '',
  staffRole: 'teaching_assistant' as StaffRole,
  startDate: today,
  plannedEndDate: addDays(today, 7 * 14),
  sessionsPerWeek: '3',
  sessionMinutes: '30',
  parentConsentDate: '',
  measureKind: 'reading_age' as MeasureKind,
  measureUnit: '',
  targetDescription: '',
  targetValue: '',
  /** With an age measure, `targetValue` holds the years and this the months. */
  targetMonths: '',
});
type FormValues = ReturnType<typeof blankForm>;

// An empty number box is "not given" (the server names it), not 0.
const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
const isAge = (kind: MeasureKind) => kind === 'reading_age' || kind === 'spelling_age';

/** The target on the measure's scale: an age in months from its years and months boxes; null when left blank. */
function targetValue(v: FormValues): number | null {
  if (!isAge(v.measureKind)) return num(v.targetValue) ?? null;
  if (v.targetValue.trim() === '' && v.targetMonths.trim() === '') return null;
  return monthsOfAge(v.targetValue, v.targetMonths);
}

/** What the form sends: exactly the API's new-intervention body. */
export function toNewIntervention(v: FormValues, staff: readonly Person[]): NewInterventionInput {
  const person = staff.find((p) => p.id === v.staffId);
  return {
    pupilId: v.pupilId,
    name: v.name,
    group: v.group.trim() || null,
    staff: { ...(person ?? { id: '', name: '', email: '' }), role: v.staffRole },
    startDate: v.startDate,
    plannedEndDate: v.plannedEndDate,
    sessionsPerWeek: num(v.sessionsPerWeek) as number,
    sessionMinutes: num(v.sessionMinutes) as number,
    parentConsentDate: v.parentConsentDate || null,
    measureKind: v.measureKind,
    measureUnit: v.measureKind === 'custom' ? v.measureUnit.trim() || null : null,
    target: { description: v.targetDescription, value: targetValue(v) },
  };
}

function weeksHint(v: FormValues): string {
  const guide = `${DURATION_WEEKS.min}–${DURATION_WEEKS.max} weeks works best.`;
  if (!v.startDate || !v.plannedEndDate || v.plannedEndDate <= v.startDate) return guide;
  return `${plannedWeeks(v)} weeks. ${guide}`;
}

export interface StartInterventionFormProps {
  api: Pick<RegisterApi, 'createIntervention'>;
  pupils: readonly RegisterPupil[];
  staff: readonly Person[];
  today: IsoDate;
  /** After a save: the new intervention's name, for the confirmation. */
  onStarted: (name: string) => void;
}

/**
 * Start an intervention for a register pupil: who delivers it, when, how often, the consent date, the
 * outcome aimed for and how it is measured. Guidance (12–20 weeks; EEF dose) shows as hints; the
 * server's validation problems show beside their fields.
 */
export function StartInterventionForm({ api, pupils, staff, today, onStarted }: StartInterventionFormProps) {
  const styles = useFormStyles();
  const [v, setV] = useState<FormValues>(() => blankForm(today));
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<FormValues>) => setV((current) => ({ ...current, ...patch }));
  const field = (name: (typeof FIELDS)[number]) => fieldState(problems, name);

  async function submit(e: FormEvent) {
    e.preventDefault();
    // Consent comes before any session: say so here rather than send a form that cannot be right.
    if (!v.parentConsentDate) {
      setProblems({ byField: { parentConsentDate: 'record the date parent consent was given' }, general: null });
      return;
    }
    if (!v.staffId) {
      setProblems({ byField: { staff: 'choose who delivers it' }, general: null });
      return;
    }
    if (isAge(v.measureKind) && targetValue(v) === null && (v.targetValue.trim() !== '' || v.targetMonths.trim() !== '')) {
      setProblems({ byField: { 'target.value': 'give the target age as whole years and 0 to 11 months' }, general: null });
      return;
    }
    setBusy(true);
    setProblems(NO_PROBLEMS);
    try {
      await api.createIntervention(toNewIntervention(v, staff));
      onStarted(v.name.trim());
      setV(blankForm(today));
    } catch (error) {
      setProblems(formProblems(error, FIELDS));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate aria-labelledby="start-intervention">
      <h3 id="start-intervention">Start an intervention</h3>
      <div className={styles.grid}>
        <Field label="Pupil" required {...field('pupilId')}>
          <Select value={v.pupilId} onChange={(_, d) => set({ pupilId: d.value })}>
            <option value="">Choose a pupil</option>
            {pupils.map((p) => (
              <option key={p.id} value={p.id}>
                {p.surname}, {p.forename} ({yearLabel(p.yearGroup)})
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Intervention name" required {...field('name')}>
          <Input value={v.name} onChange={(_, d) => set({ name: d.value })} />
        </Field>
        <Field label="Group" hint="Pupils with the same name, group and staff share sessions" {...field('group')}>
          <Input value={v.group} onChange={(_, d) => set({ group: d.value })} />
        </Field>
        <Field label="Delivered by" required {...field('staff')}>
          <Select value={v.staffId} onChange={(_, d) => set({ staffId: d.value })}>
            <option value="">Choose a member of staff</option>
            <StaffOptions staff={staff} />
          </Select>
        </Field>
        <Field label="Their role">
          <Select value={v.staffRole} onChange={(_, d) => set({ staffRole: d.value as StaffRole })}>
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {STAFF_ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.grid}>
        <DateField
          label="Start date"
          required
          {...field('startDate')}
          value={v.startDate}
          onChange={(value) => set({ startDate: value })}
        />
        <DateField
          label="Planned end"
          required
          hint={weeksHint(v)}
          {...field('plannedEndDate')}
          value={v.plannedEndDate}
          onChange={(value) => set({ plannedEndDate: value })}
        />
        <Field
          label="Sessions a week"
          required
          hint={`EEF: ${EEF_DOSE.sessionsPerWeek.min}–${EEF_DOSE.sessionsPerWeek.max} a week`}
          {...field('sessionsPerWeek')}
        >
          <Input type="number" min={1} max={10} value={v.sessionsPerWeek} onChange={(_, d) => set({ sessionsPerWeek: d.value })} />
        </Field>
        <Field
          label="Minutes a session"
          required
          hint={`EEF: ${EEF_DOSE.minutes.min}–${EEF_DOSE.minutes.max} minutes`}
          {...field('sessionMinutes')}
        >
          <Input type="number" min={5} max={240} value={v.sessionMinutes} onChange={(_, d) => set({ sessionMinutes: d.value })} />
        </Field>
        <DateField
          label="Parent consent recorded on"
          required
          hint="Needed on or before the start"
          {...field('parentConsentDate')}
          value={v.parentConsentDate}
          onChange={(value) => set({ parentConsentDate: value })}
        />
      </div>
      <div className={styles.grid}>
        <Field label="Target outcome" required hint="Specific: e.g. “Reading age 8y 0m” or “8/10 spellings”" {...field('target')}>
          <Input value={v.targetDescription} onChange={(_, d) => set({ targetDescription: d.value })} />
        </Field>
        <Field label="Measured by" required {...field('measureKind')}>
          <Select value={v.measureKind} onChange={(_, d) => set({ measureKind: d.value as MeasureKind })}>
            {MEASURE_KINDS.map((k) => (
              <option key={k} value={k}>
                {MEASURE_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </Field>
        {isAge(v.measureKind) ? (
          <AgeFields
            label="Target age"
            years={v.targetValue}
            months={v.targetMonths}
            onChange={(age) => set({ targetValue: age.years, targetMonths: age.months })}
            validation={field('target.value')}
          />
        ) : (
          <Field label="Target value" hint="On the measure chosen; blank if judged by hand" {...field('target.value')}>
            <Input type="number" value={v.targetValue} onChange={(_, d) => set({ targetValue: d.value })} />
          </Field>
        )}
        {v.measureKind === 'custom' && (
          <Field label="What the number counts" required hint="e.g. “spellings out of 10”" {...field('measureUnit')}>
            <Input value={v.measureUnit} onChange={(_, d) => set({ measureUnit: d.value })} />
          </Field>
        )}
      </div>
      <FormFooter problem={problems.general} busy={busy} submitLabel="Start intervention" />
    </form>
  );
}
