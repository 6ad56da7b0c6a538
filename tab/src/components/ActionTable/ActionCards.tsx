import { Field, Select } from '@fluentui/react-components';
import type { ActionRow } from '@/kernel/action-page';
import { isOverdue } from '@/kernel/check-in';
import { formatDate } from '@/kernel/dates';
import { ITEM_TYPE_LABELS } from '@/kernel/item-type';
import { pupilLabel } from '@/kernel/pupil-label';
import { STATUS_LABELS } from '@/kernel/status';
import type { SortKey } from '@/kernel/action-view';
import { useActionCardsStyles } from './ActionCards.styles';
import type { ActionTableProps } from './ActionTable';
import { lastColumn } from './last-column';
import { ownerLabel } from '@/kernel/owner-label';

const SORT_LABELS: Record<SortKey, string> = {
  dueDate: 'Due date',
  pupil: 'Pupil',
  owner: 'Owner',
  itemType: 'Type',
  status: 'Status',
  updatedAt: 'Last updated',
};

/**
 * The same rows for a narrow screen: one card each, what is due and its status first, so nothing
 * sits off-screen at 375 px. A list with a name, each card a list item; sorting is one menu.
 */
export function ActionCards({ actions, today, caption, onOpen, sort, onSort, hidePupil, hideOwner, highlight, archive }: ActionTableProps) {
  const styles = useActionCardsStyles();
  return (
    <section aria-label={caption}>
      <div className={styles.top}>
        <p className={styles.caption}>{caption}</p>
        {onSort && sort && (
          <Field label="Sort by" orientation="horizontal">
            <Select value={sort.key} onChange={(_, d) => onSort(d.value as SortKey)}>
              {(Object.keys(SORT_LABELS) as SortKey[]).map((key) => (
                <option key={key} value={key}>
                  {SORT_LABELS[key]}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      {actions.length === 0 ? (
        <p className={styles.empty}>No items match.</p>
      ) : (
        <ul className={styles.list}>
          {actions.map((action: ActionRow) => (
            <li
              key={action.id}
              className={highlight?.has(action.id) ? `${styles.card} ${styles.changed}` : styles.card}
              data-action-id={action.id}
              data-changed={highlight?.has(action.id) || undefined}
            >
              <button type="button" className={styles.open} onClick={() => onOpen(action.id)}>
                {action.description}
              </button>
              <dl className={styles.facts}>
                <dt className={styles.term}>Due</dt>
                <dd className={styles.detail}>
                  {formatDate(action.dueDate)}
                  {isOverdue(action, today) && <span className={styles.overdue}>Overdue</span>}
                </dd>
                <dt className={styles.term}>Status</dt>
                <dd className={styles.detail}>{STATUS_LABELS[action.status]}</dd>
                {!hidePupil && (
                  <>
                    <dt className={styles.term}>Pupil</dt>
                    <dd className={styles.detail}>{pupilLabel(action.pupil)}</dd>
                  </>
                )}
                {!hideOwner && (
                  <>
                    <dt className={styles.term}>Owner</dt>
                    <dd className={styles.detail}>{ownerLabel(action)}</dd>
                  </>
                )}
                <dt className={styles.term}>Type</dt>
                <dd className={styles.detail}>{ITEM_TYPE_LABELS[action.itemType]}</dd>
                {lastColumn(action, archive) && (
                  <>
                    <dt className={styles.term}>{archive ? 'Closed on' : 'Next review'}</dt>
                    <dd className={styles.detail}>{lastColumn(action, archive)}</dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
