#include "stats.h"

namespace motcua::provincial {

void Stats::Login(bool ok) {
  std::lock_guard lock(mutex_);
  ++(ok ? logins_ : failed_logins_);
}

void Stats::Call(const std::string& service) {
  std::lock_guard lock(mutex_);
  ++calls_[service];
}

void Stats::Stored(std::int64_t records_created, std::int64_t records_updated, std::int64_t steps,
                   std::int64_t duplicate_steps) {
  std::lock_guard lock(mutex_);
  records_created_ += records_created;
  records_updated_ += records_updated;
  steps_stored_ += steps;
  duplicate_steps_ += duplicate_steps;
}

void Stats::RejectedBatch() {
  std::lock_guard lock(mutex_);
  ++rejected_batches_;
}

void Stats::FaultFired(const std::string& kind) {
  std::lock_guard lock(mutex_);
  ++faults_fired_[kind];
}

Json Stats::ToJson() const {
  std::lock_guard lock(mutex_);
  Json calls = Json::object();
  for (const auto& [service, n] : calls_) calls[service] = n;
  Json faults = Json::object();
  std::int64_t faults_total = 0;
  for (const auto& [kind, n] : faults_fired_) {
    faults[kind] = n;
    faults_total += n;
  }
  return Json{{"logins", logins_},
              {"failed_logins", failed_logins_},
              {"calls", calls},
              {"records_created", records_created_},
              {"records_updated", records_updated_},
              {"steps_stored", steps_stored_},
              {"duplicate_steps", duplicate_steps_},
              {"rejected_batches", rejected_batches_},
              {"faults_fired", faults},
              {"faults_fired_total", faults_total}};
}

}  // namespace motcua::provincial
