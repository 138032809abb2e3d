// The store: one interface, two backends (architecture.md "Deployment shapes"). SQLite is the
// embedded default; a PostgreSQL backend implements the same interface for a center. Domain code
// never writes SQL: it calls these functions, so nothing it does depends on one engine.
//
// Writes happen only inside Store::Write(body): the backend opens a write transaction, runs `body` with a
// WriteTx, and commits if `body` returns Ok, else rolls back. A state change and its journal event are
// written through the same WriteTx, so they commit or vanish together (architecture.md rule 2).
//
// Isolation. SQLite runs one writer at a time (BEGIN IMMEDIATE): a Write waits while another holds the
// database, up to the busy timeout, then fails with kUnavailable/"database_busy". PostgreSQL runs many at
// once under READ COMMITTED: each statement inside a Write sees what was committed when it started. A
// dossier or record read inside a Write (LoadDossier, GetRecord) is locked as it is read, so a second
// writer of the same row waits for the first to commit and then reads its result. Rows found by a list
// are not locked; what keeps writers apart there is that every write carries its own check in the
// same statement (UpdateDossier and PutRecord update only the version read, InsertDossier and a create
// insert only a free key, NextOrdinal increments in place), so the one that lost a race changes nothing
// and gets kConflict ("stale_update", "duplicate_record"). On PostgreSQL, Write then runs the whole body
// again (its reads now see the winner's row), as it does after a serialization failure or a deadlock
// (SQLSTATE 40001, 40P01) or a connection lost before COMMIT was sent: up to 8 tries within the busy
// timeout, after which the error is returned. So a body must read what it decides on inside the
// transaction, and anything it does outside the database (printing) may happen once per try. A COMMIT
// whose answer was lost with the connection is never retried: kUnavailable/"commit_unknown". The
// journal stays one chain: the events of a transaction are chained at commit under a lock on the head.
//
// Sealing (journal.h (4)): the store notes every dossier, record, setting and procedure a transaction
// writes, and at commit puts their digests (the seals) on the transaction's last event; the events'
// hashes are computed then too, so AppendEvent returns an event without `hash`. A transaction that
// writes any of them without appending an event is refused at commit with kCorrupt/"unjournaled_write"
// and rolled back: nothing changes state outside the journal. The one exception are scratch records,
// whose kind begins with kScratchKindPrefix (a counter's unsaved intake draft, its recent procedures):
// they are never sealed nor checked, hold nothing the law or the indicators read, and may be written
// without an event.
//
// After every commit that appended events, the new head is appended to the anchor file (journal.h (5)).
// A database whose journal ends before its latest anchor refuses every write with
// kCorrupt/"behind_anchor" (reads still work, so the damage can be looked at).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalog/procedure.h"
#include "common/result.h"
#include "dossier/dossier.h"
#include "store/journal.h"

