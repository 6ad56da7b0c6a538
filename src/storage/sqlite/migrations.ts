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
];
