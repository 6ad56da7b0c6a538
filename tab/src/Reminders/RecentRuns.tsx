import { makeStyles } from '@fluentui/react-components';
import type { ReminderRunsReply } from '@/api-types';
import { formatDateTime } from '@/kernel/dates';
import { ColumnHeaders } from '@tab/components/SimpleTable/ColumnHeaders';
import { useSimpleTableStyles } from '@tab/components/SimpleTable/SimpleTable.styles';

// Scrolls sideways on a phone rather than squeezing the figures.
const useStyles = makeStyles({ scroll: { overflowX: 'auto', maxWidth: '100%' } });

/** The runs of the last two weeks, newest first, one line each. */
export function RecentRuns({ runs }: { runs: ReminderRunsReply['runs'] }) {
  const styles = useSimpleTableStyles();
  const own = useStyles();
  return (
    <div className={own.scroll} role="region" aria-label="Recent reminder runs" tabIndex={0}>
      <table className={styles.table}>
        <caption>Reminder runs in the last two weeks, newest first</caption>
        <ColumnHeaders names={['When', 'Cards sent', 'Items reminded', 'Not messaged directly', 'To try again']} className={styles.cell} />
        <tbody>
          {runs.map((run, i) => (
            // Two instances may start a run in the same millisecond.
            <tr key={`${run.ranAt}-${i}`}>
              <th className={styles.cell} scope="row">
                {formatDateTime(run.ranAt)}
                {run.schoolDay ? '' : ' (not a school day)'}
              </th>
              <td className={styles.cell}>{run.cardsSent}</td>
              <td className={styles.cell}>{run.itemsReminded}</td>
              <td className={styles.cell}>{run.unreached.length}</td>
              <td className={styles.cell}>{run.undelivered + run.failed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
