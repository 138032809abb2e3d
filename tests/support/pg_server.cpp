#include "support/pg_server.h"

#include <fcntl.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#ifndef MOTCUA_PG_BINDIR
#define MOTCUA_PG_BINDIR "/usr/lib/postgresql/15/bin"
#endif

extern char** environ;

namespace motcua::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kRunuser = "/sbin/runuser";  // util-linux (Essential)
constexpr const char* kSuperuser = "motcua";
// pg_ctl start retries with a new port when the chosen one was taken between our probe and the
// server's bind (another test run, another helper's server).
constexpr int kPortAttempts = 8;
constexpr auto kReplicationWait = std::chrono::seconds(30);

bool IsRoot() { return ::geteuid() == 0; }

std::string BinDir() {
  const char* env = std::getenv("MOTCUA_PG_BINDIR");
  return env && *env ? env : MOTCUA_PG_BINDIR;
}

Error SetupError(const std::string& detail) { return Unavailable("pg_server", "setup_failed", detail); }

std::string Errno(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

std::string ReadFile(const fs::path& path, std::uintmax_t from = 0) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  in.seekg(std::streamoff(from));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string LastLines(const std::string& text, int n) {
  std::size_t pos = text.size();
  if (pos > 0 && text[pos - 1] == '\n') --pos;
  while (pos > 0 && n > 0) {
    pos = text.rfind('\n', pos - 1);
    if (pos == std::string::npos) return text;
    --n;
  }
  return n > 0 ? text : text.substr(pos + 1);
}

// Single-quotes `s` for the shell that pg_ctl runs the server through (its -o options).
std::string ShellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// The environment for the server tools: ours without PG* variables (a PGDATA, PGPORT or PGOPTIONS of
// the developer's must not redirect a throwaway server) and with English messages for error texts.
std::vector<std::string> ToolEnvironment() {
  std::vector<std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string_view v(*e);
    if (v.substr(0, 2) == "PG" || v.substr(0, 7) == "LC_ALL=") continue;
    env.emplace_back(v);
  }
  env.emplace_back("LC_ALL=C.UTF-8");
  return env;
}

std::vector<char*> Pointers(std::vector<std::string>& strings) {
  std::vector<char*> p;
  for (auto& s : strings) p.push_back(s.data());
  p.push_back(nullptr);
  return p;
}

pid_t WaitChild(pid_t pid, int* status) {
  pid_t r;
  do r = ::waitpid(pid, status, 0);
  while (r < 0 && errno == EINTR);
  return r;
}

struct ToolRun {
  int exit_code = -1;  // -1: could not run, or killed by a signal
  std::string output;  // stdout and stderr together

  bool ok() const { return exit_code == 0; }
  std::string Describe(const std::string& tool) const {
    return tool + " exited with " + std::to_string(exit_code) + ":\n" + output;
  }
};

// Runs a server tool (as `postgres` through runuser when we are root) in `dir`, its output in
// dir/tool.out. Everything is prepared before fork(): the child only calls async-signal-safe functions,
// since a test process may have threads.
ToolRun RunTool(const fs::path& dir, const std::string& tool, const std::vector<std::string>& args) {
  std::vector<std::string> argv_s;
  if (IsRoot()) argv_s = {kRunuser, "-u", "postgres", "--"};
  argv_s.push_back(tool);
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv = Pointers(argv_s);
  std::vector<std::string> env_s = ToolEnvironment();
  std::vector<char*> env = Pointers(env_s);
  const fs::path out_path = dir / "tool.out";
  const std::string dir_s = dir.string();

  ToolRun run;
  int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  int devnull = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (out < 0 || devnull < 0) {
    run.output = Errno(("open " + out_path.string()).c_str());
    if (out >= 0) ::close(out);
    if (devnull >= 0) ::close(devnull);
    return run;
  }
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(devnull, 0);
    ::dup2(out, 1);
    ::dup2(out, 2);
    // The postmaster lives on after pg_ctl returns: it must not hold any descriptor of the test's
    // (a pipe a test reads to EOF, a lock), so close everything above stderr.
    ::close_range(3, ~0U, 0);
    if (::chdir(dir_s.c_str()) != 0) ::_exit(126);
    ::execve(argv[0], argv.data(), env.data());
    ::_exit(127);
  }
  ::close(out);
  ::close(devnull);
  if (pid < 0) {
    run.output = Errno("fork");
    return run;
  }
  int status = 0;
  if (WaitChild(pid, &status) == pid && WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  run.output = ReadFile(out_path);
  if (run.exit_code == 127 && run.output.empty()) run.output = "could not execute " + argv_s[0] + "\n";
  return run;
}

