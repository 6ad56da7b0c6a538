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
  /**
   * No two items may hold the same value (`enforceUniqueValues`); SharePoint requires such a column to be
   * indexed. Creating a second item with the value fails, which makes an item create an exactly-once claim.
   */
  unique?: boolean;
}

export interface ListSpec {
  displayName: string;
  description: string;
  columns: ColumnSpec[];
  /** A list of items (the default), or a document library holding files with these columns. */
  template?: 'genericList' | 'documentLibrary';
}

const text = (name: string, displayName: string, indexed = false): ColumnSpec => ({ name, displayName, indexed, kind: 'text' });
const note = (name: string, displayName: string): ColumnSpec => ({ name, displayName, indexed: false, kind: 'note' });
const uniqueKey = (name: string, displayName: string): ColumnSpec => ({ name, displayName, indexed: true, unique: true, kind: 'text' });
const numberColumn = (name: string, displayName: string): ColumnSpec => ({ name, displayName, indexed: false, kind: 'number' });

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
    // Unique, so a keyed save can create first and treat 409 as "already saved" (one request, not a lookup then a write).
    uniqueKey('IdempotencyKey', 'Idempotency key'),
    { name: 'Version', displayName: 'Version', indexed: false, kind: 'number' },
    note('Data', 'Data (JSON)'),
    note('CreatedEntry', 'Creation audit (JSON)'),
    // Written by the reminder claim (with If-Match) so a claim succeeds only while the item is unchanged.
    text('ReminderClaim', 'Last reminder claim'),
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

/** One item per reminder sent (or being sent): `ClaimKey` is `{actionId}|{kind}|{occasion}`, unique. */
export const REMINDER_CLAIMS_LIST: ListSpec = {
  displayName: 'SEND Reminder Claims',
  description: 'Which reminders SEND Tracker has sent, so each is sent once however many servers run.',
  columns: [
    uniqueKey('ClaimKey', 'Claim key'),
    text('ActionId', 'Action id', true),
    text('Kind', 'Reminder kind'),
    text('Occasion', 'Occasion (YYYY-MM-DD)'),
    numberColumn('Version', 'Item version'),
    text('ClaimedAt', 'Claimed at (UTC)'),
    text('Outcome', 'Outcome'),
  ],
};

/** One item per recipient per ISO week: `DigestKey` is `{recipientId}|{week}`, unique. */
export const DIGEST_SENDS_LIST: ListSpec = {
  displayName: 'SEND Digest Sends',
  description: 'Weekly digest sends by SEND Tracker, one per recipient per week.',
  columns: [
    uniqueKey('DigestKey', 'Digest key'),
    text('RecipientId', 'Recipient Entra id', true),
    text('Week', 'ISO week', true),
    text('Status', 'Status'),
    text('ClaimToken', 'Claim token'),
    text('ClaimedAt', 'Claimed at (UTC)'),
    numberColumn('Attempts', 'Attempts'),
    text('SentAt', 'Sent at (UTC)'),
    text('Reference', 'Reference'),
    text('LastError', 'Last error'),
  ],
};

/** One item per reminder run, appended by whichever instance ran it: `Day` (the school date) is indexed for the panel's read. */
export const REMINDER_RUNS_LIST: ListSpec = {
  displayName: 'SEND Reminder Runs',
  description: 'What each SEND Tracker reminder run sent and who it could not reach. Managed by the app.',
  columns: [text('Day', 'School date (YYYY-MM-DD)', true), text('RanAt', 'Ran at (UTC)'), note('Report', 'Report (JSON)')],
};

/** Where the bot can message people proactively. `ConversationKey` is a digest of the conversation id, unique. */
export const CONVERSATIONS_LIST: ListSpec = {
  displayName: 'SEND Bot Conversations',
  description: 'Conversation references SEND Tracker needs to send reminders. Managed by the app.',
  columns: [
    uniqueKey('ConversationKey', 'Conversation key'),
    text('ConversationType', 'Conversation type', true),
    text('UserAadObjectId', 'User Entra id', true),
    text('UpdatedAt', 'Updated at (UTC)'),
    note('Reference', 'Reference (JSON)'),
  ],
};

