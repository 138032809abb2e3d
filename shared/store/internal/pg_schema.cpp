// The PostgreSQL schema and its migrations (stack.md §19), kept in a table of its own. The tables match
// the SQLite schema column for column and in the same order (row_digest.h: both engines give the same
// digests): integers are BIGINT, text compares byte by byte (COLLATE "C", as SQLite does), and functions
// stand in for what SQLite has built in (instr).
//
// The audit trail is guarded by PostgreSQL's own privileges: the tables belong to the role that migrates
// (the database's owner, motcua_owner in a center); stations connect as motcua_station, which may read the
// journal and append to it only through motcua_append_event, never UPDATE or DELETE it nor move its head.
// Triggers refuse UPDATE, DELETE and TRUNCATE on the journal to the owner too.
#include "store/internal/pg_db.h"
#include "store/internal/schema_version.h"

namespace motcua::store::internal {
namespace {

// Version 3, the first on PostgreSQL (it is SQLite's 1 to 3 at once).
constexpr const char* kPgSchemaV3 = R"sql(
CREATE TABLE schema_version(version BIGINT NOT NULL);
INSERT INTO schema_version VALUES (3);

CREATE FUNCTION instr(haystack TEXT, needle TEXT) RETURNS BIGINT
  LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT CAST(strpos(haystack, needle) AS BIGINT) $$;

CREATE TABLE settings(
  key   TEXT COLLATE "C" PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE procedures(
  code      TEXT COLLATE "C" PRIMARY KEY,
  name      TEXT NOT NULL,
  document  TEXT NOT NULL
);
CREATE TABLE sequences(
  key   TEXT COLLATE "C" PRIMARY KEY,
  value BIGINT NOT NULL
);
CREATE TABLE dossiers(
  code                TEXT COLLATE "C" PRIMARY KEY,
  lookup_secret       TEXT NOT NULL,
  procedure_code      TEXT COLLATE "C" NOT NULL,
  procedure_name      TEXT NOT NULL,
  field_code          TEXT NOT NULL,
  field_name          TEXT NOT NULL,
  agency_id           TEXT NOT NULL,
  receiving_unit      TEXT NOT NULL,
  processing_unit     TEXT COLLATE "C" NOT NULL,
  state               TEXT COLLATE "C" NOT NULL,
  channel             BIGINT NOT NULL,
  delivery            BIGINT NOT NULL,
  delivery_address    TEXT NOT NULL,
  applicant_kind      BIGINT NOT NULL,
  applicant_id_type   BIGINT NOT NULL,
  applicant_id        TEXT COLLATE "C" NOT NULL,
  applicant_name      TEXT NOT NULL,
  applicant_name_key  TEXT COLLATE "C" NOT NULL,
  applicant_phone     TEXT NOT NULL,
  applicant_email     TEXT NOT NULL,
  applicant_address   TEXT NOT NULL,
  summary             TEXT NOT NULL,
  sets                BIGINT NOT NULL,
  duration            TEXT,
  received_at         BIGINT NOT NULL,
  due_at              BIGINT,
  original_due_at     BIGINT,
  finished_at         BIGINT,
  returned_at         BIGINT,
  apology_count       BIGINT NOT NULL CHECK (apology_count BETWEEN 0 AND 1),
  apology_reason      TEXT NOT NULL,
  vneid_verified      BIGINT NOT NULL,
  state_reason        TEXT NOT NULL,
  return_at           BIGINT,
  return_receiver_name TEXT,
  return_receiver_id  TEXT,
  return_originals    BIGINT,
  return_no_digital_reason TEXT,
  return_by           TEXT,
  version             BIGINT NOT NULL,
  request_id          TEXT COLLATE "C"
);
CREATE INDEX dossiers_by_state_due ON dossiers(state, due_at);
CREATE INDEX dossiers_by_received ON dossiers(received_at);
CREATE INDEX dossiers_by_applicant_id ON dossiers(applicant_id);
CREATE INDEX dossiers_by_unit ON dossiers(processing_unit, state);
CREATE UNIQUE INDEX dossiers_by_request_id ON dossiers(request_id) WHERE request_id IS NOT NULL;

CREATE TABLE attachments(
  sha256      TEXT COLLATE "C" PRIMARY KEY,
  mime        TEXT NOT NULL,
  pages       BIGINT NOT NULL,
  size_bytes  BIGINT NOT NULL
);
CREATE TABLE dossier_components(
  dossier_code        TEXT COLLATE "C" NOT NULL REFERENCES dossiers(code),
  position            BIGINT NOT NULL,
  code                TEXT NOT NULL,
  name                TEXT NOT NULL,
  originals           BIGINT NOT NULL,
  copies              BIGINT NOT NULL,
  shown_only          BIGINT NOT NULL,
  reused_result_code  TEXT NOT NULL,
  from_citizen_store  BIGINT NOT NULL,
  PRIMARY KEY (dossier_code, position)
);
CREATE TABLE component_files(
  dossier_code  TEXT COLLATE "C" NOT NULL REFERENCES dossiers(code),
  position      BIGINT NOT NULL,
  file_index    BIGINT NOT NULL,
  sha256        TEXT COLLATE "C" NOT NULL REFERENCES attachments(sha256),
  file_name     TEXT NOT NULL,
  added_by      TEXT NOT NULL,
  added_at      BIGINT NOT NULL,
  PRIMARY KEY (dossier_code, position, file_index)
);
CREATE TABLE result_documents(
  dossier_code    TEXT COLLATE "C" NOT NULL REFERENCES dossiers(code),
  position        BIGINT NOT NULL,
  name            TEXT NOT NULL,
  result_code     TEXT NOT NULL,
  paper_required  BIGINT NOT NULL,
  sha256          TEXT COLLATE "C" REFERENCES attachments(sha256),
  file_name       TEXT NOT NULL,
  e_signed        BIGINT NOT NULL,
  added_by        TEXT NOT NULL,
  added_at        BIGINT NOT NULL,
  PRIMARY KEY (dossier_code, position)
);
CREATE TABLE dossier_fees(
  dossier_code  TEXT COLLATE "C" NOT NULL REFERENCES dossiers(code),
  position      BIGINT NOT NULL,
  name          TEXT NOT NULL,
  amount_vnd    BIGINT NOT NULL CHECK (amount_vnd >= 0),
  paid_at       BIGINT,
  paid_online   BIGINT NOT NULL,
  PRIMARY KEY (dossier_code, position)
);
CREATE TABLE dossier_steps(
  dossier_code  TEXT COLLATE "C" NOT NULL REFERENCES dossiers(code),
  position      BIGINT NOT NULL,
  at            BIGINT NOT NULL,
  actor         TEXT NOT NULL,
  unit          TEXT NOT NULL,
  content       TEXT NOT NULL,
  state         TEXT NOT NULL,
  PRIMARY KEY (dossier_code, position)
);
CREATE TABLE dossier_supplements(
  dossier_code  TEXT COLLATE "C" NOT NULL REFERENCES dossiers(code),
  position      BIGINT NOT NULL,
  requested_at  BIGINT NOT NULL,
  requested_by  TEXT NOT NULL,
  reason        TEXT NOT NULL,
  items         TEXT NOT NULL,
  received_at   BIGINT,
  received_by   TEXT NOT NULL,
  due_before    BIGINT,
  due_after     BIGINT,
  PRIMARY KEY (dossier_code, position)
);
CREATE TABLE records(
  kind        TEXT COLLATE "C" NOT NULL,
  key         TEXT COLLATE "C" NOT NULL,
  status      TEXT COLLATE "C" NOT NULL,
  updated_at  BIGINT NOT NULL,
  body        TEXT NOT NULL,
  version     BIGINT NOT NULL,
  PRIMARY KEY (kind, key)
);
CREATE INDEX records_by_status ON records(kind, status, updated_at);

CREATE TABLE journal(
  seq           BIGINT PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  type          TEXT NOT NULL,
  dossier_code  TEXT COLLATE "C" NOT NULL,
  actor         TEXT NOT NULL,
  station       TEXT NOT NULL,
  at            BIGINT NOT NULL,
  payload       TEXT NOT NULL,
  prev_hash     TEXT NOT NULL,
  hash          TEXT NOT NULL,
  recorded_at   BIGINT NOT NULL DEFAULT 0,
  seals         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX journal_by_dossier ON journal(dossier_code, seq);
CREATE TABLE journal_head(
  id    BIGINT PRIMARY KEY CHECK (id = 1),
  seq   BIGINT NOT NULL,
  hash  TEXT NOT NULL
);

CREATE FUNCTION motcua_refuse_journal_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the journal is append-only' USING ERRCODE = '42501';
END $$;
CREATE TRIGGER journal_is_append_only BEFORE UPDATE OR DELETE ON journal
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_journal_change();
CREATE TRIGGER journal_is_never_truncated BEFORE TRUNCATE ON journal
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_journal_change();

-- The one way an event joins the journal: right after the head, which moves to it. The caller holds the
-- chain's advisory lock (journal_rows.cpp), so the head read here is the one its hash chains to.
-- Listeners on 'motcua_journal' hear each event's seq when its transaction commits.
CREATE FUNCTION motcua_append_event(p_seq BIGINT, p_uuid TEXT, p_type TEXT, p_dossier_code TEXT, p_actor TEXT,
    p_station TEXT, p_at BIGINT, p_recorded_at BIGINT, p_payload TEXT, p_seals TEXT, p_prev_hash TEXT,
    p_hash TEXT) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
  head_seq BIGINT := 0;
  head_hash TEXT;
BEGIN
  SELECT seq, hash INTO head_seq, head_hash FROM journal_head WHERE id = 1 FOR UPDATE;
  IF NOT FOUND THEN
    head_seq := 0;
  END IF;
  IF p_seq <> head_seq + 1 OR (head_hash IS NOT NULL AND p_prev_hash <> head_hash) THEN
    RAISE EXCEPTION 'event % does not follow the journal head (event %)', p_seq, head_seq USING ERRCODE = 'MC001';
  END IF;
  INSERT INTO journal(seq, uuid, type, dossier_code, actor, station, at, recorded_at, payload, seals, prev_hash, hash)
    VALUES (p_seq, p_uuid, p_type, p_dossier_code, p_actor, p_station, p_at, p_recorded_at, p_payload, p_seals,
            p_prev_hash, p_hash);
  INSERT INTO journal_head(id, seq, hash) VALUES (1, p_seq, p_hash)
    ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash;
  PERFORM pg_notify('motcua_journal', CAST(p_seq AS TEXT));
END $$;
REVOKE ALL ON FUNCTION motcua_append_event(BIGINT, TEXT, TEXT, TEXT, TEXT, TEXT, BIGINT, BIGINT, TEXT, TEXT, TEXT,
    TEXT) FROM PUBLIC;
-- A function run with its owner's rights names its tables through a fixed search_path, this schema's and
-- then pg_temp, so a caller's temporary table cannot stand in for the journal's head.
DO $$
BEGIN
  EXECUTE format('ALTER FUNCTION motcua_append_event(BIGINT, TEXT, TEXT, TEXT, TEXT, TEXT, BIGINT, BIGINT, TEXT, '
                 'TEXT, TEXT, TEXT) SET search_path = %I, pg_temp', current_schema());
END $$;
)sql";

// Version 4: events wait in journal_pending until they are chained. A station's transaction writes its rows
// and submits its events there, and commits without the chain's lock, so many stations' commits (each an
// fsync, and a standby's acknowledgement) overlap; right after, one short transaction under the lock moves
// every waiting event into the journal, chained in submission order (journal_rows.h SealPendingEvents). A
// submitted event is as durable as the rows it seals: it commits with them, and whoever chains next
// chains it. Stations submit and chain only through these functions; they cannot delete a waiting event.
constexpr const char* kPgSchemaV4 = R"sql(
CREATE TABLE journal_pending(
  id           BIGSERIAL PRIMARY KEY,
  uuid         TEXT COLLATE "C" NOT NULL UNIQUE,
  type         TEXT NOT NULL,
  dossier_code TEXT NOT NULL,
  actor        TEXT NOT NULL,
  station      TEXT NOT NULL,
  at           BIGINT NOT NULL,
  recorded_at  BIGINT NOT NULL,
  payload      TEXT NOT NULL,
  seals        TEXT NOT NULL
);
CREATE FUNCTION motcua_submit_event(p_uuid TEXT, p_type TEXT, p_dossier_code TEXT, p_actor TEXT, p_station TEXT,
    p_at BIGINT, p_recorded_at BIGINT, p_payload TEXT, p_seals TEXT) RETURNS void
  LANGUAGE sql SECURITY DEFINER AS $$
  INSERT INTO journal_pending(uuid, type, dossier_code, actor, station, at, recorded_at, payload, seals)
    VALUES (p_uuid, p_type, p_dossier_code, p_actor, p_station, p_at, p_recorded_at, p_payload, p_seals);
$$;
CREATE FUNCTION motcua_seal_event(p_id BIGINT, p_seq BIGINT, p_prev_hash TEXT, p_hash TEXT) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
  r journal_pending%ROWTYPE;
BEGIN
  DELETE FROM journal_pending WHERE id = p_id RETURNING * INTO r;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no waiting event %', p_id USING ERRCODE = 'MC002';
  END IF;
  PERFORM motcua_append_event(p_seq, r.uuid, r.type, r.dossier_code, r.actor, r.station, r.at, r.recorded_at,
                              r.payload, r.seals, p_prev_hash, p_hash);
END $$;
REVOKE ALL ON FUNCTION motcua_submit_event(TEXT, TEXT, TEXT, TEXT, TEXT, BIGINT, BIGINT, TEXT, TEXT) FROM PUBLIC;
REVOKE ALL ON FUNCTION motcua_seal_event(BIGINT, BIGINT, TEXT, TEXT) FROM PUBLIC;
DO $$
BEGIN
  EXECUTE format('ALTER FUNCTION motcua_submit_event(TEXT, TEXT, TEXT, TEXT, TEXT, BIGINT, BIGINT, TEXT, TEXT) '
                 'SET search_path = %I, pg_temp', current_schema());
  EXECUTE format('ALTER FUNCTION motcua_seal_event(BIGINT, BIGINT, TEXT, TEXT) SET search_path = %I, pg_temp',
                 current_schema());
END $$;
)sql";

// What a station's role may do, granted at every migration (a role created after the schema gets its
// rights at the next start of a station that owns the database, or by `motcua db grant`).
constexpr const char* kGrantStation = R"sql(
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'motcua_station') THEN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO motcua_station', current_schema());
    GRANT SELECT, INSERT, UPDATE, DELETE ON settings, procedures, sequences, dossiers, attachments,
      dossier_components, component_files, result_documents, dossier_fees, dossier_steps, dossier_supplements,
      records TO motcua_station;
    GRANT SELECT ON journal, journal_head, journal_pending, schema_version TO motcua_station;
    GRANT EXECUTE ON FUNCTION motcua_append_event(BIGINT, TEXT, TEXT, TEXT, TEXT, TEXT, BIGINT, BIGINT, TEXT,
      TEXT, TEXT, TEXT) TO motcua_station;
    GRANT EXECUTE ON FUNCTION motcua_submit_event(TEXT, TEXT, TEXT, TEXT, TEXT, BIGINT, BIGINT, TEXT, TEXT),
      motcua_seal_event(BIGINT, BIGINT, TEXT, TEXT) TO motcua_station;
  END IF;
END $$;
)sql";

