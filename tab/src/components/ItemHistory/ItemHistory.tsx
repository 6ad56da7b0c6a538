import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useLoad } from '@tab/api/use-load';
import { useApp } from '@tab/app-context';
import { ErrorNotice } from '../ErrorNotice/ErrorNotice';
import { formatDateTime } from '@/kernel/dates';
import { describeEntry } from './describe-change';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { paddingBottom: tokens.spacingVerticalXS },
  when: { color: tokens.colorNeutralForeground2 },
});

/** An item's audit trail, oldest first. `version` reloads it after a change. */
export function ItemHistory({ actionId, version }: { actionId: string; version: number }) {
  const { api } = useApp();
  const styles = useStyles();
  const history = useLoad(() => api.history(actionId), `${actionId}@${version}`);
  if (history.error) return <ErrorNotice error={history.error} onRetry={history.reload} />;
  if (!history.data) return <Spinner size="tiny" label="Loading history…" />;
  return (
    <ol className={styles.list}>
      {history.data.map((entry) => (
        <li key={entry.version} className={styles.item}>
          <span className={styles.when}>{formatDateTime(entry.at)}</span> · {describeEntry(entry)}
        </li>
      ))}
    </ol>
  );
}