/** The SEN register: one item per pupil, keyed by UPN (unique); never deleted, leavers are marked off roll. */
export const REGISTER_PUPILS_LIST: ListSpec = {
  displayName: 'SEND Register Pupils',
  description: 'The SEN register imported from the MIS by SEND Tracker. Special-category data: import it again rather than editing here.',
  columns: [
    uniqueKey('Upn', 'UPN'),
    text('PupilId', 'Pupil reference', true),
    // 'yes' / 'no': the register view reads on-roll pupils only.
    text('OnRoll', 'On roll', true),
    note('Data', 'Data (JSON)'),
    // The import that last changed the pupil (undo finds its pupils by it) and the record before it
    // (empty when that import added the pupil).
    text('ImportId', 'Last import', true),
    note('BeforeImport', 'Before the last import (JSON)'),
  ],
};

/** Every register import: who, when, what it changed, and whether it was undone. Never deleted. */
export const REGISTER_IMPORTS_LIST: ListSpec = {
  displayName: 'SEND Register Imports',
  description: 'Every import of the SEN register into SEND Tracker: who, when, what changed, undone or not. Managed by the app.',
  columns: [uniqueKey('ImportId', 'Import id'), text('At', 'Imported at (UTC)', true), note('Data', 'Import (JSON)')],
};

/** Every save of the register's settings (number on roll, staff training); the newest is current. Never changed. */
export const REGISTER_SETTINGS_LIST: ListSpec = {
  displayName: 'SEND Register Settings',
  description:
    'The number on roll and staff training areas given to SEND Tracker: every save kept, the newest current. Managed by the app.',
  columns: [text('At', 'Saved at (UTC)', true), note('Data', 'Settings (JSON)')],
};

/** One item per term: the register's counts, replaced when the term is taken again. */
export const REGISTER_SNAPSHOTS_LIST: ListSpec = {
  displayName: 'SEND Register Snapshots',
  description: 'Termly counts of the SEN register kept by SEND Tracker.',
  columns: [uniqueKey('Term', 'Term'), note('Data', 'Data (JSON)')],
};

export const INTERVENTIONS_LIST: ListSpec = {
  displayName: 'SEND Interventions',
  description: 'Interventions and their measures, tracked by SEND Tracker.',
  columns: [
    uniqueKey('InterventionId', 'Intervention id'),
    text('PupilId', 'Pupil reference', true),
    text('IdempotencyKey', 'Idempotency key', true),
    numberColumn('Version', 'Version'),
    note('Data', 'Data (JSON)'),
  ],
};

/** One-page profiles: one versioned item per pupil. */
export const PASSPORTS_LIST: ListSpec = {
  displayName: 'SEND Pupil Passports',
  description: 'One-page pupil profiles written in SEND Tracker.',
  columns: [uniqueKey('PupilId', 'Pupil reference'), numberColumn('Version', 'Version'), note('Data', 'Data (JSON)')],
};

/** Every saved version of each one-page profile, appended on each save and never changed. */
export const PASSPORT_VERSIONS_LIST: ListSpec = {
  displayName: 'SEND Pupil Passport Versions',
  description: 'Every saved version of each one-page profile, oldest first. Append-only.',
  columns: [
    uniqueKey('VersionKey', 'Pupil and version'),
    text('PupilId', 'Pupil reference', true),
    numberColumn('Version', 'Version'),
    note('Data', 'Data (JSON)'),
  ],
};

/** EHC plan records (the dates the statutory clock runs from): one versioned item per pupil. */
export const EHC_PLANS_LIST: ListSpec = {
  displayName: 'SEND EHC Plans',
  description: 'EHC plan dates for the statutory clock, kept by SEND Tracker.',
  columns: [uniqueKey('PupilId', 'Pupil reference'), numberColumn('Version', 'Version'), note('Data', 'Data (JSON)')],
};

