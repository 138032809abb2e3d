// The counter's background sync (issue: "runs on its own thread inside the counter, never blocks a
// frame"). One std::thread loops, while the station has sync settings:
//   Drain (sync/worker.h) -> publish a snapshot -> wait kPoll (2 s), or Backoff after an error.
// Every wait is on a condition variable, so Wake() (a supervisor asked to send a record again) and
// the destructor cut it short. The thread opens its OWN store handle on the station's database
// (station.h OpenStationStore: a SQLite file or a center's PostgreSQL database): a connection is never
// shared with the UI thread.
//
// One syncer per database, which for a center is one per center however many counters run this:
//   - Before it works the runner takes the store's lease kSyncLease (store.h Lease: on PostgreSQL a
//     session advisory lock on a connection of its own). Every other runner finds it held and waits
//     quietly, asking again every `poll` and still publishing what the store says. The lease goes when
//     its holder stops (the destructor) or dies: its connection closes and the server releases the lock
//     (at once for a killed process; within ~20 s of keepalives for a vanished machine), and the next
//     runner to ask takes over. Before each drain the holder checks the lease still holds (a round trip
//     on its connection); once it does not, it drops its worker and asks again like the others.
//   - Inside, the worker keeps its timed record lease (sync/state.h AcquireLease), which also keeps a
//     `motcua sync run` out. Every lease-holding runner uses the one holder name kSyncLeaseHolder
//     there, so a runner that takes over renews the dead one's record at once instead of waiting out
//     its 30 s; the store lease alone decides which runner that is. kConflict/"sync_busy" then means a
//     `motcua sync run` syncs now, and the runner waits quietly as above.
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

// The store lease (store.h Lease) a runner holds while it syncs, and the record-lease holder name it
// then uses (see above).
inline constexpr const char* kSyncLease = "sync";
inline constexpr const char* kSyncLeaseHolder = "lease:sync";

struct SyncRunnerOptions {
  std::string db_path;                 // required: the station's database (Station::paths.db_path): a file
                                       //   or a center's connection string
  std::string data_dir;                // required for a center database: Station::paths.data_dir
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
  // Whether this runner holds the store lease kSyncLease now (it syncs only while it does).
  bool LeaseHeld() const;

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
  bool lease_held_ = false;        // this runner holds kSyncLease (LeaseHeld(), for tests)
  std::thread thread_;             // last: started after everything it uses exists
};

}  // namespace motcua::ui
