import { Field, Select, Spinner } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useLoad } from '../api/use-load';
import { useApp } from '../app-context';
import { ErrorNotice } from '../components/ErrorNotice/ErrorNotice';
import { EffectivenessTable } from '../Interventions/EffectivenessTable';
import { InterventionList } from '../Interventions/InterventionList';
import { createPassportApi, yearLabel } from '../Register/passport-api';
import { createRegisterApi } from '../Register/register-api';
import { useRegisterStyles } from '../Register/Register.styles';

/** Interventions (SEND team only): which ones work across the school, then each pupil's with warnings. */
export default function InterventionsView() {
  const { getToken } = useApp();
  const styles = useRegisterStyles();
  const api = useMemo(() => createRegisterApi(getToken), [getToken]);
  const pupilApi = useMemo(() => createPassportApi(getToken), [getToken]);
  const [pupilId, setPupilId] = useState('');
  const loaded = useLoad(async () => {
    const [list, pupils] = await Promise.all([api.interventions(pupilId || undefined), pupilApi.pupils()]);
    return { ...list, pupils: new Map(pupils.map((p) => [p.id, p])), pupilList: pupils };
  }, pupilId);

  if (loaded.error !== undefined) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Spinner label="Loading interventions…" />;
  const { effectiveness, interventions, pupils, pupilList } = loaded.data;
  return (
    <div>
      <section className={styles.section} aria-labelledby="interventions-effectiveness">
        <h2 id="interventions-effectiveness">Which interventions work</h2>
        {effectiveness.length === 0 ? <p>No interventions recorded yet.</p> : <EffectivenessTable rows={effectiveness} />}
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
        {interventions.length === 0 ? <p>No interventions for this pupil.</p> : <InterventionList interventions={interventions} pupils={pupils} />}
      </section>
    </div>
  );
}
