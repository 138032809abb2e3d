#include "store/change_feed.h"

#include <libpq-fe.h>
#include <poll.h>
#include <sqlite3.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <mutex>
#include <string_view>

#include "store/store.h"

namespace motcua::store {
namespace {

using Steady = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr const char* kChannel = "motcua_journal";  // internal/pg_schema.cpp motcua_append_event
constexpr const char* kHeadSql = "SELECT seq FROM journal_head WHERE id = 1";

// The server's notices (a WARNING as it shuts down) are not for the station's stderr: the state says it.
void IgnoreNotice(void*, const char*) {}

std::string FirstLine(const char* message) {
  std::string m = message ? message : "";
  if (auto nl = m.find('\n'); nl != std::string::npos) m.resize(nl);
  return m;
}

// Milliseconds from now until `t` for poll(), clamped to 0..INT_MAX/2.
int MsUntil(Steady::time_point t) {
  const auto ms = std::chrono::duration_cast<milliseconds>(t - Steady::now()).count();
  return static_cast<int>(std::clamp<long long>(ms + (ms > 0 ? 1 : 0), 0, 1 << 30));
}

// What both engines share: the status under a mutex, the interrupt (an eventfd polled beside the
// socket), and the backoff.
class FeedBase : public ChangeFeed {
 public:
  explicit FeedBase(const ChangeFeedOptions& o, bool pushes)
      : options_(o), backoff_(o.backoff_initial), interrupt_fd_(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {
    status_.pushes = pushes;
    status_.since = Now();
  }
  ~FeedBase() override {
    if (interrupt_fd_ >= 0) close(interrupt_fd_);
  }

  FeedStatus Status() const override {
    std::lock_guard lock(mu_);
    return status_;
  }

  void Interrupt() override {
    const std::uint64_t one = 1;
    if (interrupt_fd_ >= 0) (void)!write(interrupt_fd_, &one, sizeof one);
  }

 protected:
  Instant Now() const {
    return options_.wall_clock ? options_.wall_clock->Now()
                               : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }

  void MarkConnected() {
    backoff_ = options_.backoff_initial;
    std::lock_guard lock(mu_);
    if (status_.state == FeedState::kConnected) return;
    if (status_.state == FeedState::kReconnecting) ++status_.reconnects;
    status_.state = FeedState::kConnected;
    status_.since = Now();
    status_.problem.clear();
  }

  // A failed attempt or a lost connection: the next attempt waits the backoff, which then doubles.
  void MarkFailed(std::string problem) {
    next_attempt_ = Steady::now() + backoff_;
    backoff_ = std::min(backoff_ * 2, options_.backoff_max);
    std::lock_guard lock(mu_);
    if (status_.state != FeedState::kReconnecting) {
      status_.state = FeedState::kReconnecting;
      status_.since = Now();
    }
    status_.problem = std::move(problem);
  }

  ChangeWait Answer(std::int64_t after_seq) const {
    return {head_, head_ > after_seq, Status()};
  }

  // Waits until `fd` (if >= 0) has `events`, the interrupt fires, or `until`. Returns the poll result:
  // kInterrupted (the interrupt was consumed), kReady, or kTimedOut.
  enum class Woke { kReady, kTimedOut, kInterrupted };
  Woke WaitFor(int fd, short events, Steady::time_point until) {
    pollfd fds[2] = {{interrupt_fd_, POLLIN, 0}, {fd, events, 0}};
    const nfds_t n = fd >= 0 ? 2 : 1;
    for (;;) {
      const int rc = poll(fds, n, MsUntil(until));
      if (rc < 0 && errno == EINTR) continue;
      if (rc <= 0) return Woke::kTimedOut;
      if (fds[0].revents & POLLIN) {
        std::uint64_t count = 0;
        (void)!read(interrupt_fd_, &count, sizeof count);
        return Woke::kInterrupted;
      }
      return Woke::kReady;
    }
  }

  const ChangeFeedOptions options_;
  std::int64_t head_ = 0;                // the head last read (WaitForChange's thread only)
  Steady::time_point next_attempt_{};    // no connection attempt before this
  milliseconds backoff_;                 // the pause after the next failure

 private:
  int interrupt_fd_ = -1;
  mutable std::mutex mu_;
  FeedStatus status_;  // guarded by mu_
};

// ---- PostgreSQL ---------------------------------------------------------------------------------

class PgFeed final : public FeedBase {
 public:
  PgFeed(std::string conninfo, const ChangeFeedOptions& o) : FeedBase(o, /*pushes=*/true), conninfo_(std::move(conninfo)) {}
  ~PgFeed() override { Drop(); }

