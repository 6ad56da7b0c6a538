import type { Action, Actor } from './action';

export type HistoryKind = 'created' | 'updated' | 'closed' | 'reopened';

/** One field's change, before and after. */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** An append-only audit record: who changed which action, when, and what. */
export interface HistoryEntry {
  actionId: string;
  version: number;
  kind: HistoryKind;
  actor: Actor;
  at: string;
  changes: FieldChange[];
}

const AUDITED: readonly (keyof Action)[] = [
  'pupil',
  'itemType',
  'description',
  'decision',
  'owner',
  'outsideOwner',
  'dueDate',
  'status',
  'evidenceUrl',
  'nextReviewDate',
  'lastNote',
  'closingNote',
  'closedAt',
  'remindAfter',
];

/** The audited fields that differ between two versions of an action. */
export function diffActions(before: Action | null, after: Action): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of AUDITED) {
    const from = before ? (before[field] ?? null) : null;
    const to = after[field] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, from, to });
  }
  return changes;
}
