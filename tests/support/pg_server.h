// A throwaway PostgreSQL 15 server for tests: each PgServer is its own cluster in a fresh temporary
// directory, listening only on a Unix socket in that directory and on 127.0.0.1 at a free port, with
// fsync on (store tests measure real commits). Trust authentication; the superuser is `motcua`.
//
// Layout of a server's directory (dir()):
//   data/              the cluster (PGDATA), owned by `postgres` when the tests run as root
//   .s.PGSQL.<port>    the Unix socket (socket_dir() == dir())
//   postgres.log       the server's log; start errors quote its tail
//   tool.out           the output of the last initdb / pg_ctl / pg_basebackup run
//
// Who runs what: initdb and pg_ctl refuse to run as root (stack.md §19), so as root the directory is
// chowned to `postgres` and every server tool runs through `runuser -u postgres --`; as any other user
// they run directly. The tools come from the PostgreSQL 15 bindir (MOTCUA_PG_BINDIR, set by CMake from
// pg_config --bindir of /usr/lib/postgresql/15; the environment variable of the same name overrides it),
// never from PATH, where Debian's wrappers may pick another version.
//
// Lifetime: the destructor stops the server (-m immediate: the data is thrown away) and renames the
// directory to <dir>.removing, which the watchdog deletes in the background (deleting a cluster took ~2 s).
// If the test process dies without running destructors (SIGKILL, a crash, _exit), the watchdog stops
// the server itself: at start a process is forked (twice: it is nobody's child) that blocks reading a
// socket pair whose other end only this process holds (O_CLOEXEC, so no server or tool we start
// inherits it; a socket rather than a pipe so that writing to a dead watchdog cannot raise SIGPIPE). A
// clean destructor writes "done"; end of file without "done" means this process is gone, and the
// watchdog runs `pg_ctl stop -m immediate` and removes the directory. The watchdog is in its own
// session, so a signal to the test's process group does not take it along.
//
// A forked child (fork without exec) that exits normally runs static destructors too: a server only stops
// itself in the process that started it.
//
// Errors are motcua::Error values whose detail says what failed and quotes the tool's output or the log:
//   field "pg_server": kUnavailable/"initdb_failed", "start_failed", "stop_failed", "promote_failed",
//     "basebackup_failed", "not_streaming" / "not_synchronous" (within 30 s the standby never reached
//     state 'streaming' / sync_state 'sync'), "not_running" (the server was stopped or killed),
//     "setup_failed" (temp dir, fork, socket pair, chown, config file).
//   field "sql": "connect_failed" (kUnavailable), or "sqlstate_<SQLSTATE>" (kInvalid) for a statement
//     the server refused, e.g. "sqlstate_42P01" for a missing table, "sqlstate_42501" for a permission.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"

namespace motcua::testing {

struct PgServerOptions {
  // initdb --locale (default "C.UTF-8"). With -E UTF8; a locale the system lacks makes initdb fail.
  std::string locale = "C.UTF-8";
  // Extra server settings passed as `-c name=value` at every start (default none), e.g.
  // "max_connections=20". A bad one makes the start fail with the log's complaint.
  std::vector<std::string> settings;
};

class PgServer {
 public:
  // Rows of a result, each a vector of column texts; SQL NULL reads as "".
  using Rows = std::vector<std::vector<std::string>>;

  // A fresh primary server, started. Median 2.0 s on the shared 2-core build machine (initdb dominates).
  static Result<std::unique_ptr<PgServer>> StartPrimary(const PgServerOptions& options = {});

