// Time in motcua. Instants are UTC (`Instant`, stored as unix seconds, names end in _at);
// the calendar, deadlines and every printed time are Vietnam civil time (`LocalMinute`, UTC+7,
// no daylight saving time). Convert only through ToLocalVn / FromLocalVn.
//
// The core never reads the clock: callers pass `now`, taken from a Clock (architecture.md rule 5).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace motcua {

using Instant = std::chrono::sys_seconds;                              // UTC
using LocalMinute = std::chrono::local_time<std::chrono::minutes>;     // Vietnam civil time
using LocalDate = std::chrono::local_days;                             // Vietnam civil date

inline constexpr std::chrono::hours kVietnamUtcOffset{7};

LocalMinute ToLocalVn(Instant at);  // drops the seconds
Instant FromLocalVn(LocalMinute local);
LocalDate LocalDateVn(Instant at);

inline std::int64_t ToUnixSeconds(Instant at) { return at.time_since_epoch().count(); }
inline Instant FromUnixSeconds(std::int64_t s) { return Instant{std::chrono::seconds{s}}; }

// "YYYY-MM-DD HH:MM" (also accepts "YYYY-MM-DDTHH:MM"). Errors: kInvalid/"bad_datetime" on `field`
// for a malformed string or an impossible date or time (2026-02-30, 24:00).
Result<LocalMinute> ParseLocalMinute(std::string_view text, std::string_view field);
// "YYYY-MM-DD". Errors: kInvalid/"bad_date" on `field`.
Result<LocalDate> ParseLocalDate(std::string_view text, std::string_view field);

// A date and time as an officer types it, the way screens and papers show it: "DD/MM/YYYY HH:MM" (day,
// month and hour may have one digit: "5/3/2026 8:00"), or "YYYY-MM-DD HH:MM" as ParseLocalMinute takes it.
// Errors: kInvalid/"bad_datetime" on `field` for anything else or an impossible date or time.
Result<LocalMinute> ParseTypedMinute(std::string_view text, std::string_view field);
std::string FormatDmy(LocalDate d);      // "DD/MM/YYYY", as Vietnamese screens and papers write a date
std::string FormatDmyHm(LocalMinute t);  // "DD/MM/YYYY HH:MM"

std::string FormatLocalMinute(LocalMinute t);  // "YYYY-MM-DD HH:MM"
std::string FormatLocalDate(LocalDate d);      // "YYYY-MM-DD"
std::string FormatInstantUtc(Instant at);      // "YYYY-MM-DDTHH:MM:SSZ"
// "YYYY-MM-DDTHH:MM:SSZ" or with an explicit "+07:00"-style offset. Errors: kInvalid/"bad_instant" on
// `field`, also for an instant that the offset moves out of the UTC years 0000-9999 (FormatInstantUtc
// could not write it back).
Result<Instant> ParseInstantUtc(std::string_view text, std::string_view field);

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Instant Now() const override;
};

// For tests: a clock that stands still until told to move.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(Instant at) : at_(at) {}
  Instant Now() const override { return at_; }
  void Set(Instant at) { at_ = at; }
  void Advance(std::chrono::seconds d) { at_ += d; }

 private:
  Instant at_;
};

}  // namespace motcua
