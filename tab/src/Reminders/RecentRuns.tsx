import type { ReminderRunsReply } from '@/api-types';
import { formatDateTime } from '@/kernel/dates';
import { ColumnHeaders } from '@tab/components/SimpleTable/ColumnHeaders';
import { ScrollRegion } from '@tab/components/SimpleTable/ScrollRegion';
import { useSimpleTableStyles } from '@tab/components/SimpleTable/SimpleTable.styles';

/** The runs of the last two weeks, newest first, one line each. */
export function RecentRuns({ runs }: { runs: ReminderRunsReply['runs'] }) {
  const styles = useSimpleTableStyles();
  return (
    <ScrollRegion label="Recent reminder runs">
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
    </ScrollRegion>
  );
}
