/**
 * Five statuses, as SENCOs use them. "Overdue" is not a status: it is derived from the due date
 * (see `isOverdue`). `done` and `parked` close an item, which archives it with a closing note.
 */
export const STATUSES = ['open', 'in_progress', 'waiting', 'done', 'parked'] as const;
export type Status = (typeof STATUSES)[number];

export const OPEN_STATUS_VALUES = ['open', 'in_progress', 'waiting'] as const;
export const OPEN_STATUSES: readonly Status[] = OPEN_STATUS_VALUES;
export const CLOSED_STATUSES: readonly Status[] = ['done', 'parked'];

export const STATUS_LABELS: Record<Status, string> = {
  open: 'Not started',
  in_progress: 'In progress',
  waiting: 'Waiting on someone',
  done: 'Done',
  parked: 'Parked',
};

const ALLOWED: Record<Status, readonly Status[]> = {
  open: ['in_progress', 'waiting', 'done', 'parked'],
  in_progress: ['open', 'waiting', 'done', 'parked'],
  waiting: ['open', 'in_progress', 'done', 'parked'],
  // A closed item can be reopened (it leaves the archive); it never goes straight to another closed state.
  done: ['open'],
  parked: ['open'],
};

export function isClosed(status: Status): boolean {
  return CLOSED_STATUSES.includes(status);
}

/** Whether `from -> to` is a legal move. Staying put is always allowed (a no-op). */
export function canTransition(from: Status, to: Status): boolean {
  return from === to || ALLOWED[from].includes(to);
}