// A port no one listens on now: bind port 0 on loopback and read what the kernel chose.
Result<int> FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return SetupError(Errno("socket"));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    Error e = SetupError(Errno("bind 127.0.0.1:0"));
    ::close(fd);
    return e;
  }
  ::close(fd);
  return int(ntohs(addr.sin_port));
}

// libpq connection owned for one Exec/Query.
struct Connection {
  PGconn* conn = nullptr;
  ~Connection() {
    if (conn) PQfinish(conn);
  }
};
struct ResultHandle {
  PGresult* res = nullptr;
  ~ResultHandle() {
    if (res) PQclear(res);
  }
};

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// Runs `sql` on a fresh connection; returns the last result, or the error with its SQLSTATE.
Result<PgServer::Rows> RunSql(const std::string& conninfo, const std::string& sql) {
  Connection c;
  c.conn = PQconnectdb((conninfo + " connect_timeout=10").c_str());
  if (PQstatus(c.conn) != CONNECTION_OK) {
    return Unavailable("sql", "connect_failed",
                       "connecting with \"" + conninfo + "\": " + Trim(PQerrorMessage(c.conn)));
  }
  ResultHandle r;
  r.res = PQexec(c.conn, sql.c_str());
  const ExecStatusType st = PQresultStatus(r.res);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
    const char* state = r.res ? PQresultErrorField(r.res, PG_DIAG_SQLSTATE) : nullptr;
    const std::string message = Trim(r.res ? PQresultErrorMessage(r.res) : PQerrorMessage(c.conn));
    if (!state) return Unavailable("sql", "connect_failed", "running \"" + sql + "\": " + message);
    return Invalid("sql", std::string("sqlstate_") + state, "running \"" + sql + "\": " + message);
  }
  PgServer::Rows rows;
  for (int i = 0; i < PQntuples(r.res); ++i) {
    std::vector<std::string>& row = rows.emplace_back();
    for (int j = 0; j < PQnfields(r.res); ++j) row.emplace_back(PQgetvalue(r.res, i, j));
  }
  return rows;
}

// The watchdog's shell script; $1 = server dir, $2 = pg_ctl, $3 = runuser when root, else empty.
// `read` returns at "done" (a clean stop: the server is stopped and its directory renamed to
// <dir>.removing, which is left to the watchdog) or at end of file (the test process is gone).
constexpr const char* kWatchdogScript =
    "IFS= read -r word <&3\n"
    "if [ \"$word\" = done ]; then rm -rf \"$1.removing\"; exit 0; fi\n"
    "if [ -n \"$3\" ]; then \"$3\" -u postgres -- \"$2\" -D \"$1/data\" -m immediate -w stop\n"
    "else \"$2\" -D \"$1/data\" -m immediate -w stop; fi\n"
    "rm -rf \"$1\"\n";

std::atomic<int> standby_counter{0};

}  // namespace

