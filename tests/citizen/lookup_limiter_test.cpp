// The pause on typed look-ups: the worked times of lookup_limiter.h, both sides of each boundary (the
// fifth failure, the 10-minute window, the end of the 1-minute pause), and limits from settings.
#include "citizen/lookup_limiter.h"

#include <gtest/gtest.h>

#include "support/fixtures.h"

namespace motcua::citizen {
namespace {

using motcua::testing::At;
using std::chrono::seconds;

TEST(TypedLookupLimiter, PausesForAMinuteAfterFiveFailuresInTenMinutes) {
  TypedLookupLimiter limiter;
  const Instant t0 = At("2026-11-23 09:00");
  for (Instant t : {t0, At("2026-11-23 09:01"), At("2026-11-23 09:02"), At("2026-11-23 09:03")}) {
    EXPECT_TRUE(limiter.Allowed(t));
    limiter.RecordFailure(t);
  }
  EXPECT_EQ(limiter.FailuresInWindow(At("2026-11-23 09:04")), 4);
  EXPECT_TRUE(limiter.Allowed(At("2026-11-23 09:04")));  // four failures: no pause yet
  const Instant fifth = At("2026-11-23 09:04") + seconds(30);
  limiter.RecordFailure(fifth);
  EXPECT_FALSE(limiter.Allowed(fifth));
  ASSERT_TRUE(limiter.PausedUntil(fifth));
  EXPECT_EQ(*limiter.PausedUntil(fifth), At("2026-11-23 09:05") + seconds(30));
  EXPECT_FALSE(limiter.Allowed(At("2026-11-23 09:05") + seconds(29)));  // 09:05:29: still paused
  EXPECT_TRUE(limiter.Allowed(At("2026-11-23 09:05") + seconds(30)));   // 09:05:30: over
  EXPECT_FALSE(limiter.PausedUntil(At("2026-11-23 09:05") + seconds(30)));
  // The failures that caused the pause are forgotten: the next citizen has five tries again.
  EXPECT_EQ(limiter.FailuresInWindow(At("2026-11-23 09:06")), 0);
  for (int i = 0; i < 4; ++i) limiter.RecordFailure(At("2026-11-23 09:06") + seconds(i));
  EXPECT_TRUE(limiter.Allowed(At("2026-11-23 09:07")));
  limiter.RecordFailure(At("2026-11-23 09:07"));
  EXPECT_FALSE(limiter.Allowed(At("2026-11-23 09:07")));
}

TEST(TypedLookupLimiter, ForgetsFailuresOlderThanTheWindow) {
  // 09:00, 09:02, 09:04, 09:06 and 09:11: at 09:11 the 09:00 failure is 11 minutes old, so only four count.
  TypedLookupLimiter limiter;
  for (const char* t : {"2026-11-23 09:00", "2026-11-23 09:02", "2026-11-23 09:04", "2026-11-23 09:06",
                        "2026-11-23 09:11"})
    limiter.RecordFailure(At(t));
  EXPECT_TRUE(limiter.Allowed(At("2026-11-23 09:11")));
  EXPECT_EQ(limiter.FailuresInWindow(At("2026-11-23 09:11")), 4);
}

TEST(TypedLookupLimiter, AFailureExactlyTenMinutesOldNoLongerCounts) {
  // 09:01 .. 09:04 and then 09:11: the 09:01 failure is exactly 10 minutes old at 09:11.
  TypedLookupLimiter edge;
  for (const char* t : {"2026-11-23 09:01", "2026-11-23 09:02", "2026-11-23 09:03", "2026-11-23 09:04"})
    edge.RecordFailure(At(t));
  edge.RecordFailure(At("2026-11-23 09:11"));
  EXPECT_TRUE(edge.Allowed(At("2026-11-23 09:11")));
  // One second earlier it still counts: five within the window.
  TypedLookupLimiter inside;
  for (const char* t : {"2026-11-23 09:01", "2026-11-23 09:02", "2026-11-23 09:03", "2026-11-23 09:04"})
    inside.RecordFailure(At(t));
  inside.RecordFailure(At("2026-11-23 09:11") - seconds(1));
  EXPECT_FALSE(inside.Allowed(At("2026-11-23 09:11") - seconds(1)));
}

TEST(TypedLookupLimiter, IgnoresFailuresWhilePausedAndClockSteps) {
  TypedLookupLimiter limiter;
  for (int i = 0; i < 5; ++i) limiter.RecordFailure(At("2026-11-23 09:00") + seconds(i));
  ASSERT_FALSE(limiter.Allowed(At("2026-11-23 09:00") + seconds(10)));
  limiter.RecordFailure(At("2026-11-23 09:00") + seconds(20));  // no look-up should happen: ignored
  EXPECT_EQ(*limiter.PausedUntil(At("2026-11-23 09:00") + seconds(20)), At("2026-11-23 09:01") + seconds(4));
  // A clock that steps back counts the failure at the newest time seen, never before it.
  TypedLookupLimiter stepped;
  stepped.RecordFailure(At("2026-11-23 10:00"));
  stepped.RecordFailure(At("2026-11-23 09:00"));
  EXPECT_EQ(stepped.FailuresInWindow(At("2026-11-23 10:00")), 2);
}

TEST(TypedLookupLimiter, TakesItsLimitsFromSettings) {
  TypedLookupLimiter strict({.max_failures = 3, .window = std::chrono::minutes(5), .pause = std::chrono::minutes(2)});
  for (int i = 0; i < 3; ++i) strict.RecordFailure(At("2026-11-23 09:00") + seconds(i));
  EXPECT_EQ(*strict.PausedUntil(At("2026-11-23 09:00") + seconds(2)), At("2026-11-23 09:02") + seconds(2));
  EXPECT_EQ(strict.limits().max_failures, 3);
}

}  // namespace
}  // namespace motcua::citizen
