import type { ActionRow } from '@/kernel/action-page';
import type { SortDirection, SortKey } from '@/kernel/action-view';
import { isOverdue } from '@/kernel/check-in';
import { formatDate, type IsoDate } from '@/kernel/dates';
import { ITEM_TYPE_LABELS } from '@/kernel/item-type';
import { pupilLabel } from '@/kernel/pupil-label';
import { STATUS_LABELS } from '@/kernel/status';
import { useNarrow } from '../Narrow/use-narrow';
import { ActionCards } from './ActionCards';
import { useActionTableStyles } from './ActionTable.styles';
import { lastColumn } from './last-column';
import { ownerLabel } from '@/kernel/owner-label';

export interface ActionTableProps {
  /** The rows to show: already filtered, sorted and cut to one page. */
  actions: readonly ActionRow[];
  today: IsoDate;
  caption: string;
  onOpen: (id: string) => void;
  sort?: { key: SortKey; direction: SortDirection };
  /** When given, sortable headers become buttons. */
  onSort?: (key: SortKey) => void;
  /** Hide the pupil column (the pupil view already says who). */
  hidePupil?: boolean;
  /** Hide the owner column ("My actions": they are all yours). */
  hideOwner?: boolean;
  /** Rows someone just changed: shown highlighted for a moment. */
  highlight?: ReadonlySet<string>;
  /** The archive: the last column says when each item was closed, not when it is next reviewed. */
  archive?: boolean;
}

const COLUMNS: { label: string; sortKey?: SortKey; hide?: 'pupil' | 'owner' }[] = [
  { label: 'Pupil', sortKey: 'pupil', hide: 'pupil' },
  { label: 'Action' },
  { label: 'Type', sortKey: 'itemType' },
  { label: 'Owner', sortKey: 'owner', hide: 'owner' },
  { label: 'Due', sortKey: 'dueDate' },
  { label: 'Status', sortKey: 'status' },
];

/**
 * One page of tracked items as a semantic table (as cards on a narrow screen: `ActionCards`). Overdue is shown as the word "Overdue", not
 * only as a colour; each action opens the item panel.
 */
export function ActionTable(props: ActionTableProps) {
  const narrow = useNarrow();
  return narrow ? <ActionCards {...props} /> : <RowsTable {...props} />;
}

function RowsTable({ actions, today, caption, onOpen, sort, onSort, hidePupil, hideOwner, highlight, archive }: ActionTableProps) {
  const styles = useActionTableStyles();
  const columns = [
    ...COLUMNS.filter((c) => !(hidePupil && c.hide === 'pupil') && !(hideOwner && c.hide === 'owner')),
    { label: archive ? 'Closed on' : 'Next review' },
  ];
  return (
    <div className={styles.wrapper}>
      <table className={styles.table}>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const active = sort && column.sortKey === sort.key;
              const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
              return (
                <th key={column.label} scope="col" className={styles.th} aria-sort={ariaSort}>
                  {onSort && column.sortKey ? (
                    <button type="button" className={styles.sortButton} onClick={() => onSort(column.sortKey!)}>
                      {column.label}
                      {active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                    </button>
                  ) : (
                    column.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {actions.length === 0 ? (
            <tr>
              <td className={styles.empty} colSpan={columns.length}>
                No items match.
              </td>
            </tr>
          ) : (
            actions.map((action) => (
              <tr
                key={action.id}
                data-action-id={action.id}
                data-changed={highlight?.has(action.id) || undefined}
                className={highlight?.has(action.id) ? styles.changed : undefined}
              >
                {!hidePupil && (
                  <th scope="row" className={styles.td}>
                    {pupilLabel(action.pupil)}
                  </th>
                )}
                <td className={styles.td}>
                  <button type="button" className={styles.openButton} onClick={() => onOpen(action.id)}>
                    {action.description}
                  </button>
                </td>
                <td className={styles.td}>{ITEM_TYPE_LABELS[action.itemType]}</td>
                {!hideOwner && <td className={styles.td}>{ownerLabel(action)}</td>}
                <td className={`${styles.td} ${styles.nowrap}`}>
                  {formatDate(action.dueDate)}
                  {isOverdue(action, today) && <span className={styles.overdue}>Overdue</span>}
                </td>
                <td className={styles.td}>{STATUS_LABELS[action.status]}</td>
                <td className={`${styles.td} ${styles.nowrap}`}>
                  {lastColumn(action, archive) ?? <span className={styles.muted}>—</span>}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
