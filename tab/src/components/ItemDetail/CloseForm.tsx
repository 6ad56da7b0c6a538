import { Button, Field, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useApp } from '@tab/app-context';
import { useItemDetailStyles } from './ItemDetail.styles';
import type { ItemChangeRunner } from './use-item-changes';

export interface CloseFormProps {
  busy: boolean;
  run: ItemChangeRunner;
}

/** Done or parked, always with a closing note saying what happened: the item moves to the archive. */
export function CloseForm({ busy, run }: CloseFormProps) {
  const { api } = useApp();
  const styles = useItemDetailStyles();
  const [status, setStatus] = useState<'done' | 'parked'>('done');
  const [note, setNote] = useState('');
  return (
    <section className={styles.section} aria-labelledby="close-heading">
      <h3 id="close-heading" className={styles.heading}>
        Close this item
      </h3>
      <Field label="Close as">
        <RadioGroup layout="horizontal" value={status} onChange={(_, d) => setStatus(d.value as 'done' | 'parked')}>
          <Radio value="done" label="Done" />
          <Radio value="parked" label="Parked" />
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Field label="Closing note" hint="What happened, for the record" className={styles.grow}>
          <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
        </Field>
        <Button
          appearance="primary"
          disabled={busy || note.trim() === ''}
          onClick={() => void run((a) => api.close(a.id, a.version, { status, note: note.trim() }), 'Closed and moved to the archive.')}
        >
          Close item
        </Button>
      </div>
    </section>
  );
}
