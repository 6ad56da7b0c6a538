/**
 * The SharePoint lists the app keeps its data in, and their columns. Provisioning creates exactly
 * these; the repository reads and writes exactly these. Every column the app filters or sorts on is
 * indexed, because Graph refuses a filter on a non-indexed column.
 *
 * DueDate is a single line of text holding `YYYY-MM-DD`, not a dateTime column: the domain date is a
 * calendar day with no time zone, while SharePoint stores dateTime as a UTC instant and shows it in the
 * site's zone, so a London date in summer time would come back as 23:00 the day before. ISO text sorts
 * and compares (ge/le) in date order, so range filters still work.
 */
export interface ColumnSpec {
  name: string;
  displayName: string;
  indexed: boolean;
  kind: 'text' | 'note' | 'number';
}

export interface ListSpec {
  displayName: string;
  description: string;
  columns: ColumnSpec[];
}

const text = (name: string, displayName: string, indexed = false): ColumnSpec => ({ name, displayName, indexed, kind: 'text' });
const note = (name: string, displayName: string): ColumnSpec => ({ name, displayName, indexed: false, kind: 'note' });

export const ACTIONS_LIST: ListSpec = {
  displayName: 'SEND Actions',
  description: 'Agreed SEND actions tracked by SEND Tracker. Edit them in the app so the audit trail stays complete.',
  columns: [
    text('ActionId', 'Action id', true),
    text('Status', 'Status', true),
    text('DueDate', 'Due date (YYYY-MM-DD)', true),
    text('OwnerId', 'Owner Entra id', true),
    text('OwnerName', 'Owner'),
    text('OwnerEmail', 'Owner email'),
    text('PupilId', 'Pupil reference', true),
    text('ItemType', 'Item type', true),
    text('IdempotencyKey', 'Idempotency key', true),
    { name: 'Version', displayName: 'Version', indexed: false, kind: 'number' },
    note('Data', 'Data (JSON)'),
    note('CreatedEntry', 'Creation audit (JSON)'),
  ],
};

export const HISTORY_LIST: ListSpec = {
  displayName: 'SEND Action History',
  description: 'Append-only audit trail of SEND Tracker actions.',
  columns: [
    text('ActionId', 'Action id', true),
    { name: 'Version', displayName: 'Version', indexed: false, kind: 'number' },
    text('Kind', 'Kind'),
    note('Actor', 'Actor (JSON)'),
    text('At', 'At (UTC)'),
    note('Changes', 'Changes (JSON)'),
  ],
};

export const ALL_LISTS: readonly ListSpec[] = [ACTIONS_LIST, HISTORY_LIST];

/**
 * The Graph columnDefinition body for a column.
 * https://learn.microsoft.com/graph/api/resources/columndefinition
 */
export function columnDefinition(column: ColumnSpec): Record<string, unknown> {
  const kind =
    column.kind === 'number'
      ? { number: { decimalPlaces: 'none' } }
      : { text: column.kind === 'note' ? { allowMultipleLines: true, linesForEditing: 6 } : { allowMultipleLines: false, maxLength: 255 } };
  return { name: column.name, displayName: column.displayName, indexed: column.indexed, ...kind };
}
