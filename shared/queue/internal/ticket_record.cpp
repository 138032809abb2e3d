#include "queue/internal/ticket_record.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include <nlohmann/json.hpp>

namespace motcua::queue::internal {
namespace {

using nlohmann::json;

std::string OptInstant(const std::optional<Instant>& at) { return at ? FormatInstantUtc(*at) : std::string(); }

constexpr std::chrono::minutes kActiveWindow{60};

}  // namespace

std::string WaitingStatus(LocalDate day, std::string_view area, bool priority) {
  return "waiting/" + FormatLocalDate(day) + "/" + std::string(area) + (priority ? "/p" : "/n");
}

std::string TicketKey(LocalDate day, std::string_view origin_area, int number) {
  char digits[16];
  std::snprintf(digits, sizeof digits, "%06d", number);
  return FormatLocalDate(day) + "/" + std::string(origin_area) + "/" + digits;
}

std::string LineKey(LocalDate day, std::string_view area) { return FormatLocalDate(day) + "/" + std::string(area); }

std::string Label(std::string_view origin_area, int number, int digits) {
  char text[16];
  std::snprintf(text, sizeof text, "%0*d", std::clamp(digits, 1, 6), number);
  return std::string(origin_area) + text;
}

Status AppendQueueEvent(store::WriteTx& tx, const roles::Actor& actor, const char* type, Instant now,
                        std::string payload_json) {
  store::NewEvent e;
  e.type = type;
  e.actor = actor.user;
  e.station = actor.station;
  e.at = now;
  e.payload_json = std::move(payload_json);
  MOTCUA_TRY(tx.AppendEvent(e));
  return Ok();
}

store::Record TicketRecord(const Ticket& t) {
  const json body = {{"day", FormatLocalDate(t.day)},
                     {"area", t.area},
                     {"number", t.number},
                     {"origin_area", t.origin_area},
                     {"label", t.label},
                     {"priority", t.priority},
                     {"state", TicketStateKey(t.state)},
                     {"taken_at", FormatInstantUtc(t.taken_at)},
                     {"queued_at", FormatInstantUtc(t.queued_at)},
                     {"called_at", OptInstant(t.called_at)},
                     {"finished_at", OptInstant(t.finished_at)},
                     {"counter", t.counter},
                     {"officer", t.officer},
                     {"station", t.station},
                     {"no_shows", t.no_shows},
                     {"recalls", t.recalls},
                     {"waited_seconds", t.waited_seconds},
                     {"dossier_codes", t.dossier_codes}};
  store::Record r;
  r.kind = kTicketKind;
  r.key = t.Key();
  r.body_json = body.dump();
  r.version = t.version;
  switch (t.state) {
    case TicketState::kWaiting:
      r.status = WaitingStatus(t.day, t.area, !t.priority.empty());
      r.updated_at = t.queued_at;
      break;
    case TicketState::kCalled:
      r.status = "called";
      r.updated_at = t.called_at.value_or(t.queued_at);
      break;
    case TicketState::kDone:
    case TicketState::kDropped:
      r.status = TicketStateKey(t.state);
      r.updated_at = t.finished_at.value_or(t.queued_at);
      break;
  }
  return r;
}

template <class Reader>
Result<ServiceHistory> ReadServiceHistory(Reader& reader, std::string_view area, int max, Instant active_since) {
  ServiceHistory h;
  std::set<std::string> counters;
  store::RecordQuery q;
  q.kind = kTicketKind;
  q.status = "called";
  q.limit = 200;
  MOTCUA_ASSIGN_OR_RETURN(auto called, reader.ListRecords(q));
  q.status = "done";
  q.limit = std::max(200, max * 4);  // done tickets of other areas are skipped
  MOTCUA_ASSIGN_OR_RETURN(auto done, reader.ListRecords(q));
  for (const auto* list : {&called, &done}) {
    for (const store::Record& r : *list) {
      MOTCUA_ASSIGN_OR_RETURN(Ticket t, TicketFromRecord(r));
      if (t.area != area || !t.called_at) continue;
      if (*t.called_at >= active_since && !t.counter.empty()) counters.insert(t.counter);
      if (t.state == TicketState::kDone && t.finished_at && int(h.service_seconds.size()) < max)
        h.service_seconds.push_back(std::max<std::int64_t>(0, (*t.finished_at - *t.called_at).count()));
    }
  }
  h.active_counters = int(counters.size());
  return h;
}

template <class Reader>
Result<WaitEstimate> EstimateWith(Reader& reader, const Area& area, bool priority, LocalDate day, Instant now,
                                  const QueueSettings& settings) {
  WaitEstimate e;
  store::RecordQuery q;
  q.kind = kTicketKind;
  q.status = WaitingStatus(day, area.letter, true);
  MOTCUA_ASSIGN_OR_RETURN(std::int64_t waiting_priority, reader.CountRecords(q));
  q.status = WaitingStatus(day, area.letter, false);
  MOTCUA_ASSIGN_OR_RETURN(std::int64_t waiting_normal, reader.CountRecords(q));
  e.ahead = int(priority ? waiting_priority : waiting_priority + waiting_normal);

  MOTCUA_ASSIGN_OR_RETURN(ServiceHistory h,
                          ReadServiceHistory(reader, area.letter, settings.estimate_samples, now - kActiveWindow));
  e.counters = h.active_counters > 0 ? h.active_counters : std::max<int>(1, int(area.counters.size()));
  e.samples = int(h.service_seconds.size());
  if (e.samples >= 3) {
    std::vector<std::int64_t> s = h.service_seconds;
    std::sort(s.begin(), s.end());
    const std::size_t n = s.size();
    e.median_service = std::chrono::seconds(n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2);
  } else {
    e.samples = 0;
    e.median_service = std::chrono::minutes(settings.default_service_minutes);
  }
  const std::int64_t rounds = (e.ahead + e.counters - 1) / e.counters;
  const std::int64_t seconds = rounds * e.median_service.count();
  e.wait = std::chrono::minutes((seconds + 59) / 60);
  return e;
}

template Result<ServiceHistory> ReadServiceHistory(store::Store&, std::string_view, int, Instant);
template Result<ServiceHistory> ReadServiceHistory(store::WriteTx&, std::string_view, int, Instant);
template Result<WaitEstimate> EstimateWith(store::Store&, const Area&, bool, LocalDate, Instant, const QueueSettings&);
template Result<WaitEstimate> EstimateWith(store::WriteTx&, const Area&, bool, LocalDate, Instant,
                                           const QueueSettings&);

}  // namespace motcua::queue::internal
