// Counters of what the stand-in has seen since it started (GET /admin/stats), so a sync client's
// tests can check what reached the server, e.g. that no step was sent twice. Kept in memory: they
// describe this run, while the database keeps what was accepted. Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "validate.h"

namespace motcua::provincial {

class Stats {
 public:
  void Login(bool ok);
  void Call(const std::string& service);  // a call with a valid session, by service name
  // One accepted batch of DongBoHoSoMC / CapNhatTienDoHoSoMC.
  void Stored(std::int64_t records_created, std::int64_t records_updated, std::int64_t steps,
              std::int64_t duplicate_steps);
  void RejectedBatch();
  void FaultFired(const std::string& kind);

  // {"logins": n, "failed_logins": n, "calls": {"DongBoHoSoMC": n, ...}, "records_created": n,
  //  "records_updated": n, "steps_stored": n, "duplicate_steps": n, "rejected_batches": n,
  //  "faults_fired": {"http503": n, ...}, "faults_fired_total": n}
  Json ToJson() const;

 private:
  mutable std::mutex mutex_;
  std::int64_t logins_ = 0;
  std::int64_t failed_logins_ = 0;
  std::map<std::string, std::int64_t> calls_;
  std::int64_t records_created_ = 0;
  std::int64_t records_updated_ = 0;
  std::int64_t steps_stored_ = 0;
  std::int64_t duplicate_steps_ = 0;  // steps identical to one already stored for the same MaHoSo
  std::int64_t rejected_batches_ = 0;
  std::map<std::string, std::int64_t> faults_fired_;
};

}  // namespace motcua::provincial
