// Faults on command, for a sync client's fault-matrix tests: what can go wrong between a station and
// the provincial system, made to happen on the next N login or integration calls.
//
// One fault is armed at a time (arming replaces it); each login or integration call takes one from
// its count before anything else is looked at (dstcode, session, body), as a broken link or proxy
// would. Admin calls and unknown paths never take one. What each kind does on the wire is in
// fault_wire.h; whether the call is processed:
//   kind              processed?  what the client sees
//   http500           no          HTTP 500, the JSON error {"error_code":"500",...}
//   http503           no          HTTP 503, header Retry-After: retry_after seconds
//   timeout           no          nothing for delay_ms (default 30000), then the connection closes
//   reset             no          headers and half the body, then a TCP reset
//   slow              yes         the normal reply, its body trickled over delay_ms (default 3000)
//   invalid_json      no          HTTP 200, Content-Type application/json, an HTML proxy page
//   truncated         no          HTTP 200, Content-Length larger than what is sent, then a close
//   huge              no          HTTP 200, 10 MiB body that is not JSON ('x' bytes)
//   expire_sessions   -           every session ends at once when armed (count ignored, never queued)
//   fail_after_store  yes         processed and committed, then the same HTTP 500 as http500: the
//                                 exactly-once case (the client cannot know it landed)
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "validate.h"

namespace motcua::provincial {

enum class FaultKind {
  kHttp500,
  kHttp503,
  kTimeout,
  kReset,
  kSlow,
  kInvalidJson,
  kTruncated,
  kHuge,
  kExpireSessions,
  kFailAfterStore,
};

const char* FaultKindName(FaultKind kind);  // "http500", "fail_after_store", ...
std::optional<FaultKind> ParseFaultKind(std::string_view name);
std::string FaultKindNames();  // "http500, http503, ..." for messages

inline constexpr int kDefaultTimeoutDelayMs = 30000;
inline constexpr int kDefaultSlowDelayMs = 3000;
inline constexpr int kDefaultRetryAfterSeconds = 1;
inline constexpr std::size_t kHugeBodyBytes = 10u << 20;  // 10 MiB

struct Fault {
  FaultKind kind = FaultKind::kHttp500;
  int count = 1;                                     // calls left (>= 1)
  int retry_after_seconds = kDefaultRetryAfterSeconds;  // http503's Retry-After
  int delay_ms = 0;                                  // timeout / slow; 0 = the kind's default
  int EffectiveDelayMs() const;
};

// "KIND" or "KIND:COUNT" (the --fault flag). Errors: kInvalid "fault"/"unknown_fault" | "bad_count".
Result<Fault> ParseFaultFlag(std::string_view text);
// The POST /admin/faults body: {"fault": KIND, "count": N, "retry_after": S, "delay_ms": D}, every
// key but "fault" optional, numbers as JSON integers (count >= 1, the others >= 0). Errors: kInvalid
// on the key: "required", "unknown_fault", "bad_number", "not_an_object".
Result<Fault> ParseFaultRequest(const Json& body);
Json FaultToJson(const Fault& fault);

class FaultBoard {
 public:
  void Arm(const Fault& fault);
  void Clear();
  // The armed fault, with one taken from its count (disarmed when it reaches 0); nullopt when none.
  std::optional<Fault> Take();
  std::optional<Fault> Armed() const;

 private:
  mutable std::mutex mutex_;
  std::optional<Fault> armed_;
};

}  // namespace motcua::provincial