// Version 5: as SQLite's (sqlite_schema.cpp), the receiver's ID type, appended last so the columns keep
// SQLite's order.
constexpr const char* kPgSchemaV5 = "ALTER TABLE dossiers ADD COLUMN return_receiver_id_type BIGINT;";

constexpr Migration kPgMigrations[] = {{3, kPgSchemaV3}, {4, kPgSchemaV4}, {5, kPgSchemaV5}};

}  // namespace

Result<int> PgConnection::LockedSchemaVersion() {
  // One station migrates; the others wait here and then find the schema current.
  MOTCUA_ASSIGN_OR_RETURN(Statement lock, Prepare("SELECT pg_advisory_xact_lock(CAST(?1 AS BIGINT))"));
  MOTCUA_TRY(lock.Bind(1, static_cast<std::int64_t>(kMigrationLockKey)).Run());
  MOTCUA_ASSIGN_OR_RETURN(Statement exists, Prepare("SELECT CAST(count(*) AS BIGINT) FROM pg_tables WHERE "
                                                    "schemaname = current_schema() AND tablename = 'schema_version'"));
  MOTCUA_ASSIGN_OR_RETURN(bool row, exists.Step());
  if (!row || exists.Int(0) == 0) return 0;
  MOTCUA_ASSIGN_OR_RETURN(Statement version, Prepare("SELECT max(version) FROM schema_version"));
  MOTCUA_ASSIGN_OR_RETURN(bool vrow, version.Step());
  return vrow ? static_cast<int>(version.Int(0)) : 0;
}

Status PgConnection::UpgradeSchema(int from) {
  MOTCUA_ASSIGN_OR_RETURN(bool owns, OwnsDatabase());
  if (!owns || !create_schema_)
    return Unavailable("database", from == 0 ? "schema_missing" : "schema_outdated",
                       "the center database has schema version " + std::to_string(from) + " and this station needs " +
                           std::to_string(kSchemaVersion) +
                           ": start motcua once as the database's owner (motcua_owner) to migrate it");
  for (const auto& m : kPgMigrations) {
    if (m.version <= from) continue;
    MOTCUA_TRY(Exec(m.sql));
    MOTCUA_TRY(Exec("UPDATE schema_version SET version = " + std::to_string(m.version)));
  }
  return Exec(kGrantStation);
}

}  // namespace motcua::store::internal
