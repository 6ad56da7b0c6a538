import { Button, Field, MessageBar, MessageBarBody, Select, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { type ColumnMapping, type ImportPreview, REGISTER_FIELDS, type RegisterField, REQUIRED_FIELDS } from '@/api-types';
import { friendlyMessage } from '@tab/api/api-error';
import { toUploadFile, type RegisterApi, type UploadFile } from './register-api';
import { useRegisterStyles } from './Register.styles';

const FIELD_LABELS: Record<RegisterField, string> = {
  upn: 'UPN',
  surname: 'Surname',
  forename: 'Forename',
  dateOfBirth: 'Date of birth',
  yearGroup: 'Year group',
  regGroup: 'Registration group',
  senStatus: 'SEN status (N/K/E)',
  senStartDate: 'SEN start date',
  primaryNeed: 'Primary need',
  secondaryNeed: 'Secondary need',
  fsm: 'FSM eligible',
  pupilPremium: 'Pupil premium',
  eal: 'EAL or first language',
  attendancePercent: 'Attendance %',
};

/**
 * Import an MIS export in two steps: pick the file and see the proposed column mapping, correct it,
 * then confirm. A rejected file shows every row and column at fault; nothing is stored until it is clean.
 */
export function RegisterImport({ api, onImported }: { api: RegisterApi; onImported: (summary: string) => void }) {
  const styles = useRegisterStyles();
  const [file, setFile] = useState<UploadFile | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function pick(picked: File | undefined) {
    if (!picked) return;
    setError(null);
    setBusy(true);
    try {
      const upload = await toUploadFile(picked);
      const p = await api.previewImport(upload);
      setFile(upload);
      setPreview(p);
      setMapping(p.proposedMapping);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (!file || !mapping) return;
    setError(null);
    setBusy(true);
    try {
      const r = await api.confirmImport(file, mapping);
      onImported(`${r.created} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.leftRoll} marked as left.`);
      setPreview(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const missing = mapping ? REQUIRED_FIELDS.filter((f) => mapping[f] === null) : [];
  return (
    <section className={styles.section} aria-labelledby="register-import">
      <h2 id="register-import">Import the register</h2>
      <Field label="MIS export (CSV or Excel)">
        {/* A native input is not a Fluent control: the render function hands it the Field's id and label. */}
        {(props) => (
          <input
            {...props}
            type="file"
            accept=".csv,.xlsx"
            disabled={busy}
            className={styles.file}
            onChange={(e) => void pick(e.target.files?.[0])}
          />
        )}
      </Field>
      {error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{friendlyMessage(error)}</MessageBarBody>
        </MessageBar>
      )}
      {preview && mapping && (
        <>
          <Text>{preview.rowCount} pupil rows. Check which column fills each field:</Text>
          {REGISTER_FIELDS.map((field) => (
            <Field key={field} label={FIELD_LABELS[field]} required={REQUIRED_FIELDS.includes(field)}>
              <Select
                value={mapping[field] ?? ''}
                onChange={(_, d) => setMapping({ ...mapping, [field]: d.value === '' ? null : d.value })}
              >
                <option value="">(not in this file)</option>
                {preview.headers.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
          {preview.unmappedHeaders.length > 0 && <Text className={styles.note}>Not used: {preview.unmappedHeaders.join(', ')}</Text>}
          <Button appearance="primary" disabled={busy || missing.length > 0} onClick={() => void confirm()}>
            Import {preview.rowCount} pupils
          </Button>
        </>
      )}
    </section>
  );
}