  ChangeWait WaitForChange(std::int64_t after_seq, milliseconds timeout) override {
    const Steady::time_point deadline = Steady::now() + std::max(timeout, milliseconds(0));
    for (;;) {
      if (!listening_) {
        if (!conn_) {
          // Down: wait out the backoff (or the caller's deadline, whichever comes first), then start.
          if (Steady::now() < next_attempt_) {
            if (WaitFor(-1, 0, std::min(next_attempt_, deadline)) == Woke::kInterrupted) return Answer(after_seq);
            if (Steady::now() >= deadline) return Answer(after_seq);
            continue;
          }
          StartConnect();
          continue;
        }
        const Woke w = AdvanceConnect(deadline);
        if (w == Woke::kInterrupted) return Answer(after_seq);
        if (!listening_ && conn_ && Steady::now() >= deadline) return Answer(after_seq);  // still connecting
        continue;
      }
      if (head_ > after_seq) return Answer(after_seq);
      if (Steady::now() >= deadline && timeout > milliseconds(0)) return Answer(after_seq);
      const Woke w = WaitFor(PQsocket(conn_), POLLIN, deadline);
      if (w == Woke::kInterrupted) return Answer(after_seq);
      if (w == Woke::kReady) TakeInput();
      if (listening_ && head_ <= after_seq && Steady::now() >= deadline) return Answer(after_seq);
    }
  }

 private:
  void Drop() {
    if (conn_) PQfinish(conn_);
    conn_ = nullptr;
    listening_ = false;
  }

  void Fail(const std::string& what) {
    const std::string hosts = conn_ ? std::string(PQhost(conn_) ? PQhost(conn_) : "?") + ":" +
                                          (PQport(conn_) ? PQport(conn_) : "?")
                                    : std::string("?");
    std::string problem = what + " (" + hosts + ")";
    if (conn_) problem += ": " + FirstLine(PQerrorMessage(conn_));
    Drop();
    MarkFailed(std::move(problem));
  }

  void StartConnect() {
    // As internal/pg_db.cpp connects, plus TCP keepalives: a wait that reads nothing for hours must
    // still learn that a cable was pulled. Words of the caller's string (expanded as dbname) win.
    const std::string timeout = std::to_string(options_.connect_timeout_s);
    const char* keys[] = {"connect_timeout", "fallback_application_name", "client_encoding", "keepalives",
                          "keepalives_idle", "keepalives_interval", "keepalives_count", "dbname", nullptr};
    const char* values[] = {timeout.c_str(), "motcua-feed", "UTF8", "1", "10", "5", "3", conninfo_.c_str(), nullptr};
    conn_ = PQconnectStartParams(keys, values, /*expand_dbname=*/1);
    if (!conn_ || PQstatus(conn_) == CONNECTION_BAD) return Fail("cannot connect to the center database");
    PQsetNoticeProcessor(conn_, IgnoreNotice, nullptr);
    connect_deadline_ = Steady::now() + std::chrono::seconds(std::max(1, options_.connect_timeout_s));
    polling_ = PGRES_POLLING_WRITING;
  }

  // One step of the asynchronous connection (libpq's PQconnectPoll loop), waiting at most until
  // `deadline`. On success: LISTEN, then the head is read (what was missed while away).
  Woke AdvanceConnect(Steady::time_point deadline) {
    if (polling_ == PGRES_POLLING_OK) return Listen();
    if (polling_ == PGRES_POLLING_FAILED) {
      Fail("cannot connect to the center database");
      return Woke::kReady;
    }
    if (Steady::now() >= connect_deadline_) {
      Fail("connecting to the center database timed out");
      return Woke::kReady;
    }
    const short events = polling_ == PGRES_POLLING_READING ? POLLIN : POLLOUT;
    const Woke w = WaitFor(PQsocket(conn_), events, std::min(deadline, connect_deadline_));
    if (w == Woke::kReady) polling_ = PQconnectPoll(conn_);
    return w;
  }

  Woke Listen() {
    PGresult* res = PQexec(conn_, (std::string("LISTEN ") + kChannel).c_str());
    const bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    PQclear(res);
    if (!ok) {
      Fail("LISTEN " + std::string(kChannel) + " refused");
      return Woke::kReady;
    }
    listening_ = true;
    if (ReadHead()) MarkConnected();
    return Woke::kReady;
  }

  bool ReadHead() {
    PGresult* res = PQexec(conn_, kHeadSql);
    const bool ok = PQresultStatus(res) == PGRES_TUPLES_OK;
    if (ok && PQntuples(res) > 0) head_ = std::max<std::int64_t>(head_, std::strtoll(PQgetvalue(res, 0, 0), nullptr, 10));
    std::string message = ok ? "" : FirstLine(PQresultErrorMessage(res));
    PQclear(res);
    if (!ok) Fail("cannot read the journal head: " + message);
    return ok;
  }

