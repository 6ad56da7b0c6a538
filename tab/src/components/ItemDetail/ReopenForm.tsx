import { Button, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useApp } from '@tab/app-context';
import { useItemDetailStyles } from './ItemDetail.styles';
import type { ItemChangeRunner } from './use-item-changes';

export interface ReopenFormProps {
  busy: boolean;
  run: ItemChangeRunner;
}

/** SEND team only (the server enforces it too): bring an archived item back, saying why. */
export function ReopenForm({ busy, run }: ReopenFormProps) {
  const { api } = useApp();
  const styles = useItemDetailStyles();
  const [note, setNote] = useState('');
  return (
    <section className={styles.section} aria-labelledby="reopen-heading">
      <h3 id="reopen-heading" className={styles.heading}>
        Reopen
      </h3>
      <div className={styles.row}>
        <Field label="Why is it being reopened?" className={styles.grow}>
          <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
        </Field>
        <Button
          disabled={busy || note.trim() === ''}
          onClick={() => void run((a) => api.reopen(a.id, a.version, note.trim()), 'Reopened.')}
        >
          Reopen item
        </Button>
      </div>
    </section>
  );
}
