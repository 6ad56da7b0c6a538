import { Button, Field, Link, makeStyles, Select, Spinner, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { Action } from '@/kernel/action';
import { isOverdue } from '@/kernel/check-in';
import { formatDate } from '@/kernel/dates';
import { ITEM_TYPE_LABELS } from '@/kernel/item-type';
import { isClosed, STATUS_LABELS } from '@/kernel/status';
import { initials } from '@/kernel/pupil-record';
import { useLoad } from '@tab/api/use-load';
import { useApp } from '@tab/app-context';
import { ErrorNotice } from '@tab/components/ErrorNotice/ErrorNotice';
import { ItemHistory } from '@tab/components/ItemHistory/ItemHistory';
import { pupilLabel, yearLabel } from '@/kernel/pupil-label';
import { createPassportApi, type RegisterPupil } from '@tab/Register/passport-api';
import { ownerLabel } from '@/kernel/owner-label';

// The profile editor is for the SEND team only: everyone else never downloads it.
const PupilPassport = lazy(() => import('@tab/Register/PupilPassport'));
const PupilEhcPlan = lazy(() => import('@tab/Register/PupilEhcPlan'));
const PupilChronology = lazy(() => import('@tab/Register/PupilChronology'));
const PupilDocuments = lazy(() => import('@tab/Register/PupilDocuments'));

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
        {ITEM_TYPE_LABELS[action.itemType]} · {ownerLabel(action)} · due {formatDate(action.dueDate)}
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

/**
 * Everything for one pupil, open and archived: each item's status, evidence, next review and history.
 * The SEND team can also pick any pupil on the SEN register and edit their one-page profile.
 */
export default function PupilView({ pupilId }: { pupilId?: string }) {
  const { api, getToken, me, navigate, dataVersion } = useApp();
  const styles = useStyles();
  const sendTeam = me?.sendTeam ?? false;
  // Goes up when the profile is saved into the pupil's documents, so the documents list reads afresh.
  const [documentsAdded, setDocumentsAdded] = useState(0);
  const facets = useLoad(() => api.facets('all'), 'all');
  const loaded = useLoad<Action[]>(() => (pupilId ? api.pupilActions(pupilId) : Promise.resolve([])), `${pupilId}:${dataVersion}`);
  // Without the register (not imported, or tenant mode) the view still works from the tracker alone.
  const register = useLoad<RegisterPupil[]>(
    () =>
      sendTeam
        ? createPassportApi(getToken)
            .pupils()
            .catch(() => [])
        : Promise.resolve([]),
    String(sendTeam),
  );
  const onRegister = useMemo(() => new Map((register.data ?? []).map((p) => [p.id, p])), [register.data]);
  const pupils = useMemo(() => {
    const options = new Map((facets.data?.pupils ?? []).map((p) => [p.id, pupilLabel(p)]));
    for (const p of onRegister.values()) options.set(p.id, `${p.surname}, ${p.forename} (${yearLabel(p.yearGroup)})`);
    return [...options].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label));
  }, [facets.data, onRegister]);
  const items = loaded.data ?? [];
  const failed = facets.error ?? loaded.error;
  if (failed) return <ErrorNotice error={failed} onRetry={facets.error ? facets.reload : loaded.reload} />;
  if (!facets.data || !loaded.data) return <Spinner label="Loading pupils…" />;
  const registered = pupilId ? onRegister.get(pupilId) : undefined;
  const name = items[0]?.pupil.name ?? (registered ? initials(registered) : undefined);
  return (
    <section aria-label="Pupil">
      <Field label="Pupil">
        <Select value={pupilId ?? ''} onChange={(_, d) => navigate({ view: 'pupil', pupilId: d.value || undefined })}>
          <option value="">Choose a pupil</option>
          {pupils.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </Select>
      </Field>
      {pupilId && !name && !(sendTeam && register.loading) && <p>No items for this pupil are shared with you.</p>}
      {pupilId && name && (
        <>
          <h2 className={styles.heading}>
            {name}: {items.length} item{items.length === 1 ? '' : 's'}
          </h2>
          <ul className={styles.list}>
            {items.map((a) => (
              <PupilItem key={a.id} action={a} />
            ))}
          </ul>
          {/* Staff outside the SEND team see the documents of pupils they hold an item for (the server decides). */}
          {(registered || !sendTeam) && (
            <Suspense fallback={<Spinner label="Loading the documents…" />}>
              <PupilDocuments pupilId={registered?.id ?? pupilId} refreshKey={documentsAdded} />
            </Suspense>
          )}
          {/* A needs assessment is asked for while a pupil is on SEN support, so the plan's dates are offered from then. */}
          {registered && registered.senStatus !== 'N' && (
            <Suspense fallback={<Spinner label="Loading the EHC plan…" />}>
              <PupilEhcPlan pupilId={registered.id} />
            </Suspense>
          )}
          {registered && (
            <Suspense fallback={<Spinner label="Loading the chronology…" />}>
              <PupilChronology pupilId={registered.id} />
            </Suspense>
          )}
          {registered && (
            <Suspense fallback={<Spinner label="Loading the profile…" />}>
              <PupilPassport pupilId={registered.id} onDocumentsChanged={() => setDocumentsAdded((n) => n + 1)} />
            </Suspense>
          )}
          {sendTeam && !registered && register.data && (
            <p>Not on the SEN register, so there is no one-page profile: import the register to add one.</p>
          )}
        </>
      )}
    </section>
  );
}