/** Every saved version of each EHC plan record, appended on each save and never changed. */
export const EHC_PLAN_VERSIONS_LIST: ListSpec = {
  displayName: 'SEND EHC Plan Versions',
  description: 'Every saved version of each EHC plan record, oldest first. Append-only.',
  columns: [
    uniqueKey('VersionKey', 'Pupil and version'),
    text('PupilId', 'Pupil reference', true),
    numberColumn('Version', 'Version'),
    note('Data', 'Data (JSON)'),
  ],
};

/** Who holds each role staff name in meetings ("SENCO", "attendance lead"): one item per role word. */
export const ROLES_LIST: ListSpec = {
  displayName: 'SEND Roles',
  description: 'Role words and who holds them, set by the SEND lead in SEND Tracker.',
  columns: [
    uniqueKey('Role', 'Role'),
    text('PersonId', 'Person Entra id'),
    text('PersonName', 'Person'),
    text('PersonEmail', 'Person email'),
    text('UpdatedAt', 'Updated at (UTC)'),
    note('UpdatedBy', 'Updated by (JSON)'),
  ],
};

/** Append-only record of every role change. */
export const ROLE_HISTORY_LIST: ListSpec = {
  displayName: 'SEND Role History',
  description: 'Every change to the SEND roles: who changed which role, when.',
  columns: [text('Role', 'Role', true), text('At', 'At (UTC)', true), note('Data', 'Change (JSON)')],
};

/**
 * The pupil records library: one folder per pupil, each file with the columns below. Type and status
 * hold the words a person reads in SharePoint ("Support plan", "Current"); the app reads the record
 * itself from `Record`. PupilId, Status and ReviewDate are indexed for the tab's two queries (a
 * pupil's documents; current documents past review).
 */
export const PUPIL_RECORDS_LIBRARY: ListSpec = {
  displayName: 'SEND Pupil Records',
  description:
    'Each pupil’s support plans, EHC plans, profiles, reports, minutes and letters: one folder per pupil. Add and replace them in SEND Tracker, so the current one is marked and every change is kept.',
  template: 'documentLibrary',
  columns: [
    text('PupilId', 'Pupil reference', true),
    text('DocumentType', 'Document type'),
    text('DocumentStatus', 'Current or superseded', true),
    text('ReviewDate', 'Review date (YYYY-MM-DD)', true),
    numberColumn('RecordVersion', 'Record version'),
    note('Record', 'Record (JSON)'),
  ],
};

export const ALL_LISTS: readonly ListSpec[] = [
  ACTIONS_LIST,
  HISTORY_LIST,
  REMINDER_CLAIMS_LIST,
  DIGEST_SENDS_LIST,
  CONVERSATIONS_LIST,
  REGISTER_PUPILS_LIST,
  REGISTER_SNAPSHOTS_LIST,
  REGISTER_IMPORTS_LIST,
  REGISTER_SETTINGS_LIST,
  INTERVENTIONS_LIST,
  PASSPORTS_LIST,
  ROLES_LIST,
  ROLE_HISTORY_LIST,
  PASSPORT_VERSIONS_LIST,
  REMINDER_RUNS_LIST,
  EHC_PLANS_LIST,
  EHC_PLAN_VERSIONS_LIST,
  PUPIL_RECORDS_LIBRARY,
];

/**
 * The Graph columnDefinition body for a column.
 * https://learn.microsoft.com/graph/api/resources/columndefinition
 */
export function columnDefinition(column: ColumnSpec): Record<string, unknown> {
  const kind =
    column.kind === 'number'
      ? { number: { decimalPlaces: 'none' } }
      : {
          // Plain, never the tenant's default: rich text would wrap the JSON a note column holds in HTML.
          // https://learn.microsoft.com/graph/api/resources/textcolumn (textType: plain or richText)
          text:
            column.kind === 'note'
              ? { allowMultipleLines: true, linesForEditing: 6, textType: 'plain' }
              : { allowMultipleLines: false, maxLength: 255 },
        };
  return {
    name: column.name,
    displayName: column.displayName,
    indexed: column.indexed,
    ...(column.unique ? { enforceUniqueValues: true } : {}),
    ...kind,
  };
}
