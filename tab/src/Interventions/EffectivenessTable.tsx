import { Badge } from '@fluentui/react-components';
import type { EffectivenessRow } from '@/api-types';
import { ColumnHeaders } from '@tab/components/SimpleTable/ColumnHeaders';
import { useSimpleTableStyles } from '@tab/components/SimpleTable/SimpleTable.styles';

const show = (n: number | null, suffix = '') => (n === null ? '–' : `${n}${suffix}`);

/** Every intervention by name: how many pupils, median gain and % meeting target; weak ones first and badged. */
export function EffectivenessTable({ rows }: { rows: EffectivenessRow[] }) {
  const styles = useSimpleTableStyles();
  return (
    <table className={styles.table}>
      <caption>How well each intervention works</caption>
      <ColumnHeaders
        names={['Intervention', 'Pupils', 'Measured', 'Median ratio gain', 'Median score change', '% met target', 'Flag']}
        className={styles.cell}
      />
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <th className={styles.cell} scope="row">
              {r.name}
            </th>
            <td className={styles.cell}>{r.pupils}</td>
            <td className={styles.cell}>{r.measured}</td>
            <td className={styles.cell}>{r.medianRatioGain === null ? '–' : `${r.medianRatioGain} (${r.medianBand})`}</td>
            <td className={styles.cell}>{show(r.medianChange)}</td>
            <td className={styles.cell}>{show(r.percentMetTarget, '%')}</td>
            <td className={styles.cell}>{r.belowExpectation && <Badge color="danger">Below expectation</Badge>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
