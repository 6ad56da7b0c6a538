import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { EhcPlanDetails } from '@/kernel/ehc-plan';
import { formatDate, formatDateTime } from '@/kernel/dates';
import { ApiError } from '@tab/api/api-error';
import { useLoad } from '@tab/api/use-load';
import { useApp } from '@tab/app-context';
import { ErrorNotice } from '@tab/components/ErrorNotice/ErrorNotice';
import { createEhcPlanApi, type SavedEhcPlan } from './ehc-plan-api';
import { EhcPlanForm } from './EhcPlanForm';
import { ReviewHeldForm } from './ReviewHeldForm';
import { StatutorySteps } from './StatutorySteps';

/** What a save did to the tracker, in a sentence. */
function syncWords({ sync }: SavedEhcPlan): string {
  const parts = [
    sync.created ? `${sync.created} statutory step${sync.created === 1 ? '' : 's'} added to the tracker` : '',
    sync.moved ? `${sync.moved} moved to the new dates` : '',
  ].filter(Boolean);
  return `Saved. ${parts.length ? `${parts.join(', ')}.` : 'The tracker already had every step.'}`;
}

/**
 * A register pupil's EHC plan in the Pupil view (SEND team): the dates the statutory clock runs
 * from, every dated step with the law behind it and its tracker item, and "review held".
 */
export default function PupilEhcPlan({ pupilId }: { pupilId: string }) {
  const { getToken, today, openItem, dataVersion } = useApp();
  const api = useMemo(() => createEhcPlanApi(getToken), [getToken]);
  // Reloaded when any item changes (the change feed), so a step closed in the item panel shows as done.
  const loaded = useLoad(() => api.get(pupilId), `${pupilId}:${dataVersion}`);
  const [notice, setNotice] = useState<{ intent: 'success' | 'warning'; text: string } | null>(null);

  if (loaded.error !== undefined) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  // While a reload runs the last answer stays on screen, unless it was another pupil's.
  const view = loaded.data?.pupilId === pupilId ? loaded.data : undefined;
  if (!view) return <Spinner label="Loading the EHC plan…" />;
  const version = view.plan?.version ?? 0;

  async function afterWrite(write: Promise<SavedEhcPlan>) {
    try {
      setNotice({ intent: 'success', text: syncWords(await write) });
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 409)) throw error;
      setNotice({ intent: 'warning', text: 'Someone else changed this plan: reloaded. Check the dates and make your change again.' });
    }
    loaded.reload();
  }

  return (
    <section aria-labelledby="pupil-ehc-plan">
      <h2 id="pupil-ehc-plan">EHC plan and statutory deadlines</h2>
      {notice && (
        <MessageBar intent={notice.intent} role="status">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {view.plan ? (
        <p>
          {view.plan.details.localAuthority}
          {view.reviewDeadline ? ` · next annual review due by ${formatDate(view.reviewDeadline)}` : ' · assessment under way'} · last
          changed {formatDateTime(view.plan.updatedAt)} by {view.plan.updatedBy.name}
        </p>
      ) : (
        <p>No EHC plan dates recorded. Enter them and the tracker gets every statutory step, with its date.</p>
      )}
      {view.warnings.map((w) => (
        <MessageBar key={w.kind} intent="warning">
          <MessageBarBody>{w.message}</MessageBarBody>
        </MessageBar>
      ))}
      {view.steps.length > 0 && <StatutorySteps steps={view.steps} />}
      {view.earlierOpen.length > 0 && (
        <>
          <h3>Still open from an earlier review</h3>
          <p>Close each with a note of what happened: statutory items are never closed for you.</p>
          <ul>
            {view.earlierOpen.map((item) => (
              <li key={item.id}>
                {item.description}, due {formatDate(item.dueDate)}{' '}
                <Button size="small" onClick={() => openItem(item.id)} aria-label={`Open item: ${item.description}`}>
                  Open item
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Plan dates</h3>
      <EhcPlanForm
        key={`${pupilId}:${version}`}
        initial={view.plan?.details ?? null}
        onSave={(details: EhcPlanDetails) => afterWrite(api.save(pupilId, version, details))}
      />
      {view.plan?.details.issueDate && (
        <>
          <h3>The annual review was held</h3>
          <ReviewHeldForm
            key={`held:${pupilId}:${version}`}
            today={today}
            onRecord={(heldOn, note) => afterWrite(api.reviewHeld(pupilId, { version, heldOn, note }))}
          />
        </>
      )}
    </section>
  );
}
