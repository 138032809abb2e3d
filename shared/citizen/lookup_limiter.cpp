#include "citizen/lookup_limiter.h"

#include <algorithm>

namespace motcua::citizen {

TypedLookupLimiter::TypedLookupLimiter(LookupLimits limits) : limits_(limits) {}

bool TypedLookupLimiter::Allowed(Instant now) const { return !PausedUntil(now); }

std::optional<Instant> TypedLookupLimiter::PausedUntil(Instant now) const {
  if (paused_until_ && now < *paused_until_) return paused_until_;
  return std::nullopt;
}

int TypedLookupLimiter::FailuresInWindow(Instant now) const {
  return static_cast<int>(
      std::count_if(failures_.begin(), failures_.end(), [&](Instant t) { return now - t < limits_.window; }));
}

void TypedLookupLimiter::RecordFailure(Instant now) {
  if (!Allowed(now)) return;
  if (!failures_.empty() && now < failures_.back()) now = failures_.back();
  while (!failures_.empty() && now - failures_.front() >= limits_.window) failures_.pop_front();
  failures_.push_back(now);
  if (static_cast<int>(failures_.size()) >= limits_.max_failures) {
    paused_until_ = now + limits_.pause;
    failures_.clear();
  }
}

}  // namespace motcua::citizen
