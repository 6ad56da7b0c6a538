import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { StepRow } from '@/api-types';
import { formatDate } from '@/kernel/dates';
import { isClosed, STATUS_LABELS } from '@/kernel/status';
import { useApp } from '@tab/app-context';
import { ColumnHeaders } from '@tab/components/SimpleTable/ColumnHeaders';
import { ScrollRegion } from '@tab/components/SimpleTable/ScrollRegion';
import { useSimpleTableStyles } from '@tab/components/SimpleTable/SimpleTable.styles';

// The law behind a step reads as a footnote under it, not as part of the row's header.
const useStyles = makeStyles({ basis: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 } });

const WHO = { school: 'School (SENCO)', 'local authority': 'Local authority (SENCO chases)' } as const;

/** Where a step stands, in words: done (with the note), overdue, or open. */
function standing(step: StepRow, today: string): string {
  if (!step.item) return 'Not on the tracker yet';
  if (isClosed(step.item.status)) return `${STATUS_LABELS[step.item.status]}${step.item.closingNote ? `: ${step.item.closingNote}` : ''}`;
  return step.dueDate < today ? `Missed (${STATUS_LABELS[step.item.status]})` : STATUS_LABELS[step.item.status];
}

/** The plan's dated steps, earliest first, each with the law behind it and its tracker item. */
export function StatutorySteps({ steps }: { steps: readonly StepRow[] }) {
  const styles = useSimpleTableStyles();
  const own = useStyles();
  const { today, openItem } = useApp();
  return (
    <ScrollRegion label="Statutory steps">
      <table className={styles.table}>
        <caption>Statutory steps, earliest first (calendar days: they run through school holidays)</caption>
        <ColumnHeaders names={['Step', 'Due by', 'Who acts', 'Where it stands', 'Item']} className={styles.cell} />
        <tbody>
          {steps.map((step) => (
            <tr key={`${step.kind}-${step.dueDate}`}>
              <th className={styles.cell} scope="row">
                {step.wording}
                <br />
                <small className={own.basis}>{step.basis}</small>
              </th>
              <td className={styles.cell}>{formatDate(step.dueDate)}</td>
              <td className={styles.cell}>{WHO[step.duty]}</td>
              <td className={styles.cell}>{standing(step, today)}</td>
              <td className={styles.cell}>
                {step.item && (
                  <Button size="small" onClick={() => openItem(step.item!.id)} aria-label={`Open item: ${step.wording}`}>
                    Open item
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
