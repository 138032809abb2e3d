#include "queue/figures.h"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "queue/internal/ticket_record.h"

namespace motcua::queue {
namespace {

using nlohmann::json;

std::optional<std::chrono::seconds> Median(std::vector<std::int64_t> v) {
  if (v.empty()) return std::nullopt;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return std::chrono::seconds(n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
}

}  // namespace

Result<std::vector<AreaFigures>> DayFigures(store::Store& store, LocalDate day) {
  MOTCUA_ASSIGN_OR_RETURN(std::vector<Area> areas, ListAreas(store));
  MOTCUA_ASSIGN_OR_RETURN(std::vector<Ticket> tickets, ListTickets(store, day));
  std::map<std::string, AreaFigures> by_area;
  std::map<std::string, std::vector<std::int64_t>> waits, services;
  for (const Area& a : areas) by_area[a.letter].area = a.letter;
  for (const Ticket& t : tickets) {
    by_area[t.origin_area].area = t.origin_area;
    by_area[t.origin_area].taken += 1;
    AreaFigures& f = by_area[t.area];
    f.area = t.area;
    f.no_shows += t.no_shows;
    switch (t.state) {
      case TicketState::kWaiting: (t.priority.empty() ? f.waiting_normal : f.waiting_priority) += 1; break;
      case TicketState::kCalled: f.called += 1; break;
      case TicketState::kDone: f.done += 1; break;
      case TicketState::kDropped: f.dropped += 1; break;
    }
    if (t.called_at) waits[t.area].push_back(t.waited_seconds);
    if (t.state == TicketState::kDone && t.called_at && t.finished_at)
      services[t.area].push_back(std::max<std::int64_t>(0, (*t.finished_at - *t.called_at).count()));
  }
  std::vector<AreaFigures> out;
  for (auto& [letter, f] : by_area) {
    f.median_wait = Median(waits[letter]);
    f.median_service = Median(services[letter]);
    out.push_back(f);
  }
  return out;
}

Result<WaitingCount> CountWaiting(store::Store& store, LocalDate day, std::string_view area) {
  store::RecordQuery q;
  q.kind = kTicketKind;
  q.status = internal::WaitingStatus(day, area, true);
  WaitingCount c;
  MOTCUA_ASSIGN_OR_RETURN(c.priority, store.CountRecords(q));
  q.status = internal::WaitingStatus(day, area, false);
  MOTCUA_ASSIGN_OR_RETURN(c.normal, store.CountRecords(q));
  return c;
}

Result<WaitEstimate> EstimateWait(store::Store& store, std::string_view area, bool priority, Instant now) {
  MOTCUA_ASSIGN_OR_RETURN(auto a, GetArea(store, area));
  if (!a) return NotFound("area", "no_such_area", "no queue area \"" + std::string(area) + "\"");
  MOTCUA_ASSIGN_OR_RETURN(QueueSettings settings, LoadQueueSettings(store));
  return internal::EstimateWith(store, *a, priority, LocalDateVn(now), now, settings);
}

Result<CallFeed> CallsSince(store::Store& store, std::int64_t after_seq, int limit) {
  store::JournalQuery q;
  q.after_seq = after_seq;
  q.limit = limit;
  MOTCUA_ASSIGN_OR_RETURN(auto events, store.ReadJournal(q));
  CallFeed feed;
  feed.last_seq = after_seq;
  for (const store::JournalEvent& e : events) {
    feed.last_seq = std::max(feed.last_seq, e.seq);
    const bool recall = e.type == "queue.recalled";
    if (e.type != "queue.called" && !recall) continue;
    const json p = json::parse(e.payload_json, nullptr, false);
    if (!p.is_object()) continue;
    feed.calls.push_back({e.seq, p.value("ticket", ""), p.value("counter", ""), p.value("area", ""), e.at, recall});
  }
  return feed;
}

Result<std::vector<CounterCall>> CountersNow(store::Store& store) {
  store::RecordQuery q;
  q.kind = kCounterKind;
  q.status = "serving";
  MOTCUA_ASSIGN_OR_RETURN(auto rows, store.ListRecords(q));
  std::vector<CounterCall> out;
  for (const store::Record& r : rows) {
    const json j = json::parse(r.body_json, nullptr, false);
    if (!j.is_object()) continue;
    auto at = ParseInstantUtc(j.value("called_at", ""), "called_at");
    out.push_back({r.key, j.value("label", ""), j.value("area", ""), at ? *at : r.updated_at});
  }
  std::sort(out.begin(), out.end(), [](const CounterCall& a, const CounterCall& b) {
    // "2" before "10": counters are mostly numbers
    return std::pair(a.counter.size(), a.counter) < std::pair(b.counter.size(), b.counter);
  });
  return out;
}

}  // namespace motcua::queue
