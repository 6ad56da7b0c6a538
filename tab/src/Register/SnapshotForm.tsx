import { Button, Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { IsoDate } from '@/kernel/dates';
import type { RegisterSnapshot } from '@/kernel/register-snapshot';
import { fieldState, formProblems, NO_PROBLEMS, type FormProblems } from '@tab/components/FormProblems/form-problems';
import type { RegisterApi } from './register-api';
import { useRegisterStyles } from './Register.styles';

/**
 * The term a date most likely falls in, as the API names terms ("2025-26 Autumn"): Autumn
 * September–December, Spring January–March, Summer April–August. Only a default to correct.
 */
export function likelyTerm(today: IsoDate): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const start = month >= 9 ? year : year - 1;
  const name = month >= 9 ? 'Autumn' : month <= 3 ? 'Spring' : 'Summer';
  return `${start}-${String((start + 1) % 100).padStart(2, '0')} ${name}`;
}

export interface SnapshotFormProps {
  api: Pick<RegisterApi, 'takeSnapshot'>;
  today: IsoDate;
  onTaken: (snapshot: RegisterSnapshot) => void;
}

/**
 * Keeps this term's register counts so later terms can be compared with it. Taking the same term
 * again replaces its snapshot. The server's problem with the term name shows beside the field.
 */
export function SnapshotForm({ api, today, onTaken }: SnapshotFormProps) {
  const styles = useRegisterStyles();
  const [term, setTerm] = useState(() => likelyTerm(today));
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblems(NO_PROBLEMS);
    try {
      onTaken(await api.takeSnapshot(term.trim()));
    } catch (error) {
      setProblems(formProblems(error, ['term']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.section} onSubmit={(e) => void submit(e)} noValidate aria-labelledby="register-snapshot">
      <h2 id="register-snapshot">Termly snapshot</h2>
      <p className={styles.note}>Keeps today’s counts for the term, so next term’s change can be shown.</p>
      <div className={styles.inline}>
        <Field label="Term" hint="e.g. “2025-26 Autumn”" {...fieldState(problems, 'term')}>
          <Input value={term} onChange={(_, d) => setTerm(d.value)} />
        </Field>
        <Button type="submit" appearance="primary" disabled={busy}>
          Take termly snapshot
        </Button>
      </div>
      {problems.general && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problems.general}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
