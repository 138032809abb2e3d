#include "ui_model/sync_runner.h"

#include <memory>
#include <optional>

#include "store/store.h"
#include "sync/settings.h"
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

  for (;;) {
    if (!store) {
      auto opened = store::OpenSqliteStore(options_.db_path, {.create_if_missing = false});
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
  if (worker) worker->Release();  // a clean stop: the next syncer need not wait for the lease to run out
}

}  // namespace motcua::ui
