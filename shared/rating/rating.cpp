#include "rating/rating.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include <nlohmann/json.hpp>

#include "common/text.h"

namespace motcua::rating {
namespace {

using nlohmann::json;

// A rating given "now" by a kiosk whose clock runs slightly ahead is fine; later is not.
constexpr std::chrono::minutes kFutureTolerance{5};

constexpr const char* kValueKeys[] = {"unsatisfied", "satisfied", "very_satisfied"};
constexpr const char* kValueNames[] = {"Không hài lòng", "Hài lòng", "Rất hài lòng"};
constexpr const char* kSourceKeys[] = {"kiosk", "counter", "online", "paper"};

json ReplacedToJson(const ReplacedRating& r) {
  return {{"value", int(r.value)},
          {"source", RatingSourceKey(r.source)},
          {"rated_at", FormatInstantUtc(r.rated_at)},
          {"recorded_by", r.recorded_by},
          {"reason", r.reason},
          {"replaced_by", r.replaced_by},
          {"replaced_at", FormatInstantUtc(r.replaced_at)}};
}

json CriteriaToJson(const Criteria& c) {
  json a = json::array();
  for (const auto& v : c) a.push_back(v ? json(*v) : json(nullptr));
  return a;
}

// The rating without its history: the body of the record and of the journal event.
json RatingCore(const Rating& r) {
  return {{"dossier_code", r.dossier_code},
          {"value", int(r.value)},
          {"criteria", CriteriaToJson(r.criteria)},
          {"source", RatingSourceKey(r.source)},
          {"counter_id", r.counter_id},
          {"officer", r.officer},
          {"unit", r.unit},
          {"has_complaint", r.has_complaint},
          {"comment", r.comment},
          {"rated_at", FormatInstantUtc(r.rated_at)},
          {"recorded_by", r.recorded_by},
          {"station", r.station}};
}

std::string RatingToJson(const Rating& r) {
  json j = RatingCore(r);
  json history = json::array();
  for (const ReplacedRating& old : r.replaced) history.push_back(ReplacedToJson(old));
  j["replaced"] = std::move(history);
  return j.dump();
}

Error BadRecord(std::string_view key, std::string_view why) {
  return Corrupt("rating", "bad_record", "rating record \"" + std::string(key) + "\": " + std::string(why));
}

// Reads the JSON of a rating record. No exceptions leave: nlohmann's are caught here.
Result<Rating> RatingFromRecord(const store::Record& rec) {
  const json j = json::parse(rec.body_json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return BadRecord(rec.key, "not a JSON object");
  Rating r;
  try {
    r.dossier_code = j.at("dossier_code").get<std::string>();
    const int value = j.at("value").get<int>();
    if (value < 0 || value > 2) return BadRecord(rec.key, "value outside 0-2");
    r.value = RatingValue(value);
    const json& crit = j.at("criteria");
    for (std::size_t i = 0; i < crit.size() && i < std::size_t(kCriteriaCount); ++i)
      if (!crit[i].is_null()) r.criteria[i] = crit[i].get<int>();
    auto source = ParseRatingSource(j.at("source").get<std::string>());
    if (!source) return BadRecord(rec.key, "unknown source");
    r.source = *source;
    r.counter_id = j.value("counter_id", "");
    r.officer = j.value("officer", "");
    r.unit = j.value("unit", "");
    r.has_complaint = j.value("has_complaint", false);
    r.comment = j.value("comment", "");
    auto at = ParseInstantUtc(j.at("rated_at").get<std::string>(), "rated_at");
    if (!at) return BadRecord(rec.key, "bad rated_at");
    r.rated_at = *at;
    r.recorded_by = j.value("recorded_by", "");
    r.station = j.value("station", "");
    for (const json& h : j.value("replaced", json::array())) {
      ReplacedRating old;
      const int v = h.at("value").get<int>();
      if (v < 0 || v > 2) return BadRecord(rec.key, "replaced value outside 0-2");
      old.value = RatingValue(v);
      auto src = ParseRatingSource(h.at("source").get<std::string>());
      if (!src) return BadRecord(rec.key, "unknown replaced source");
      old.source = *src;
      auto rated = ParseInstantUtc(h.at("rated_at").get<std::string>(), "rated_at");
      auto replaced = ParseInstantUtc(h.at("replaced_at").get<std::string>(), "replaced_at");
      if (!rated || !replaced) return BadRecord(rec.key, "bad replaced dates");
      old.rated_at = *rated;
      old.replaced_at = *replaced;
      old.recorded_by = h.value("recorded_by", "");
      old.reason = h.value("reason", "");
      old.replaced_by = h.value("replaced_by", "");
      r.replaced.push_back(std::move(old));
    }
  } catch (const json::exception& e) {
    return BadRecord(rec.key, e.what());
  }
  r.version = rec.version;
  return r;
}

Status CheckText(const std::string& text, const char* field, std::size_t max_bytes) {
  if (!IsValidUtf8(text)) return Invalid(field, "bad_utf8", std::string(field) + " is not valid UTF-8");
  MOTCUA_TRY(CheckTextLine(text, field, static_cast<int>(max_bytes)));  // no control characters
  if (text.size() > max_bytes)
    return Invalid(field, "too_long", std::string(field) + " is longer than " + std::to_string(max_bytes) + " bytes");
  return Ok();
}

std::string MonthText(int year, unsigned month) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u", year, month);
  return buf;
}

json PaknToJson(const PaknMonth& p) {
  return {{"unit", p.unit},
          {"month", MonthText(p.year, p.month)},
          {"received", p.received},
          {"on_time", p.on_time},
          {"unsatisfied", p.unsatisfied},
          {"repeated", p.repeated},
          {"entered_by", p.entered_by},
          {"entered_at", FormatInstantUtc(p.entered_at)}};
}

Result<PaknMonth> PaknFromRecord(const store::Record& rec) {
  const json j = json::parse(rec.body_json, nullptr, false);
  auto bad = [&](const char* why) {
    return Corrupt("pakn", "bad_record", "PAKN record \"" + rec.key + "\": " + why);
  };
  if (j.is_discarded() || !j.is_object()) return bad("not a JSON object");
  PaknMonth p;
  try {
    p.unit = j.at("unit").get<std::string>();
    const std::string month = j.at("month").get<std::string>();
    int y = 0;
    unsigned m = 0;
    if (month.size() != 7 || std::sscanf(month.c_str(), "%4d-%2u", &y, &m) != 2 || m < 1 || m > 12)
      return bad("bad month");
    p.year = y;
    p.month = m;
    p.received = j.at("received").get<std::int64_t>();
    p.on_time = j.at("on_time").get<std::int64_t>();
    p.unsatisfied = j.at("unsatisfied").get<std::int64_t>();
    p.repeated = j.at("repeated").get<std::int64_t>();
    p.entered_by = j.value("entered_by", "");
    auto at = ParseInstantUtc(j.at("entered_at").get<std::string>(), "entered_at");
    if (!at) return bad("bad entered_at");
    p.entered_at = *at;
  } catch (const json::exception& e) {
    return bad(e.what());
  }
  p.version = rec.version;
  return p;
}

}  // namespace

const char* RatingValueKey(RatingValue v) { return kValueKeys[int(v)]; }
const char* RatingValueNameVi(RatingValue v) { return kValueNames[int(v)]; }

Result<RatingValue> ParseRatingValue(std::string_view text, std::string_view field) {
  for (int i = 0; i < 3; ++i)
    if (text == kValueKeys[i] || (text.size() == 1 && text[0] == char('0' + i))) return RatingValue(i);
  return Invalid(std::string(field), "bad_value",
                 "a rating is 0 (không hài lòng), 1 (hài lòng) or 2 (rất hài lòng), got \"" + std::string(text) + "\"");
}

const char* RatingSourceKey(RatingSource s) { return kSourceKeys[int(s)]; }

Result<RatingSource> ParseRatingSource(std::string_view text, std::string_view field) {
  for (int i = 0; i < 4; ++i)
    if (text == kSourceKeys[i]) return RatingSource(i);
  return Invalid(std::string(field), "bad_value",
                 "source must be kiosk, counter, online or paper, got \"" + std::string(text) + "\"");
}

Result<Rating> RecordRating(store::Store& store, const roles::Actor& actor, const NewRating& in, Instant now) {
  MOTCUA_TRY(roles::Require(actor, roles::Permission::kRate));
  const std::string code{Trim(in.dossier_code)};
  if (code.empty()) return Invalid("dossier_code", "required", "a rating needs the dossier code");
  for (int i = 0; i < kCriteriaCount; ++i)
    if (in.criteria[i] && (*in.criteria[i] < 0 || *in.criteria[i] > 2))
      return Invalid("criteria[" + std::to_string(i) + "]", "out_of_range",
                     "criterion " + std::to_string(i + 1) + " is answered 0, 1 or 2, got " +
                         std::to_string(*in.criteria[i]));
  MOTCUA_TRY(CheckText(in.comment, "comment", kMaxCommentBytes));
  MOTCUA_TRY(CheckText(in.counter_id, "counter_id", 100));
  MOTCUA_TRY(CheckText(in.officer, "officer", 100));
  MOTCUA_TRY(CheckText(in.replace_reason, "replace_reason", kMaxCommentBytes));
  const Instant rated_at = in.rated_at.value_or(now);
  if (rated_at > now + kFutureTolerance)
    return Invalid("rated_at", "in_the_future", "a rating cannot be dated after now");
  const bool replacing = !Trim(in.replace_reason).empty();
  if (replacing) MOTCUA_TRY(roles::Require(actor, roles::Permission::kViewScores));

  Rating out;
  Status status = store.Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto dossier, tx.LoadDossier(code));
    if (!dossier) return NotFound("dossier_code", "no_such_dossier", "no dossier " + code);
    if (rated_at < dossier->received_at)
      return Invalid("rated_at", "before_receipt", "a rating cannot be dated before the dossier was received");
    MOTCUA_ASSIGN_OR_RETURN(auto existing, tx.GetRecord(kRatingKind, code));
    if (existing && !replacing)
      return Conflict("dossier_code", "already_rated",
                      "dossier " + code + " was already rated; a supervisor may replace it with a reason");
    if (!existing && replacing)
      return Conflict("dossier_code", "not_rated", "dossier " + code + " has no rating to replace");

