import { Button, Field, Select, Text } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import {
  type ColumnMapping,
  type EhcDatesImported,
  type ImportChanges,
  type ImportPreview,
  REGISTER_FIELDS,
  type RegisterField,
  REQUIRED_FIELDS,
} from '@/api-types';
import { ImportChangesReview } from './ImportChangesReview';
import { ImportError } from './ImportError';
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
  ehcLocalAuthority: 'EHC plan: local authority',
  ehcIssueDate: 'EHC plan: date issued',
  ehcLastReviewDate: 'EHC plan: last annual review',
  ehcNextReviewDate: 'EHC plan: next annual review',
};

/** What the file's EHC plan dates did, in a sentence or two. */
function ehcPlanWords(plans: EhcDatesImported): string {
  const saved = plans.saved
    ? `EHC plan dates from the file saved for ${plans.saved} pupil${plans.saved === 1 ? '' : 's'}, with their statutory steps.`
    : '';
  return [saved, ...plans.warnings].filter(Boolean).join(' ');
}

/**
 * Import an MIS export in three steps: pick the file and see the proposed column mapping, correct it,
 * check what will change (who the file leaves out), then import. A rejected file shows every row and
 * column at fault, scrolled into view; nothing is stored until it is clean and the person confirms.
 */
export function RegisterImport({ api, onImported }: { api: RegisterApi; onImported: (summary: string) => void }) {
  const styles = useRegisterStyles();
  const [file, setFile] = useState<UploadFile | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [changes, setChanges] = useState<ImportChanges | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  // The message may be a screen below the column pickers: bring it to the person rather than make them find it.
  useEffect(() => {
    if (error !== null) errorRef.current?.scrollIntoView({ block: 'center' });
  }, [error]);

  async function step(work: () => Promise<void>) {
    setError(null);
    setBusy(true);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const pick = (picked: File | undefined) =>
    picked &&
    step(async () => {
      // A refused file must not leave the previous file's columns on screen as if they were its own.
      setChanges(null);
      setPreview(null);
      setMapping(null);
      setFile(null);
      const upload = await toUploadFile(picked);
      const p = await api.previewImport(upload);
      setFile(upload);
      setPreview(p);
      setMapping(p.proposedMapping);
    });

  const check = () => file && mapping && step(async () => setChanges(await api.importChanges(file, mapping)));

  const confirm = (markLeft: number | undefined) =>
    file &&
    mapping &&
    step(async () => {
      try {
        const r = await api.confirmImport(file, mapping, markLeft);
        const plans = r.ehcPlans;
        const planWords = plans && plans.saved + plans.warnings.length > 0 ? ` ${ehcPlanWords(plans)}` : '';
        onImported(`${r.created} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.leftRoll} marked as left.${planWords}`);
        setPreview(null);
      } finally {
        setChanges(null); // after an import, or a refusal because the register changed: check again
      }
    });

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
            accept=".csv,.tsv,.txt,.xlsx,.xls"
            disabled={busy}
            className={styles.file}
            onChange={(e) => void pick(e.target.files?.[0])}
          />
        )}
      </Field>
      {error !== null && <ImportError ref={errorRef} error={error} />}
      {preview && mapping && (
        <>
          <Text>{preview.rowCount} pupil rows. Check which column fills each field:</Text>
          {REGISTER_FIELDS.map((field) => (
            <Field key={field} label={FIELD_LABELS[field]} required={REQUIRED_FIELDS.includes(field)}>
              <Select
                value={mapping[field] ?? ''}
                onChange={(_, d) => {
                  setMapping({ ...mapping, [field]: d.value === '' ? null : d.value });
                  setChanges(null);
                }}
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
          {missing.length > 0 && <Text>Choose a column for {missing.map((f) => FIELD_LABELS[f]).join(', ')}: the register needs it.</Text>}
          {changes ? (
            <ImportChangesReview changes={changes} rowCount={preview.rowCount} busy={busy} onImport={(n) => void confirm(n)} />
          ) : (
            <Button appearance="primary" disabled={busy || missing.length > 0} onClick={() => void check()}>
              Check what will change
            </Button>
          )}
        </>
      )}
    </section>
  );
}
