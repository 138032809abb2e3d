// Login sessions: random tokens that expire a fixed time after login (--session-ttl). Measured on the
// steady clock, so the simulated clock offset (--clock-offset-seconds) never expires a session.
// Thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace motcua::provincial {

class SessionTable {
 public:
  explicit SessionTable(std::chrono::seconds ttl) : ttl_(ttl) {}

  // A new session: 32 random characters [A-Za-z0-9].
  std::string Open();
  // True for a session opened here and younger than the ttl; forgets expired ones.
  bool IsValid(std::string_view token);
  // Ends every session now (the expire_sessions fault); returns how many there were.
  std::size_t ExpireAll();

 private:
  std::chrono::seconds ttl_;
  std::mutex mutex_;
  std::map<std::string, std::chrono::steady_clock::time_point, std::less<>> expires_at_;
};

}  // namespace motcua::provincial