    Rating r;
    r.dossier_code = code;
    r.value = in.value;
    r.criteria = in.criteria;
    r.source = in.source;
    r.counter_id = NormalizeNfc(Trim(in.counter_id));
    r.officer = std::string(Trim(in.officer));
    r.unit = dossier->processing_unit;
    r.has_complaint = in.has_complaint;
    r.comment = NormalizeNfc(Trim(in.comment));
    r.rated_at = rated_at;
    r.recorded_by = actor.user;
    r.station = actor.station;
    json payload = RatingCore(r);
    const char* event = "rating.recorded";
    if (existing) {
      MOTCUA_ASSIGN_OR_RETURN(Rating previous, RatingFromRecord(*existing));
      r.replaced = previous.replaced;
      ReplacedRating old{previous.value, previous.source, previous.rated_at, previous.recorded_by,
                         NormalizeNfc(Trim(in.replace_reason)), actor.user, now};
      r.replaced.push_back(old);
      payload["previous"] = ReplacedToJson(old);
      event = "rating.replaced";
    }
    store::Record rec{kRatingKind, code, RatingValueKey(r.value), now, RatingToJson(r), existing ? existing->version : 0};
    MOTCUA_TRY(tx.PutRecord(rec));
    r.version = rec.version + 1;
    MOTCUA_ASSIGN_OR_RETURN(auto e, tx.AppendEvent({event, code, actor.user, actor.station, now, payload.dump()}));
    (void)e;
    out = std::move(r);
    return Ok();
  });
  if (!status) return status.error();
  return out;
}