Status PgServer::MakeDirAndWatchdog() {
  if (::access((bindir_ + "/initdb").c_str(), X_OK) != 0) {
    return SetupError("no PostgreSQL 15 server in " + bindir_ +
                      " (install postgresql-15, listed in installer/packages.txt; MOTCUA_PG_BINDIR overrides)");
  }
  std::error_code ec;
  std::string tmpl = (fs::temp_directory_path(ec) / "motcua-pg-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) return SetupError(Errno(("mkdtemp " + tmpl).c_str()));
  dir_ = tmpl;
  owner_pid_ = ::getpid();
  // A Unix socket path is at most 107 bytes; the server would fail with a less obvious message.
  if ((dir_ / ".s.PGSQL.65535.lock").string().size() > 107) {
    return SetupError("temp dir path too long for a Unix socket: " + dir_.string() + " (set TMPDIR shorter)");
  }
  if (IsRoot()) {
    const passwd* pw = ::getpwnam("postgres");
    if (!pw) return SetupError("running as root but there is no `postgres` user (package postgresql-15 creates it)");
    if (::chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0) return SetupError(Errno("chown postgres"));
  }

  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) return SetupError(Errno("socketpair"));
  // The child's end goes to fd 3 in the watchdog; keep it away from 0-3 so the dup2 calls cannot clobber it.
  int read_end = ::fcntl(fds[0], F_DUPFD_CLOEXEC, 10);
  ::close(fds[0]);
  int devnull = ::open("/dev/null", O_RDWR | O_CLOEXEC);
  std::vector<std::string> argv_s = {"/bin/sh", "-c", kWatchdogScript, "motcua-pg-watchdog", dir_.string(),
                                     bindir_ + "/pg_ctl", IsRoot() ? kRunuser : ""};
  std::vector<char*> argv = Pointers(argv_s);
  std::vector<std::string> env_s = ToolEnvironment();
  std::vector<char*> env = Pointers(env_s);
  // Forked twice: the intermediate child exits at once, so the watchdog is nobody's child here and
  // outlives us without ever needing a waitpid (it still has files to remove after a clean stop).
  pid_t pid = read_end < 0 || devnull < 0 ? -1 : ::fork();
  if (pid == 0) {
    ::setsid();  // a kill of the test's process group must not take the watchdog along
    if (::fork() != 0) ::_exit(0);
    ::dup2(devnull, 0);
    ::dup2(devnull, 1);
    ::dup2(devnull, 2);
    ::dup2(read_end, 3);
    ::close_range(4, ~0U, 0);
    if (::chdir("/") != 0) ::_exit(126);
    ::execve(argv[0], argv.data(), env.data());
    ::_exit(127);
  }
  if (read_end >= 0) ::close(read_end);
  if (devnull >= 0) ::close(devnull);
  int status = 0;
  if (pid < 0 || WaitChild(pid, &status) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    ::close(fds[1]);
    return SetupError(Errno("starting the watchdog"));
  }
  watchdog_fd_ = fds[1];
  return Ok();
}

Status PgServer::StartOnPort() {
  // recovery_init_sync_method=syncfs: a start that begins with crash recovery (after Kill(), and every
  // standby, whose base backup is a crash image) first flushes the whole data directory. With the
  // default, one fsync per file: about 1,000 files at ~3 ms each on the build machine, 2.3-3.3 s; one
  // syncfs() call did it in 0.3-0.4 s. Commits are as durable either way (fsync=on, WAL flushed at
  // commit); only the start-up flush of earlier writes is batched.
  std::string opts = "-k " + ShellQuote(dir_.string()) + " -p " + std::to_string(port_) +
                     " -c listen_addresses=127.0.0.1 -c fsync=on -c recovery_init_sync_method=syncfs";
  for (const std::string& s : options_.settings) opts += " -c " + ShellQuote(s);
  std::error_code ec;
  const std::uintmax_t log_size = fs::exists(log_path(), ec) ? fs::file_size(log_path(), ec) : 0;
  ToolRun run = RunTool(dir_, bindir_ + "/pg_ctl",
                        {"-D", data_dir().string(), "-l", log_path().string(), "-w", "-t", "60", "start", "-o", opts});
  if (run.ok()) {
    running_ = true;
    return Ok();
  }
  return Unavailable("pg_server", "start_failed",
                     "starting the server on port " + std::to_string(port_) + " in " + dir_.string() + ": " +
                         run.Describe("pg_ctl start") + "--- log ---\n" +
                         LastLines(ReadFile(log_path(), log_size), 20));
}

