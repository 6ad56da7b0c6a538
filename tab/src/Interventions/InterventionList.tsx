import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { formatDate } from '@/kernel/dates';
import { initials } from '@/kernel/pupil-record';
import type { InterventionView } from '@tab/Register/register-api';
import { measureText } from './measure-text';
import type { RegisterPupil } from '@tab/Register/passport-api';
import { ColumnHeaders } from '@tab/components/SimpleTable/ColumnHeaders';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase300 },
  cell: {
    textAlign: 'left',
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  warnings: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const MEASURE_LABELS = {
  reading_age: 'Reading age',
  spelling_age: 'Spelling age',
  standardised_score: 'Standardised score',
} as const;
const POINT_LABELS = { baseline: 'baseline', mid: 'mid', end: 'end' } as const;

/** A pupil as lists show them: initials and year, since screens get seen. */
export function pupilLabel(pupils: ReadonlyMap<string, RegisterPupil>, id: string): string {
  const p = pupils.get(id);
  return p ? `${initials(p)} (Y${p.yearGroup})` : 'Not on the register';
}

export interface InterventionListProps {
  interventions: InterventionView[];
  pupils: ReadonlyMap<string, RegisterPupil>;
  /** When given, each row has a "Record a measure" button calling it. */
  onRecord?: (intervention: InterventionView) => void;
}

/**
 * Each pupil's interventions: dates, dose, measures, ratio gain with its band, whether the target was
 * met, and every warning in words. Pupils appear as initials and year: screens get seen.
 */
export function InterventionList({ interventions, pupils, onRecord }: InterventionListProps) {
  const styles = useStyles();
  const who = (id: string) => pupilLabel(pupils, id);
  const headings = [
    'Pupil',
    'Intervention',
    'Staff',
    'Dates',
    'Sessions',
    'Measures',
    'Ratio gain',
    'Target met',
    'Warnings',
    ...(onRecord ? ['Record'] : []),
  ];
  return (
    <table className={styles.table}>
      <caption>Interventions by pupil ({interventions.length})</caption>
      <ColumnHeaders names={headings} className={styles.cell} />
      <tbody>
        {interventions.map((i) => (
          <tr key={i.id} data-intervention-id={i.id}>
            <td className={styles.cell}>{who(i.pupilId)}</td>
            <th className={styles.cell} scope="row">
              {i.name}
              {i.group ? ` (${i.group})` : ''}
            </th>
            <td className={styles.cell}>{i.staff.name}</td>
            <td className={styles.cell}>
              {formatDate(i.startDate)} to {formatDate(i.plannedEndDate)}
            </td>
            <td className={styles.cell}>
              {i.sessionsPerWeek} × {i.sessionMinutes} min a week
            </td>
            <td className={styles.cell}>
              {i.measureKind === 'custom' ? i.measureUnit : MEASURE_LABELS[i.measureKind]}:{' '}
              {i.measures.length === 0
                ? 'none yet'
                : i.measures.map((m) => `${POINT_LABELS[m.point]} ${measureText(i, m.value)}`).join(', ')}
            </td>
            <td className={styles.cell}>{i.ratioGain === null ? '–' : `${i.ratioGain} (${i.band})`}</td>
            <td className={styles.cell}>{i.metTarget === null ? 'Not yet' : i.metTarget ? 'Yes' : 'No'}</td>
            <td className={styles.cell}>
              {i.warnings.length === 0 ? (
                'None'
              ) : (
                <ul className={styles.warnings}>
                  {i.warnings.map((w) => (
                    <li key={w.code}>
                      <Badge color={w.code === 'past_planned_end' || w.code === 'consent_missing' ? 'danger' : 'warning'} appearance="tint">
                        {w.code === 'past_planned_end' ? 'Overrun' : 'Check'}
                      </Badge>{' '}
                      {w.message}
                    </li>
                  ))}
                </ul>
              )}
            </td>
            {onRecord && (
              <td className={styles.cell}>
                <Button size="small" aria-label={`Record a measure for ${i.name}, ${who(i.pupilId)}`} onClick={() => onRecord(i)}>
                  Record a measure
                </Button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
