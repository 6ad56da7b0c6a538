import type { FieldChange, HistoryEntry } from '@/kernel/history';
import { formatDate } from '@/kernel/dates';
import { ITEM_TYPE_LABELS, type ItemType } from '@/kernel/item-type';
import { STATUS_LABELS, type Status } from '@/kernel/status';

const FIELD_LABELS: Record<string, string> = {
  pupil: 'pupil',
  itemType: 'type',
  description: 'action',
  decision: 'decision',
  owner: 'owner',
  outsideOwner: 'done by',
  dueDate: 'due date',
  status: 'status',
  evidenceUrl: 'evidence link',
  nextReviewDate: 'next review',
  lastNote: 'note',
  closingNote: 'closing note',
  closedAt: 'closed',
};

function show(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'nothing';
  if (field === 'status') return STATUS_LABELS[value as Status] ?? String(value);
  if (field === 'itemType') return ITEM_TYPE_LABELS[value as ItemType] ?? String(value);
  if ((field === 'dueDate' || field === 'nextReviewDate') && typeof value === 'string') return formatDate(value);
  if (typeof value === 'object' && value && 'name' in value) return String((value as { name: unknown }).name);
  return String(value);
}

/** One field change in words, e.g. "status: Not started → In progress". */
export function describeChange(change: FieldChange): string {
  const label = FIELD_LABELS[change.field] ?? change.field;
  if (change.field === 'lastNote') return `note: “${show(change.field, change.to)}”`;
  if (change.field === 'closedAt') return change.to ? 'closed' : 'reopened';
  return `${label}: ${show(change.field, change.from)} → ${show(change.field, change.to)}`;
}

const KIND_LABELS: Record<HistoryEntry['kind'], string> = {
  created: 'Created',
  updated: 'Updated',
  closed: 'Closed',
  reopened: 'Reopened',
};

export function describeEntry(entry: HistoryEntry): string {
  const details = entry.kind === 'created' ? [] : entry.changes.map(describeChange);
  return `${KIND_LABELS[entry.kind]} by ${entry.actor.name}${details.length ? ` — ${details.join('; ')}` : ''}`;
}
