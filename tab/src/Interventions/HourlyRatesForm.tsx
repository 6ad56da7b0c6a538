import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { STAFF_ROLES, type StaffRole } from '@/kernel/intervention';
import { fieldState, formProblems, NO_PROBLEMS, type FormProblems } from '@tab/components/FormProblems/form-problems';
import { FormFooter } from '@tab/components/FormProblems/FormFooter';
import type { RegisterApi } from '@tab/Register/register-api';

const useStyles = makeStyles({
  rates: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  rate: { maxWidth: '10rem' },
});

export const ROLE_LABELS: Record<StaffRole, string> = {
  teaching_assistant: 'Teaching assistant',
  teacher: 'Teacher',
  senco: 'SENCO',
  external: 'External',
};

type Rates = Partial<Record<StaffRole, number>>;

/**
 * The school's hourly rate per staff role, kept on the server for the whole SEND team (every save
 * recorded with who and when): the provision map costs each provision with them.
 */
export function HourlyRatesForm({ api, saved, onSaved }: { api: Pick<RegisterApi, 'saveSettings'>; saved: Rates; onSaved: () => void }) {
  const styles = useStyles();
  const [draft, setDraft] = useState<Partial<Record<StaffRole, string>>>(() =>
    Object.fromEntries(STAFF_ROLES.map((r) => [r, saved[r]?.toString() ?? ''])),
  );
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const fields = STAFF_ROLES.map((r) => `hourlyRates.${r}`);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblems(NO_PROBLEMS);
    setDone(false);
    const byField: Record<string, string> = {};
    const hourlyRates: Rates = {};
    for (const role of STAFF_ROLES) {
      const text = draft[role]?.trim() ?? '';
      if (text === '') continue;
      const n = Number(text);
      if (!Number.isFinite(n)) byField[`hourlyRates.${role}`] = 'must be a number of pounds, such as 18.50';
      else hourlyRates[role] = n;
    }
    if (Object.keys(byField).length > 0) return setProblems({ byField, general: null });
    setBusy(true);
    try {
      await api.saveSettings({ hourlyRates });
      setDone(true);
      onSaved();
    } catch (error) {
      setProblems(formProblems(error, fields));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="hourly-rates">
      <h2 id="hourly-rates">Hourly rates</h2>
      <div className={styles.rates}>
        {STAFF_ROLES.map((role) => (
          <Field key={role} label={`${ROLE_LABELS[role]} £/hour`} {...fieldState(problems, `hourlyRates.${role}`)}>
            <Input
              type="number"
              min={0}
              step={0.5}
              value={draft[role] ?? ''}
              onChange={(_, d) => setDraft({ ...draft, [role]: d.value })}
              className={styles.rate}
            />
          </Field>
        ))}
      </div>
      <FormFooter problem={problems.general} busy={busy} submitLabel="Save rates">
        {done && <span role="status">Rates saved for the SEND team.</span>}
      </FormFooter>
    </form>
  );
}
