// The sync worker: sends every journaled dossier change to the provincial system (domain.md §4), in
// the national shape, exactly once in effect, through crashes and outages.
//
// The journal is the outbox. A dossier with events after the cursor (state.h) whose state says the
// server's copy is older is pending; the worker sends its whole current record (DongBoHoSoMC: a
// create the first time, an update after) and then the steps the server does not hold yet
// (CapNhatTienDoHoSoMC), and records the acknowledgements of a batch, the dossiers' new sync states and
// the advanced cursor in one transaction with a "sync.acknowledged" event. So a crash at any instant
// loses nothing: what was not recorded is sent again, and sending again is harmless:
//   - a record sent again is a create the server answers "đã tồn tại" (then an update) or an update
//     of the same content;
//   - steps are never sent twice: when the worker cannot know what the server holds (a new process,
//     or an exchange that failed after sending), it asks TraCuuHoSo first and counts the steps there.
// Each dossier's changes go in order; one dossier never blocks another: a record the server refuses
// as invalid (HTTP 200 with an error) is parked with the server's message, and goes again when the
// dossier changes or a supervisor asks (`motcua sync retry`). Errors that retrying may fix (no
// network, HTTP 5xx, a timeout, a malformed reply) stop the round; the caller waits (Backoff) and
// calls again. The worker acts as the station ("station:<id>"), never as a person, and only while it
// holds the database's lease (one syncer per database).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "dossier/lifecycle.h"
#include "store/store.h"
#include "sync/http.h"
#include "sync/reply.h"
#include "sync/settings.h"
#include "sync/state.h"
#include "sync/wire.h"

namespace motcua::sync {

struct WorkerOptions {
  std::string station = "station-1";  // journal events are the station's: actor "station:<station>"
  std::string holder;                  // the lease holder's name (default LeaseHolderName(station))
  const Clock* clock = nullptr;        // default: the system clock
  HttpOptions http;
  int scan_events = 20000;             // journal events read per round (default 20000)
};

// What is waiting to go.
struct Pending {
  std::int64_t events = 0;    // dossier events after the cursor
  std::int64_t dossiers = 0;  // dossiers to send (parked ones not counted)
  std::optional<Instant> oldest_at;  // the oldest pending event's time
  std::int64_t parked = 0;
};

struct DrainResult {
  std::int64_t files_acked = 0;
  std::int64_t steps_acked = 0;
  std::int64_t parked = 0;
  bool idle = false;  // nothing is pending
};

// What a catalog pull changed. A new catalog version is recorded when anything changed; a procedure
// that open dossiers use keeps its previous version (record kind kPreviousProcedureKind).
struct CatalogPull {
  std::int64_t version = 0;              // the catalog version after the pull (setting "catalog_version")
  std::vector<std::string> changed;      // local procedures whose name or field the province changed
  std::vector<std::string> kept;         // ... of which open dossiers use the previous version
  std::vector<std::string> not_local;    // the province lists them; this station's catalog has none
  std::size_t listed = 0;                // items in the province's list
};
inline constexpr const char* kPreviousProcedureKind = "catalog.previous";  // key "<code>@<version>"
inline constexpr const char* kCatalogVersionSetting = "catalog_version";

class Worker {
 public:
  Worker(store::Store& store, dossier::StatusMap status_map, SyncSettings settings, std::string password,
         WorkerOptions options = {});
  ~Worker();

  // Rounds until nothing is pending (idle) or an error stops it. Errors that retrying may fix are
  // kUnavailable (the rule says which: "connect_failed", "timeout", "server_error", "bad_reply",
  // "login_refused", ...); `RetryAfter()` then holds the server's Retry-After, if it gave one.
  // kConflict/"sync_busy" when another process holds the lease.
  // `deadline`: stop between batches once it has passed (the result is then not idle).
  Result<DrainResult> Drain(std::optional<Instant> deadline = std::nullopt);
  std::optional<int> RetryAfter() const { return retry_after_; }

  // Gives the lease back (a clean stop), so another syncer need not wait for it to run out.
  void Release();

  // Pulls the province's procedure list (LayDanhSachTTHC, and LayThuTuc for an item without its field)
  // and applies what it says of the procedures this station has (catalog_pull.cpp). `actor` is who asked.
  Result<CatalogPull> PullCatalog(const std::string& actor);

 private:
  struct Item;  // a pending dossier
  Status Scan();
  Status Prepare(Item& item);
  Status SendFiles(const std::vector<Item*>& batch, DrainResult& result);
  Status SendFileAlone(Item& item, bool updating, DrainResult& result);
  Status SendSteps(const std::vector<Item*>& batch, DrainResult& result);
  Status LookUpSteps(Item& item);
  Result<Reply> PostFiles(const std::vector<Item*>& items, bool updating);
  Result<Reply> Call(const std::string& path, const std::function<std::string()>& body, bool login = false);
  Status LogIn();
  void AckFile(Item& item, bool created_now);
  // Accepted by the server, to be recorded at the batch's commit (holds the cursor back until then).
  void Unrecorded(Item& item);
  Status Record(const std::vector<Item*>& acked, std::string_view service);
  Status Park(Item& item, const std::string& message, DrainResult& result);
  std::int64_t NewCursor() const;
  Instant Now() const { return clock_->Now(); }

  store::Store& store_;
  dossier::StatusMap status_map_;
  SyncSettings settings_;
  std::string password_;
  WorkerOptions options_;
  const Clock* clock_;
  HttpClient http_;  // one connection for the whole drain
  std::string session_;
  std::set<std::string> confirmed_;  // dossiers whose steps on the server are known in this process
  std::set<std::string> uncertain_;  // dossiers sent in an exchange whose outcome is unknown
  std::vector<std::unique_ptr<Item>> items_;  // this pass's pending dossiers, oldest change first
  std::vector<Item*> unrecorded_;             // files accepted, to be recorded with the next commit
  std::map<std::string, std::string> field_codes_;  // procedure → its catalog field code, this pass
  std::int64_t cursor_ = 0, scan_end_ = 0;
  SyncStatus status_;
  std::optional<int> retry_after_;
};

// Full-jitter exponential backoff (stack.md §9): a wait drawn from [0, min(cap, base·2^attempt)],
// and never shorter than the server's Retry-After. Default base 1 s, cap 5 minutes.
class Backoff {
 public:
  explicit Backoff(std::chrono::milliseconds base = std::chrono::seconds(1),
                   std::chrono::milliseconds cap = std::chrono::minutes(5));
  std::chrono::milliseconds Next(std::optional<int> retry_after_seconds = std::nullopt);
  void Reset() { attempt_ = 0; }
  int Attempt() const { return attempt_; }

 private:
  std::chrono::milliseconds base_, cap_;
  int attempt_ = 0;
  std::mt19937_64 random_;
};

// What is pending, for `sync status` and the counter's badge (reads only).
Result<Pending> CountPending(store::Store& store);

}  // namespace motcua::sync
