// store::Backup and store::Restore (store.h "Backups"): the file format, the chain key and the anchor,
// over the engines' own copies (SQLite's online backup API in internal/sqlite_db.cpp; PostgreSQL's
// pg_dump / pg_restore run here, with the connection's parameters in their environment).
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <libpq-fe.h>
#include <nlohmann/json.hpp>

#include "common/crypto.h"
#include "common/files.h"
#include "store/internal/chain_files.h"
#include "store/internal/journal_rows.h"
#include "store/internal/pg_db.h"
#include "store/internal/sqlite_db.h"
#include "store/store.h"

namespace motcua::store {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::string_view kMagic = "motcua backup 1\n";
constexpr std::string_view kMagicPrefix = "motcua backup ";
constexpr std::int64_t kMaxBackupBytes = std::int64_t{16} << 30;  // the whole file is read into memory
constexpr std::int64_t kMaxKeyFileBytes = 4096;

struct Files {
  bool center = false;  // PostgreSQL
  fs::path key;
  fs::path anchor;
};

Files FilesOf(const std::string& location, const OpenOptions& options) {
  if (IsCenterLocation(location))
    return {true, fs::path(options.files_dir) / "center.chain-key", fs::path(options.files_dir) / "center.anchor"};
  return {false, ChainKeyPath(location), AnchorPath(location)};
}

std::string Stamp(Instant at) {
  std::string s = FormatInstantUtc(at);  // 2026-11-24T02:00:00Z
  std::string out;
  for (char c : s)
    if (c != '-' && c != ':' && c != 'Z') out.push_back(c);
  return out;
}

// Writes `bytes` to `path`, which must not exist, with motcua's private mode: written aside, synced, then
// linked into place (link fails on an existing name, so a file someone made meanwhile is never replaced).
Status WriteNewPrivateFile(const fs::path& path, std::string_view bytes, std::string_view field) {
  const fs::path temp = path.string() + ".writing-" + std::to_string(::getpid());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, PrivateFileMode());
  if (fd < 0) return Unavailable(std::string(field), "cannot_write", temp.string() + ": " + std::strerror(errno));
  MakeFilePrivate(fd);
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string why = std::strerror(errno);
      ::close(fd);
      ::unlink(temp.c_str());
      return Unavailable(std::string(field), "cannot_write", temp.string() + ": " + why);
    }
    done += std::size_t(n);
  }
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced || ::link(temp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    if (err == EEXIST) return Conflict(std::string(field), "exists", path.string() + " already exists");
    return Unavailable(std::string(field), "cannot_write", path.string() + ": " + std::strerror(err));
  }
  ::unlink(temp.c_str());
  return Ok();
}

void RemoveQuietly(const fs::path& p) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(p.string() + suffix, ec);
}

// A scratch file removed (with SQLite's companions) when it goes out of scope.
struct Scratch {
  fs::path path;
  ~Scratch() {
    if (!path.empty()) RemoveQuietly(path);
  }
};

// ---- the file format --------------------------------------------------------------------------------

struct Parsed {
  BackupInfo info;
  std::string chain_key;       // the key file's text
  std::string payload_sha256;  // hex
  std::size_t payload_at = 0;  // offset of the payload in the file's bytes
};

Result<Parsed> ParseHeader(std::string_view bytes) {
  if (bytes.substr(0, kMagicPrefix.size()) != kMagicPrefix)
    return Invalid("from", "not_a_backup", "the file is not a motcua backup (no \"motcua backup\" header)");
  if (bytes.substr(0, kMagic.size()) != kMagic)
    return Invalid("from", "unsupported_version", "the backup was written in a newer format than this motcua reads");
  const auto nl = bytes.find('\n', kMagic.size());
  if (nl == std::string_view::npos) return Invalid("from", "bad_header", "the backup's header line is cut off");
  const json h = json::parse(bytes.substr(kMagic.size(), nl - kMagic.size()), nullptr, /*allow_exceptions=*/false);
  if (!h.is_object()) return Invalid("from", "bad_header", "the backup's header is not a JSON object");
  Parsed p;
  try {
    p.info.engine = h.at("engine").get<std::string>();
    p.info.created_at = FromUnixSeconds(h.at("created_at").get<std::int64_t>());
    p.info.head.seq = h.at("head_seq").get<std::int64_t>();
    p.info.head.hash = h.at("head_hash").get<std::string>();
    p.info.agency_id = h.at("agency_id").get<std::string>();
    p.info.payload_bytes = h.at("payload_bytes").get<std::int64_t>();
    p.payload_sha256 = h.at("payload_sha256").get<std::string>();
    p.chain_key = h.at("chain_key").get<std::string>();
  } catch (const json::exception& e) {
    return Invalid("from", "bad_header", std::string("the backup's header lacks a field: ") + e.what());
  }
  if (p.info.engine != "sqlite" && p.info.engine != "postgres")
    return Invalid("from", "bad_header", "the backup names an unknown engine \"" + p.info.engine + "\"");
  p.payload_at = nl + 1;
  return p;
}

