#include "queue/queue.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "common/number_parse.h"
#include "common/text.h"
#include "queue/internal/ticket_record.h"

namespace motcua::queue {
namespace {

using nlohmann::json;
using internal::LineKey;
using internal::TicketKey;
using internal::TicketRecord;
using internal::WaitingStatus;

constexpr int kMaxNumber = 999'999;
constexpr const char* kQrPrefix = "MCQ:";

Error BadRecord(std::string_view key, std::string_view why) {
  return Corrupt("queue.ticket", "bad_record", "queue ticket \"" + std::string(key) + "\": " + std::string(why));
}

Result<std::optional<Instant>> OptionalInstant(const json& j, const char* name, std::string_view key) {
  const std::string text = j.value(name, "");
  if (text.empty()) return std::optional<Instant>();
  auto at = ParseInstantUtc(text, name);
  if (!at) return BadRecord(key, std::string(name) + " is not an instant");
  return std::optional<Instant>(*at);
}

Status CheckCounter(std::string_view counter) {
  if (counter.empty()) return Invalid("counter", "required", "name the counter (e.g. --counter 5)");
  if (counter.size() > kMaxCounterBytes || !IsValidUtf8(counter))
    return Invalid("counter", "bad_counter", "a counter is named by 1 to 40 characters");
  return Ok();
}

// The day's tickets and their lines are keyed by the Vietnam civil day of `now`.
LocalDate Today(Instant now) { return LocalDateVn(now); }

// ---- the counter's current call (a "queue.counter" record) ------------------------------------

struct CounterState {
  std::string ticket_key;  // "" = idle
  std::int64_t version = 0;
};

Result<CounterState> LoadCounter(store::WriteTx& tx, std::string_view counter) {
  MOTCUA_ASSIGN_OR_RETURN(auto r, tx.GetRecord(kCounterKind, counter));
  CounterState s;
  if (!r) return s;
  s.version = r->version;
  const json j = json::parse(r->body_json, nullptr, false);
  if (j.is_object()) s.ticket_key = j.value("ticket_key", "");
  return s;
}

Status PutCounter(store::WriteTx& tx, std::string_view counter, const CounterState& before, const Ticket* serving,
                  const roles::Actor& actor, Instant now) {
  json body = {{"counter", counter}, {"officer", actor.user}, {"station", actor.station}};
  if (serving) {
    body["ticket_key"] = serving->Key();
    body["label"] = serving->label;
    body["area"] = serving->area;
    body["called_at"] = FormatInstantUtc(serving->called_at.value_or(now));
  } else {
    body["ticket_key"] = "";
  }
  return tx.PutRecord({kCounterKind, std::string(counter), serving ? "serving" : "idle", now, body.dump(),
                       before.version});
}

Result<Ticket> LoadTicket(store::WriteTx& tx, std::string_view key) {
  MOTCUA_ASSIGN_OR_RETURN(auto r, tx.GetRecord(kTicketKind, key));
  if (!r) return NotFound("ticket", "no_such_ticket", "no ticket " + std::string(key));
  return TicketFromRecord(*r);
}

// The ticket `counter` is serving, with its counter state. Errors: ("counter", "nothing_called").
struct Serving {
  Ticket ticket;
  CounterState counter;
};
Result<Serving> LoadServing(store::WriteTx& tx, std::string_view counter) {
  MOTCUA_TRY(CheckCounter(counter));
  MOTCUA_ASSIGN_OR_RETURN(CounterState c, LoadCounter(tx, counter));
  if (c.ticket_key.empty())
    return Conflict("counter", "nothing_called", "counter " + std::string(counter) + " has no ticket called");
  MOTCUA_ASSIGN_OR_RETURN(Ticket t, LoadTicket(tx, c.ticket_key));
  if (t.state != TicketState::kCalled)
    return Conflict("counter", "nothing_called", "counter " + std::string(counter) + " has no ticket called");
  return Serving{std::move(t), c};
}

json EventBase(const Ticket& t) {
  return {{"ticket", t.label}, {"key", t.Key()}, {"area", t.area}, {"priority", t.priority}};
}

Status Append(store::WriteTx& tx, const roles::Actor& actor, const char* type, Instant now, const json& payload) {
  return internal::AppendQueueEvent(tx, actor, type, now, payload.dump());
}

Status PutTicket(store::WriteTx& tx, const Ticket& t) { return tx.PutRecord(TicketRecord(t)); }

// Writes the counter's ticket as changed (no-show, transfer), frees the counter, and journals `type`.
Status Release(store::WriteTx& tx, const roles::Actor& actor, std::string_view counter, Serving& s,
               const char* type, const json& extra, Instant now) {
  MOTCUA_TRY(PutTicket(tx, s.ticket));
  s.ticket.version += 1;
  MOTCUA_TRY(PutCounter(tx, counter, s.counter, nullptr, actor, now));
  json p = EventBase(s.ticket);
  p["counter"] = std::string(counter);
  p.update(extra);
  return Append(tx, actor, type, now, p);
}

// Finishes a served ticket (no dossiers) when its counter calls the next one.
Status FinishInTx(store::WriteTx& tx, const roles::Actor& actor, Ticket t,
                  const std::vector<std::string>& dossier_codes, Instant now) {
  t.state = TicketState::kDone;
  t.finished_at = now;
  for (const std::string& code : dossier_codes)
    if (std::find(t.dossier_codes.begin(), t.dossier_codes.end(), code) == t.dossier_codes.end())
      t.dossier_codes.push_back(code);
  MOTCUA_TRY(PutTicket(tx, t));
  json p = EventBase(t);
  p["counter"] = t.counter;
  p["served_seconds"] = std::max<std::int64_t>(0, (now - t.called_at.value_or(now)).count());
  p["dossier_codes"] = t.dossier_codes;
  return Append(tx, actor, "queue.finished", now, p);
}

Status CheckDossiers(store::WriteTx& tx, const std::vector<std::string>& codes) {
  if (codes.size() > std::size_t(kMaxDossiersPerTicket))
    return Invalid("dossier_codes", "too_many", "at most 20 dossiers per ticket");
  for (const std::string& code : codes) {
    MOTCUA_ASSIGN_OR_RETURN(auto d, tx.LoadDossier(code));
    if (!d) return NotFound("dossier_codes", "no_such_dossier", "no dossier " + code);
  }
  return Ok();
}

// Marks `t` called to `counter`, finishing what the counter served before with `finish_dossiers`.
Result<Ticket> CallInTx(store::WriteTx& tx, const roles::Actor& actor, std::string_view counter, Ticket t,
                        Instant now, const std::vector<std::string>& finish_dossiers) {
  MOTCUA_TRY(CheckDossiers(tx, finish_dossiers));
  MOTCUA_ASSIGN_OR_RETURN(CounterState c, LoadCounter(tx, counter));
  if (!c.ticket_key.empty()) {
    MOTCUA_ASSIGN_OR_RETURN(Ticket previous, LoadTicket(tx, c.ticket_key));
    if (previous.state == TicketState::kCalled) MOTCUA_TRY(FinishInTx(tx, actor, previous, finish_dossiers, now));
  }
  const std::int64_t waited = std::max<std::int64_t>(0, (now - t.queued_at).count());
  t.state = TicketState::kCalled;
  t.called_at = now;
  t.counter = std::string(counter);
  t.officer = actor.user;
  t.waited_seconds += waited;
  MOTCUA_TRY(PutTicket(tx, t));
  t.version += 1;
  MOTCUA_TRY(PutCounter(tx, counter, c, &t, actor, now));
  json p = EventBase(t);
  p["counter"] = t.counter;
  p["waited_seconds"] = waited;
  MOTCUA_TRY(Append(tx, actor, "queue.called", now, p));
  return t;
}

// The head of one waiting line, if any.
Result<std::optional<store::Record>> Head(store::WriteTx& tx, LocalDate day, std::string_view area, bool priority) {
  store::RecordQuery q;
  q.kind = kTicketKind;
  q.status = WaitingStatus(day, area, priority);
  q.oldest_first = true;
  q.limit = 1;
  q.claim = true;  // a ticket another counter is calling right now is passed over, not raced for
  MOTCUA_ASSIGN_OR_RETURN(auto rows, tx.ListRecords(q));
  if (rows.empty()) return std::optional<store::Record>();
  return std::optional<store::Record>(std::move(rows.front()));
}

struct LineState {
  int priority_streak = 0;
  std::int64_t version = 0;
};

Result<LineState> LoadLine(store::WriteTx& tx, LocalDate day, std::string_view area) {
  MOTCUA_ASSIGN_OR_RETURN(auto r, tx.GetRecord(kLineKind, LineKey(day, area)));
  LineState s;
  if (!r) return s;
  s.version = r->version;
  const json j = json::parse(r->body_json, nullptr, false);
  if (j.is_object()) s.priority_streak = j.value("priority_streak", 0);
  return s;
}

// One area's choice: the ticket its rule calls next, and the streak that follows from calling it.
struct Candidate {
  store::Record record;
  bool priority = false;
  std::string area;
  LineState line;
  int next_streak = 0;
};

Result<std::optional<Candidate>> NextOfArea(store::WriteTx& tx, LocalDate day, const std::string& area,
                                            const QueueSettings& settings) {
  MOTCUA_ASSIGN_OR_RETURN(auto p, Head(tx, day, area, true));
  MOTCUA_ASSIGN_OR_RETURN(auto n, Head(tx, day, area, false));
  if (!p && !n) return std::optional<Candidate>();
  MOTCUA_ASSIGN_OR_RETURN(LineState line, LoadLine(tx, day, area));
  bool take_priority;
  if (!p || !n) {
    take_priority = bool(p);
  } else if (settings.priority_streak_max == 0) {  // no priority: one line by joining time
    take_priority = std::pair(p->updated_at, p->key) < std::pair(n->updated_at, n->key);
  } else {
    take_priority = line.priority_streak < settings.priority_streak_max;
  }
  Candidate c{take_priority ? *p : *n, take_priority, area, line, 0};
  // The streak counts priority calls that passed a waiting normal ticket.
  c.next_streak = take_priority && n ? line.priority_streak + 1 : 0;
  return std::optional<Candidate>(std::move(c));
}

}  // namespace

const char* TicketStateKey(TicketState s) {
  switch (s) {
    case TicketState::kWaiting: return "waiting";
    case TicketState::kCalled: return "called";
    case TicketState::kDone: return "done";
    case TicketState::kDropped: return "dropped";
  }
  return "waiting";
}

std::string Ticket::Key() const { return TicketKey(day, origin_area, number); }

Result<TicketLabel> ParseTicketLabel(std::string_view label) {
  const std::string_view t = Trim(label);
  std::size_t letters = 0;
  std::string area;
  while (letters < t.size() && ((t[letters] >= 'A' && t[letters] <= 'Z') || (t[letters] >= 'a' && t[letters] <= 'z'))) {
    area += char(t[letters] & ~0x20);
    ++letters;
  }
  const std::optional<int> number = ParseDigits<int>(t.substr(letters), {.max_digits = 6});
  if (letters < 1 || letters > 2 || !number)
    return Invalid("ticket", "bad_ticket",
                   "a ticket is 1-2 letters and up to 6 digits, e.g. A1023; got \"" + std::string(t) + "\"");
  return TicketLabel{area, *number};
}

std::string TicketQrPayload(const Ticket& t) { return std::string(kQrPrefix) + FormatLocalDate(t.day) + ":" + t.label; }

bool LooksLikeTicketQr(std::string_view payload) {
  if (payload.size() < 4) return false;
  for (int i = 0; i < 4; ++i)
    if ((payload[i] & ~0x20) != (kQrPrefix[i] & ~0x20) && payload[i] != kQrPrefix[i]) return false;
  return true;
}

Result<TicketRef> ParseTicketQr(std::string_view payload) {
  const std::string_view t = Trim(payload);
  const auto bad = [&] {
    return Invalid("ticket", "bad_ticket_qr", "not a queue ticket's code: \"" + std::string(t.substr(0, 40)) + "\"");
  };
  if (!LooksLikeTicketQr(t) || t.size() < 4 + 10 + 1 + 2 || t[14] != ':') return bad();  // "MCQ:" any case
  auto day = ParseLocalDate(t.substr(4, 10), "ticket");
  if (!day) return bad();
  auto label = ParseTicketLabel(t.substr(15));
  if (!label) return bad();
  return TicketRef{*day, *label};
}

Result<Ticket> TicketFromRecord(const store::Record& r) {
  const json j = json::parse(r.body_json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return BadRecord(r.key, "not a JSON object");
  Ticket t;
  try {
    auto day = ParseLocalDate(j.at("day").get<std::string>(), "day");
    if (!day) return BadRecord(r.key, "day is not a date");
    t.day = *day;
    t.area = j.at("area").get<std::string>();
    t.number = j.at("number").get<int>();
    t.origin_area = j.at("origin_area").get<std::string>();
    t.label = j.at("label").get<std::string>();
    t.priority = j.value("priority", "");
    const std::string state = j.at("state").get<std::string>();
    if (state == "waiting") t.state = TicketState::kWaiting;
    else if (state == "called") t.state = TicketState::kCalled;
    else if (state == "done") t.state = TicketState::kDone;
    else if (state == "dropped") t.state = TicketState::kDropped;
    else return BadRecord(r.key, "unknown state \"" + state + "\"");
    auto taken = ParseInstantUtc(j.at("taken_at").get<std::string>(), "taken_at");
    auto queued = ParseInstantUtc(j.at("queued_at").get<std::string>(), "queued_at");
    if (!taken || !queued) return BadRecord(r.key, "taken_at or queued_at is not an instant");
    t.taken_at = *taken;
    t.queued_at = *queued;
    MOTCUA_ASSIGN_OR_RETURN(t.called_at, OptionalInstant(j, "called_at", r.key));
    MOTCUA_ASSIGN_OR_RETURN(t.finished_at, OptionalInstant(j, "finished_at", r.key));
    t.counter = j.value("counter", "");
    t.officer = j.value("officer", "");
    t.station = j.value("station", "");
    t.no_shows = j.value("no_shows", 0);
    t.recalls = j.value("recalls", 0);
    t.waited_seconds = j.value("waited_seconds", std::int64_t{0});
    t.dossier_codes = j.value("dossier_codes", std::vector<std::string>{});
  } catch (const json::exception& e) {
    return BadRecord(r.key, e.what());
  }
  t.version = r.version;
  return t;
}

Result<IssuedTicket> TakeTicket(store::Store& store, const roles::Actor& actor, const TakeRequest& request,
                                const std::vector<PriorityGroup>& groups, Instant now, const IssueHook& on_issue) {
  MOTCUA_TRY(roles::Require(actor, roles::Permission::kTakeTicket));
  if (request.area.empty()) return Invalid("area", "required", "choose an area (e.g. --area A)");
  if (!request.priority.empty() &&
      std::none_of(groups.begin(), groups.end(), [&](const PriorityGroup& g) { return g.key == request.priority; }))
    return Invalid("priority", "unknown_group", "no priority group \"" + request.priority + "\"");
  MOTCUA_ASSIGN_OR_RETURN(QueueSettings settings, LoadQueueSettings(store));
  const LocalDate day = Today(now);
  IssuedTicket issued;
  MOTCUA_TRY(store.Write([&](store::WriteTx& tx) -> Status {
    // The area is read, not claimed (the rows of a list are not locked: store.h "Isolation"). Every kiosk
    // reads it, and claiming it (GetRecord) queued each ticket behind the one before it from the
    // transaction's first statement, through the estimate too (bench_pg_load's hot row: "queue.area A").
    // What keeps numbers apart is NextOrdinal below, which each ticket holds only from there to its commit.
    // A ticket taken while an administrator closes or renumbers the area is the one taken just before.
    MOTCUA_ASSIGN_OR_RETURN(auto rows, tx.ListRecords({.kind = kAreaKind, .key_prefix = request.area}));
    const auto rec = std::find_if(rows.begin(), rows.end(), [&](const store::Record& r) { return r.key == request.area; });
    if (rec == rows.end()) return NotFound("area", "no_such_area", "no queue area \"" + request.area + "\"");
    MOTCUA_ASSIGN_OR_RETURN(const Area area, AreaFromRecord(*rec));
    if (!area.active) return Conflict("area", "area_closed", "area " + area.letter + " takes no tickets now");

    MOTCUA_ASSIGN_OR_RETURN(issued.estimate,
                            internal::EstimateWith(tx, area, !request.priority.empty(), day, now, settings));
    MOTCUA_ASSIGN_OR_RETURN(int ordinal, tx.NextOrdinal("queue:" + FormatLocalDate(day) + ":" + area.letter));
    const std::int64_t number = std::int64_t(area.first_number) - 1 + ordinal;
    if (number > kMaxNumber)
      return Conflict("area", "numbers_exhausted", "area " + area.letter + " has issued every number today");

    Ticket& t = issued.ticket;
    t.day = day;
    t.area = t.origin_area = area.letter;
    t.number = int(number);
    t.label = internal::Label(area.letter, t.number, area.digits);
    t.priority = request.priority;
    t.state = TicketState::kWaiting;
    t.taken_at = t.queued_at = now;
    t.station = actor.station;
    MOTCUA_TRY(PutTicket(tx, t));
    t.version = 1;
    json p = EventBase(t);
    p["ahead"] = issued.estimate.ahead;
    p["estimated_wait_minutes"] = issued.estimate.wait.count();
    MOTCUA_TRY(Append(tx, actor, "queue.taken", now, p));
    if (on_issue) MOTCUA_TRY(on_issue(issued));
    return Ok();
  }));
  return issued;
}

Result<std::optional<Ticket>> CurrentTicket(store::Store& store, std::string_view counter) {
  MOTCUA_ASSIGN_OR_RETURN(auto r, store.GetRecord(kCounterKind, counter));
  if (!r) return std::optional<Ticket>();
  const json j = json::parse(r->body_json, nullptr, false);
  const std::string key = j.is_object() ? j.value("ticket_key", "") : "";
  if (key.empty()) return std::optional<Ticket>();
  MOTCUA_ASSIGN_OR_RETURN(auto tr, store.GetRecord(kTicketKind, key));
  if (!tr) return std::optional<Ticket>();
  MOTCUA_ASSIGN_OR_RETURN(Ticket t, TicketFromRecord(*tr));
  if (t.state != TicketState::kCalled) return std::optional<Ticket>();
  return std::optional<Ticket>(std::move(t));
}

Result<std::optional<Ticket>> CallNext(store::Store& store, const roles::Actor& actor, std::string_view counter,
                                       const std::vector<std::string>& areas, Instant now,
                                       const std::vector<std::string>& finish_dossiers) {
  MOTCUA_TRY(roles::Require(actor, roles::Permission::kReceive));
  MOTCUA_TRY(CheckCounter(counter));
  if (areas.empty()) return Invalid("areas", "required", "counter " + std::string(counter) + " calls no area");
  MOTCUA_ASSIGN_OR_RETURN(QueueSettings settings, LoadQueueSettings(store));
  const LocalDate day = Today(now);
  std::optional<Ticket> called;
  MOTCUA_TRY(store.Write([&](store::WriteTx& tx) -> Status {
    called.reset();
    std::optional<Candidate> best;
    for (const std::string& area : areas) {
      MOTCUA_ASSIGN_OR_RETURN(auto c, NextOfArea(tx, day, area, settings));
      if (!c) continue;
      const bool better =
          !best || (c->priority != best->priority
                        ? c->priority
                        : std::pair(c->record.updated_at, c->record.key) < std::pair(best->record.updated_at,
                                                                                      best->record.key));
      if (better) best = std::move(c);
    }
    if (!best) {
      // Nobody waits: the counter's served ticket is still finished, as "next" says it is done.
      MOTCUA_TRY(CheckDossiers(tx, finish_dossiers));
      MOTCUA_ASSIGN_OR_RETURN(CounterState c, LoadCounter(tx, counter));
      if (c.ticket_key.empty()) return Ok();
      MOTCUA_ASSIGN_OR_RETURN(Ticket previous, LoadTicket(tx, c.ticket_key));
      if (previous.state != TicketState::kCalled) return Ok();
      MOTCUA_TRY(FinishInTx(tx, actor, previous, finish_dossiers, now));
      return PutCounter(tx, counter, c, nullptr, actor, now);
    }
    if (best->next_streak != best->line.priority_streak) {
      const json body = {{"priority_streak", best->next_streak}};
      MOTCUA_TRY(tx.PutRecord({kLineKind, LineKey(day, best->area), "", now, body.dump(), best->line.version}));
    }
    MOTCUA_ASSIGN_OR_RETURN(Ticket t, TicketFromRecord(best->record));
    MOTCUA_ASSIGN_OR_RETURN(Ticket done, CallInTx(tx, actor, counter, std::move(t), now, finish_dossiers));
    called = std::move(done);
    return Ok();
  }));
  return called;
}

Result<Ticket> CallTicket(store::Store& store, const roles::Actor& actor, std::string_view counter,
                          std::string_view label, Instant now, const std::vector<std::string>& finish_dossiers) {
  MOTCUA_TRY(roles::Require(actor, roles::Permission::kReceive));
  MOTCUA_TRY(CheckCounter(counter));
  MOTCUA_ASSIGN_OR_RETURN(TicketLabel parsed, ParseTicketLabel(label));
  const std::string key = TicketKey(Today(now), parsed.area, parsed.number);
  Ticket called;
  MOTCUA_TRY(store.Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto r, tx.GetRecord(kTicketKind, key));
    if (!r) return NotFound("ticket", "no_such_ticket", "no ticket " + std::string(label) + " today");
    MOTCUA_ASSIGN_OR_RETURN(Ticket t, TicketFromRecord(*r));
    if (t.state != TicketState::kWaiting)
      return Conflict("ticket", "not_waiting",
                      "ticket " + t.label + " is " + TicketStateKey(t.state) + ", not waiting");
    MOTCUA_ASSIGN_OR_RETURN(called, CallInTx(tx, actor, counter, std::move(t), now, finish_dossiers));
    return Ok();
  }));
  return called;
}

