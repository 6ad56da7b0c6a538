import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { RegisterImportsReply } from '@/api-types';
import { formatDateTime } from '@/kernel/dates';
import { friendlyMessage } from '@tab/api/api-error';
import { useLoad } from '@tab/api/use-load';
import { ErrorNotice } from '@tab/components/ErrorNotice/ErrorNotice';
import { ColumnHeaders } from '@tab/components/SimpleTable/ColumnHeaders';
import { ScrollRegion } from '@tab/components/SimpleTable/ScrollRegion';
import { useSimpleTableStyles } from '@tab/components/SimpleTable/SimpleTable.styles';
import type { RegisterApi } from './register-api';
import { useRegisterStyles } from './Register.styles';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type ImportRecord = RegisterImportsReply['imports'][number];

const pupils = (n: number) => `${n} ${n === 1 ? 'pupil' : 'pupils'}`;

/** What undoing will do, in the words the SENCO will check it by. */
function undoWords(record: ImportRecord): string {
  const added = record.created > 0 ? ` The ${pupils(record.created)} it added will be marked as left (their records are kept).` : '';
  return `Undo the import of ${formatDateTime(record.at)} by ${record.by.name}? Pupils it updated or marked as left go back as they were.${added}`;
}

/**
 * Every recent import (who, when, what it changed) and an undo for the latest, asked twice: undoing
 * marks records too (pupils the import added are taken off roll), so it needs the person to confirm.
 */
export function RecentImports({ api, refreshKey, onUndone }: { api: RegisterApi; refreshKey: string; onUndone: (notice: string) => void }) {
  const table = useSimpleTableStyles();
  const styles = useRegisterStyles();
  const own = useStyles();
  const loaded = useLoad(() => api.imports(), refreshKey);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (loaded.error !== undefined) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  const reply = loaded.data;
  if (!reply || reply.imports.length === 0) return null;
  const latest = reply.imports.find((i) => i.importId === reply.undoable);

  async function undo(record: ImportRecord) {
    setBusy(true);
    setError(null);
    try {
      const r = await api.undoImport(record.importId);
      setAsking(false);
      onUndone(`Import undone: ${pupils(r.restored)} put back as they were, ${r.takenOff} marked as left.`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={styles.section} aria-labelledby="register-imports">
      <h2 id="register-imports">Recent imports</h2>
      <ScrollRegion label="Register imports table">
        <table className={table.table}>
          <caption>Register imports, newest first</caption>
          <ColumnHeaders names={['When', 'By', 'Added', 'Updated', 'Unchanged', 'Marked as left', 'Undone']} className={table.cell} />
          <tbody>
            {reply.imports.map((record) => (
              <tr key={record.importId}>
                <th className={table.cell} scope="row">
                  {formatDateTime(record.at)}
                </th>
                <td className={table.cell}>{record.by.name}</td>
                <td className={table.cell}>{record.created}</td>
                <td className={table.cell}>{record.updated}</td>
                <td className={table.cell}>{record.unchanged}</td>
                <td className={table.cell}>{record.leftRoll}</td>
                <td className={table.cell}>{record.undone ? `${formatDateTime(record.undone.at)} by ${record.undone.by.name}` : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{friendlyMessage(error)}</MessageBarBody>
        </MessageBar>
      )}
      {latest &&
        (asking ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{undoWords(latest)}</MessageBarBody>
            <MessageBarActions>
              <div className={own.actions}>
                <Button appearance="primary" disabled={busy} onClick={() => void undo(latest)}>
                  Undo it
                </Button>
                <Button disabled={busy} onClick={() => setAsking(false)}>
                  Keep it
                </Button>
              </div>
            </MessageBarActions>
          </MessageBar>
        ) : (
          <div>
            <Button onClick={() => setAsking(true)}>Undo the latest import</Button>
          </div>
        ))}
    </section>
  );
}
