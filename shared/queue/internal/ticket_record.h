// How tickets, lines and counters are stored (queue.h says why the status holds the line).
#pragma once

#include <string>
#include <string_view>

#include "common/time.h"
#include "queue/areas.h"
#include "queue/queue.h"
#include "store/store.h"

namespace motcua::queue::internal {

// "waiting/<YYYY-MM-DD>/<area>/p" (priority) or ".../n": one status per line and day, so the line is an
// exact-status walk of the records_by_status index, never a scan past other days' leftovers.
std::string WaitingStatus(LocalDate day, std::string_view area, bool priority);
std::string TicketKey(LocalDate day, std::string_view origin_area, int number);
std::string LineKey(LocalDate day, std::string_view area);
std::string Label(std::string_view origin_area, int number, int digits);

// Journals one queue event of `actor` (its user and station) at `now`.
Status AppendQueueEvent(store::WriteTx& tx, const roles::Actor& actor, const char* type, Instant now,
                        std::string payload_json);

// The record for `t` (status and updated_at from its state).
store::Record TicketRecord(const Ticket& t);

// The recent finished services of `area` (called to finished), newest first, at most `max`, and the
// counters that called it since `active_since`. Reads through a Store or a WriteTx.
struct ServiceHistory {
  std::vector<std::int64_t> service_seconds;
  int active_counters = 0;
};

template <class Reader>
Result<ServiceHistory> ReadServiceHistory(Reader& reader, std::string_view area, int max, Instant active_since);

template <class Reader>
Result<WaitEstimate> EstimateWith(Reader& reader, const Area& area, bool priority, LocalDate day, Instant now,
                                  const QueueSettings& settings);

}  // namespace motcua::queue::internal
