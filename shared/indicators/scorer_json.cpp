#include "indicators/scorer_json.h"

#include <charconv>
#include <exception>
#include <functional>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "common/number_parse.h"
#include "common/text.h"

namespace motcua::indicators {
namespace {

using Json = nlohmann::json;

std::string Field(std::size_t i, const char* key) {
  return "procedures[" + std::to_string(i) + "]." + key;
}

Status ReadDate(const Json& obj, std::size_t i, const char* key, std::optional<LocalDate>& out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Ok();
  if (!it->is_string()) return Invalid(Field(i, key), "bad_type", std::string(key) + " must be a YYYY-MM-DD string");
  const std::string& text = it->get_ref<const std::string&>();
  if (Trim(text).empty()) return Ok();
  MOTCUA_ASSIGN_OR_RETURN(LocalDate d, ParseLocalDate(Trim(text), Field(i, key)));
  out = d;
  return Ok();
}

Status ReadBool(const Json& obj, std::size_t i, const char* key, bool& out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Ok();
  if (it->is_boolean()) out = it->get<bool>();
  else if (it->is_number_integer()) out = it->get<std::int64_t>() != 0;
  else return Invalid(Field(i, key), "bad_type", std::string(key) + " must be true or false");
  return Ok();
}

Status ReadString(const Json& obj, std::size_t i, const char* key, std::string& out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Ok();
  if (!it->is_string()) return Invalid(Field(i, key), "bad_type", std::string(key) + " must be a string");
  out = std::string(Trim(it->get_ref<const std::string&>()));
  if (!IsValidUtf8(out)) return Invalid(Field(i, key), "bad_type", std::string(key) + " is not UTF-8");
  out = NormalizeNfc(out);
  return Ok();
}

Result<ProcedureFacts> ReadFacts(const Json& obj, std::size_t i) {
  if (!obj.is_object()) return Invalid("procedures[" + std::to_string(i) + "]", "not_an_object", "each procedure must be an object");
  ProcedureFacts p;
  MOTCUA_TRY(ReadString(obj, i, "code", p.code));
  if (p.code.empty()) return Invalid(Field(i, "code"), "required", "a procedure needs its MaTTHC code");
  MOTCUA_TRY(ReadString(obj, i, "name", p.name));
  MOTCUA_TRY(ReadDate(obj, i, "announced_on", p.announced_on));
  MOTCUA_TRY(ReadDate(obj, i, "legal_effective_on", p.legal_effective_on));
  MOTCUA_TRY(ReadDate(obj, i, "publicized_on", p.publicized_on));
  if (auto it = obj.find("content_complete"); it != obj.end() && !it->is_null()) {
    bool b = false;
    MOTCUA_TRY(ReadBool(obj, i, "content_complete", b));
    p.content_complete = b;
  }
  if (auto it = obj.find("online_level"); it != obj.end() && !it->is_null()) {
    if (!it->is_string()) return Invalid(Field(i, "online_level"), "bad_type", "online_level must be a string");
    const std::string& v = it->get_ref<const std::string&>();
    if (v == "none" || v.empty()) p.online_level = ProcedureFacts::OnlineLevel::kNone;
    else if (v == "partial") p.online_level = ProcedureFacts::OnlineLevel::kPartial;
    else if (v == "full") p.online_level = ProcedureFacts::OnlineLevel::kFull;
    else return Invalid(Field(i, "online_level"), "bad_online_level", "online_level must be none, partial or full, got \"" + v + "\"");
  }
  MOTCUA_TRY(ReadBool(obj, i, "full_online_eligible", p.full_online_eligible));
  MOTCUA_TRY(ReadBool(obj, i, "has_fee", p.has_fee));
  MOTCUA_TRY(ReadBool(obj, i, "paper_result_required", p.paper_result_required));
  MOTCUA_TRY(ReadBool(obj, i, "citizen_subject", p.citizen_subject));
  if (auto it = obj.find("max_duration"); it != obj.end() && !it->is_null()) {
    if (!it->is_string()) return Invalid(Field(i, "max_duration"), "bad_type", "max_duration must be a string like \"3wd\"");
    MOTCUA_ASSIGN_OR_RETURN(auto d, calendar::ParseDuration(it->get_ref<const std::string&>(), Field(i, "max_duration")));
    p.max_duration = d;
  }
  if (auto it = obj.find("unit_codes"); it != obj.end() && !it->is_null()) {
    if (!it->is_array()) return Invalid(Field(i, "unit_codes"), "bad_type", "unit_codes must be an array of strings");
    for (const auto& u : *it) {
      if (!u.is_string()) return Invalid(Field(i, "unit_codes"), "bad_type", "unit_codes must be an array of strings");
      p.unit_codes.push_back(u.get<std::string>());
    }
  }
  return p;
}

const char* OnlineLevelKey(ProcedureFacts::OnlineLevel l) {
  switch (l) {
    case ProcedureFacts::OnlineLevel::kNone: return "none";
    case ProcedureFacts::OnlineLevel::kPartial: return "partial";
    case ProcedureFacts::OnlineLevel::kFull: return "full";
  }
  return "none";
}

Json OptionalNumber(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

Json CardJson(const ScoreCard& card, const std::vector<dvc::NationalRecord>& records, const ReportJsonOptions& o) {
  Json c = {{"key", card.key},
            {"label", card.label},
            {"dossiers", card.dossiers},
            {"points", card.total_points},
            {"max", card.total_max}};
  Json groups = Json::array();
  for (const GroupTotal& g : card.groups)
    groups.push_back({{"key", GroupKey(g.group)}, {"points", g.points}, {"max", g.max_points}});
  c["groups"] = std::move(groups);
  Json inds = Json::array();
  for (const Indicator& ind : card.indicators) {
    Json losing = Json::array();
    for (std::size_t k = 0; k < ind.losses.size() && k < o.max_losses_listed; ++k) {
      const Loss& l = ind.losses[k];
      const std::string code = l.record_index < records.size() ? records[l.record_index].dossier_code : std::string();
      losing.push_back({{"dossier_code", code}, {"reason", ReasonKey(l.reason)}});
    }
    Json procs = Json::array();
    for (const ProcedureLoss& pl : ind.losing_procedures)
      procs.push_back({{"procedure_code", pl.procedure_code}, {"reason", ReasonKey(pl.reason)}});
    inds.push_back({{"code", ind.code},
                    {"metric_code", ind.metric_code},
                    {"name", ind.name},
                    {"group", GroupKey(ind.group)},
                    {"numerator", ind.numerator},
                    {"denominator", ind.denominator},
                    {"ratio", OptionalNumber(ind.ratio)},
                    {"points", OptionalNumber(ind.points)},
                    {"max", ind.max_points},
                    {"full_at", ind.full_at},
                    {"note", ind.note},
                    {"losing_count", ind.losses.size() + ind.losing_procedures.size()},
                    {"losing_dossiers", std::move(losing)},
                    {"losing_procedures", std::move(procs)}});
  }
  c["indicators"] = std::move(inds);
  return c;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Named settings.

namespace {

struct SettingDef {
  const char* name;
  std::function<Json(const ScoringSettings&)> get;
  std::function<Status(ScoringSettings&, std::string_view)> set;
};

Error BadValue(const char* name, const std::string& expected, std::string_view got) {
  return Invalid(std::string("setting.") + name, "bad_value",
                 std::string(name) + " must be " + expected + ", got \"" + std::string(got) + "\"");
}

template <class E>
SettingDef EnumSetting(const char* name, E ScoringSettings::*field, std::vector<std::pair<E, const char*>> names) {
  auto get = [field, names](const ScoringSettings& s) -> Json {
    for (const auto& [v, n] : names)
      if (s.*field == v) return n;
    return nullptr;
  };
  auto set = [name, field, names](ScoringSettings& s, std::string_view text) -> Status {
    std::string expected;
    for (const auto& [v, n] : names) {
      if (text == n) {
        s.*field = v;
        return Ok();
      }
      expected += expected.empty() ? "one of " : ", ";
      expected += n;
    }
    return BadValue(name, expected, text);
  };
  return {name, get, set};
}

SettingDef ZeroSetting(const char* name, ZeroDenominator ScoringSettings::*field) {
  return EnumSetting<ZeroDenominator>(name, field,
                                      {{ZeroDenominator::kNoScore, "no_score"},
                                       {ZeroDenominator::kZeroPoints, "zero"},
                                       {ZeroDenominator::kFullPoints, "full"}});
}

SettingDef BoolSetting(const char* name, bool ScoringSettings::*field) {
  return {name, [field](const ScoringSettings& s) -> Json { return s.*field; },
          [name, field](ScoringSettings& s, std::string_view text) -> Status {
            if (text == "true") s.*field = true;
            else if (text == "false") s.*field = false;
            else return BadValue(name, "true or false", text);
            return Ok();
          }};
}

SettingDef IntSetting(const char* name, int ScoringSettings::*field, int lo, int hi) {
  return {name, [field](const ScoringSettings& s) -> Json { return s.*field; },
          [name, field, lo, hi](ScoringSettings& s, std::string_view text) -> Status {
            const std::optional<int> v = ParseDigits<int>(text);
            if (!v || *v < lo || *v > hi)
              return BadValue(name, "a whole number in " + std::to_string(lo) + ".." + std::to_string(hi), text);
            s.*field = *v;
            return Ok();
          }};
}

// A full-points threshold over the rules' (null: the rules' own).
SettingDef ThresholdSetting(const char* name, std::optional<double> ScoringSettings::*field) {
  return {name, [field](const ScoringSettings& s) -> Json { return s.*field ? Json(*(s.*field)) : Json(nullptr); },
          [name, field](ScoringSettings& s, std::string_view text) -> Status {
            if (text == "null") {  // as SettingsToJson writes "the rules' own"
              s.*field = std::nullopt;
              return Ok();
            }
            double v = 0;
            auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
            if (ec != std::errc() || p != text.data() + text.size() || !(v > 0 && v <= 1))
              return BadValue(name, "a ratio in (0, 1], e.g. 0.8, or null for the rules' own", text);
            s.*field = v;
            return Ok();
          }};
}

const std::vector<SettingDef>& Settings() {
  using S = ScoringSettings;
  static const std::vector<SettingDef> defs = {
      EnumSetting<S::ProgressPopulation>("progress_population", &S::progress_population,
                                         {{S::ProgressPopulation::kReceivedInPeriod, "received_in_period"},
                                          {S::ProgressPopulation::kReceivedOrOpen, "received_or_open"}}),
      EnumSetting<S::TerminalTime>("terminal_time", &S::terminal_time,
                                   {{S::TerminalTime::kProcessedFirst, "processed_first"},
                                    {S::TerminalTime::kReturnedFirst, "returned_first"}}),
      IntSetting("max_supplement_requests", &S::max_supplement_requests, 0, 100),
      EnumSetting<S::UnfinishedJudgedAt>("unfinished_judged_at", &S::unfinished_judged_at,
                                         {{S::UnfinishedJudgedAt::kPeriodEnd, "period_end"},
                                          {S::UnfinishedJudgedAt::kEarlierOfPeriodEndAndNow,
                                           "earlier_of_period_end_and_now"}}),
      BoolSetting("undatable_counts_on_time", &S::undatable_counts_on_time),
      ZeroSetting("progress_zero", &S::progress_zero),
      EnumSetting<S::SyncCounting>("sync_counting", &S::sync_counting,
                                   {{S::SyncCounting::kAnySync, "any_sync"},
                                    {S::SyncCounting::kSyncedOnTime, "synced_on_time"}}),
      BoolSetting("assume_synced_when_unknown", &S::assume_synced_when_unknown),
      ZeroSetting("sync_zero", &S::sync_zero),
      IntSetting("announce_lead_working_days", &S::announce_lead_working_days, 0, 365),
      IntSetting("publicize_within_working_days", &S::publicize_within_working_days, 0, 365),
      ZeroSetting("publicity_zero", &S::publicity_zero),
      EnumSetting<S::OnlineGroup>("online_group", &S::online_group,
                                  {{S::OnlineGroup::kOnlineShare, "online_share"},
                                   {S::OnlineGroup::kFullOnlineShare2026, "full_online_share_2026"}}),
      ThresholdSetting("online_share_full_at", &S::online_share_full_at),
      BoolSetting("online_share_times_sync_rate", &S::online_share_times_sync_rate),
      ZeroSetting("online_zero", &S::online_zero),
      BoolSetting("cap_fee_procedure_points", &S::cap_fee_procedure_points),
      ZeroSetting("payment_zero", &S::payment_zero),
      EnumSetting<S::ResultScope>("electronic_result_scope", &S::electronic_result_scope,
                                  {{S::ResultScope::kAllDossiers, "all_dossiers"},
                                   {S::ResultScope::kPaperResultProcedures, "paper_result_procedures"},
                                   {S::ResultScope::kCompletedPaperResult, "completed_paper_result"}}),
      ThresholdSetting("digitized_full_at", &S::digitized_full_at),
      ThresholdSetting("reuse_full_at", &S::reuse_full_at),
      EnumSetting<S::ReuseEvidence>("reuse_evidence", &S::reuse_evidence,
                                    {{S::ReuseEvidence::kDigitizedFlags, "digitized_flags"},
                                     {S::ReuseEvidence::kReuseFlags, "reuse_flags"}}),
      SettingDef{"population_db_codes", [](const S& s) -> Json { return s.population_db_codes; },
                 [](S& s, std::string_view text) -> Status {
                   if (!IsValidUtf8(text))
                     return BadValue("population_db_codes", "UTF-8 text: codes separated by commas", "(not UTF-8)");
                   s.population_db_codes.clear();
                   while (!text.empty()) {
                     const std::size_t comma = text.find(',');
                     const std::string_view code = Trim(text.substr(0, comma));
                     if (!code.empty()) s.population_db_codes.emplace_back(code);
                     if (comma == std::string_view::npos) break;
                     text.remove_prefix(comma + 1);
                   }
                   return Ok();
                 }},
      ZeroSetting("digitization_zero", &S::digitization_zero),
      ThresholdSetting("satisfaction_full_at", &S::satisfaction_full_at),
      ZeroSetting("satisfaction_zero", &S::satisfaction_zero),
      EnumSetting<S::ZeroPakn>("zero_pakn", &S::zero_pakn,
                               {{S::ZeroPakn::kFullPointsEach, "full_points_each"},
                                {S::ZeroPakn::kSplitTo52And54, "split_to_52_and_54"}}),
      EnumSetting<S::UnknownPakn>("unknown_pakn", &S::unknown_pakn,
                                  {{S::UnknownPakn::kTreatAsNone, "treat_as_none"},
                                   {S::UnknownPakn::kNoScore, "no_score"}}),
      EnumSetting<S::NullInGroup>("null_in_group", &S::null_in_group,
                                  {{S::NullInGroup::kAddsNothing, "adds_nothing"},
                                   {S::NullInGroup::kRescaleToAvailable, "rescale_to_available"}}),
      BoolSetting("collect_losses", &S::collect_losses),
  };
  return defs;
}

Json SettingsJson(const ScoringSettings& s) {
  Json j = Json::object();
  for (const SettingDef& d : Settings()) j[d.name] = d.get(s);
  return j;
}

}  // namespace

Status ApplySetting(ScoringSettings& settings, std::string_view name, std::string_view value) {
  for (const SettingDef& d : Settings())
    if (name == d.name) return d.set(settings, Trim(value));
  std::string known;
  for (const SettingDef& d : Settings()) known += (known.empty() ? "" : ", ") + std::string(d.name);
  return Invalid("setting", "unknown_setting", "unknown setting \"" + std::string(name) + "\"; known: " + known);
}

std::vector<std::string> SettingNames() {
  std::vector<std::string> names;
  for (const SettingDef& d : Settings()) names.emplace_back(d.name);
  return names;
}

// `replace`, as ReportToJson: a code set in code without ApplySetting may be invalid UTF-8; never throw.
std::string SettingsToJson(const ScoringSettings& settings) {
  return SettingsJson(settings).dump(-1, ' ', false, Json::error_handler_t::replace);
}

const char* GroupingKey(Grouping grouping) {
  switch (grouping) {
    case Grouping::kCenter: return "center";
    case Grouping::kUnit: return "unit";
    case Grouping::kProcedure: return "procedure";
  }
  return "center";
}

Result<std::vector<ProcedureFacts>> ParseProcedureFacts(std::string_view json) {
  Json doc;
  try {
    doc = Json::parse(json.begin(), json.end());
  } catch (const Json::exception& e) {  // also out_of_range: a number beyond double (1e400)
    return Invalid("procedures", "bad_json", std::string("not valid JSON: ") + e.what());
  }
  if (!doc.is_array()) return Invalid("procedures", "not_an_array", "the procedures file must be a JSON array");
  std::vector<ProcedureFacts> out;
  out.reserve(doc.size());
  std::unordered_set<std::string> codes;
  for (std::size_t i = 0; i < doc.size(); ++i) {
    MOTCUA_ASSIGN_OR_RETURN(ProcedureFacts p, ReadFacts(doc[i], i));
    if (!codes.insert(p.code).second)
      return Invalid(Field(i, "code"), "duplicate", "procedure " + p.code + " is listed twice");
    out.push_back(std::move(p));
  }
  return out;
}

namespace {

Status ReadCount(const Json& obj, const std::string& path, const char* key, std::int64_t& out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Ok();
  if (!it->is_number_integer() || it->get<std::int64_t>() < 0)
    return Invalid(path + "." + key, "bad_type", std::string(key) + " must be a whole number >= 0");
  out = it->get<std::int64_t>();
  return Ok();
}

Result<PaknCounts> ReadPakn(const Json& obj, const std::string& path) {
  if (!obj.is_object()) return Invalid(path, "bad_type", "PAKN counts must be an object");
  PaknCounts p;
  MOTCUA_TRY(ReadCount(obj, path, "total", p.total));
  MOTCUA_TRY(ReadCount(obj, path, "on_time", p.on_time));
  MOTCUA_TRY(ReadCount(obj, path, "satisfied", p.satisfied));
  MOTCUA_TRY(ReadCount(obj, path, "about_procedures", p.about_procedures));
  MOTCUA_TRY(ReadCount(obj, path, "about_staff", p.about_staff));
  return p;
}

}  // namespace

Result<OutsideCounts> ParseOutsideCounts(std::string_view json) {
  Json doc;
  try {
    doc = Json::parse(json.begin(), json.end());
  } catch (const Json::exception& e) {  // also out_of_range: a number beyond double (1e400)
    return Invalid("counts", "bad_json", std::string("not valid JSON: ") + e.what());
  }
  if (!doc.is_object()) return Invalid("counts", "not_an_object", "the counts file must be a JSON object");
  OutsideCounts out;
  if (auto it = doc.find("pakn"); it != doc.end() && !it->is_null()) {
    MOTCUA_ASSIGN_OR_RETURN(PaknCounts p, ReadPakn(*it, "counts.pakn"));
    out.center_pakn = p;
  }
  if (auto it = doc.find("pakn_by_unit"); it != doc.end() && !it->is_null()) {
    if (!it->is_object()) return Invalid("counts.pakn_by_unit", "bad_type", "pakn_by_unit must map unit keys to counts");
    for (const auto& [unit, counts] : it->items()) {
      MOTCUA_ASSIGN_OR_RETURN(PaknCounts p, ReadPakn(counts, "counts.pakn_by_unit." + unit));
      out.pakn_by_unit[unit] = p;
    }
  }
  for (auto [key, dest] : {std::pair<const char*, std::optional<std::int64_t>*>{"national_report_received",
                                                                              &out.national_report_received},
                           {"prior_year_received_total", &out.prior_year_received_total}}) {
    std::int64_t v = -1;
    MOTCUA_TRY(ReadCount(doc, "counts", key, v));
    if (v >= 0) *dest = v;
  }
  if (auto it = doc.find("certified_copies"); it != doc.end() && !it->is_null()) {
    if (!it->is_object()) return Invalid("counts.certified_copies", "bad_type", "certified_copies must be an object");
    CertifiedCopyCounts c;
    MOTCUA_TRY(ReadCount(*it, "counts.certified_copies", "communes_offering", c.communes_offering));
    MOTCUA_TRY(ReadCount(*it, "counts.certified_copies", "communes_total", c.communes_total));
    out.certified_copies = c;
  }
  return out;
}

std::string WriteProcedureFacts(const std::vector<ProcedureFacts>& procedures) {
  Json arr = Json::array();
  auto date = [](const std::optional<LocalDate>& d) { return d ? Json(FormatLocalDate(*d)) : Json(nullptr); };
  for (const ProcedureFacts& p : procedures) {
    Json o = {{"code", p.code},
              {"name", p.name},
              {"announced_on", date(p.announced_on)},
              {"legal_effective_on", date(p.legal_effective_on)},
              {"publicized_on", date(p.publicized_on)},
              {"content_complete", p.content_complete ? Json(*p.content_complete) : Json(nullptr)},
              {"online_level", OnlineLevelKey(p.online_level)},
              {"full_online_eligible", p.full_online_eligible},
              {"has_fee", p.has_fee},
              {"paper_result_required", p.paper_result_required},
              {"citizen_subject", p.citizen_subject},
              {"max_duration", p.max_duration ? Json(calendar::FormatDuration(*p.max_duration)) : Json(nullptr)},
              {"unit_codes", p.unit_codes}};
    arr.push_back(std::move(o));
  }
  return arr.dump();
}

std::string ReportToJson(const ScoreReport& report, const std::vector<dvc::NationalRecord>& records,
                         const ReportJsonOptions& options) {
  Json j = {{"period", {{"from", FormatLocalDate(report.period.from)}, {"to", FormatLocalDate(report.period.to)}}},
            {"grouping", GroupingKey(report.grouping)},
            {"rules", report.rules ? Json{{"id", report.rules->id},
                                          {"applies_from", FormatLocalDate(report.rules->applies_from)}}
                                   : Json(nullptr)},
            {"settings", SettingsJson(report.settings)},
            {"center", CardJson(report.center, records, options)}};
  Json breakdown = Json::array();
  for (const ScoreCard& c : report.breakdown) breakdown.push_back(CardJson(c, records, options));
  j["breakdown"] = std::move(breakdown);
  // Names are valid UTF-8 (NFC on input); replace rather than throw if a caller broke that.
  return j.dump(options.pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace motcua::indicators