Result<Ticket> Recall(store::Store& store, const roles::Actor& actor, std::string_view counter, Instant now) {
  MOTCUA_TRY(roles::Require(actor, roles::Permission::kReceive));
  Ticket out;
  MOTCUA_TRY(store.Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(Serving s, LoadServing(tx, counter));
    s.ticket.recalls += 1;
    MOTCUA_TRY(PutTicket(tx, s.ticket));
    s.ticket.version += 1;
    json p = EventBase(s.ticket);
    p["counter"] = std::string(counter);
    p["recalls"] = s.ticket.recalls;
    MOTCUA_TRY(Append(tx, actor, "queue.recalled", now, p));
    out = s.ticket;
    return Ok();
  }));
  return out;
}

Result<Ticket> NoShow(store::Store& store, const roles::Actor& actor, std::string_view counter, Instant now) {
  MOTCUA_TRY(roles::Require(actor, roles::Permission::kReceive));
  Ticket out;
  MOTCUA_TRY(store.Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(Serving s, LoadServing(tx, counter));
    Ticket& t = s.ticket;
    t.no_shows += 1;
    const bool back = t.no_shows == 1;
    if (back) {
      t.state = TicketState::kWaiting;
      t.queued_at = now;  // the end of its line
    } else {
      t.state = TicketState::kDropped;
      t.finished_at = now;
    }
    MOTCUA_TRY(Release(tx, actor, counter, s, "queue.no_show", {{"returned_to_line", back}}, now));
    out = t;
    return Ok();
  }));
  return out;
}

