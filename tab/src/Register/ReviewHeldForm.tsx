import { Field, Textarea } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { IsoDate } from '@/kernel/dates';
import { DateField } from '@tab/components/DateField/DateField';
import { fieldState, formProblems, NO_PROBLEMS, type FormProblems } from '@tab/components/FormProblems/form-problems';
import { useFormStyles } from '@tab/components/FormProblems/Form.styles';
import { FormFooter } from '@tab/components/FormProblems/FormFooter';

const FIELDS = ['heldOn', 'note'] as const;

/**
 * "The annual review was held": the date (the report and the authority's decision run from it) and
 * a note the meeting's item is closed with. The next review is then dated from this one.
 */
export function ReviewHeldForm({ today, onRecord }: { today: IsoDate; onRecord: (heldOn: IsoDate, note: string) => Promise<void> }) {
  const styles = useFormStyles();
  const [heldOn, setHeldOn] = useState<string>(today);
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblems(NO_PROBLEMS);
    try {
      await onRecord(heldOn, note);
      setNote('');
    } catch (error) {
      setProblems(formProblems(error, FIELDS));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label="Record the annual review as held">
      <div className={styles.grid}>
        <DateField label="Review held on" required value={heldOn} onChange={setHeldOn} {...fieldState(problems, 'heldOn')} />
        <Field label="What the review agreed" required hint="Closes the meeting's item" {...fieldState(problems, 'note')}>
          <Textarea value={note} onChange={(_, d) => setNote(d.value)} />
        </Field>
      </div>
      <FormFooter problem={problems.general} busy={busy} submitLabel="Record the review as held" />
    </form>
  );
}