Status PgServer::StartOnFreePort() {
  Status last;
  for (int attempt = 0; attempt < kPortAttempts; ++attempt) {
    MOTCUA_ASSIGN_OR_RETURN(port_, FreePort());
    last = StartOnPort();
    if (last || last.error().detail.find("Address already in use") == std::string::npos) return last;
  }
  return last;
}

Status PgServer::PgCtl(const std::vector<std::string>& args, const char* rule) {
  std::vector<std::string> all = {"-D", data_dir().string(), "-w", "-t", "60"};
  all.insert(all.end(), args.begin(), args.end());
  ToolRun run = RunTool(dir_, bindir_ + "/pg_ctl", all);
  if (run.ok()) return Ok();
  return Unavailable("pg_server", rule, "in " + dir_.string() + ": " + run.Describe("pg_ctl " + args.back()));
}

Result<std::unique_ptr<PgServer>> PgServer::StartPrimary(const PgServerOptions& options) {
  std::unique_ptr<PgServer> s(new PgServer());
  s->options_ = options;
  s->bindir_ = BinDir();
  MOTCUA_TRY(s->MakeDirAndWatchdog());
  // --no-sync: initdb would fsync the new cluster's files; a throwaway cluster does not need them on
  // disk before it starts. The server itself runs with fsync=on, so commits are real.
  ToolRun init = RunTool(s->dir_, s->bindir_ + "/initdb",
                         {"-D", s->data_dir().string(), "-A", "trust", "-U", kSuperuser, "-E", "UTF8",
                          "--locale=" + options.locale, "--no-sync"});
  if (!init.ok()) return Unavailable("pg_server", "initdb_failed", init.Describe("initdb"));
  MOTCUA_TRY(s->StartOnFreePort());
  return s;
}

