// Pausing typed look-ups after repeated failures, per kiosk. A dossier code is guessable (agency,
// date, a 4-digit number) and its lookup secret has 30^4 = 810,000 values, so a stranger typing codes
// and secrets at a kiosk must be slowed down; a scanned receipt token carries an 80-bit MAC and is not
// limited (the caller decides which look-ups to count: only typed ones).
//
// Rule, with the defaults (each a constructor parameter, so a setting can change it):
//   after max_failures (5) failed typed look-ups within window (10 minutes), typed look-ups pause for
//   pause (1 minute). The failures that caused a pause are forgotten when it starts, so after the
//   pause the next citizen gets a full max_failures tries again.
// Worked example (defaults): failures at 09:00, 09:01, 09:02, 09:03 and 09:04:30 -> paused until
// 09:05:30 (Allowed(09:05:29) false, Allowed(09:05:30) true). Failures at 09:00, 09:02, 09:04, 09:06
// and 09:11 -> no pause: at 09:11 the 09:00 failure is older than 10 minutes, so only 4 count
// (a failure exactly 10 minutes old no longer counts).
//
// A success does not clear the failures: otherwise whoever holds one valid receipt could reset the
// counter between guesses. Nor does the kiosk's idle reset (the next citizen may be the same person).
// In memory only: a restart forgets the failures, which costs a guesser a restart per 5 tries.
// Not thread-safe: the kiosk's UI thread owns it. Time is injected (`now`); it never reads the clock.
#pragma once

#include <chrono>
#include <deque>
#include <optional>

#include "common/time.h"

namespace motcua::citizen {

struct LookupLimits {
  int max_failures = 5;                            // failures within `window` that start a pause (default 5)
  std::chrono::seconds window = std::chrono::minutes(10);  // default 10 minutes
  std::chrono::seconds pause = std::chrono::minutes(1);    // default 1 minute
};

class TypedLookupLimiter {
 public:
  explicit TypedLookupLimiter(LookupLimits limits = {});

  // True when a typed look-up may be tried at `now` (no pause running).
  bool Allowed(Instant now) const;

  // The end of the running pause, or nullopt when none runs at `now`.
  std::optional<Instant> PausedUntil(Instant now) const;

  // A typed look-up failed at `now` (any "invalid_token"). Ignored while a pause runs (no look-up
  // should have been tried). Times are expected not to go backwards; a failure dated before the
  // newest one is counted at the newest one's time.
  void RecordFailure(Instant now);

  // Failures counted towards a pause at `now` (for a hint such as "2 tries left").
  int FailuresInWindow(Instant now) const;

  const LookupLimits& limits() const { return limits_; }

 private:
  LookupLimits limits_;
  std::deque<Instant> failures_;  // oldest first; pruned to the window by RecordFailure
  std::optional<Instant> paused_until_;
};

}  // namespace motcua::citizen
