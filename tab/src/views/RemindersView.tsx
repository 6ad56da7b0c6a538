import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { WHY_UNREACHED, type UnreachedNow } from '@/api-types';
import { formatDateTime } from '@/kernel/dates';
import { friendlyMessage } from '@tab/api/api-error';
import { useLoad } from '@tab/api/use-load';
import { useApp } from '@tab/app-context';
import { ErrorNotice } from '@tab/components/ErrorNotice/ErrorNotice';
import { RecentRuns } from '@tab/Reminders/RecentRuns';
import { createRemindersApi } from '@tab/Reminders/reminders-api';
import { runFacts } from '@tab/Reminders/run-words';
import { UnreachedTable } from '@tab/Reminders/UnreachedTable';
import { useRegisterStyles } from '@tab/Register/Register.styles';

/** What the last click did, said once above the panel. */
type Notice = { intent: 'success' | 'warning' | 'error'; text: string };

/**
 * Reminders (SEND team only): what the last run sent, who it could not message in their personal
 * chat and why, a button to install the app for them, and running the reminders again (only what has
 * not gone out is sent).
 */
export default function RemindersView() {
  const { getToken } = useApp();
  const styles = useRegisterStyles();
  const api = useMemo(() => createRemindersApi(getToken), [getToken]);
  const loaded = useLoad(() => api.runs(), 'runs');
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const act = async (who: string, work: () => Promise<Notice>) => {
    setBusy(who);
    setNotice(null);
    try {
      setNotice(await work());
      loaded.reload();
    } catch (error) {
      setNotice({ intent: 'error', text: friendlyMessage(error) });
    } finally {
      setBusy(null);
    }
  };
  const install = (person: UnreachedNow) =>
    act(person.id, async () => {
      const { name, outcome } = await api.install(person.id);
      return outcome.open
        ? { intent: 'success', text: `${name} can now be messaged directly: their next reminder goes to their personal chat.` }
        : { intent: 'warning', text: `The app could not be installed for ${name}: ${WHY_UNREACHED[outcome.reason]}.` };
    });
  const runNow = () =>
    act('run', async () => {
      const run = await api.runNow();
      return { intent: 'success', text: `Reminders run: ${runFacts(run).join(' ')}` };
    });

  if (loaded.error !== undefined) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Spinner label="Loading reminder runs…" />;
  const { runs, canInstall } = loaded.data;
  const last = runs[0];
  return (
    <div>
      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <section className={styles.section} aria-labelledby="reminders-last">
        <h2 id="reminders-last">Last run</h2>
        {last ? (
          <>
            <p>{formatDateTime(last.ranAt)}</p>
            <ul>
              {runFacts(last).map((fact) => (
                <li key={fact}>{fact}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>No reminders have run in the last two weeks. They run on school days in the morning.</p>
        )}
        <div>
          <Button appearance="primary" disabled={busy !== null} onClick={() => void runNow()}>
            {busy === 'run' ? 'Running…' : 'Run reminders now'}
          </Button>
        </div>
        <p className={styles.note}>Sends only what has not gone out yet: nobody gets the same reminder twice.</p>
      </section>
      {last && last.unreached.length > 0 && (
        <section className={styles.section} aria-labelledby="reminders-unreached">
          <h2 id="reminders-unreached">Not messaged directly</h2>
          <UnreachedTable people={last.unreached} canInstall={canInstall} busy={busy} onInstall={(p) => void install(p)} />
        </section>
      )}
      {runs.length > 0 && (
        <section className={styles.section} aria-labelledby="reminders-recent">
          <h2 id="reminders-recent">Recent runs</h2>
          <RecentRuns runs={runs} />
        </section>
      )}
    </div>
  );
}
