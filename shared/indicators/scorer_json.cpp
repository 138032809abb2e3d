#include "indicators/scorer_json.h"

#include <exception>
#include <unordered_set>

#include <nlohmann/json.hpp>

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
    groups.push_back({{"key", GroupKey(g.group)}, {"name", GroupName(g.group)}, {"points", g.points}, {"max", g.max_points}});
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
                    {"note", ind.note},
                    {"losing_count", ind.losses.size() + ind.losing_procedures.size()},
                    {"losing_dossiers", std::move(losing)},
                    {"losing_procedures", std::move(procs)}});
  }
  c["indicators"] = std::move(inds);
  return c;
}

}  // namespace

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
  } catch (const Json::parse_error& e) {
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
  } catch (const Json::parse_error& e) {
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
            {"center", CardJson(report.center, records, options)}};
  Json breakdown = Json::array();
  for (const ScoreCard& c : report.breakdown) breakdown.push_back(CardJson(c, records, options));
  j["breakdown"] = std::move(breakdown);
  // Names are valid UTF-8 (NFC on input); replace rather than throw if a caller broke that.
  return j.dump(options.pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace motcua::indicators