  // A hot standby of `primary` made by pg_basebackup -R -X stream, started on its own port and
  // directory, streaming from the primary's Unix socket with application_name() in primary_conninfo.
  // Returns once pg_stat_replication on the primary shows it 'streaming'. With `synchronous`, the
  // primary's synchronous_standby_names is set to this standby alone (replacing any earlier one) and
  // reloaded, and it returns only once the primary reports sync_state = 'sync' for it (else
  // kUnavailable/"not_synchronous" naming the state last seen). From then on a commit on the primary
  // waits for this standby's flush: a Kill()ed synchronous standby blocks commits until it is back.
  // Destroying a synchronous standby resets the primary's synchronous_standby_names (if the primary
  // still runs and still names it), so a primary that outlives it, e.g. Shared(), does not hang.
  static Result<std::unique_ptr<PgServer>> StartStandby(const PgServer& primary, bool synchronous);

  // One server per test process, started on first use and stopped at normal exit. If it failed to
  // start, the object still exists: status() and every call below return the start error (with
  // initdb's output or the log's tail), so a test FAILs with the reason.
  static PgServer& Shared();

  ~PgServer();
  PgServer(const PgServer&) = delete;
  PgServer& operator=(const PgServer&) = delete;

  // Ok while the server is meant to run; the start error for a Shared() that failed to start, or
  // kUnavailable/"not_running" after Stop() or Kill().
  Status status() const;

  // A new empty database with a unique name (motcua_t<pid>_<n>), owned by the superuser; returns its
  // connection string, ConnInfo(name).
  Result<std::string> CreateDatabase();

  // "host=<socket dir> port=<port> user=<user> dbname=<db>": over the Unix socket. `db` and `user`
  // must need no quoting (letters, digits, '_').
  std::string ConnInfo(const std::string& db, const std::string& user = "motcua") const;
  // The same over TCP: "host=127.0.0.1 port=<port> user=<user> dbname=<db>".
  std::string TcpConnInfo(const std::string& db, const std::string& user = "motcua") const;

  // Runs `sql` (one or more statements, simple query protocol) in database `db` as the superuser, on a
  // connection of its own. For tests that create roles, tamper with rows or inspect the server.
  Status Exec(const std::string& db, const std::string& sql) const;
  // Runs `sql` as Exec does and returns the last statement's rows.
  Result<Rows> Query(const std::string& db, const std::string& sql) const;

  // pg_ctl promote -w: a standby becomes a primary (accepts writes). Errors: "promote_failed".
  Status Promote();
  // pg_ctl stop -m immediate: the server processes die at once, as in a crash (no shutdown checkpoint;
  // the next Start() runs crash recovery). Not a power cut: what the OS cached survives.
  Status Kill();
  // pg_ctl stop -m fast: rolls back open transactions, checkpoints, exits.
  Status Stop();
  // Starts a stopped or killed server again on the same port and directory.
  Status Start();

  int port() const { return port_; }
  const std::filesystem::path& dir() const { return dir_; }
  const std::filesystem::path& socket_dir() const { return dir_; }
  std::filesystem::path data_dir() const { return dir_ / "data"; }
  std::filesystem::path log_path() const { return dir_ / "postgres.log"; }
  // The standby's application_name (motcua_standby_<pid>_<n>); empty for a primary.
  const std::string& application_name() const { return application_name_; }
  // The running postmaster's pid from data/postmaster.pid; 0 if none.
  pid_t postmaster_pid() const;

 private:
  PgServer() = default;
  Status MakeDirAndWatchdog();
  Status StartOnFreePort();
  Status StartOnPort();
  Status PgCtl(const std::vector<std::string>& args, const char* rule);
  void Destroy();

  PgServerOptions options_;
  std::filesystem::path dir_;
  int port_ = 0;
  std::string application_name_;
  std::string sync_primary_conninfo_;  // a synchronous standby's primary, to release it on destruction
  std::string bindir_;
  pid_t owner_pid_ = 0;     // the process that started the server; only it stops the server
  int watchdog_fd_ = -1;    // our end of the watchdog's socket pair (O_CLOEXEC)
  bool running_ = false;
  int next_db_ = 0;
  Error start_error_;       // set (with failed_ = true) when Shared() could not start
  bool failed_ = false;
};

}  // namespace motcua::testing
