// The stand-in's clock: the system clock plus a fixed offset (--clock-offset-seconds), so a test can
// play a provincial server whose clock is wrong, and the two ways a reply tells its time.
#pragma once

#include <chrono>
#include <string>

#include "common/time.h"

namespace motcua::provincial {

class ServerClock {
 public:
  explicit ServerClock(std::chrono::seconds offset) : offset_(offset) {}
  Instant Now() const;  // UTC, whole seconds

 private:
  std::chrono::seconds offset_;
};

// RFC 7231 IMF-fixdate, always GMT: "Sun, 06 Nov 1994 08:49:37 GMT" (the HTTP Date header).
std::string FormatHttpDate(Instant at);
// "server_time" of every JSON reply: yyyyMMddHHmmss in Asia/Ho_Chi_Minh (UTC+7), the national date form.
std::string FormatServerTime(Instant at);

}  // namespace motcua::provincial
