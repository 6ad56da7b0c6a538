import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { RegisterSettingsRecord } from '@/api-types';
import { useLoad } from '@tab/api/use-load';
import { useApp } from '@tab/app-context';
import { ErrorNotice } from '@tab/components/ErrorNotice/ErrorNotice';
import { createRegisterApi } from '@tab/Register/register-api';
import { RegisterDashboard } from '@tab/Register/RegisterDashboard';
import { RecentImports } from '@tab/Register/RecentImports';
import { RegisterImport } from '@tab/Register/RegisterImport';
import { RegisterSettingsForm } from '@tab/Register/RegisterSettingsForm';
import { SnapshotForm } from '@tab/Register/SnapshotForm';

/** The SEN register (SEND team only): import an MIS export, then the dashboard and its key questions. */
export default function RegisterView() {
  const { getToken, today } = useApp();
  const api = useMemo(() => createRegisterApi(getToken), [getToken]);
  // What the last import or undo did; `changes` counts them, so each one reloads what depends on the register.
  const [imported, setImported] = useState<{ notice: string; changes: number } | null>(null);
  const changed = (notice: string) => setImported((i) => ({ notice, changes: (i?.changes ?? 0) + 1 }));
  const [snapshot, setSnapshot] = useState<string | null>(null);
  // The settings as last saved; a save replaces them here, so the dashboard reloads with them.
  const settings = useLoad(() => api.settings(), '');
  const [saved, setSaved] = useState<RegisterSettingsRecord | null>(null);
  const current = saved ?? settings.data?.settings ?? null;
  const loaded = useLoad(() => api.dashboard(), `${imported?.changes ?? 0}|${current?.at ?? ''}|${snapshot ?? ''}`);

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
          {settings.data && <RegisterSettingsForm api={api} current={current} onSaved={setSaved} />}
        </>
      )}
    </div>
  );
}
