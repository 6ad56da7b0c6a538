import { Field, MessageBar, MessageBarBody, Select, Spinner } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLoad } from '@tab/api/use-load';
import { useApp } from '@tab/app-context';
import { ErrorNotice } from '@tab/components/ErrorNotice/ErrorNotice';
import { EffectivenessCharts } from '@tab/Interventions/EffectivenessCharts';
import { InterventionList, pupilLabel } from '@tab/Interventions/InterventionList';
import { RecordMeasureForm } from '@tab/Interventions/RecordMeasureForm';
import { StartInterventionForm } from '@tab/Interventions/StartInterventionForm';
import { yearLabel } from '@/kernel/pupil-label';
import { createPassportApi } from '@tab/Register/passport-api';
import { createRegisterApi } from '@tab/Register/register-api';
import { useRegisterStyles } from '@tab/Register/Register.styles';

/**
 * Interventions (SEND team only): which ones work across the school, then each pupil's with warnings;
 * start one, and record its baseline, mid-point and end measures.
 */
export default function InterventionsView() {
  const { getToken, api: trackerApi, today } = useApp();
  const styles = useRegisterStyles();
  const api = useMemo(() => createRegisterApi(getToken), [getToken]);
  const pupilApi = useMemo(() => createPassportApi(getToken), [getToken]);
  const [pupilId, setPupilId] = useState('');
  const [version, setVersion] = useState(0);
  const [recordingId, setRecordingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const recordRef = useRef<HTMLDivElement>(null);
  const loaded = useLoad(async () => {
    const [list, pupils, staff] = await Promise.all([api.interventions(pupilId || undefined), pupilApi.pupils(), trackerApi.staff()]);
    return { ...list, pupils: new Map(pupils.map((p) => [p.id, p])), pupilList: pupils, staff };
  }, `${pupilId}|${version}`);

  // The form opens below the table: take focus there so keyboard and screen-reader users follow.
  useEffect(() => {
    if (recordingId) recordRef.current?.querySelector('select')?.focus();
  }, [recordingId]);

  if (loaded.error !== undefined) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Spinner label="Loading interventions…" />;
  const { effectiveness, interventions, pupils, pupilList, staff } = loaded.data;
  const recording = interventions.find((i) => i.id === recordingId);
  return (
    <div>
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <section className={styles.section} aria-labelledby="interventions-effectiveness">
        <h2 id="interventions-effectiveness">Which interventions work</h2>
        {effectiveness.length === 0 ? <p>No interventions recorded yet.</p> : <EffectivenessCharts rows={effectiveness} />}
      </section>
      <section className={styles.section} aria-labelledby="interventions-pupils">
        <h2 id="interventions-pupils">Each pupil’s interventions</h2>
        <Field label="Pupil">
          <Select value={pupilId} onChange={(_, d) => setPupilId(d.value)}>
            <option value="">All pupils</option>
            {pupilList.map((p) => (
              <option key={p.id} value={p.id}>
                {p.surname}, {p.forename} ({yearLabel(p.yearGroup)})
              </option>
            ))}
          </Select>
        </Field>
        {interventions.length === 0 ? (
          <p>No interventions for this pupil.</p>
        ) : (
          <InterventionList interventions={interventions} pupils={pupils} onRecord={(i) => setRecordingId(i.id)} />
        )}
        {recording && (
          <div ref={recordRef}>
            <RecordMeasureForm
              key={`${recording.id}|${recording.version}`}
              api={api}
              intervention={recording}
              pupilLabel={pupilLabel(pupils, recording.pupilId)}
              today={today}
              onRecorded={() => {
                setNotice(`Measure saved for ${recording.name}.`);
                setVersion((n) => n + 1);
              }}
              onCancel={() => setRecordingId(null)}
            />
          </div>
        )}
      </section>
      <section className={styles.section}>
        <StartInterventionForm
          api={api}
          pupils={pupilList}
          staff={staff}
          today={today}
          onStarted={(name) => {
            setNotice(`Intervention started: ${name}. Its review dates are on the tracker.`);
            setVersion((n) => n + 1);
          }}
        />
      </section>
    </div>
  );
}