Result<std::optional<Rating>> GetRating(store::Store& store, std::string_view dossier_code) {
  MOTCUA_ASSIGN_OR_RETURN(auto rec, store.GetRecord(kRatingKind, dossier_code));
  if (!rec) return std::optional<Rating>();
  MOTCUA_ASSIGN_OR_RETURN(Rating r, RatingFromRecord(*rec));
  return std::optional<Rating>(std::move(r));
}

Result<std::vector<Rating>> ListRatings(store::Store& store, const RatingQuery& q) {
  store::RecordQuery rq;
  rq.kind = kRatingKind;
  rq.limit = 100'000'000;
  MOTCUA_ASSIGN_OR_RETURN(auto records, store.ListRecords(rq));
  std::vector<Rating> out;
  out.reserve(records.size());
  for (const store::Record& rec : records) {
    MOTCUA_ASSIGN_OR_RETURN(Rating r, RatingFromRecord(rec));
    if (q.rated_from && r.rated_at < *q.rated_from) continue;
    if (q.rated_before && r.rated_at >= *q.rated_before) continue;
    if (!q.unit.empty() && r.unit != q.unit) continue;
    out.push_back(std::move(r));
  }
  std::sort(out.begin(), out.end(), [](const Rating& a, const Rating& b) { return a.dossier_code < b.dossier_code; });
  return out;
}

std::optional<double> RatingTally::SatisfiedShare() const {
  if (Total() == 0) return std::nullopt;
  return double(very_satisfied + satisfied) / double(Total());
}

