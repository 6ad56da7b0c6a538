import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Action, Person, Pupil } from '@/kernel/action';
import { isClosed } from '@/kernel/status';
import { useApp } from '@tab/app-context';
import { ItemHistory } from '../ItemHistory/ItemHistory';
import { CloseForm } from './CloseForm';
import { usePupilDocuments } from './DocumentPicker';
import { ItemDetailsForm } from './ItemDetailsForm';
import { ItemEditForm } from './ItemEditForm';
import { useItemDetailStyles } from './ItemDetail.styles';
import { ItemFacts } from './ItemFacts';
import { ReopenForm } from './ReopenForm';
import { useItemChanges } from './use-item-changes';

export interface ItemPanelProps {
  initial: Action;
  staff: readonly Person[];
  pupils: readonly Pupil[];
  onChanged: () => void;
}

/** Facts, the change forms that apply to the item's state, and its history. */
export function ItemPanel({ initial, staff, pupils, onChanged }: ItemPanelProps) {
  const { today, me, api, recentlyChanged } = useApp();
  const styles = useItemDetailStyles();
  const { action, busy, notice, run } = useItemChanges(initial, onChanged);
  const [latestSeen, setLatestSeen] = useState(0);
  // Someone else saved this item while it is open: say so, and keep whatever is typed here. Saving
  // then meets the 409 and shows their change first, so nothing of either is lost.
  const touched = recentlyChanged.has(action.id);
  useEffect(() => {
    if (!touched) return;
    void api.getAction(action.id).then(
      (latest) => setLatestSeen((v) => Math.max(v, latest.version)),
      () => undefined,
    );
  }, [touched, api, action.id, action.version]);
  const closed = isClosed(action.status);
  const documents = usePupilDocuments(closed ? null : action.pupil.id);
  return (
    <div>
      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === 'success' ? 'status' : 'alert'}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {latestSeen > action.version && (
        <MessageBar intent="warning" role="status">
          <MessageBarBody>
            Someone else has just changed this item. What you have typed here is kept: when you save, you will see their change first.
          </MessageBarBody>
        </MessageBar>
      )}
      <ItemFacts action={action} today={today} />
      {!closed && <ItemEditForm key={action.version} action={action} staff={staff} busy={busy} run={run} documents={documents} />}
      {!closed && <ItemDetailsForm key={`details-${action.version}`} action={action} pupils={pupils} busy={busy} run={run} />}
      {!closed && <CloseForm busy={busy} run={run} />}
      {closed && me?.sendTeam && <ReopenForm busy={busy} run={run} />}
      <section className={styles.section} aria-labelledby="history-heading">
        <h3 id="history-heading" className={styles.heading}>
          History
        </h3>
        <ItemHistory actionId={action.id} version={action.version} />
      </section>
    </div>
  );
}
