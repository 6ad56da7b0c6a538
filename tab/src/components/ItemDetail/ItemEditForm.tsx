import { Button, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { Action, Person } from '@/kernel/action';
import type { PupilDocument } from '@/kernel/pupil-document';
import { OPEN_STATUS_VALUES, STATUS_LABELS } from '@/kernel/status';
import { useApp } from '@tab/app-context';
import { DocumentPicker } from './DocumentPicker';
import { useItemDetailStyles } from './ItemDetail.styles';
import type { ItemChangeRunner } from './use-item-changes';
import { StaffOptions } from '../StaffOptions/StaffOptions';
import { counter } from '../FormProblems/text-counter';

/** The longest note the API takes (kernel/action.ts). */
const NOTE_MAX = 2000;

type OpenStatus = (typeof OPEN_STATUS_VALUES)[number];

export interface ItemEditFormProps {
  action: Action;
  staff: readonly Person[];
  busy: boolean;
  run: ItemChangeRunner;
  /** The pupil's documents the evidence can be picked from (loaded by the panel). */
  documents: readonly PupilDocument[];
}

/** Status and owner save as soon as they are picked; a note and an evidence link have a Save button. */
export function ItemEditForm({ action, staff, busy, run, documents }: ItemEditFormProps) {
  const { api } = useApp();
  const styles = useItemDetailStyles();
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState(action.evidenceUrl ?? '');
  const owners = staff.some((p) => p.id === action.owner.id) ? staff : [action.owner, ...staff];

  return (
    <section className={styles.section} aria-labelledby="edit-heading">
      <h3 id="edit-heading" className={styles.heading}>
        Update
      </h3>
      <div className={styles.row}>
        <Field label="Status">
          <Select
            value={action.status}
            disabled={busy}
            onChange={(_, d) => void run((a) => api.update(a.id, a.version, { status: d.value as OpenStatus }), 'Status saved.')}
          >
            {OPEN_STATUS_VALUES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Owner">
          <Select
            value={action.owner.id}
            disabled={busy}
            onChange={(_, d) => {
              const owner = owners.find((p) => p.id === d.value);
              if (owner) void run((a) => api.update(a.id, a.version, { owner }), `Now owned by ${owner.name}.`);
            }}
          >
            <StaffOptions staff={owners} />
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <Field label="Add a note" hint={counter(note, NOTE_MAX)} className={styles.grow}>
          <Textarea value={note} maxLength={NOTE_MAX} onChange={(_, d) => setNote(d.value)} resize="vertical" />
        </Field>
        <Button
          disabled={busy || note.trim() === ''}
          onClick={async () => {
            if (await run((a) => api.update(a.id, a.version, { note: note.trim() }), 'Note added.')) setNote('');
          }}
        >
          Save note
        </Button>
      </div>
      <div className={styles.row}>
        <Field label="Evidence link" hint="A link to the document in SharePoint or OneDrive" className={styles.grow}>
          <Input type="url" value={evidence} onChange={(_, d) => setEvidence(d.value)} />
        </Field>
        <Button
          disabled={busy || evidence.trim() === (action.evidenceUrl ?? '')}
          onClick={() => void run((a) => api.update(a.id, a.version, { evidenceUrl: evidence.trim() || null }), 'Evidence link saved.')}
        >
          Save link
        </Button>
      </div>
      <DocumentPicker documents={documents} onPick={setEvidence} />
    </section>
  );
}
