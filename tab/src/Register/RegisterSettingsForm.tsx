import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { RegisterSettings, RegisterSettingsRecord } from '@/api-types';
import { formatDateTime } from '@/kernel/dates';
import { NEED_CODES, NEED_LABELS, type NeedCode } from '@/kernel/need-codes';
import { fieldState, formProblems, NO_PROBLEMS, type FormProblems } from '@tab/components/FormProblems/form-problems';
import type { RegisterApi } from './register-api';
import { useRegisterStyles } from './Register.styles';

export interface RegisterSettingsFormProps {
  api: Pick<RegisterApi, 'saveSettings'>;
  /** As last saved (null: never). */
  current: RegisterSettingsRecord | null;
  onSaved: (saved: RegisterSettingsRecord) => void;
}

/**
 * What no MIS export carries, kept on the server (every save recorded with who and when): the
 * number on roll, which the school percentages are of, and the need areas staff are trained in.
 * A training box saves as it is ticked; the number on roll saves with its button. Each save sends only
 * its own field: the server keeps the rest as last saved.
 */
export function RegisterSettingsForm({ api, current, onSaved }: RegisterSettingsFormProps) {
  const styles = useRegisterStyles();
  const [roll, setRoll] = useState(current?.numberOnRoll?.toString() ?? '');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [busy, setBusy] = useState(false);
  // Ticked at once, not when the save returns; each save carries the whole list, so the last one wins.
  const [training, setTraining] = useState<NeedCode[]>(current?.trainingNeeds ?? []);

  async function save(settings: Partial<RegisterSettings>) {
    setBusy(true);
    setProblems(NO_PROBLEMS);
    try {
      onSaved(await api.saveSettings(settings));
    } catch (error) {
      setTraining(current?.trainingNeeds ?? []); // as last saved: the tick did not hold
      setProblems(formProblems(error, ['numberOnRoll']));
    } finally {
      setBusy(false);
    }
  }

  const submitRoll = (e: FormEvent) => {
    e.preventDefault();
    const text = roll.trim();
    const numberOnRoll = text === '' ? null : Number(text);
    if (numberOnRoll !== null && !Number.isInteger(numberOnRoll)) {
      setProblems({ byField: { numberOnRoll: 'must be a whole number' }, general: null });
      return;
    }
    void save({ numberOnRoll });
  };
  const toggle = (code: NeedCode, on: boolean) => {
    const next = NEED_CODES.filter((c) => (c === code ? on : training.includes(c)));
    setTraining(next);
    void save({ trainingNeeds: next });
  };

  return (
    <>
      <form className={styles.section} onSubmit={submitRoll} noValidate aria-labelledby="register-roll">
        <h2 id="register-roll">Number on roll</h2>
        <p className={styles.note}>
          The school percentages are of this number. Leave it empty when the file you import is the whole roll; give it when you import SEN
          pupils only.
        </p>
        <div className={styles.inline}>
          <Field label="Pupils on roll" hint="From your MIS or the census" {...fieldState(problems, 'numberOnRoll')}>
            <Input type="number" inputMode="numeric" min={1} value={roll} onChange={(_, d) => setRoll(d.value)} />
          </Field>
          <Button type="submit" appearance="primary" disabled={busy}>
            Save number on roll
          </Button>
        </div>
      </form>
      <section className={styles.section} aria-labelledby="register-training">
        <h2 id="register-training">Need areas staff are trained in</h2>
        <p className={styles.note}>Answers “Does staff training match the main needs?” above. Saved for the whole SEND team.</p>
        {/* Not inside a Field: a Field gives its one control id to every checkbox in it. */}
        <div role="group" aria-labelledby="register-training" className={styles.questions}>
          {NEED_CODES.map((code) => (
            <Checkbox
              key={code}
              label={`${code}: ${NEED_LABELS[code]}`}
              checked={training.includes(code)}
              onChange={(_, d) => toggle(code, d.checked === true)}
            />
          ))}
        </div>
      </section>
      {current && (
        <p className={styles.note}>
          Last changed {formatDateTime(current.at)} by {current.by.name}.
        </p>
      )}
      {problems.general && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problems.general}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
