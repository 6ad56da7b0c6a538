import { makeStyles, tokens } from '@fluentui/react-components';
import { formatDate } from '@/kernel/dates';
import type { ProvisionMap } from '@/api-types';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase300 },
  cell: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

const money = (n: number | null) => (n === null ? 'rate not set' : `£${n.toFixed(2)}`);
const year = (y: number) => (y === 0 ? 'R' : y < 0 ? 'N' : String(y));

/** The term's provision map: each group with staff hours and cost, then the totals. */
export function ProvisionMapTable({ map }: { map: ProvisionMap }) {
  const styles = useStyles();
  return (
    <table className={styles.table}>
      <caption>
        Provision map, {formatDate(map.term.start)} to {formatDate(map.term.end)}
      </caption>
      <thead>
        <tr>
          {['Provision', 'Group', 'Staff', 'Years', 'Pupils', 'Sessions', 'Hours', 'Cost'].map((h) => (
            <th key={h} className={styles.cell} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
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