namespace motcua::store {

// A row of a work list: enough to sort, filter and colour without loading the whole dossier.
struct DossierSummary {
  std::string code;
  std::string procedure_code;
  std::string procedure_name;
  std::string applicant_name;
  std::string applicant_id;
  std::string processing_unit;
  dossier::State state = dossier::State::kReceived;
  dossier::Channel channel = dossier::Channel::kCounter;
  Instant received_at{};
  std::optional<Instant> due_at;
  std::optional<Instant> original_due_at;
  std::optional<Instant> finished_at;
  int supplement_count = 0;
  int apology_count = 0;
};

struct DossierQuery {
  std::vector<dossier::State> states;       // empty = any state
  std::string procedure_code;               // "" = any
  std::string processing_unit;              // "" = any
  std::optional<Instant> due_before;        // due_at < this (dossiers with no due date never match)
  std::optional<Instant> received_from;     // received_at >= this
  std::optional<Instant> received_before;   // received_at < this
  std::string text;  // matches the code (prefix), the applicant's ID (prefix) or name (words, no diacritics)
  int limit = 1000;  // default 1000 rows
  int offset = 0;
};

// The kind prefix of scratch records (see "Sealing" above).
inline constexpr const char* kScratchKindPrefix = "scratch.";

// A small document kept by a module that needs no tables of its own: a user account, a postal
// manifest, a queue ticket. (kind, key) is unique; `status` and `updated_at` are indexed for lists;
// `body_json` is the module's own JSON. `version` works like Dossier::version: 0 to create, else the
// version last read (the store then stores version + 1).
struct Record {
  std::string kind;       // "user", "manifest", ...; "scratch.<name>" for a scratch record (above)
  std::string key;        // unique within the kind
  std::string status;     // module-defined, for filtering ("" allowed)
  Instant updated_at{};
  std::string body_json;  // a JSON object
  std::int64_t version = 0;
};

struct RecordQuery {
  std::string kind;
  std::string status;      // "" = any
  std::string key_prefix;  // "" = any
  int limit = 1000;
  bool oldest_first = false;  // default: newest update first; true: oldest first (then by key), as a
                              // queue line is read (queue/queue.h keeps its order in updated_at)
  // WriteTx::ListRecords only: the rows returned are claimed for this transaction, and rows another
  // writer has claimed are passed over (PostgreSQL: FOR UPDATE SKIP LOCKED), so counters calling "next"
  // together each get a different ticket instead of racing for the first. SQLite's writers never
  // overlap: there is nothing to pass over.
  bool claim = false;
};

struct JournalQuery {
  std::string dossier_code;      // "" = every dossier
  std::int64_t after_seq = 0;    // events with seq > after_seq
  int limit = 10000;
};

// One write transaction. Valid only inside the Write() body that received it.
class WriteTx {
 public:
  virtual ~WriteTx() = default;

  virtual Result<std::optional<dossier::Dossier>> LoadDossier(std::string_view code) = 0;
  // Errors: kConflict/"duplicate_code" if the code exists, kConflict/"duplicate_request" if another
  // dossier has the same non-empty request_id.
  virtual Status InsertDossier(const dossier::Dossier& d) = 0;
  // The dossier received under `request_id` (workflow/desk.h IntakeRequest::request_id), if any.
  virtual Result<std::optional<dossier::Dossier>> FindDossierByRequest(std::string_view request_id) = 0;
  // Replaces the stored dossier with `d`. `d.version` must equal the stored version (the store
  // then stores version + 1); otherwise kConflict/"stale_update".
  virtual Status UpdateDossier(const dossier::Dossier& d) = 0;

  // Returns 1, 2, 3, ... for successive calls with the same key, across processes and restarts.
  virtual Result<int> NextOrdinal(std::string_view key) = 0;

  // Queues an event; it is written, sealed and hashed at commit (the returned event has its uuid and
  // recorded_at, not yet its seals or hashes; its seq is where it would go if no other station committed
  // first, final only at commit on PostgreSQL).
  virtual Result<JournalEvent> AppendEvent(const NewEvent& e) = 0;

  virtual Status PutSetting(std::string_view key, std::string_view value) = 0;
  virtual Status UpsertProcedure(const catalog::Procedure& p) = 0;

