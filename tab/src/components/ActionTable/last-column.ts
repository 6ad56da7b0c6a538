import type { ActionRow } from '@/kernel/action-page';
import { formatDate, londonDate } from '@/kernel/dates';

/** The last column's words and value: the next review, or (in the archive) the London day it was closed. */
export function lastColumn(action: ActionRow, archive: boolean | undefined): string | null {
  if (archive) return action.closedAt ? formatDate(londonDate(new Date(action.closedAt))) : null;
  return action.nextReviewDate ? formatDate(action.nextReviewDate) : null;
}