std::string EncodeBackup(const BackupInfo& info, const std::string& chain_key, std::string_view payload) {
  const json h = {{"engine", info.engine},
                  {"created_at", ToUnixSeconds(info.created_at)},
                  {"head_seq", info.head.seq},
                  {"head_hash", info.head.hash},
                  {"agency_id", info.agency_id},
                  {"payload_bytes", std::int64_t(payload.size())},
                  {"payload_sha256", ToHex(Sha256(payload))},
                  {"chain_key", chain_key}};
  std::string out(kMagic);
  out += h.dump();
  out += '\n';
  out.append(payload);
  return out;
}

// The whole backup: header checked, payload checked against its size and digest.
Result<std::pair<Parsed, std::string>> ReadBackupFile(const std::string& from_file) {
  MOTCUA_ASSIGN_OR_RETURN(std::string bytes, ReadRegularFile(from_file, "from", kMaxBackupBytes));
  MOTCUA_ASSIGN_OR_RETURN(Parsed p, ParseHeader(bytes));
  std::string payload = bytes.substr(p.payload_at);
  if (std::int64_t(payload.size()) != p.info.payload_bytes || ToHex(Sha256(payload)) != p.payload_sha256)
    return Corrupt("from", "damaged",
                   from_file + " is damaged: its payload has " + std::to_string(payload.size()) + " bytes or a digest " +
                       "other than its header records (" + std::to_string(p.info.payload_bytes) + " bytes)");
  return std::pair<Parsed, std::string>(std::move(p), std::move(payload));
}

// ---- PostgreSQL's tools -------------------------------------------------------------------------------

// The client tools of PostgreSQL 15 (postgresql-client-15); Debian's /usr/bin wrappers choose a version by
// cluster, so the versioned directory comes first.
std::string ToolPath(const std::string& tool) {
  const fs::path versioned = fs::path("/usr/lib/postgresql/15/bin") / tool;
  std::error_code ec;
  return fs::exists(versioned, ec) ? versioned.string() : tool;
}

// The connection's parameters as libpq's environment variables (PGHOST, PGPORT, PGUSER, PGPASSFILE,
// PGOPTIONS, PGSSLMODE, ...), taken from the live connection: the tools connect exactly where the store
// did, and nothing secret is on their command line, where `ps` would show it.
std::vector<std::pair<std::string, std::string>> ConnectionEnvironment(PGconn* conn) {
  std::vector<std::pair<std::string, std::string>> env;
  PQconninfoOption* opts = PQconninfo(conn);
  for (PQconninfoOption* o = opts; o && o->keyword; ++o)
    if (o->envvar && o->val && *o->val) env.emplace_back(o->envvar, o->val);
  PQconninfoFree(opts);
  return env;
}

