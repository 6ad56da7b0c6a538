import { evidenceLabel } from './evidence-label';
import { pupilLabel } from '@/kernel/pupil-label';
import { Link } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Action } from '@/kernel/action';
import { isOverdue } from '@/kernel/check-in';
import { formatDate, type IsoDate } from '@/kernel/dates';
import { EVENT_TYPE_LABELS, ITEM_TYPE_LABELS } from '@/kernel/item-type';
import { STATUS_LABELS } from '@/kernel/status';
import { useItemDetailStyles } from './ItemDetail.styles';
import { ownerLabel } from '@/kernel/owner-label';

/** The item at a glance, as a description list. */
export function ItemFacts({ action, today }: { action: Action; today: IsoDate }) {
  const styles = useItemDetailStyles();
  const facts: [string, ReactNode][] = [
    ['Pupil', pupilLabel(action.pupil)],
    ['Type', ITEM_TYPE_LABELS[action.itemType]],
    ['Owner', ownerLabel(action)],
    [
      'Due',
      <>
        {formatDate(action.dueDate)}
        {isOverdue(action, today) && <span className={styles.overdue}> — Overdue</span>}
      </>,
    ],
    ['Status', STATUS_LABELS[action.status]],
    ['Next review', action.nextReviewDate ? formatDate(action.nextReviewDate) : 'None set'],
    [
      'Evidence',
      action.evidenceUrl ? (
        <Link href={action.evidenceUrl} target="_blank" rel="noreferrer">
          {evidenceLabel(action.evidenceUrl)}
        </Link>
      ) : (
        'None yet'
      ),
    ],
    ['Agreed at', action.source.title ?? EVENT_TYPE_LABELS[action.source.eventType]],
  ];
  if (action.decision) facts.push(['Decision', action.decision]);
  if (action.lastNote) facts.push(['Latest note', action.lastNote]);
  if (action.closingNote) facts.push(['Closing note', action.closingNote]);
  return (
    <dl className={styles.facts}>
      {facts.map(([term, detail]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.detail}>{detail}</dd>
        </div>
      ))}
    </dl>
  );
}