std::vector<TallyRow> TallyRatings(const std::vector<Rating>& ratings, TallyBy by) {
  std::map<std::string, RatingTally> rows;
  for (const Rating& r : ratings) {
    const std::string& key = by == TallyBy::kCounter ? r.counter_id : by == TallyBy::kOfficer ? r.officer : r.unit;
    RatingTally& t = rows[key];
    switch (r.value) {
      case RatingValue::kVerySatisfied: ++t.very_satisfied; break;
      case RatingValue::kSatisfied: ++t.satisfied; break;
      case RatingValue::kUnsatisfied: ++t.unsatisfied; break;
    }
    t.with_complaint += r.has_complaint;
    for (int i = 0; i < kCriteriaCount; ++i)
      if (r.criteria[i]) {
        t.criteria_points[i] += *r.criteria[i];
        ++t.criteria_answers[i];
      }
  }
  std::vector<TallyRow> out;
  out.reserve(rows.size());
  for (auto& [key, tally] : rows) out.push_back({key, tally});
  return out;
}

std::string PaknKey(int year, unsigned month, std::string_view unit) {
  return MonthText(year, month) + "/" + std::string(unit);
}

Result<PaknMonth> RecordPaknCounts(store::Store& store, const roles::Actor& actor, const PaknMonth& in,
                                   Instant now) {
  MOTCUA_TRY(roles::Require(actor, roles::Permission::kViewScores));
  PaknMonth p = in;
  p.unit = NormalizeNfc(Trim(in.unit));
  if (p.unit.empty()) return Invalid("unit", "required", "PAKN counts need the unit");
  MOTCUA_TRY(CheckText(p.unit, "unit", 200));
  if (p.month < 1 || p.month > 12 || p.year < 2000 || p.year > 9999)
    return Invalid("month", "bad_month", "expected a month of a year from 2000");
  const std::pair<const char*, std::int64_t> counts[] = {
      {"received", p.received}, {"on_time", p.on_time}, {"unsatisfied", p.unsatisfied}, {"repeated", p.repeated}};
  for (const auto& [field, value] : counts)
    if (value < 0) return Invalid(field, "out_of_range", std::string(field) + " cannot be negative");
  for (std::size_t i = 1; i < std::size(counts); ++i)
    if (counts[i].second > p.received)
      return Invalid(counts[i].first, "exceeds_received",
                     std::string(counts[i].first) + " (" + std::to_string(counts[i].second) +
                         ") exceeds the PAKN received (" + std::to_string(p.received) + ")");
  p.entered_by = actor.user;
  p.entered_at = now;
  const std::string key = PaknKey(p.year, p.month, p.unit);
  Status status = store.Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto existing, tx.GetRecord(kPaknKind, key));
    json payload = PaknToJson(p);
    if (existing) {
      MOTCUA_ASSIGN_OR_RETURN(PaknMonth previous, PaknFromRecord(*existing));
      payload["previous"] = PaknToJson(previous);
    }
    const std::int64_t version = existing ? existing->version : 0;
    MOTCUA_TRY(tx.PutRecord({kPaknKind, key, "", now, PaknToJson(p).dump(), version}));
    p.version = version + 1;
    MOTCUA_ASSIGN_OR_RETURN(auto e, tx.AppendEvent({"pakn.recorded", "", actor.user, actor.station, now, payload.dump()}));
    (void)e;
    return Ok();
  });
  if (!status) return status.error();
  return p;
}

Result<std::vector<PaknMonth>> ListPaknCounts(store::Store& store, int from_year, unsigned from_month, int to_year,
                                              unsigned to_month) {
  store::RecordQuery rq;
  rq.kind = kPaknKind;
  rq.limit = 100'000'000;
  MOTCUA_ASSIGN_OR_RETURN(auto records, store.ListRecords(rq));
  const int from = from_year * 12 + int(from_month) - 1;
  const int to = to_year * 12 + int(to_month) - 1;
  std::vector<PaknMonth> out;
  for (const store::Record& rec : records) {
    MOTCUA_ASSIGN_OR_RETURN(PaknMonth p, PaknFromRecord(rec));
    const int m = p.year * 12 + int(p.month) - 1;
    if (m < from || m > to) continue;
    out.push_back(std::move(p));
  }
  std::sort(out.begin(), out.end(), [](const PaknMonth& a, const PaknMonth& b) {
    if (a.year != b.year) return a.year < b.year;
    if (a.month != b.month) return a.month < b.month;
    return a.unit < b.unit;
  });
  return out;
}

}  // namespace motcua::rating
