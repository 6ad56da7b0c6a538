import { bucketBounds, statusesOf, type ActionPageQuery } from '@/kernel/action-page';
import type { SortKey } from '@/kernel/action-view';
import { sortKey } from '@/kernel/action-view';
import { STATUS_LABELS, STATUSES } from '@/kernel/status';

/**
 * A page query as SQL over the `actions` table: the same rows, in the same order, as the kernel's
 * `pageOf` finds in memory (the contract suite checks it). Statuses are enum values and are written
 * into the SQL as literals, so the partial index on open items applies; everything typed is a parameter.
 */
export interface PageSql {
  /** The table, with the index to walk when the planner would choose worse. */
  from: string;
  where: string;
  params: (string | number)[];
  orderBy: string;
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

const STATUS_LABEL_SQL = `CASE status ${STATUSES.map((s) => `WHEN ${quote(s)} THEN ${quote(STATUS_LABELS[s])}`).join(' ')} END`;

const SORT_SQL: Record<SortKey, string> = {
  dueDate: 'due_date',
  pupil: 'pupil_key',
  owner: 'owner_key',
  itemType: 'item_type',
  status: STATUS_LABEL_SQL,
  updatedAt: 'updated_at',
};

export function pageSql(q: ActionPageQuery): PageSql {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, ...values: (string | number)[]) => {
    where.push(sql);
    params.push(...values);
  };
  const statuses = statusesOf(q);
  if (statuses) add(`status IN (${statuses.map(quote).join(', ')})`);
  if (q.ownerId) add('owner_id = ?', q.ownerId);
  if (q.pupilId) add('pupil_id = ?', q.pupilId);
  if (q.itemType) add('item_type = ?', q.itemType);
  if (q.dueFrom) add('due_date >= ?', q.dueFrom);
  if (q.dueTo) add('due_date <= ?', q.dueTo);
  if (q.visibleTo) add('(owner_id = ? OR created_by_id = ?)', q.visibleTo, q.visibleTo);
  if (q.bucket) {
    const b = bucketBounds(q.bucket);
    if (b.waitingUpdatedBefore && b.dueTo) {
      add(`(due_date <= ? OR (status = 'waiting' AND updated_at < ?))`, b.dueTo, b.waitingUpdatedBefore);
    } else {
      if (b.dueFrom) add('due_date >= ?', b.dueFrom);
      if (b.dueTo) add('due_date <= ?', b.dueTo);
      if (b.waiting) add(`status = 'waiting'`);
    }
  }
  const needle = sortKey(q.search ?? '');
  if (needle) add('instr(search_text, ?) > 0', needle);
  const direction = q.direction === 'desc' ? 'DESC' : 'ASC';
  // Open items in due order, with no narrower index to use: walk the partial index in order and stop
  // at the page, rather than let the planner pick the status index and sort every open item first.
  // (Waiting items have their own index in due order: the status index.)
  const walkOpenIndex =
    q.sort === 'dueDate' && !q.statuses && !q.includeArchived && !q.ownerId && !q.pupilId && !q.visibleTo && q.bucket?.name !== 'waiting';
  return {
    from: walkOpenIndex ? 'actions INDEXED BY actions_open_due' : 'actions',
    where: where.length ? `WHERE ${where.join(' AND ')}` : '',
    params,
    orderBy: q.sort === 'dueDate' ? `due_date ${direction}, id` : `${SORT_SQL[q.sort]} ${direction}, due_date, id`,
  };
}
