// The SQLite schema and its migrations, keyed by PRAGMA user_version (stack.md §11).
#include "store/internal/sqlite_db.h"
#include "store/internal/schema_version.h"

namespace motcua::store::internal {
namespace {

// Version 1. Times are INTEGER unix seconds (UTC); money is INTEGER whole đồng; booleans 0/1.
// Child rows are keyed by (dossier_code, position) and rewritten with their dossier.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE settings(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE procedures(
  code        TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  document    TEXT NOT NULL           -- the procedure as catalog JSON
);
CREATE TABLE sequences(
  key   TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
CREATE TABLE dossiers(
  code                TEXT PRIMARY KEY,
  lookup_secret       TEXT NOT NULL,
  procedure_code      TEXT NOT NULL,
  procedure_name      TEXT NOT NULL,
  field_code          TEXT NOT NULL,
  field_name          TEXT NOT NULL,
  agency_id           TEXT NOT NULL,
  receiving_unit      TEXT NOT NULL,
  processing_unit     TEXT NOT NULL,
  state               TEXT NOT NULL,
  channel             INTEGER NOT NULL,
  delivery            INTEGER NOT NULL,
  delivery_address    TEXT NOT NULL,
  applicant_kind      INTEGER NOT NULL,
  applicant_id_type   INTEGER NOT NULL,
  applicant_id        TEXT NOT NULL,
  applicant_name      TEXT NOT NULL,
  applicant_name_key  TEXT NOT NULL,     -- FoldForSearch(applicant_name)
  applicant_phone     TEXT NOT NULL,
  applicant_email     TEXT NOT NULL,
  applicant_address   TEXT NOT NULL,
  summary             TEXT NOT NULL,
  sets                INTEGER NOT NULL,
  duration            TEXT,              -- "3wd"; NULL when the procedure has no due date
  received_at         INTEGER NOT NULL,
  due_at              INTEGER,
  original_due_at     INTEGER,
  finished_at         INTEGER,
  returned_at         INTEGER,
  apology_count       INTEGER NOT NULL CHECK (apology_count BETWEEN 0 AND 1),
  apology_reason      TEXT NOT NULL,
  vneid_verified      INTEGER NOT NULL,
  state_reason        TEXT NOT NULL,
  return_at           INTEGER,
  return_receiver_name TEXT,
  return_receiver_id  TEXT,
  return_originals    INTEGER,
  return_no_digital_reason TEXT,
  return_by           TEXT,
  version             INTEGER NOT NULL
);
CREATE INDEX dossiers_by_state_due ON dossiers(state, due_at);
CREATE INDEX dossiers_by_received ON dossiers(received_at);
CREATE INDEX dossiers_by_applicant_id ON dossiers(applicant_id);
CREATE INDEX dossiers_by_unit ON dossiers(processing_unit, state);

CREATE TABLE attachments(
  sha256      TEXT PRIMARY KEY,
  mime        TEXT NOT NULL,
  pages       INTEGER NOT NULL,
  size_bytes  INTEGER NOT NULL
);
CREATE TABLE dossier_components(
  dossier_code        TEXT NOT NULL REFERENCES dossiers(code),
  position            INTEGER NOT NULL,
  code                TEXT NOT NULL,
  name                TEXT NOT NULL,
  originals           INTEGER NOT NULL,
  copies              INTEGER NOT NULL,
  shown_only          INTEGER NOT NULL,
  reused_result_code  TEXT NOT NULL,
  from_citizen_store  INTEGER NOT NULL,
  PRIMARY KEY (dossier_code, position)
);
CREATE TABLE component_files(
  dossier_code  TEXT NOT NULL REFERENCES dossiers(code),
  position      INTEGER NOT NULL,           -- the component's position
  file_index    INTEGER NOT NULL,
  sha256        TEXT NOT NULL REFERENCES attachments(sha256),
  file_name     TEXT NOT NULL,
  added_by      TEXT NOT NULL,
  added_at      INTEGER NOT NULL,
  PRIMARY KEY (dossier_code, position, file_index)
);
CREATE TABLE result_documents(
  dossier_code    TEXT NOT NULL REFERENCES dossiers(code),
  position        INTEGER NOT NULL,
  name            TEXT NOT NULL,
  result_code     TEXT NOT NULL,
  paper_required  INTEGER NOT NULL,
  sha256          TEXT REFERENCES attachments(sha256),
  file_name       TEXT NOT NULL,
  e_signed        INTEGER NOT NULL,
  added_by        TEXT NOT NULL,
  added_at        INTEGER NOT NULL,
  PRIMARY KEY (dossier_code, position)
);
CREATE TABLE dossier_fees(
  dossier_code  TEXT NOT NULL REFERENCES dossiers(code),
  position      INTEGER NOT NULL,
  name          TEXT NOT NULL,
  amount_vnd    INTEGER NOT NULL CHECK (amount_vnd >= 0),
  paid_at       INTEGER,
  paid_online   INTEGER NOT NULL,
  PRIMARY KEY (dossier_code, position)
);
CREATE TABLE dossier_steps(
  dossier_code  TEXT NOT NULL REFERENCES dossiers(code),
  position      INTEGER NOT NULL,
  at            INTEGER NOT NULL,
  actor         TEXT NOT NULL,
  unit          TEXT NOT NULL,
  content       TEXT NOT NULL,
  state         TEXT NOT NULL,
  PRIMARY KEY (dossier_code, position)
);
CREATE TABLE dossier_supplements(
  dossier_code  TEXT NOT NULL REFERENCES dossiers(code),
  position      INTEGER NOT NULL,
  requested_at  INTEGER NOT NULL,
  requested_by  TEXT NOT NULL,
  reason        TEXT NOT NULL,
  items         TEXT NOT NULL,              -- JSON array of strings
  received_at   INTEGER,
  received_by   TEXT NOT NULL,
  due_before    INTEGER,
  due_after     INTEGER,
  PRIMARY KEY (dossier_code, position)
);

CREATE TABLE journal(
  seq           INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  type          TEXT NOT NULL,
  dossier_code  TEXT NOT NULL,
  actor         TEXT NOT NULL,
  station       TEXT NOT NULL,
  at            INTEGER NOT NULL,
  payload       TEXT NOT NULL,
  prev_hash     TEXT NOT NULL,
  hash          TEXT NOT NULL
);
CREATE INDEX journal_by_dossier ON journal(dossier_code, seq);
CREATE TABLE journal_head(
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  seq   INTEGER NOT NULL,
  hash  TEXT NOT NULL
);
CREATE TRIGGER journal_is_append_only_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER journal_is_append_only_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
)sql";

// Version 2: records, small documents of modules without tables of their own (store.h Record).
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE records(
  kind        TEXT NOT NULL,
  key         TEXT NOT NULL,
  status      TEXT NOT NULL,
  updated_at  INTEGER NOT NULL,
  body        TEXT NOT NULL,
  version     INTEGER NOT NULL,
  PRIMARY KEY (kind, key)
);
CREATE INDEX records_by_status ON records(kind, status, updated_at);
)sql";