  virtual Result<std::optional<Record>> GetRecord(std::string_view kind, std::string_view key) = 0;
  // As Store::ListRecords, read inside this transaction (so a choice made from it holds at commit).
  virtual Result<std::vector<Record>> ListRecords(const RecordQuery& q) = 0;
  virtual Result<std::int64_t> CountRecords(const RecordQuery& q) = 0;
  // Creates (version 0) or replaces (version = stored version) a record. Errors:
  // kConflict/"duplicate_record" when creating an existing key; kConflict/"stale_update".
  virtual Status PutRecord(const Record& r) = 0;
};

// A lease: held by one holder at a time among every process that opens the same database, for work
// that must run once per center however many stations run it (the sync worker: issue 15, "one sync
// worker per center"). It is held until the object is destroyed or its process dies: never timed,
// never renewed, so a holder that stops working does not keep it, and one that works never loses it
// to a clock.
//   PostgreSQL: a session advisory lock (pg_try_advisory_lock(key1, key2): key1 0x6d6f7463 "motc", key2
//     a 32-bit FNV-1a hash of the name; the two-key form never meets the store's own one-key locks) on
//     a connection of its own, which the server releases when that connection closes. A station killed
//     on a running machine closes it at once; a machine that vanishes is noticed by TCP keepalives the
//     lease's session sets on the server (10 s idle, then 3 probes 3 s apart: about 20 s).
//   SQLite: flock(2) on a file beside the database (<db_path>.lease-<name>), which the kernel releases
//     when the process dies. A SQLite file is shared only by the processes of one machine, so that lock
//     reaches every contender; an flock, unlike a POSIX record lock, survives the store closing its
//     own descriptors of the database (store.h OpenSqliteStore). ":memory:": always granted (no other
//     process can reach that database).
class Lease {
 public:
  virtual ~Lease() = default;  // gives the lease up
  // Whether it still holds. PostgreSQL: a round trip on the lease's connection; false once that
  // connection is lost, because the server then released the lock and another station may hold it
  // now: the holder must stop the work and take the lease again. SQLite: always true.
  virtual bool Held() = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  virtual Status Write(const std::function<Status(WriteTx&)>& body) = 0;

  virtual Result<std::optional<dossier::Dossier>> GetDossier(std::string_view code) = 0;
  virtual Result<std::optional<dossier::Dossier>> FindDossierByRequest(std::string_view request_id) = 0;
  virtual Result<std::vector<DossierSummary>> ListDossiers(const DossierQuery& q) = 0;
  virtual Result<std::int64_t> CountDossiers() = 0;

  virtual Result<std::vector<JournalEvent>> ReadJournal(const JournalQuery& q) = 0;
  // The whole check of journal.h: the keyed chain, the head, every stored row against its seals, and
  // the anchor file. Problems are reported in the JournalCheck (ok == false), not as errors; errors
  // are the database's own (unreadable file, busy).
  virtual Result<JournalCheck> VerifyJournal() = 0;
  // The last event (what the anchor file holds and forms print).
  virtual Result<JournalHead> Head() = 0;

  virtual Result<std::optional<std::string>> GetSetting(std::string_view key) = 0;
  // Every setting, by key (store/offline.h copies them to a station's own store).
  virtual Result<std::vector<std::pair<std::string, std::string>>> ListSettings() = 0;
  virtual Result<std::optional<Record>> GetRecord(std::string_view kind, std::string_view key) = 0;
  // Matching records, newest update first (RecordQuery::oldest_first turns it round).
  virtual Result<std::vector<Record>> ListRecords(const RecordQuery& q) = 0;
  // How many records match (RecordQuery::limit is ignored).
  virtual Result<std::int64_t> CountRecords(const RecordQuery& q) = 0;
  virtual Result<std::vector<catalog::Procedure>> LoadProcedures() = 0;
  virtual Result<std::optional<catalog::Procedure>> GetProcedure(std::string_view code) = 0;

  // The engine's own consistency check ("ok" when healthy). Errors: kCorrupt with its report.
  virtual Status CheckIntegrity() = 0;

