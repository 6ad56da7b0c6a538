import { formatDate } from '@/kernel/dates';
import type { ProvisionMap } from '@/api-types';
import { ColumnHeaders } from '@tab/components/SimpleTable/ColumnHeaders';
import { useSimpleTableStyles } from '@tab/components/SimpleTable/SimpleTable.styles';

const money = (n: number | null) => (n === null ? 'rate not set' : `£${n.toFixed(2)}`);
const year = (y: number) => (y === 0 ? 'R' : y < 0 ? 'N' : String(y));

/** The term's provision map: each group with staff hours and cost, then the totals. */
export function ProvisionMapTable({ map }: { map: ProvisionMap }) {
  const styles = useSimpleTableStyles();
  return (
    <table className={styles.table}>
      <caption>
        Provision map, {formatDate(map.term.start)} to {formatDate(map.term.end)}
      </caption>
      <ColumnHeaders names={['Provision', 'Group', 'Staff', 'Years', 'Pupils', 'Sessions', 'Hours', 'Cost']} className={styles.cell} />
      <tbody>
        {map.rows.map((r, i) => (
          <tr key={i}>
            <th className={styles.cell} scope="row">
              {r.name}
            </th>
            <td className={styles.cell}>{r.group ?? 'Individual'}</td>
            <td className={styles.cell}>{r.staffName}</td>
            <td className={styles.cell}>{r.yearGroups.map(year).join(', ')}</td>
            <td className={styles.cell}>{r.pupils}</td>
            <td className={styles.cell}>
              {r.sessionsPerWeek} × {r.sessionMinutes} min, {r.weeksInTerm} wk
            </td>
            <td className={styles.cell}>{r.staffHours}</td>
            <td className={styles.cell}>{money(r.cost)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th className={styles.cell} scope="row">
            Total
          </th>
          <td className={styles.cell} colSpan={3} />
          <td className={styles.cell}>{map.totals.pupils}</td>
          <td className={styles.cell} />
          <td className={styles.cell}>{map.totals.staffHours}</td>
          <td className={styles.cell}>{money(map.totals.cost)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