// Version 3: keyed journal (store/journal.h): every event records the station's wall clock and the seals
// of the rows its transaction wrote; intakes carry an idempotency key; the counter's drafts and shortcuts
// become scratch records (store.h), the only records written without a journal event.
// A later migration that changes a sealed table's columns must keep old digests valid (add NULL columns
// only) or end with an event resealing every row, which SqliteStore appends after any upgrade from
// below version 3.
constexpr const char* kSchemaV3 = R"sql(
ALTER TABLE journal ADD COLUMN recorded_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE journal ADD COLUMN seals TEXT NOT NULL DEFAULT '';
ALTER TABLE dossiers ADD COLUMN request_id TEXT;
CREATE UNIQUE INDEX dossiers_by_request_id ON dossiers(request_id) WHERE request_id IS NOT NULL;
UPDATE records SET kind = 'scratch.' || kind WHERE kind IN ('intake_draft', 'counter_recent', 'counter_slip');
)sql";

// Version 4 changes PostgreSQL only (journal_pending, pg_schema.cpp): SQLite's one writer chains its events
// in its own transaction.
constexpr const char* kSchemaV4 = "SELECT 1";

// Version 5: the type of the ID the result's receiver showed (dossier::IdType; NULL for a return recorded
// before, whose number was free text, and for a dossier not returned). A NULL column leaves the seals of
// rows written before valid (row_digest.cpp skips NULLs).
constexpr const char* kSchemaV5 = "ALTER TABLE dossiers ADD COLUMN return_receiver_id_type INTEGER;";

constexpr Migration kMigrations[] = {{1, kSchemaV1}, {2, kSchemaV2}, {3, kSchemaV3}, {4, kSchemaV4}, {5, kSchemaV5}};

}  // namespace

Result<int> SqliteConnection::LockedSchemaVersion() {
  MOTCUA_ASSIGN_OR_RETURN(Statement s, Prepare("PRAGMA user_version"));
  MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? static_cast<int>(s.Int(0)) : 0;
}

Status SqliteConnection::UpgradeSchema(int from) {
  for (const auto& m : kMigrations) {
    if (m.version <= from) continue;
    MOTCUA_TRY(Exec(m.sql));
    MOTCUA_TRY(Exec("PRAGMA user_version = " + std::to_string(m.version)));
  }
  return Ok();
}

}  // namespace motcua::store::internal