  // Takes the lease `name` (1 to 64 of a-z, 0-9, '.', '_', '-') if nobody holds it, without waiting.
  // Errors: kConflict/"lease_held" when another process, or another Lease of this one, holds it;
  // kInvalid/"bad_lease_name"; kUnavailable/"database_unavailable" (PostgreSQL: cannot connect) or
  // "lease_unavailable" (SQLite: the lock file cannot be opened).
  virtual Result<std::unique_ptr<Lease>> TryLease(std::string_view name) = 0;
};

// The files beside a SQLite database at `db_path` (store/internal/chain_files.h has their format).
std::string ChainKeyPath(const std::string& db_path);  // <db_path>.chain-key
std::string AnchorPath(const std::string& db_path);    // <db_path>.anchor

struct SqliteOptions {
  // FULL (default) keeps every acknowledged commit across power loss; NORMAL is faster but may lose
  // the last commits on power loss (never on a process crash). stack.md §11.
  bool synchronous_full = true;
  int busy_timeout_ms = 5000;     // default 5 s
  bool create_if_missing = true;  // default true; false = kNotFound/"database_missing" if absent
  const Clock* wall_clock = nullptr;  // default nullptr = the system clock: each event's recorded_at
  std::string chain_key_path;     // default "" = ChainKeyPath(path)
  std::string anchor_path;        // default "" = AnchorPath(path)
  bool append_anchors = true;     // default true; false: the anchor is read and checked but not written
                                  // (while `motcua init` builds a new database aside, under a temporary
                                  // name, to be anchored once it is in place)
};

// Opens (creating and migrating if needed) the SQLite database at `path`. A new file is created with
// motcua's private mode (common/files.h), and so are its WAL, the chain key and the anchor; an existing
// database that others may read is narrowed to that mode when this process owns it.
// Errors: kUnavailable/"database_unavailable", kCorrupt/"not_a_database", kInvalid/"schema_too_new";
// kCorrupt/"chain_key_missing" (a keyed journal whose key file is gone), "bad_chain_key",
// "chain_key_mismatch" (a new database beside the key of an upgraded one); kCorrupt/"behind_anchor"
// for an empty database beside an anchor that records events (an emptied or replaced file).
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const SqliteOptions& options = {});

struct PgOptions {
  bool create_if_missing = true;  // default true: create the schema when the role connecting owns the
                                  // database; false (or a station's role): kUnavailable/"schema_missing"
  int busy_timeout_ms = 5000;     // default 5 s: how long Write retries transactions the server gave up on
  int connect_timeout_s = 5;      // default 5 s per host of a multi-host connection string
  const Clock* wall_clock = nullptr;
  std::string chain_key_path;     // required: the center's chain key, the same file on every station
  std::string anchor_path;        // required: this station's anchor of the center's journal
  bool append_anchors = true;
};

// Connects to a center's PostgreSQL database (`conninfo`: a postgresql:// URL or libpq key=value words,
// a multi-host one with target_session_attrs=read-write included) and migrates it when this role may.
// Passwords come from libpq's password file (passfile=, PGPASSFILE or ~/.pgpass), never from this string
// in logs: errors name the hosts, not the string. Errors: kUnavailable/"database_unavailable" (cannot
// connect), "schema_missing" (a station's role before the owner migrated), kInvalid/"schema_too_new",
// and OpenSqliteStore's chain key and anchor errors.
Result<std::unique_ptr<Store>> OpenPgStore(const std::string& conninfo, const PgOptions& options);

// True for a center database: a postgresql:// (or postgres://) URL or libpq key=value words.
bool IsCenterLocation(std::string_view location);

struct OpenOptions {
  bool create_if_missing = true;
  int busy_timeout_ms = 5000;
  const Clock* wall_clock = nullptr;
  std::string files_dir;  // a center database's chain key (center.chain-key) and this station's anchor
                          // (center.anchor) live here; unused for a SQLite file (its files sit beside it)
};

// Opens a SQLite file or a center's PostgreSQL database, whichever `location` names (IsCenterLocation).
Result<std::unique_ptr<Store>> Open(const std::string& location, const OpenOptions& options = {});

