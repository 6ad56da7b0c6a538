import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useId, type ReactNode } from 'react';
import { ColumnHeaders } from '@tab/components/SimpleTable/ColumnHeaders';
import { ScrollRegion } from '@tab/components/SimpleTable/ScrollRegion';
import { useSimpleTableStyles } from '@tab/components/SimpleTable/SimpleTable.styles';

export const GroupedBars = lazy(() => import('./charts').then((m) => ({ default: m.GroupedBars })));
export const TrendLines = lazy(() => import('./charts').then((m) => ({ default: m.TrendLines })));

const useStyles = makeStyles({
  figure: { margin: 0, paddingBlock: tokens.spacingVerticalM },
  caption: { fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalS },
});

/** A table's rows: the row's name, then one text per column after the first. */
export interface FigureRow {
  label: string;
  cells: string[];
}

/**
 * A chart with the table it is drawn from (`children`): the chart for the eye, the table (always
 * there, under the same caption) for a screen reader, the keyboard and anyone who wants the exact figures.
 */
export function ChartFigure({ title, chart, children }: { title: string; chart: ReactNode; children: ReactNode }) {
  const styles = useStyles();
  const id = useId();
  return (
    <figure className={styles.figure} aria-labelledby={id}>
      <figcaption id={id} className={styles.caption}>
        {title}
      </figcaption>
      <Suspense fallback={<Spinner size="tiny" label="Drawing the chart…" />}>{chart}</Suspense>
      {children}
    </figure>
  );
}

/** The plain table behind a chart: a row per group, named in its first cell. */
export function FigureTable({ label, columns, rows }: { label: string; columns: string[]; rows: FigureRow[] }) {
  const table = useSimpleTableStyles();
  return (
    <ScrollRegion label={label}>
      <table className={table.table}>
        <ColumnHeaders names={columns} className={table.cell} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th className={table.cell} scope="row">
                {r.label}
              </th>
              {r.cells.map((c, i) => (
                <td key={i} className={table.cell}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
