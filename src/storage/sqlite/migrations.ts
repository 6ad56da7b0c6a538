/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many have run.
 * Append only: never edit a migration that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE actions (
    id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    status TEXT NOT NULL,
    due_date TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    pupil_id TEXT NOT NULL,
    item_type TEXT NOT NULL,
    created_at TEXT NOT NULL,
    idempotency_key TEXT UNIQUE,
    data TEXT NOT NULL
  ) STRICT;
  CREATE INDEX actions_status_due ON actions (status, due_date);
  CREATE INDEX actions_owner_due ON actions (owner_id, due_date);
  CREATE INDEX actions_pupil_due ON actions (pupil_id, due_date);
  CREATE INDEX actions_due ON actions (due_date);

  CREATE TABLE history (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    action_id TEXT NOT NULL REFERENCES actions (id),
    version INTEGER NOT NULL,
    kind TEXT NOT NULL,
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    changes TEXT NOT NULL,
    UNIQUE (action_id, version)
  ) STRICT;

  -- Special-category records: the audit trail is append-only and nothing is ever deleted.
  CREATE TRIGGER actions_never_deleted BEFORE DELETE ON actions
    BEGIN SELECT RAISE(ABORT, 'actions are archived, never deleted'); END;
  CREATE TRIGGER history_never_deleted BEFORE DELETE ON history
    BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
  CREATE TRIGGER history_never_updated BEFORE UPDATE ON history
    BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
  `,
  // Reminders: the exactly-once gate. One row per reminder; the UNIQUE key is the compare-and-set.
  `
  CREATE TABLE reminder_log (
    action_id TEXT NOT NULL REFERENCES actions (id),
    kind TEXT NOT NULL,
    occasion TEXT NOT NULL,
    version INTEGER NOT NULL,
    claimed_at TEXT NOT NULL,
    outcome TEXT,
    PRIMARY KEY (action_id, kind, occasion)
  ) STRICT;
  `,
  // Weekly digest: one row per recipient per ISO week, claimed before sending (claim -> send -> mark sent).
  `
  CREATE TABLE digest_sends (
    recipient_id TEXT NOT NULL,
    week TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'failed')),
    claim_token TEXT NOT NULL,
    claimed_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 1,
    sent_at TEXT,
    reference TEXT,
    last_error TEXT,
    UNIQUE (recipient_id, week)
  ) STRICT;
  `,
  // SEN register (keyed by UPN, never deleted), termly snapshots, and interventions.
  `
  CREATE TABLE register_pupils (
    id TEXT PRIMARY KEY,
    upn TEXT NOT NULL UNIQUE,
    on_roll INTEGER NOT NULL,
    surname_key TEXT NOT NULL,
    data TEXT NOT NULL
  ) STRICT;
  CREATE INDEX register_pupils_roll ON register_pupils (on_roll, surname_key);
  CREATE TRIGGER register_pupils_never_deleted BEFORE DELETE ON register_pupils
    BEGIN SELECT RAISE(ABORT, 'register records are kept, never deleted'); END;

  CREATE TABLE register_snapshots (
    term TEXT PRIMARY KEY,
    sort_key TEXT NOT NULL,
    taken_at TEXT NOT NULL,
    data TEXT NOT NULL
  ) STRICT;

  CREATE TABLE interventions (
    id TEXT PRIMARY KEY,
    pupil_id TEXT NOT NULL,
    name TEXT NOT NULL,
    start_date TEXT NOT NULL,
    version INTEGER NOT NULL,
    idempotency_key TEXT UNIQUE,
    data TEXT NOT NULL
  ) STRICT;
  CREATE INDEX interventions_pupil ON interventions (pupil_id, start_date);
  CREATE INDEX interventions_name ON interventions (name);
  CREATE TRIGGER interventions_never_deleted BEFORE DELETE ON interventions
    BEGIN SELECT RAISE(ABORT, 'interventions are kept, never deleted'); END;
  `,
  // Bot: where each conversation the bot is in lives, for proactive messages (reminders, digests).
  `
  CREATE TABLE conversation_references (
    conversation_id TEXT PRIMARY KEY,
    conversation_type TEXT,
    tenant_id TEXT,
    service_url TEXT NOT NULL,
    reference TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
  `,
  // One-page profiles (pupil passports), one versioned row per register pupil.
  `
  CREATE TABLE passports (
    pupil_id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    data TEXT NOT NULL
  ) STRICT;
  `,
  // Store writes that could not reach SharePoint, kept until replayed. Rows are never deleted: a sent
  // or conflicting write stays as a record of what happened.
  `
  CREATE TABLE store_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    target_id TEXT,
    payload TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX store_outbox_state ON store_outbox (state, seq);
  CREATE TRIGGER store_outbox_never_deleted BEFORE DELETE ON store_outbox
    BEGIN SELECT RAISE(ABORT, 'outbox entries are kept'); END;
  `,
  // The school's role table (role word -> person) and its append-only change history.
  `
  CREATE TABLE roles (
    role TEXT PRIMARY KEY,
    data TEXT NOT NULL
  ) STRICT;
  CREATE TABLE role_history (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    role TEXT NOT NULL,
    at TEXT NOT NULL,
    data TEXT NOT NULL
  ) STRICT;
  CREATE TRIGGER role_history_never_deleted BEFORE DELETE ON role_history
    BEGIN SELECT RAISE(ABORT, 'role history is append-only'); END;
  CREATE TRIGGER role_history_never_updated BEFORE UPDATE ON role_history
    BEGIN SELECT RAISE(ABORT, 'role history is append-only'); END;
  `,
  // One-page profiles keep every saved version, and are never deleted (like actions).
  `
  CREATE TABLE passport_versions (
    pupil_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (pupil_id, version)
  ) STRICT;
  INSERT INTO passport_versions (pupil_id, version, data) SELECT pupil_id, version, data FROM passports;
  CREATE TRIGGER passports_never_deleted BEFORE DELETE ON passports
    BEGIN SELECT RAISE(ABORT, 'one-page profiles are kept, never deleted'); END;
  CREATE TRIGGER passport_versions_never_deleted BEFORE DELETE ON passport_versions
    BEGIN SELECT RAISE(ABORT, 'profile versions are append-only'); END;
  CREATE TRIGGER passport_versions_never_updated BEFORE UPDATE ON passport_versions
    BEGIN SELECT RAISE(ABORT, 'profile versions are append-only'); END;
  `,
  // Paging the tracker in SQL. Beside the JSON, the columns a page filters, sorts and searches on:
  // who created an item (the need-to-know rule), when it was last updated (escalation), the pupil's and
  // owner's names and the searched text folded as the kernel folds them (sort_key, registered on
  // every connection). Open items have an index in due order (the default view and the check-in); its
  // statuses are written out, as SQLite uses a partial index only for a query naming the same literals.
  `
  ALTER TABLE actions ADD COLUMN created_by_id TEXT GENERATED ALWAYS AS (json_extract(data, '$.createdBy.id')) VIRTUAL;
  ALTER TABLE actions ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
  ALTER TABLE actions ADD COLUMN pupil_key TEXT NOT NULL DEFAULT '';
  ALTER TABLE actions ADD COLUMN owner_key TEXT NOT NULL DEFAULT '';
  ALTER TABLE actions ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
  UPDATE actions SET
    updated_at = json_extract(data, '$.updatedAt'),
    pupil_key = sort_key(json_extract(data, '$.pupil.name')),
    owner_key = sort_key(json_extract(data, '$.owner.name')),
    -- searchText of kernel/action-view.ts: the searched fields folded, one per line.
    search_text =
      sort_key(coalesce(json_extract(data, '$.description'), '')) || char(10) ||
      sort_key(coalesce(json_extract(data, '$.pupil.name'), '')) || char(10) ||
      sort_key(coalesce(json_extract(data, '$.pupil.id'), '')) || char(10) ||
      sort_key(coalesce(json_extract(data, '$.owner.name'), '')) || char(10) ||
      sort_key(coalesce(json_extract(data, '$.decision'), '')) || char(10) ||
      sort_key(coalesce(json_extract(data, '$.lastNote'), ''));
  CREATE INDEX actions_created_by ON actions (created_by_id);
  CREATE INDEX actions_open_due ON actions (due_date, id) WHERE status IN ('open', 'in_progress', 'waiting');
  CREATE INDEX actions_waiting_updated ON actions (updated_at) WHERE status = 'waiting';
  `,
  // Who replays the outbox, and until when (a lease): the same rule as the shared outbox's, so one
  // contract suite holds for both adapters.
  `
  CREATE TABLE store_outbox_lease (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    until TEXT NOT NULL
  ) STRICT;
  `,
  // What each reminder run did, for the SEND team's Reminders panel: appended, never changed or deleted.
  `
  CREATE TABLE reminder_runs (
    id INTEGER PRIMARY KEY,
    today TEXT NOT NULL,
    ran_at TEXT NOT NULL,
    report TEXT NOT NULL
  ) STRICT;
  CREATE INDEX reminder_runs_today ON reminder_runs (today, ran_at);
  CREATE TRIGGER reminder_runs_never_deleted BEFORE DELETE ON reminder_runs
    BEGIN SELECT RAISE(ABORT, 'reminder run reports are append-only'); END;
  CREATE TRIGGER reminder_runs_never_updated BEFORE UPDATE ON reminder_runs
    BEGIN SELECT RAISE(ABORT, 'reminder run reports are append-only'); END;
  `,
  // Every register import recorded (who, when, counts), and each pupil's state before the import
  // that last changed it, so the latest import can be undone. before_import is NULL when that import
  // added the pupil; import_id is NULL for pupils no logged import has changed.
  `
  ALTER TABLE register_pupils ADD COLUMN import_id TEXT;
  ALTER TABLE register_pupils ADD COLUMN before_import TEXT;
  CREATE INDEX register_pupils_import ON register_pupils (import_id);
  CREATE TABLE register_imports (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    data TEXT NOT NULL
  ) STRICT;
  CREATE TRIGGER register_imports_never_deleted BEFORE DELETE ON register_imports
    BEGIN SELECT RAISE(ABORT, 'register imports are kept, never deleted'); END;
  `,
  // The register's settings (number on roll, staff training): every save a new row, the latest
  // current, none changed or deleted, so the table is its own audit trail.
  `
  CREATE TABLE register_settings (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    data TEXT NOT NULL
  ) STRICT;
  CREATE TRIGGER register_settings_never_updated BEFORE UPDATE ON register_settings
    BEGIN SELECT RAISE(ABORT, 'register settings are append-only'); END;
  CREATE TRIGGER register_settings_never_deleted BEFORE DELETE ON register_settings
    BEGIN SELECT RAISE(ABORT, 'register settings are append-only'); END;
  `,
  // EHC plan records, one current row per pupil and every saved version beside it (as profiles).
  `
  CREATE TABLE ehc_plans (
    pupil_id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    data TEXT NOT NULL
  ) STRICT;
  CREATE TABLE ehc_plan_versions (
    pupil_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (pupil_id, version)
  ) STRICT;
  CREATE TRIGGER ehc_plans_never_deleted BEFORE DELETE ON ehc_plans
    BEGIN SELECT RAISE(ABORT, 'EHC plan records are kept, never deleted'); END;
  CREATE TRIGGER ehc_plan_versions_never_deleted BEFORE DELETE ON ehc_plan_versions
    BEGIN SELECT RAISE(ABORT, 'EHC plan versions are append-only'); END;
  CREATE TRIGGER ehc_plan_versions_never_updated BEFORE UPDATE ON ehc_plan_versions
    BEGIN SELECT RAISE(ABORT, 'EHC plan versions are append-only'); END;
  `,
  // Each pupil's documents: the files sit under the data folder; this is their metadata (current
  // or superseded, review date) and every change to it. Documents and events are never deleted.
  `
  CREATE TABLE pupil_documents (
    id TEXT PRIMARY KEY,
    pupil_id TEXT NOT NULL,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    review_date TEXT,
    version INTEGER NOT NULL,
    data TEXT NOT NULL
  ) STRICT;
  CREATE INDEX pupil_documents_pupil ON pupil_documents (pupil_id, type, status);
  CREATE INDEX pupil_documents_review ON pupil_documents (status, review_date);
  CREATE TABLE pupil_document_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL,
    pupil_id TEXT NOT NULL,
    data TEXT NOT NULL
  ) STRICT;
  CREATE INDEX pupil_document_events_pupil ON pupil_document_events (pupil_id);
  CREATE TRIGGER pupil_documents_never_deleted BEFORE DELETE ON pupil_documents
    BEGIN SELECT RAISE(ABORT, 'pupil documents are kept, never deleted'); END;
  CREATE TRIGGER pupil_document_events_never_deleted BEFORE DELETE ON pupil_document_events
    BEGIN SELECT RAISE(ABORT, 'document events are append-only'); END;
  CREATE TRIGGER pupil_document_events_never_updated BEFORE UPDATE ON pupil_document_events
    BEGIN SELECT RAISE(ABORT, 'document events are append-only'); END;
  `,
];