// Backups (motcua backup / restore). A backup is one file, written with motcua's private mode:
//   "motcua backup 1\n", one line of JSON (the header), then the engine's copy (the payload):
//   a SQLite database made with the online backup API (a consistent snapshot taken while others write),
//   or a `pg_dump -Fc` archive of the store's schema taken in an exported snapshot.
// The header holds the engine, when it was made, the journal head the payload ends at, the center's
// agency_id setting, the payload's size and SHA-256, and the chain key.
//
// The chain key travels inside the backup, in clear. A backup without it would restore a journal that
// can be neither checked nor extended, i.e. be useless exactly when the station's disk is gone. It is
// not encrypted because the payload beside it holds every citizen's personal data in clear already:
// whoever can read the backup can read everything the key protects; so a backup is kept like the
// database itself (private mode, off-site copies under the same care). What the key adds, forging a
// chain that verifies, is what the anchors answer (journal.h (5)).
//
// The anchor. A restored database is older than the station's anchor whenever anything was committed
// after the backup: it is "behind_anchor" and would refuse every write. Restore never hides that: it
// refuses (kConflict/"behind_anchor", saying how far behind) unless `move_anchor_aside` is given; then it
// renames the anchor to <anchor>.before-restore-<UTC yyyymmddThhmmss> (kept, never deleted), restores,
// and journals a "store.restored" event naming the backup's head, the anchor's latest entry and where
// it was moved; the next anchor line starts from the restored head. Every restore journals that event.
// On PostgreSQL only this station's anchor is moved: the other stations' anchors are ahead too and
// their stores refuse writes until each is moved aside the same way (restore again or by hand).
struct BackupInfo {
  std::string engine;       // "sqlite" or "postgres"
  Instant created_at{};     // UTC
  JournalHead head;         // the last event the backup holds
  std::string agency_id;    // the center's agency_id setting ("" when unset)
  std::int64_t payload_bytes = 0;
};

struct RestoreOptions {
  bool move_anchor_aside = false;  // default false: a backup behind the anchor is refused (above)
  std::string actor = "station:store";  // who restores: recorded on the "store.restored" event
  std::string station;                  // the station id on that event ("" = none)
};

struct RestoreInfo {
  BackupInfo backup;
  std::optional<JournalHead> anchor_was;  // the anchor's latest entry when it was moved aside
  std::string anchor_moved_to;            // "" when the anchor was not moved
  std::string chain_key_moved_to;         // "" unless a different key of the same agency was replaced
};

// Writes a backup of the database `location` (as Open takes it; `options.files_dir` for a center's chain
// key) to the new file `to_file` (written aside and renamed: a file appears whole or not at all). The
// copy is verified (journal and chain key) before the file is written. PostgreSQL runs pg_dump from
// postgresql-client-15 with the connection's parameters in its environment (PGHOST, PGUSER, PGPASSFILE,
// ...): no password ever appears on a command line. Errors: ("to", "exists") kConflict when `to_file`
// exists; ("to", "cannot_write") kUnavailable; ("backup", "journal_broken") kCorrupt when the copy does
// not verify; ("pg_dump", "tool_failed") kUnavailable with the tool's message; Open's errors.
Result<BackupInfo> Backup(const std::string& location, const std::string& to_file, const OpenOptions& options = {});

// Reads only the header of a backup file. Errors on field "from": kInvalid/"cannot_read",
// "not_a_backup" (no motcua backup header), "unsupported_version", "bad_header".
Result<BackupInfo> ReadBackupInfo(const std::string& from_file);

// Replaces the database `location` with the backup in `from_file`, all or nothing: every check runs
// before anything changes, and bad input changes nothing. SQLite: the payload is written to a scratch
// file beside the database, verified, and copied in with the online backup API (one transaction:
// stations stay connected); PostgreSQL: pg_restore --clean --single-transaction into the store's schema.
// The database's chain key is the backup's afterwards (a different key of the same agency is moved
// aside). Errors on field "from": ReadBackupInfo's; kCorrupt/"damaged" (payload size or SHA-256 wrong,
// or the payload's journal does not verify); kInvalid/"wrong_engine"; kConflict/"other_center" (the
// backup's agency_id differs from the database's, or, with either unknown, its chain key differs);
// on field "anchor": kConflict/"behind_anchor" (above). ("pg_restore", "tool_failed") kUnavailable.
Result<RestoreInfo> Restore(const std::string& location, const std::string& from_file, const OpenOptions& options = {},
                            const RestoreOptions& restore = {});

}  // namespace motcua::store