Result<Ticket> Transfer(store::Store& store, const roles::Actor& actor, std::string_view counter,
                        std::string_view to_area, Instant now) {
  MOTCUA_TRY(roles::Require(actor, roles::Permission::kReceive));
  Ticket out;
  MOTCUA_TRY(store.Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto area, tx.GetRecord(kAreaKind, to_area));
    if (!area) return NotFound("area", "no_such_area", "no queue area \"" + std::string(to_area) + "\"");
    MOTCUA_ASSIGN_OR_RETURN(Serving s, LoadServing(tx, counter));
    Ticket& t = s.ticket;
    if (t.area == to_area) return Invalid("area", "same_area", "ticket " + t.label + " is already in area " + t.area);
    const std::string from = t.area;
    t.area = std::string(to_area);
    t.state = TicketState::kWaiting;
    t.queued_at = t.taken_at;  // its place in the new line is its taking time: it has waited already
    MOTCUA_TRY(Release(tx, actor, counter, s, "queue.transferred", {{"from_area", from}}, now));
    out = t;
    return Ok();
  }));
  return out;
}

Result<Ticket> Finish(store::Store& store, const roles::Actor& actor, std::string_view counter,
                      const std::vector<std::string>& dossier_codes, Instant now) {
  MOTCUA_TRY(roles::Require(actor, roles::Permission::kReceive));
  Ticket out;
  MOTCUA_TRY(store.Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(Serving s, LoadServing(tx, counter));
    MOTCUA_TRY(CheckDossiers(tx, dossier_codes));
    MOTCUA_TRY(FinishInTx(tx, actor, s.ticket, dossier_codes, now));
    MOTCUA_TRY(PutCounter(tx, counter, s.counter, nullptr, actor, now));
    MOTCUA_ASSIGN_OR_RETURN(out, LoadTicket(tx, s.ticket.Key()));
    return Ok();
  }));
  return out;
}