// Runs `argv` with `env` added to this process's environment; stdout is discarded, stderr kept for the
// error. Errors: (tool, "tool_failed") kUnavailable.
Status RunTool(const std::vector<std::string>& argv, const std::vector<std::pair<std::string, std::string>>& env) {
  const std::string tool = fs::path(argv[0]).filename().string();
  int err_pipe[2];
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) return Unavailable(tool, "tool_failed", std::string("pipe: ") + std::strerror(errno));
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(err_pipe[0]);
    ::close(err_pipe[1]);
    return Unavailable(tool, "tool_failed", std::string("fork: ") + std::strerror(errno));
  }
  if (pid == 0) {
    for (const auto& [k, v] : env) ::setenv(k.c_str(), v.c_str(), 1);
    const int devnull = ::open("/dev/null", O_RDWR);
    ::dup2(devnull, 0);
    ::dup2(devnull, 1);
    ::dup2(err_pipe[1], 2);
    if (argv[0].find('/') != std::string::npos) ::execv(args[0], args.data());
    else ::execvp(args[0], args.data());
    std::fprintf(stderr, "cannot run %s: %s (install postgresql-client-15)\n", args[0], std::strerror(errno));
    ::_exit(127);
  }
  ::close(err_pipe[1]);
  std::string err;
  char buf[4096];
  for (;;) {
    const ssize_t n = ::read(err_pipe[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    if (err.size() < 8192) err.append(buf, std::size_t(n));
  }
  ::close(err_pipe[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return Ok();
  while (!err.empty() && err.back() == '\n') err.pop_back();
  return Unavailable(tool, "tool_failed", tool + " failed (status " + std::to_string(status) + "): " + err);
}

// ---- reading a database's identity ------------------------------------------------------------------

Result<std::string> ReadKeyText(const fs::path& key) {
  std::error_code ec;
  if (!fs::exists(key, ec)) return std::string();
  return ReadRegularFile(key, "chain_key", kMaxKeyFileBytes);
}

// Whether the backup may replace this database: the same agency, or (an agency unknown on either side)
// the same chain key. Returns true when the database's key is another one to be moved aside.
Result<bool> CheckSameCenter(const Parsed& backup, const std::string& target_agency, const std::string& target_key,
                             const std::string& where) {
  if (!backup.info.agency_id.empty() && !target_agency.empty()) {
    if (backup.info.agency_id != target_agency)
      return Conflict("from", "other_center",
                      "the backup is of agency " + backup.info.agency_id + ", the database at " + where + " of agency " +
                          target_agency + ": refusing to replace another center's database");
    return !target_key.empty() && target_key != backup.chain_key;
  }
  if (!target_key.empty() && target_key != backup.chain_key)
    return Conflict("from", "other_center",
                    "the backup's chain key is not the key of the database at " + where +
                        ": it is a backup of another center's database");
  return false;
}

// A backup behind the anchor (store.h "Backups"): the problem in words, or "" when there is none.
std::string BehindAnchor(const BackupInfo& info, const internal::AnchorFile& anchor) {
  const auto latest = internal::LatestAnchor(anchor);
  if (!latest) return "";
  if (latest->seq > info.head.seq)
    return "the backup ends at event " + std::to_string(info.head.seq) + " but this station's anchor records event " +
           std::to_string(latest->seq) + " (" + FormatInstantUtc(latest->recorded_at) + "): restoring loses the " +
           std::to_string(latest->seq - info.head.seq) + " events after the backup";
  if (latest->seq == info.head.seq && latest->hash != info.head.hash)
    return "the backup's event " + std::to_string(info.head.seq) + " is not the one this station's anchor records";
  return "";
}

// Moves `path` aside to <path>.before-restore-<stamp>; returns the new name.
Result<std::string> MoveAside(const fs::path& path, Instant now, std::string_view field) {
  const std::string to = path.string() + ".before-restore-" + Stamp(now);
  std::error_code ec;
  fs::rename(path, to, ec);
  if (ec) return Unavailable(std::string(field), "cannot_move_aside", path.string() + ": " + ec.message());
  return to;
}

// Refuses a restore behind the anchor unless the operator asked to move the anchor aside.
Status RefuseUnlessAsked(const std::string& behind, const RestoreOptions& restore, const Files& files) {
  if (behind.empty() || restore.move_anchor_aside) return Ok();
  return Conflict("anchor", "behind_anchor",
                  behind + ". If that is what you want, restore again with --move-anchor-aside: the anchor is then "
                           "kept as " + files.anchor.string() + ".before-restore-<time> and the restore journaled");
}

// Moves aside the anchor (a restore behind it) and the chain key (a restore that replaces it), noting
// where in `out`; PutBack undoes it when the copy then fails.
Status MoveAsideForRestore(const Files& files, const internal::AnchorFile& anchor, bool behind, bool replace_key,
                           Instant now, RestoreInfo& out) {
  if (behind) {
    const auto latest = internal::LatestAnchor(anchor);
    out.anchor_was = JournalHead{latest->seq, latest->hash};
    MOTCUA_ASSIGN_OR_RETURN(out.anchor_moved_to, MoveAside(files.anchor, now, "anchor"));
  }
  if (replace_key) {
    MOTCUA_ASSIGN_OR_RETURN(out.chain_key_moved_to, MoveAside(files.key, now, "chain_key"));
  }
  return Ok();
}

void PutBack(const Files& files, const RestoreInfo& out) {
  std::error_code ignored;
  if (!out.chain_key_moved_to.empty()) fs::rename(out.chain_key_moved_to, files.key, ignored);
  if (!out.anchor_moved_to.empty()) fs::rename(out.anchor_moved_to, files.anchor, ignored);
}

// Journals the restore on the restored database (store.h "Backups").
Status JournalRestore(const std::string& location, const OpenOptions& options, const RestoreInfo& info,
                      const RestoreOptions& restore, Instant now) {
  MOTCUA_ASSIGN_OR_RETURN(auto store, Open(location, options));
  json payload = {{"backup_created_at", FormatInstantUtc(info.backup.created_at)},
                  {"backup_head_seq", info.backup.head.seq},
                  {"backup_head_hash", info.backup.head.hash},
                  {"anchor_moved_to", info.anchor_moved_to},
                  {"chain_key_moved_to", info.chain_key_moved_to}};
  if (info.anchor_was) payload["anchor_was"] = {{"seq", info.anchor_was->seq}, {"hash", info.anchor_was->hash}};
  return store->Write([&](WriteTx& tx) -> Status {
    auto e = tx.AppendEvent({"store.restored", "", restore.actor, restore.station, now, payload.dump()});
    if (!e) return e.error();
    return Ok();
  });
}

Instant Now(const OpenOptions& options) {
  if (options.wall_clock) return options.wall_clock->Now();
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

// ---- SQLite ----------------------------------------------------------------------------------------------

Result<BackupInfo> BackupSqlite(const std::string& path, const std::string& to_file, const OpenOptions& options) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return NotFound("db", "database_missing", "no database at " + path);
  const Files files = FilesOf(path, options);
  MOTCUA_ASSIGN_OR_RETURN(std::string key, ReadKeyText(files.key));
  if (key.empty()) return Corrupt("chain_key", "chain_key_missing", "no chain key at " + files.key.string());
  Scratch copy{to_file + ".copy-" + std::to_string(::getpid())};
  RemoveQuietly(copy.path);
  MOTCUA_TRY(internal::CopySqliteDatabase(path, copy.path.string(), options.busy_timeout_ms));
  BackupInfo info;
  info.engine = "sqlite";
  info.created_at = Now(options);
  {
    // An empty anchor file: the copy's chain, head and seals are checked; how it stands against this
    // station's anchor is a question for the restore, not for the backup.
    Scratch no_anchor{copy.path.string() + ".anchor"};
    MOTCUA_TRY(WriteNewPrivateFile(no_anchor.path, "", "to"));
    MOTCUA_ASSIGN_OR_RETURN(auto store, OpenSqliteStore(copy.path.string(),
                                                        {.create_if_missing = false, .chain_key_path = files.key.string(),
                                                         .anchor_path = no_anchor.path.string(), .append_anchors = false}));
    MOTCUA_ASSIGN_OR_RETURN(JournalCheck check, store->VerifyJournal());
    if (!check.ok) return Corrupt("backup", "journal_broken", "the database's journal does not verify: " + check.problem);
    MOTCUA_ASSIGN_OR_RETURN(info.head, store->Head());
    MOTCUA_ASSIGN_OR_RETURN(auto agency, store->GetSetting("agency_id"));
    info.agency_id = agency.value_or("");
  }  // closed: SQLite folds its WAL into the file
  MOTCUA_ASSIGN_OR_RETURN(std::string payload, ReadRegularFile(copy.path, "backup", kMaxBackupBytes));
  info.payload_bytes = std::int64_t(payload.size());
  MOTCUA_TRY(WriteNewPrivateFile(to_file, EncodeBackup(info, key, payload), "to"));
  return info;
}

Result<RestoreInfo> RestoreSqlite(const std::string& path, const Parsed& backup, const std::string& payload,
                                  const OpenOptions& options, const RestoreOptions& restore) {
  const Files files = FilesOf(path, options);
  RestoreInfo out;
  out.backup = backup.info;
  // Who the database is, if it can be opened at all (a damaged one is the usual reason to restore).
  std::string target_agency;
  std::error_code ec;
  if (fs::exists(path, ec)) {
    if (auto target = OpenSqliteStore(path, {.create_if_missing = false, .append_anchors = false})) {
      if (auto agency = (*target)->GetSetting("agency_id"); agency && *agency) target_agency = **agency;
    }
  }
  MOTCUA_ASSIGN_OR_RETURN(std::string target_key, ReadKeyText(files.key));
  MOTCUA_ASSIGN_OR_RETURN(bool replace_key, CheckSameCenter(backup, target_agency, target_key, path));

  // The payload, written beside the database and checked with the backup's own key.
  Scratch scratch{path + ".restoring-" + std::to_string(::getpid())};
  Scratch scratch_key{scratch.path.string() + ".chain-key"};
  Scratch scratch_anchor{scratch.path.string() + ".anchor"};
  RemoveQuietly(scratch.path);
  RemoveQuietly(scratch_key.path);
  MOTCUA_TRY(WriteNewPrivateFile(scratch.path, payload, "db"));
  MOTCUA_TRY(WriteNewPrivateFile(scratch_key.path, backup.chain_key, "chain_key"));
  MOTCUA_ASSIGN_OR_RETURN(internal::AnchorFile anchor, internal::ReadAnchorFile(files.anchor));
  std::string behind = BehindAnchor(backup.info, anchor);
  {
    // First the copy alone (an empty anchor file: chain, head, seals), then against this station's anchor.
    MOTCUA_TRY(WriteNewPrivateFile(scratch_anchor.path, "", "db"));
    auto copy = OpenSqliteStore(scratch.path.string(), {.create_if_missing = false,
                                                        .chain_key_path = scratch_key.path.string(),
                                                        .anchor_path = scratch_anchor.path.string(),
                                                        .append_anchors = false});
    if (!copy) return Corrupt("from", "damaged", "the backup's database cannot be opened: " + copy.error().Describe());
    MOTCUA_ASSIGN_OR_RETURN(JournalCheck check, (*copy)->VerifyJournal());
    if (!check.ok) return Corrupt("from", "damaged", "the backup's journal does not verify: " + check.problem);
    MOTCUA_ASSIGN_OR_RETURN(JournalHead head, (*copy)->Head());
    if (head.seq != backup.info.head.seq || head.hash != backup.info.head.hash)
      return Corrupt("from", "damaged", "the backup's journal does not end where its header says");
  }
  if (anchor.exists && behind.empty()) {
    // An anchor at or before the backup's head must name the backup's own event there.
    std::error_code ignored;
    fs::remove(scratch_anchor.path, ignored);
    fs::copy_file(files.anchor, scratch_anchor.path, ignored);
    auto copy = OpenSqliteStore(scratch.path.string(), {.create_if_missing = false,
                                                        .chain_key_path = scratch_key.path.string(),
                                                        .anchor_path = scratch_anchor.path.string(),
                                                        .append_anchors = false});
    if (!copy) return Corrupt("from", "damaged", "the backup's database cannot be opened: " + copy.error().Describe());
    MOTCUA_ASSIGN_OR_RETURN(JournalCheck check, (*copy)->VerifyJournal());
    if (!check.ok) behind = "the backup does not agree with this station's anchor: " + check.problem;
  }
  MOTCUA_TRY(RefuseUnlessAsked(behind, restore, files));

  // From here on the database changes; the moves are undone if the copy fails.
  const Instant now = Now(options);
  MOTCUA_TRY(MoveAsideForRestore(files, anchor, !behind.empty(), replace_key, now, out));
  auto undo = [&] { PutBack(files, out); };
  if (target_key.empty() || replace_key) {
    if (Status s = WriteNewPrivateFile(files.key, backup.chain_key, "chain_key"); !s) {
      undo();
      return s.error();
    }
  }
  if (Status s = internal::CopySqliteDatabase(scratch.path.string(), path, options.busy_timeout_ms); !s) {
    if (target_key.empty() || replace_key) fs::remove(files.key, ec);
    undo();
    return s.error();
  }
  MOTCUA_TRY(JournalRestore(path, options, out, restore, now));
  return out;
}

// ---- PostgreSQL -----------------------------------------------------------------------------------------

Result<std::string> QueryOne(internal::PgConnection& db, const char* sql) {
  MOTCUA_ASSIGN_OR_RETURN(internal::Statement s, db.Prepare(sql));
  MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
  std::string v = row ? s.Text(0) : std::string();
  (void)s.Step();
  return v;
}

Result<BackupInfo> BackupPg(const std::string& conninfo, const std::string& to_file, const OpenOptions& options) {
  if (options.files_dir.empty())
    return Invalid("files_dir", "files_dir_missing", "a center database's backup needs this station's chain key");
  const Files files = FilesOf(conninfo, options);
  MOTCUA_ASSIGN_OR_RETURN(std::string key_text, ReadKeyText(files.key));
  if (key_text.empty()) return Corrupt("chain_key", "chain_key_missing", "no chain key at " + files.key.string());
  MOTCUA_ASSIGN_OR_RETURN(auto key, internal::ReadChainKey(files.key));
  std::error_code ec;
  if (fs::exists(to_file, ec)) return Conflict("to", "exists", to_file + " already exists");

  internal::PgConnection db;
  MOTCUA_TRY(db.Open(conninfo, 5, /*create_schema=*/false));
  // One snapshot for the head, the check and pg_dump (--snapshot): the header describes the payload.
  MOTCUA_TRY(db.BeginSnapshot());
  auto fail = [&](Error e) {
    db.Rollback();
    return e;
  };
  auto snapshot = QueryOne(db, "SELECT pg_export_snapshot()");
  if (!snapshot) return fail(snapshot.error());
  auto schema = QueryOne(db, "SELECT current_schema()");
  if (!schema) return fail(schema.error());
  BackupInfo info;
  info.engine = "postgres";
  info.created_at = Now(options);
  internal::AnchorFile no_anchor;  // chain, head and seals; the anchor is the restore's question
  no_anchor.exists = true;
  auto check = internal::CheckJournal(db, *key, no_anchor);
  if (!check) return fail(check.error());
  if (!check->ok) return fail(Corrupt("backup", "journal_broken", "the center's journal does not verify: " + check->problem));
  auto head = internal::ReadHead(db);
  if (!head) return fail(head.error());
  info.head = *head;
  auto agency = QueryOne(db, "SELECT COALESCE(MAX(value), '') FROM settings WHERE key = 'agency_id'");
  if (!agency) return fail(agency.error());
  info.agency_id = *agency;

  Scratch archive{to_file + ".dump-" + std::to_string(::getpid())};
  RemoveQuietly(archive.path);
  if (Status s = RunTool({ToolPath("pg_dump"), "--format=custom", "--snapshot=" + *snapshot, "--schema=" + *schema,
                          "--file=" + archive.path.string()},
                         ConnectionEnvironment(db.raw()));
      !s)
    return fail(s.error());
  (void)db.Commit();
  MOTCUA_ASSIGN_OR_RETURN(std::string payload, ReadRegularFile(archive.path, "backup", kMaxBackupBytes));
  info.payload_bytes = std::int64_t(payload.size());
  MOTCUA_TRY(WriteNewPrivateFile(to_file, EncodeBackup(info, key_text, payload), "to"));
  return info;
}

Result<RestoreInfo> RestorePg(const std::string& conninfo, const Parsed& backup, const std::string& payload,
                              const OpenOptions& options, const RestoreOptions& restore) {
  if (options.files_dir.empty())
    return Invalid("files_dir", "files_dir_missing", "a center database's restore needs this station's data directory");
  const Files files = FilesOf(conninfo, options);
  RestoreInfo out;
  out.backup = backup.info;
  internal::PgConnection db;
  MOTCUA_TRY(db.Open(conninfo, 5, /*create_schema=*/false));
  MOTCUA_ASSIGN_OR_RETURN(std::string has_settings,
                          QueryOne(db, "SELECT CAST(count(*) AS BIGINT) FROM pg_tables WHERE schemaname = current_schema() "
                                       "AND tablename = 'settings'"));
  std::string target_agency;
  if (has_settings != "0") {
    MOTCUA_ASSIGN_OR_RETURN(target_agency, QueryOne(db, "SELECT COALESCE(MAX(value), '') FROM settings WHERE key = 'agency_id'"));
  }
  MOTCUA_ASSIGN_OR_RETURN(std::string target_key, ReadKeyText(files.key));
  MOTCUA_ASSIGN_OR_RETURN(bool replace_key, CheckSameCenter(backup, target_agency, target_key, PQdb(db.raw())));
  MOTCUA_ASSIGN_OR_RETURN(internal::AnchorFile anchor, internal::ReadAnchorFile(files.anchor));
  const std::string behind = BehindAnchor(backup.info, anchor);
  MOTCUA_TRY(RefuseUnlessAsked(behind, restore, files));

  Scratch archive{(fs::path(options.files_dir) / ("restoring-" + std::to_string(::getpid()) + ".dump")).string()};
  RemoveQuietly(archive.path);
  MOTCUA_TRY(WriteNewPrivateFile(archive.path, payload, "from"));
  const Instant now = Now(options);
  MOTCUA_TRY(MoveAsideForRestore(files, anchor, !behind.empty(), replace_key, now, out));
  auto undo = [&] { PutBack(files, out); };
  // One transaction: a failing restore leaves the schema as it was. --clean drops the schema's objects
  // the archive holds before creating them again.
  if (Status s = RunTool({ToolPath("pg_restore"), "--clean", "--if-exists", "--single-transaction", "--exit-on-error",
                          std::string("--dbname=") + PQdb(db.raw()), archive.path.string()},
                         ConnectionEnvironment(db.raw()));
      !s) {
    undo();
    return s.error();
  }
  if (target_key.empty() || replace_key) MOTCUA_TRY(WriteNewPrivateFile(files.key, backup.chain_key, "chain_key"));
  MOTCUA_TRY(JournalRestore(conninfo, options, out, restore, now));
  return out;
}

}  // namespace

Result<BackupInfo> ReadBackupInfo(const std::string& from_file) {
  MOTCUA_ASSIGN_OR_RETURN(std::string bytes, ReadRegularFile(from_file, "from", kMaxBackupBytes));
  MOTCUA_ASSIGN_OR_RETURN(Parsed p, ParseHeader(bytes));
  return p.info;
}

Result<BackupInfo> Backup(const std::string& location, const std::string& to_file, const OpenOptions& options) {
  if (to_file.empty()) return Invalid("to", "missing", "no backup file named");
  std::error_code ec;
  if (fs::exists(to_file, ec)) return Conflict("to", "exists", to_file + " already exists: choose a new name");
  if (IsCenterLocation(location)) return BackupPg(location, to_file, options);
  return BackupSqlite(location, to_file, options);
}

Result<RestoreInfo> Restore(const std::string& location, const std::string& from_file, const OpenOptions& options,
                            const RestoreOptions& restore) {
  if (location.empty()) return Invalid("db", "missing", "no database named");
  MOTCUA_ASSIGN_OR_RETURN(auto backup, ReadBackupFile(from_file));
  const bool center = IsCenterLocation(location);
  if (backup.first.info.engine != (center ? "postgres" : "sqlite"))
    return Invalid("from", "wrong_engine",
                   "the backup is of a " + backup.first.info.engine + " database and " + location + " is " +
                       (center ? "a center's PostgreSQL database" : "a SQLite file"));
  if (center) return RestorePg(location, backup.first, backup.second, options, restore);
  return RestoreSqlite(location, backup.first, backup.second, options, restore);
}

}  // namespace motcua::store