  // The socket is readable: notifications, or the end of the connection.
  void TakeInput() {
    if (!PQconsumeInput(conn_) || PQstatus(conn_) == CONNECTION_BAD)
      return Fail("lost the connection to the center database");
    bool notified = false;
    while (PGnotify* n = PQnotifies(conn_)) {
      notified = true;
      PQfreemem(n);
    }
    // The payload is a seq, but possibly another schema's (one channel per database): read our head.
    if (notified) (void)ReadHead();
  }

  std::string conninfo_;
  PGconn* conn_ = nullptr;
  PostgresPollingStatusType polling_ = PGRES_POLLING_FAILED;
  Steady::time_point connect_deadline_{};
  bool listening_ = false;  // connected, LISTENing, head read once
};

// ---- SQLite -------------------------------------------------------------------------------------

class SqliteFeed final : public FeedBase {
 public:
  SqliteFeed(std::string path, const ChangeFeedOptions& o) : FeedBase(o, /*pushes=*/false), path_(std::move(path)) {}
  ~SqliteFeed() override { Close(); }

  ChangeWait WaitForChange(std::int64_t after_seq, milliseconds timeout) override {
    const Steady::time_point deadline = Steady::now() + std::max(timeout, milliseconds(0));
    for (;;) {
      if (Steady::now() >= next_read_) {
        next_read_ = Steady::now() + options_.poll_interval;
        if (ReadHead()) MarkConnected();
        else next_read_ = std::max(next_read_, next_attempt_);
      }
      if (head_ > after_seq || Steady::now() >= deadline) return Answer(after_seq);
      if (WaitFor(-1, 0, std::min(next_read_, deadline)) == Woke::kInterrupted) return Answer(after_seq);
    }
  }

 private:
  void Close() {
    if (stmt_) sqlite3_finalize(stmt_);
    if (db_) sqlite3_close_v2(db_);
    stmt_ = nullptr;
    db_ = nullptr;
  }

  bool Fail(const std::string& what) {
    std::string problem = what + " (" + path_ + ")" + (db_ ? std::string(": ") + sqlite3_errmsg(db_) : "");
    Close();
    MarkFailed(std::move(problem));
    return false;
  }

  bool ReadHead() {
    if (!db_) {
      // Never SQLITE_OPEN_CREATE: a feed must not make an empty database where the store's was.
      if (sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
        return Fail("cannot open the database");
      sqlite3_busy_timeout(db_, 1000);
      if (sqlite3_exec(db_, "PRAGMA query_only = ON", nullptr, nullptr, nullptr) != SQLITE_OK ||
          sqlite3_prepare_v2(db_, kHeadSql, -1, &stmt_, nullptr) != SQLITE_OK)
        return Fail("cannot read the journal head");
    }
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) head_ = std::max<std::int64_t>(head_, sqlite3_column_int64(stmt_, 0));
    sqlite3_reset(stmt_);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Fail("cannot read the journal head");
    return true;
  }

  std::string path_;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  Steady::time_point next_read_{};
};

Status CheckInterval(const char* field, milliseconds v) {
  if (v <= milliseconds(0)) return Invalid(field, "out_of_range", std::string(field) + " must be positive");
  return Ok();
}

}  // namespace

const char* FeedStateKey(FeedState state) {
  switch (state) {
    case FeedState::kConnecting: return "connecting";
    case FeedState::kConnected: return "connected";
    case FeedState::kReconnecting: return "reconnecting";
  }
  return "connecting";
}

Result<std::unique_ptr<ChangeFeed>> OpenChangeFeed(const std::string& location, const ChangeFeedOptions& options) {
  if (location.empty()) return Invalid("db", "missing", "no database named");
  MOTCUA_TRY(CheckInterval("poll_interval", options.poll_interval));
  MOTCUA_TRY(CheckInterval("backoff_initial", options.backoff_initial));
  MOTCUA_TRY(CheckInterval("backoff_max", options.backoff_max));
  if (options.backoff_max < options.backoff_initial)
    return Invalid("backoff_max", "out_of_range", "backoff_max must be at least backoff_initial");
  if (IsCenterLocation(location)) return std::unique_ptr<ChangeFeed>(std::make_unique<PgFeed>(location, options));
  if (location == ":memory:")
    return Invalid("db", "not_shared", "an in-memory database has no other writer to follow");
  std::error_code ec;
  if (!std::filesystem::exists(location, ec))
    return NotFound("db", "database_missing", "no database at " + location);
  return std::unique_ptr<ChangeFeed>(std::make_unique<SqliteFeed>(location, options));
}

}  // namespace motcua::store