Result<std::optional<Ticket>> FindTicket(store::Store& store, LocalDate day, std::string_view label) {
  MOTCUA_ASSIGN_OR_RETURN(TicketLabel parsed, ParseTicketLabel(label));
  MOTCUA_ASSIGN_OR_RETURN(auto r, store.GetRecord(kTicketKind, TicketKey(day, parsed.area, parsed.number)));
  if (!r) return std::optional<Ticket>();
  MOTCUA_ASSIGN_OR_RETURN(Ticket t, TicketFromRecord(*r));
  return std::optional<Ticket>(std::move(t));
}

Result<std::vector<Ticket>> ListTickets(store::Store& store, LocalDate day, std::string_view area) {
  store::RecordQuery q;
  q.kind = kTicketKind;
  q.key_prefix = FormatLocalDate(day) + "/";
  q.limit = 1'000'000;
  MOTCUA_ASSIGN_OR_RETURN(auto rows, store.ListRecords(q));
  std::vector<Ticket> out;
  for (const store::Record& r : rows) {
    MOTCUA_ASSIGN_OR_RETURN(Ticket t, TicketFromRecord(r));
    if (area.empty() || t.area == area) out.push_back(std::move(t));
  }
  std::sort(out.begin(), out.end(), [](const Ticket& a, const Ticket& b) {
    return std::tie(a.area, a.origin_area, a.number) < std::tie(b.area, b.origin_area, b.number);
  });
  return out;
}

}  // namespace motcua::queue
