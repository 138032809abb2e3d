// The provincial stand-in (tests/provincial, build/bin/motcua-provincial) run as a real server process
// on a free loopback port, for the sync's tests. Stopped (SIGTERM) on destruction.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sync/settings.h"

namespace motcua::testing {

class ProvincialProcess {
 public:
  // Starts `motcua-provincial serve` with its database in `dir`; extra flags go after the standard ones.
  explicit ProvincialProcess(const std::filesystem::path& dir, std::vector<std::string> extra = {});
  ~ProvincialProcess();
  bool running() const { return port_ > 0; }
  int port() const { return port_; }
  // Settings a station uses to reach it (the password file is written 0600 in `dir`).
  sync::SyncSettings Settings() const;
  std::string Password() const { return "mật-khẩu-tỉnh"; }
  // Arms a fault for the next `count` calls (POST /admin/faults).
  bool Fault(const std::string& kind, int count = 1, int delay_ms = 0, int retry_after = 0);
  void ClearFaults();
  nlohmann::json Stats();
  // What it stored: `motcua-provincial records`.
  nlohmann::json Records();
  void Kill();  // SIGKILL, for restarts

 private:
  std::filesystem::path dir_;
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace motcua::testing
