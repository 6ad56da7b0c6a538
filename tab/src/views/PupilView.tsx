import { Button, Field, Link, makeStyles, Select, Spinner, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { Action } from '../../../src/domain/action';
import { isOverdue } from '../../../src/domain/check-in';
import { formatDate } from '../../../src/domain/dates';
import { ITEM_TYPE_LABELS } from '../../../src/domain/item-type';
import { isClosed, STATUS_LABELS } from '../../../src/domain/status';
import { useLoad } from '../api/use-load';
import { useApp } from '../app-context';
import { ErrorNotice } from '../components/ErrorNotice/ErrorNotice';
import { ItemHistory } from '../components/ItemHistory/ItemHistory';
import { filterOptions } from './view-options';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalM,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2, margin: `${tokens.spacingVerticalXS} 0` },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  details: { marginTop: tokens.spacingVerticalS },
  heading: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

function PupilItem({ action }: { action: Action }) {
  const { today, openItem } = useApp();
  const styles = useStyles();
  return (
    <li className={styles.card}>
      <h3 className={styles.title}>{action.description}</h3>
      <p className={styles.meta}>
        {ITEM_TYPE_LABELS[action.itemType]} · {action.owner.name} · due {formatDate(action.dueDate)}
        {isOverdue(action, today) && <span className={styles.overdue}> (Overdue)</span>} · {STATUS_LABELS[action.status]}
        {isClosed(action.status) ? ' (archived)' : ''}
      </p>
      <p className={styles.meta}>
        Next review: {action.nextReviewDate ? formatDate(action.nextReviewDate) : 'none set'} · Evidence:{' '}
        {action.evidenceUrl ? (
          <Link href={action.evidenceUrl} target="_blank" rel="noreferrer">
            open evidence
          </Link>
        ) : (
          'none yet'
        )}
      </p>
      <details className={styles.details}>
        <summary>History</summary>
        <ItemHistory actionId={action.id} version={action.version} />
      </details>
      <Button size="small" onClick={() => openItem(action.id)}>
        Open item
      </Button>
    </li>
  );
}

/** Everything for one pupil, open and archived: each item's status, evidence, next review and history. */
export default function PupilView({ pupilId }: { pupilId?: string }) {
  const { api, navigate, dataVersion } = useApp();
  const styles = useStyles();
  const loaded = useLoad(() => api.listActions({ archived: 'true' }), String(dataVersion));
  const pupils = useMemo(() => filterOptions(loaded.data ?? []).pupils, [loaded.data]);
  const items = useMemo(() => (loaded.data ?? []).filter((a) => a.pupil.id === pupilId), [loaded.data, pupilId]);
  if (loaded.error) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Spinner label="Loading pupils…" />;
  const pupil = pupils.find((p) => p.id === pupilId);
  return (
    <section aria-label="Pupil">
      <Field label="Pupil">
        <Select value={pupilId ?? ''} onChange={(_, d) => navigate({ view: 'pupil', pupilId: d.value || undefined })}>
          <option value="">Choose a pupil</option>
          {pupils.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.id})
            </option>
          ))}
        </Select>
      </Field>
      {pupilId && !pupil && <p>No items for this pupil are shared with you.</p>}
      {pupil && (
        <>
          <h2 className={styles.heading}>
            {pupil.name}: {items.length} item{items.length === 1 ? '' : 's'}
          </h2>
          <ul className={styles.list}>
            {items.map((a) => (
              <PupilItem key={a.id} action={a} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
