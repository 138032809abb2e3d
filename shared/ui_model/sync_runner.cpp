#include "ui_model/sync_runner.h"

#include <memory>
#include <optional>

#include "store/store.h"
#include "sync/settings.h"
#include "ui_model/station.h"
#include "sync/worker.h"

namespace motcua::ui {

SyncRunner::SyncRunner(SyncRunnerOptions options) : options_(std::move(options)) {
  thread_ = std::thread([this] { Run(); });
}

SyncRunner::~SyncRunner() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

SyncSnapshot SyncRunner::Snapshot() const {
  std::lock_guard lock(mutex_);
  return snapshot_;
}

std::uint64_t SyncRunner::Serial() const {
  std::lock_guard lock(mutex_);
  return snapshot_.serial;
}

bool SyncRunner::LeaseHeld() const {
  std::lock_guard lock(mutex_);
  return lease_held_;
}

void SyncRunner::Wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

bool SyncRunner::Wait(std::chrono::milliseconds how_long) {
  std::unique_lock lock(mutex_);
  wake_.wait_for(lock, how_long, [this] { return stop_ || woken_; });
  woken_ = false;
  return !stop_;
}

void SyncRunner::Publish(SyncSnapshot snapshot) {
  std::lock_guard lock(mutex_);
  snapshot.serial = snapshot_.serial + 1;
  snapshot_ = std::move(snapshot);
}

void SyncRunner::Run() {
  SystemClock system_clock;
  const Clock& clock = options_.clock != nullptr ? *options_.clock : system_clock;
  sync::Backoff backoff;
  std::unique_ptr<store::Store> store;
  std::unique_ptr<sync::Worker> worker;
  std::string worker_settings;  // the settings `worker` was made with (WriteSyncSettings), to notice a change

  // Publishes what the store says, with `error` (or the store's own read error) attached.
  auto publish = [&](std::optional<Error> error) {
    Result<SyncSnapshot> read = ReadSyncSnapshot(*store);
    SyncSnapshot s = read.has_value() ? std::move(read).value() : SyncSnapshot{};
    if (!read.has_value()) s.error = read.error();
    if (error) s.error = std::move(error);
    Publish(std::move(s));
  };

  std::unique_ptr<store::Lease> lease;
  auto set_held = [&](bool held) {
    std::lock_guard lock(mutex_);
    lease_held_ = held;
  };

  for (;;) {
    if (!store) {
      StationPaths paths;
      paths.db_path = options_.db_path;
      paths.data_dir = options_.data_dir;
      auto opened = OpenStationStore(paths);
      if (!opened.has_value()) {
        Publish(SyncSnapshot{.error = opened.error()});
        if (!Wait(backoff.Next())) break;
        continue;
      }
      store = std::move(opened).value();
    }
    auto settings = sync::LoadSyncSettings(*store);
    if (!settings.has_value() || !*settings) {
      worker.reset();
      publish(settings.has_value() ? std::nullopt : std::optional<Error>(settings.error()));
      if (!Wait(options_.poll)) break;
      continue;
    }
    if (lease && !lease->Held()) {  // lost with its connection: another runner may sync now
      lease.reset();
      worker.reset();  // not Release(): the record lease may be the new holder's now
      set_held(false);
    }
    if (!lease) {
      auto taken = store->TryLease(kSyncLease);
      if (!taken.has_value()) {
        const bool busy = taken.error().rule == "lease_held";
        publish(busy ? std::nullopt : std::optional<Error>(taken.error()));
        if (!Wait(busy ? options_.poll : backoff.Next())) break;
        continue;
      }
      lease = std::move(taken).value();
      set_held(true);
    }
    const std::string text = sync::WriteSyncSettings(**settings);
    if (!worker || text != worker_settings) {
      // Read the password again with new settings only: the file is private and rarely changes.
      auto password = sync::ReadPassword((*settings)->password_file);
      if (!password.has_value()) {
        worker.reset();
        publish(password.error());
        if (!Wait(backoff.Next())) break;
        continue;
      }
      if (worker) worker->Release();
      sync::WorkerOptions wo;
      wo.station = options_.station_id;
      wo.holder = kSyncLeaseHolder;
      wo.clock = &clock;
      worker = std::make_unique<sync::Worker>(*store, options_.status_map, **settings, *password, wo);
      worker_settings = text;
    }
    auto drained = worker->Drain(clock.Now() + kDrainSlice);
    publish(std::nullopt);  // the worker wrote its status (offline, skew, last error) to the store
    std::chrono::milliseconds wait = options_.poll;
    if (drained.has_value()) {
      backoff.Reset();
      if (!drained->idle) wait = std::chrono::milliseconds(0);  // stopped at the slice: go on at once
    } else if (drained.error().code != ErrorCode::kConflict || drained.error().rule != "sync_busy") {
      wait = backoff.Next(worker->RetryAfter());
    }
    if (!Wait(wait)) break;
  }
  // A clean stop: the next syncer need not wait for the record lease to run out. Only while the store
  // lease holds: after it was lost the record may be the new holder's.
  if (worker && lease && lease->Held()) worker->Release();
  worker.reset();
  lease.reset();
  set_held(false);
}

}  // namespace motcua::ui
