// The counter's background sync (issue: "runs on its own thread inside the counter, never blocks a
// frame"). One std::thread loops, while the station has sync settings:
//   Drain (sync/worker.h) -> publish a snapshot -> wait kPoll (2 s), or Backoff after an error.
// Every wait is on a condition variable, so Wake() (a supervisor asked to send a record again) and
// the destructor cut it short. The thread opens its OWN store handle on the station's database: a
// SQLite connection is never shared with the UI thread. One syncer per database is the store lease's
// job (sync/state.h AcquireLease): kConflict/"sync_busy" means another process (`motcua sync run`, a
// second counter) syncs now, so this one keeps waiting quietly and still publishes what the store says.
// With no settings the thread only re-reads them every kPoll, so `motcua sync configure` takes effect
// without a restart.
//
// Stopping: the destructor asks the thread to stop and joins it. A drain in progress stops at its
// next batch (Drain's deadline is kDrainSlice) and an HTTP exchange within its own timeout
// (sync/http.h), so a stop takes at most one exchange.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "common/time.h"
#include "dossier/lifecycle.h"
#include "ui_model/sync_snapshot.h"

namespace motcua::ui {

struct SyncRunnerOptions {
  std::string db_path;                 // required: the station's database (Station::paths.db_path)
  std::string station_id = "station-1";  // the worker's journal actor is "station:<station_id>"
  dossier::StatusMap status_map;       // required: Station::status_map
  const Clock* clock = nullptr;        // default nullptr = the system clock; must outlive the runner
  std::chrono::milliseconds poll = std::chrono::seconds(2);  // default 2 s between drains
};

class SyncRunner {
 public:
  // Starts the thread at once.
  explicit SyncRunner(SyncRunnerOptions options);
  ~SyncRunner();
  SyncRunner(const SyncRunner&) = delete;
  SyncRunner& operator=(const SyncRunner&) = delete;

  // The last published snapshot (serial 0 before the first). Cheap: a copy under a mutex.
  SyncSnapshot Snapshot() const;
  std::uint64_t Serial() const;
  // Ends the current wait now: the next drain starts at once.
  void Wake();

  static constexpr std::chrono::seconds kDrainSlice{10};  // a drain checks for a stop this often

 private:
  void Run();
  // Waits `how_long` unless woken or stopped. Returns false when stopping.
  bool Wait(std::chrono::milliseconds how_long);
  void Publish(SyncSnapshot snapshot);

  SyncRunnerOptions options_;
  mutable std::mutex mutex_;       // guards everything below
  std::condition_variable wake_;
  bool stop_ = false;
  bool woken_ = false;
  SyncSnapshot snapshot_;
  std::thread thread_;             // last: started after everything it uses exists
};

}  // namespace motcua::ui
