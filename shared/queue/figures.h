// What the queue shows: waiting counts, wait estimates, a day's figures, and the calls a display board
// announces.
//
// The wait estimate (WaitEstimate in queue.h), said plainly so a supervisor can check it by hand:
//   ahead    = the area's waiting priority tickets (for a priority ticket), plus its waiting normal
//              tickets (for a normal one);
//   service  = the median of the area's last QueueSettings::estimate_samples services (called to
//              finished, any day, newest first); with fewer than 3 of them, the default service time;
//   counters = the counters that called this area in the last 60 minutes, else the counters the area
//              names, else 1;
//   wait     = ceil(ahead ÷ counters) × service, in whole minutes rounded up.
// The median rather than the mean: one 50-minute land dossier must not double everyone's estimate.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "queue/queue.h"
#include "store/store.h"

namespace motcua::queue {

struct AreaFigures {
  std::string area;
  std::int64_t taken = 0;             // tickets issued by this area today
  std::int64_t waiting_priority = 0;  // in its line now
  std::int64_t waiting_normal = 0;
  std::int64_t called = 0;            // at a counter now
  std::int64_t done = 0;
  std::int64_t dropped = 0;
  std::int64_t no_shows = 0;          // no-shows recorded (a ticket may have two)
  std::optional<std::chrono::seconds> median_wait;     // over today's called tickets
  std::optional<std::chrono::seconds> median_service;  // over today's finished tickets
  std::int64_t Waiting() const { return waiting_priority + waiting_normal; }
};

// One row per configured area (by letter), then any other area seen in the day's tickets.
Result<std::vector<AreaFigures>> DayFigures(store::Store& store, LocalDate day);

// The line's waiting counts now (cheap: two indexed counts), for the kiosk's area tiles and the call panel.
struct WaitingCount {
  std::int64_t priority = 0;
  std::int64_t normal = 0;
  std::int64_t Total() const { return priority + normal; }
};
Result<WaitingCount> CountWaiting(store::Store& store, LocalDate day, std::string_view area);

// The estimate for a ticket joining `area` now (see above).
Result<WaitEstimate> EstimateWait(store::Store& store, std::string_view area, bool priority, Instant now);

// A call the board announces: the journal's "queue.called" and "queue.recalled" events.
struct CallNotice {
  std::int64_t seq = 0;    // the journal event's seq
  std::string label;       // "A1023"
  std::string counter;     // "5"
  std::string area;
  Instant at{};
  bool recall = false;
};
// Calls in journal events after `after_seq`, oldest first, at most `limit` events read. Also returns the
// last seq read, so a board polls with it and sees every call exactly once.
struct CallFeed {
  std::vector<CallNotice> calls;
  std::int64_t last_seq = 0;
};
Result<CallFeed> CallsSince(store::Store& store, std::int64_t after_seq, int limit = 5000);

// Each counter's current call (the "queue.counter" records of counters serving a ticket), by counter.
struct CounterCall {
  std::string counter;
  std::string label;
  std::string area;
  Instant called_at{};
};
Result<std::vector<CounterCall>> CountersNow(store::Store& store);

}  // namespace motcua::queue
