import { Checkbox, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { NEED_CODES, NEED_LABELS, type NeedCode } from '@/kernel/need-codes';
import { useLoad } from '@tab/api/use-load';
import { useApp } from '@tab/app-context';
import { ErrorNotice } from '@tab/components/ErrorNotice/ErrorNotice';
import { createRegisterApi } from '@tab/Register/register-api';
import { RegisterDashboard } from '@tab/Register/RegisterDashboard';
import { RecentImports } from '@tab/Register/RecentImports';
import { RegisterImport } from '@tab/Register/RegisterImport';
import { SnapshotForm } from '@tab/Register/SnapshotForm';
import { useRegisterStyles } from '@tab/Register/Register.styles';

// No server store for staff training yet: this browser remembers the answer so it is not retyped.
const TRAINING_KEY = 'send-tracker.training-needs';
const readTraining = (): NeedCode[] => {
  try {
    const saved: unknown = JSON.parse(window.localStorage.getItem(TRAINING_KEY) ?? '[]');
    return Array.isArray(saved) ? NEED_CODES.filter((c) => saved.includes(c)) : [];
  } catch {
    return [];
  }
};

/** The SEN register (SEND team only): import an MIS export, then the dashboard and its key questions. */
export default function RegisterView() {
  const { getToken, today } = useApp();
  const styles = useRegisterStyles();
  const api = useMemo(() => createRegisterApi(getToken), [getToken]);
  // What the last import or undo did; `changes` counts them, so each one reloads what depends on the register.
  const [imported, setImported] = useState<{ notice: string; changes: number } | null>(null);
  const changed = (notice: string) => setImported((i) => ({ notice, changes: (i?.changes ?? 0) + 1 }));
  const [training, setTraining] = useState<NeedCode[]>(readTraining);
  const [snapshot, setSnapshot] = useState<string | null>(null);
  const loaded = useLoad(() => api.dashboard({ training }), `${imported?.changes ?? 0}|${training.join(',')}|${snapshot ?? ''}`);

  const toggle = (code: NeedCode, on: boolean) => {
    const next = NEED_CODES.filter((c) => (c === code ? on : training.includes(c)));
    window.localStorage.setItem(TRAINING_KEY, JSON.stringify(next));
    setTraining(next);
  };

  return (
    <div>
      <RegisterImport api={api} onImported={(summary) => changed(`Register imported: ${summary}`)} />
      {snapshot && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{snapshot}</MessageBarBody>
        </MessageBar>
      )}
      {imported && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{imported.notice}</MessageBarBody>
        </MessageBar>
      )}
      <RecentImports api={api} refreshKey={String(imported?.changes ?? 0)} onUndone={changed} />
      {loaded.error !== undefined ? (
        <ErrorNotice error={loaded.error} onRetry={loaded.reload} />
      ) : !loaded.data ? (
        <Spinner label="Loading the register…" />
      ) : loaded.data.pupils === 0 ? (
        <p>No register yet: import your MIS export above to see the dashboard.</p>
      ) : (
        <>
          <RegisterDashboard analytics={loaded.data} />
          <SnapshotForm
            api={api}
            today={today}
            onTaken={(s) =>
              setSnapshot(`Snapshot taken for ${s.term}: ${s.total} pupils, ${s.senSupport} on SEN support, ${s.ehcPlan} with an EHC plan.`)
            }
          />
          <section className={styles.section} aria-labelledby="register-training">
            <h2 id="register-training">Need areas staff are trained in</h2>
            <p className={styles.note}>Answers “Does staff training match the main needs?” above. Kept in this browser.</p>
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
        </>
      )}
    </div>
  );
}
