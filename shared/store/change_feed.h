// The change feed: how a station learns that the journal moved without reading it in a loop (issue 15,
// "LISTEN/NOTIFY carries changes to every station"). A screen that shows what other stations write (the
// display board, a counter's work list and call panel) waits on the feed and, when it wakes, reads the
// journal from the last seq it read, exactly as it would after a poll. The feed carries no data: the
// journal stays the one source, so a wake lost with a connection loses nothing (the next read catches up).
//
// Engines (one API, chosen by the location, as store::Open chooses):
//   PostgreSQL  a libpq connection of the feed's own (never the store's: a wait must not hold the
//               connection the station writes on) that has run LISTEN motcua_journal. The server sends a
//               NOTIFY on that channel with each appended event's seq when its transaction commits
//               (internal/pg_schema.cpp, motcua_append_event). The feed waits with poll() on the socket
//               (PQconsumeInput, PQnotifies) and, on a notification, reads journal_head of its own schema
//               (so another schema's notifications on a shared test server only cost a read). Nothing is
//               read while nothing happens.
//   SQLite      a file has no notifications: the feed reads journal_head every poll_interval (250 ms by
//               default, what the board always did) on a read-only sqlite3 connection of its own. SQLite
//               shares a file's locks between the connections of one process, so this second
//               connection does not disturb the store's (which is why it is opened with sqlite3_open_v2
//               and never through open(2)/close(2) of our own: see board/main.cpp ListsLoader).
//
// States (FeedStatus):
//   kConnecting    created, nothing tried yet (the first WaitForChange connects)
//   kConnected     listening (PostgreSQL) or the file read (SQLite)
//   kReconnecting  the connection failed or was lost; attempts follow with a growing pause
//                  (backoff_initial, doubled after each failure, at most backoff_max). `since` is when the
//                  trouble began (the first failure), kept through every failed attempt, so a screen can
//                  say "since 10:42". A success returns to kConnected and counts one more `reconnects`.
// After a reconnect the head is read again before anything else, so a change committed while the feed
// was away wakes the caller at once (a caller keeps its own last seq and re-reads from it).
//
// Threads. One thread at a time may call WaitForChange (a screen's watcher thread); Status() and
// Interrupt() may be called from any thread at any time.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "common/result.h"
#include "common/time.h"

namespace motcua::store {

enum class FeedState { kConnecting, kConnected, kReconnecting };
const char* FeedStateKey(FeedState state);  // "connecting", "connected", "reconnecting"

struct FeedStatus {
  FeedState state = FeedState::kConnecting;
  Instant since{};              // UTC: when this state began (kReconnecting: the first failure)
  std::string problem;          // kReconnecting: the last failure, English, for logs (never the
                                // connection string: hosts only); "" otherwise
  std::int64_t reconnects = 0;  // successful connections after a failure, since the feed was opened
  bool pushes = false;          // true: changes are pushed (PostgreSQL); false: polled (SQLite)
};

struct ChangeWait {
  std::int64_t head_seq = 0;  // the journal's head as last read (0 before the first read); may be stale
                              // while reconnecting
  bool changed = false;       // head_seq > the caller's after_seq: read the journal from after_seq
  FeedStatus status;          // at return
};

struct ChangeFeedOptions {
  std::chrono::milliseconds poll_interval{250};     // SQLite: how often the head is read (default 250 ms)
  std::chrono::milliseconds backoff_initial{250};   // first pause after a failure (default 0.25 s)
  std::chrono::milliseconds backoff_max{5000};      // longest pause (default 5 s)
  int connect_timeout_s = 5;                        // PostgreSQL: one connection attempt (default 5 s)
  const Clock* wall_clock = nullptr;                // default nullptr = the system clock: FeedStatus::since
};

class ChangeFeed {
 public:
  virtual ~ChangeFeed() = default;

  // Returns as soon as the journal's head is past `after_seq` (changed == true), or when `timeout` has
  // passed, or when Interrupt() was called (changed == false in both). A head already past `after_seq`
  // returns at once. While the connection is down the wait goes on reconnecting (with the backoff) until
  // the timeout: trouble is reported in status, never as an error, because the caller's answer to it is
  // the same as to a timeout (show it, wait again). timeout <= 0: one check, no wait (nor for a
  // connection being made: it goes on at the next call).
  virtual ChangeWait WaitForChange(std::int64_t after_seq, std::chrono::milliseconds timeout) = 0;

  // The state now (thread-safe).
  virtual FeedStatus Status() const = 0;

  // Makes a WaitForChange in progress (or the next one) return at once (thread-safe): for shutting a
  // watcher thread down.
  virtual void Interrupt() = 0;
};

// A feed on the database `location` names, as store::Open takes it (store::IsCenterLocation): a SQLite
// file, or a center's PostgreSQL conninfo/URL (the same string the station's store opens; its
// search_path, passfile and target_session_attrs apply). Nothing is connected yet: the first
// WaitForChange connects. Errors: kInvalid/"missing" on "db" (empty location), kInvalid/"not_shared" on
// "db" (":memory:": nobody else can write to it), kNotFound/"database_missing" on "db" (no such file),
// kInvalid/"out_of_range" on "poll_interval" / "backoff_initial" / "backoff_max" (not positive, or max <
// initial).
Result<std::unique_ptr<ChangeFeed>> OpenChangeFeed(const std::string& location, const ChangeFeedOptions& options = {});

}  // namespace motcua::store