Result<std::unique_ptr<PgServer>> PgServer::StartStandby(const PgServer& primary, bool synchronous) {
  MOTCUA_TRY(primary.status());
  std::unique_ptr<PgServer> s(new PgServer());
  s->options_ = primary.options_;
  s->bindir_ = primary.bindir_;
  s->application_name_ =
      "motcua_standby_" + std::to_string(::getpid()) + "_" + std::to_string(++standby_counter);
  MOTCUA_TRY(s->MakeDirAndWatchdog());
  // -c fast: do not wait for a spread checkpoint on the primary. --no-sync as for initdb.
  ToolRun backup = RunTool(s->dir_, s->bindir_ + "/pg_basebackup",
                           {"-h", primary.socket_dir().string(), "-p", std::to_string(primary.port()), "-U",
                            kSuperuser, "-D", s->data_dir().string(), "-R", "-X", "stream", "-c", "fast",
                            "--no-sync"});
  if (!backup.ok()) return Unavailable("pg_server", "basebackup_failed", backup.Describe("pg_basebackup"));

  // Why a synchronous standby can show sync_state 'async' (stack.md §19's first try), each case
  // reproduced on PostgreSQL 15.18 with synchronous_standby_names = 'standby1' on the primary:
  //   - pg_basebackup -R writes primary_conninfo without application_name. The walreceiver then
  //     connects as cluster_name, or "walreceiver" when that is empty (the default), so
  //     pg_stat_replication shows application_name 'walreceiver', which matches no entry: 'async'.
  //     Setting the standby's own application_name GUC does not change that (still 'walreceiver');
  //     application_name inside primary_conninfo does (as would cluster_name): 'sync'.
  //   - ALTER SYSTEM SET synchronous_standby_names without SELECT pg_reload_conf(): still 'async'.
  //   - While the standby catches up after (re)connecting: state 'catchup', sync_state 'potential'.
  //   - 'ANY 1 (standby1)' (quorum commit) reports 'quorum', never 'sync'.
  //   - An unquoted name with '-' is a syntax error; unquoted names match case-insensitively.
  // So: application_name in primary_conninfo, a reload, and a wait for 'streaming'/'sync'.
  const fs::path auto_conf = s->data_dir() / "postgresql.auto.conf";
  std::string conf = ReadFile(auto_conf);
  const std::string key = "\nprimary_conninfo = '";
  const std::size_t start = conf.find(key);
  // One setting per line; the value's closing quote is the line's last character.
  std::size_t end = start == std::string::npos ? start : conf.find('\n', start + key.size());
  if (end != std::string::npos && conf[end - 1] == '\'') --end;
  else end = std::string::npos;
  if (end == std::string::npos) {
    return SetupError("no primary_conninfo line in " + auto_conf.string() + ":\n" + conf);
  }
  conf.insert(end, " application_name=" + s->application_name_);
  // The base backup copied the primary's postgresql.auto.conf, which names the primary's synchronous
  // standby if it has one: once promoted, this server would wait for that standby at every commit.
  conf += "synchronous_standby_names = ''\n";
  {
    std::ofstream out(auto_conf, std::ios::binary | std::ios::trunc);  // keeps the file's owner
    out << conf;
    if (!out.flush()) return SetupError("writing " + auto_conf.string());
  }
  MOTCUA_TRY(s->StartOnFreePort());

  if (synchronous) {
    // ALTER SYSTEM cannot run in the implicit transaction of a multi-statement string: two calls. The
    // name is double-quoted: unquoted, synchronous_standby_names folds it to lower case and a name with
    // '-' is a syntax error. Without pg_reload_conf() the setting stays in the file only.
    MOTCUA_TRY(primary.Exec("postgres", "ALTER SYSTEM SET synchronous_standby_names = '\"" +
                                            s->application_name_ + "\"'"));
    MOTCUA_TRY(primary.Exec("postgres", "SELECT pg_reload_conf()"));
    s->sync_primary_conninfo_ = primary.ConnInfo("postgres");
  }
  // Wait for the primary to see the standby streaming (and, if asked, as the synchronous one). Why a
  // wait at all: pg_ctl -w returns when the standby accepts connections, before its walreceiver has
  // connected; then the walsender shows state 'catchup' with sync_state 'potential' (or 'async' when
  // the name does not match) until it has caught up, and only then 'streaming' / 'sync'.
  const std::string want_state = synchronous ? "sync" : "async";
  const std::string sql = "SELECT state, sync_state FROM pg_stat_replication WHERE application_name = '" +
                          s->application_name_ + "'";
  std::string seen = "(no row: the standby has not connected)";
  const auto deadline = std::chrono::steady_clock::now() + kReplicationWait;
  while (std::chrono::steady_clock::now() < deadline) {
    auto rows = primary.Query("postgres", sql);
    if (!rows) return rows.error();
    if (!rows->empty()) {
      const auto& row = rows->front();
      seen = "state '" + row[0] + "', sync_state '" + row[1] + "'";
      if (row[0] == "streaming" && row[1] == want_state) return s;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return Unavailable("pg_server", synchronous ? "not_synchronous" : "not_streaming",
                     "standby " + s->application_name_ + " on port " + std::to_string(s->port_) +
                         ": pg_stat_replication on the primary shows " + seen + " after 30 s, want 'streaming'/'" +
                         want_state + "'; standby log:\n" + LastLines(ReadFile(s->log_path()), 20));
}

PgServer& PgServer::Shared() {
  static std::unique_ptr<PgServer> shared = [] {
    auto started = StartPrimary();
    if (started) return std::move(started).value();
    std::unique_ptr<PgServer> failed(new PgServer());
    failed->failed_ = true;
    failed->start_error_ = started.error();
    return failed;
  }();
  return *shared;
}

PgServer::~PgServer() { Destroy(); }

void PgServer::Destroy() {
  if (dir_.empty() || ::getpid() != owner_pid_) return;
  if (!sync_primary_conninfo_.empty()) {
    // Only if the primary still waits for this standby: a later StartStandby may have replaced it.
    auto named = RunSql(sync_primary_conninfo_, "SHOW synchronous_standby_names");
    if (named && !named->empty() && named->front().front() == "\"" + application_name_ + "\"") {
      (void)RunSql(sync_primary_conninfo_, "ALTER SYSTEM RESET synchronous_standby_names");
      (void)RunSql(sync_primary_conninfo_, "SELECT pg_reload_conf()");
    }
  }
  // -m immediate: the data is about to be removed, so a shutdown checkpoint would be wasted time.
  if (fs::exists(data_dir() / "postmaster.pid")) (void)PgCtl({"-m", "immediate", "stop"}, "stop_failed");
  // Removing a cluster's ~1,000 files took 1.7-2 s on the build machine (ext4 with discard, under
  // load): the directory is renamed away at once and the watchdog removes it in the background.
  std::error_code ec;
  fs::path trash = dir_;
  trash += ".removing";
  fs::rename(dir_, trash, ec);
  if (ec || watchdog_fd_ < 0) fs::remove_all(ec ? dir_ : trash, ec);
  if (watchdog_fd_ >= 0) {
    (void)::send(watchdog_fd_, "done\n", 5, MSG_NOSIGNAL);
    ::close(watchdog_fd_);
  }
  dir_.clear();
  running_ = false;
}

Status PgServer::status() const {
  if (failed_) return start_error_;
  if (!running_) {
    return Unavailable("pg_server", "not_running", "the server in " + dir_.string() + " was stopped or killed");
  }
  return Ok();
}

Result<std::string> PgServer::CreateDatabase() {
  MOTCUA_TRY(status());
  const std::string name = "motcua_t" + std::to_string(::getpid()) + "_" + std::to_string(++next_db_);
  MOTCUA_TRY(Exec("postgres", "CREATE DATABASE " + name));
  return ConnInfo(name);
}

std::string PgServer::ConnInfo(const std::string& db, const std::string& user) const {
  return "host=" + dir_.string() + " port=" + std::to_string(port_) + " user=" + user + " dbname=" + db;
}

std::string PgServer::TcpConnInfo(const std::string& db, const std::string& user) const {
  return "host=127.0.0.1 port=" + std::to_string(port_) + " user=" + user + " dbname=" + db;
}

Status PgServer::Exec(const std::string& db, const std::string& sql) const {
  MOTCUA_ASSIGN_OR_RETURN(auto rows, Query(db, sql));
  (void)rows;
  return Ok();
}

Result<PgServer::Rows> PgServer::Query(const std::string& db, const std::string& sql) const {
  if (failed_) return start_error_;
  return RunSql(ConnInfo(db), sql);
}

Status PgServer::Promote() {
  MOTCUA_TRY(status());
  return PgCtl({"promote"}, "promote_failed");
}

Status PgServer::Kill() {
  MOTCUA_TRY(status());
  running_ = false;
  return PgCtl({"-m", "immediate", "stop"}, "stop_failed");
}

Status PgServer::Stop() {
  MOTCUA_TRY(status());
  running_ = false;
  return PgCtl({"-m", "fast", "stop"}, "stop_failed");
}

Status PgServer::Start() {
  if (failed_) return start_error_;
  if (running_) return Ok();
  return StartOnPort();
}

pid_t PgServer::postmaster_pid() const {
  if (dir_.empty()) return 0;
  std::ifstream in(data_dir() / "postmaster.pid");
  long pid = 0;
  if (!(in >> pid)) return 0;
  return pid_t(pid);
}

}  // namespace motcua::testing
