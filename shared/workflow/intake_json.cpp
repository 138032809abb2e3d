#include "workflow/intake_json.h"

#include <nlohmann/json.hpp>

#include "codes/cccd.h"
#include "common/files.h"

namespace motcua::workflow {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

bool Has(const json& j, const char* key) { return j.contains(key) && !j[key].is_null(); }

Result<std::string> GetString(const json& j, const char* key, const std::string& where, bool required = false) {
  if (!Has(j, key)) {
    if (required) return Invalid(where + key, "missing", std::string(key) + " is required");
    return std::string();
  }
  if (!j[key].is_string()) return Invalid(where + key, "not_a_string", std::string(key) + " must be a string");
  return j[key].get<std::string>();
}

// A JSON integer within [lo, hi]; nlohmann keeps large values as unsigned, and get<int>() would wrap them.
Result<std::optional<std::int64_t>> GetInt(const json& j, const char* key, const std::string& where, std::int64_t lo,
                                           std::int64_t hi) {
  if (!Has(j, key)) return std::optional<std::int64_t>();
  const json& v = j[key];
  if (!v.is_number_integer())
    return Invalid(where + key, "not_an_integer", std::string(key) + " must be a whole number");
  const bool fits = v.is_number_unsigned()
                        ? v.get<std::uint64_t>() <= static_cast<std::uint64_t>(hi) &&
                              static_cast<std::int64_t>(v.get<std::uint64_t>()) >= lo
                        : v.get<std::int64_t>() >= lo && v.get<std::int64_t>() <= hi;
  if (!fits)
    return Invalid(where + key, "out_of_range",
                   std::string(key) + " must be from " + std::to_string(lo) + " to " + std::to_string(hi) + ", got " +
                       v.dump());
  return std::optional<std::int64_t>(v.get<std::int64_t>());
}

Result<bool> GetBool(const json& j, const char* key, const std::string& where) {
  if (!Has(j, key)) return false;
  if (!j[key].is_boolean()) return Invalid(where + key, "not_a_boolean", std::string(key) + " must be true or false");
  return j[key].get<bool>();
}

template <class E>
Result<E> GetEnum(const json& j, const char* key, const std::string& where,
                  std::initializer_list<std::pair<const char*, E>> choices, E fallback) {
  MOTCUA_ASSIGN_OR_RETURN(std::string v, GetString(j, key, where));
  if (v.empty()) return fallback;
  std::string names;
  for (const auto& [name, value] : choices) {
    if (v == name) return value;
    names += std::string(names.empty() ? "" : ", ") + name;
  }
  return Invalid(where + key, "bad_value", "\"" + v + "\" is not one of " + names);
}

Result<dossier::Applicant> ParseApplicant(const json& j) {
  if (!j.is_object()) return Invalid("applicant", "not_an_object", "applicant must be an object");
  dossier::Applicant a;
  MOTCUA_ASSIGN_OR_RETURN(std::string qr, GetString(j, "cccd_qr", "applicant."));
  if (!qr.empty()) {
    MOTCUA_ASSIGN_OR_RETURN(codes::CccdData card, codes::ParseCccdQr(qr));
    a.id_type = dossier::IdType::kCccd;
    a.id_number = card.id;
    a.name = card.name;
    a.address = card.address;
  }
  using dossier::ApplicantKind;
  using dossier::IdType;
  MOTCUA_ASSIGN_OR_RETURN(a.kind, GetEnum<ApplicantKind>(j, "kind", "applicant.",
                                                         {{"individual", ApplicantKind::kIndividual},
                                                          {"organization", ApplicantKind::kOrganization}},
                                                         ApplicantKind::kIndividual));
  if (qr.empty()) {
    MOTCUA_ASSIGN_OR_RETURN(a.id_type, GetEnum<IdType>(j, "id_type", "applicant.",
                                                       {{"cccd", IdType::kCccd},
                                                        {"cmnd", IdType::kCmnd},
                                                        {"tax_code", IdType::kTaxCode},
                                                        {"passport", IdType::kPassport},
                                                        {"other", IdType::kOther}},
                                                       IdType::kCccd));
    MOTCUA_ASSIGN_OR_RETURN(a.id_number, GetString(j, "id_number", "applicant.", true));
    MOTCUA_ASSIGN_OR_RETURN(a.name, GetString(j, "name", "applicant.", true));
    MOTCUA_ASSIGN_OR_RETURN(a.address, GetString(j, "address", "applicant."));
  }
  MOTCUA_ASSIGN_OR_RETURN(a.phone, GetString(j, "phone", "applicant."));
  MOTCUA_ASSIGN_OR_RETURN(a.email, GetString(j, "email", "applicant."));
  return a;
}

Result<IntakeComponent> ParseComponent(const json& c, const std::string& where, std::size_t index, const fs::path& base,
                                       std::vector<IntakeFileRef>& files) {
  if (!c.is_object()) return Invalid(where.substr(0, where.size() - 1), "not_an_object", "a component is an object");
  IntakeComponent ic;
  MOTCUA_ASSIGN_OR_RETURN(ic.code, GetString(c, "code", where, true));
  MOTCUA_ASSIGN_OR_RETURN(auto originals, GetInt(c, "originals", where, 0, kMaxPaperCount));
  MOTCUA_ASSIGN_OR_RETURN(auto copies, GetInt(c, "copies", where, 0, kMaxPaperCount));
  if (originals) ic.originals = static_cast<int>(*originals);
  if (copies) ic.copies = static_cast<int>(*copies);
  MOTCUA_ASSIGN_OR_RETURN(ic.shown_only, GetBool(c, "shown_only", where));
  MOTCUA_ASSIGN_OR_RETURN(ic.reused_result_code, GetString(c, "reused_result_code", where));
  MOTCUA_ASSIGN_OR_RETURN(ic.from_citizen_store, GetBool(c, "from_citizen_store", where));
  if (Has(c, "files")) {
    if (!c["files"].is_array()) return Invalid(where + "files", "not_an_array", "files must be a list of paths");
    for (const json& f : c["files"]) {
      if (!f.is_string() || f.get<std::string>().empty())
        return Invalid(where + "files", "not_a_string", "a file is a path");
      fs::path p = f.get<std::string>();
      if (p.is_relative()) p = base / p;
      files.push_back({index, std::move(p)});
    }
  }
  return ic;
}

Result<ParsedIntake> ParseIntake(const json& j, const fs::path& base) {
  if (!j.is_object()) return Invalid("json", "not_an_object", "the dossier file must hold a JSON object");
  ParsedIntake out;
  IntakeRequest& r = out.request;
  MOTCUA_ASSIGN_OR_RETURN(r.request_id, GetString(j, "request_id", ""));
  MOTCUA_ASSIGN_OR_RETURN(r.procedure_code, GetString(j, "procedure_code", "", true));
  if (!j.contains("applicant")) return Invalid("applicant", "missing", "applicant is required");
  MOTCUA_ASSIGN_OR_RETURN(r.applicant, ParseApplicant(j["applicant"]));
  using dossier::Channel;
  using dossier::Delivery;
  MOTCUA_ASSIGN_OR_RETURN(r.channel, GetEnum<Channel>(j, "channel", "",
                                                      {{"counter", Channel::kCounter},
                                                       {"online", Channel::kOnline},
                                                       {"postal", Channel::kPostal}},
                                                      Channel::kCounter));
  MOTCUA_ASSIGN_OR_RETURN(r.delivery, GetEnum<Delivery>(j, "delivery", "",
                                                        {{"counter", Delivery::kCounter}, {"postal", Delivery::kPostal}},
                                                        Delivery::kCounter));
  MOTCUA_ASSIGN_OR_RETURN(r.delivery_address, GetString(j, "delivery_address", ""));
  MOTCUA_ASSIGN_OR_RETURN(r.processing_unit, GetString(j, "processing_unit", ""));
  MOTCUA_ASSIGN_OR_RETURN(r.summary, GetString(j, "summary", ""));
  MOTCUA_ASSIGN_OR_RETURN(auto sets, GetInt(j, "sets", "", 1, kMaxPaperCount));
  r.sets = static_cast<int>(sets.value_or(1));
  MOTCUA_ASSIGN_OR_RETURN(r.vneid_verified, GetBool(j, "vneid_verified", ""));
  MOTCUA_ASSIGN_OR_RETURN(std::string received, GetString(j, "received_at", ""));
  if (!received.empty()) {
    MOTCUA_ASSIGN_OR_RETURN(LocalMinute t, ParseLocalMinute(received, "received_at"));
    r.received_at = FromLocalVn(t);
    out.has_received_at = true;
  }
  if (Has(j, "cases")) {
    if (!j["cases"].is_array()) return Invalid("cases", "not_an_array", "cases must be a list of group names");
    for (const json& c : j["cases"]) {
      if (!c.is_string()) return Invalid("cases", "not_a_string", "a case is a group name");
      r.cases.push_back(c.get<std::string>());
    }
  }
  if (Has(j, "components")) {
    if (!j["components"].is_array()) return Invalid("components", "not_an_array", "components must be a list");
    std::vector<IntakeComponent> list;
    for (std::size_t i = 0; i < j["components"].size(); ++i) {
      const std::string where = "components[" + std::to_string(i) + "].";
      MOTCUA_ASSIGN_OR_RETURN(IntakeComponent ic, ParseComponent(j["components"][i], where, i, base, out.files));
      list.push_back(std::move(ic));
    }
    r.components = std::move(list);
  }
  if (Has(j, "fees")) {
    if (!j["fees"].is_array()) return Invalid("fees", "not_an_array", "fees must be a list");
    std::vector<dossier::Fee> fees;
    for (std::size_t i = 0; i < j["fees"].size(); ++i) {
      const json& f = j["fees"][i];
      const std::string where = "fees[" + std::to_string(i) + "].";
      if (!f.is_object()) return Invalid("fees[" + std::to_string(i) + "]", "not_an_object", "a fee is an object");
      dossier::Fee fee;
      MOTCUA_ASSIGN_OR_RETURN(fee.name, GetString(f, "name", where, true));
      MOTCUA_ASSIGN_OR_RETURN(auto amount, GetInt(f, "amount_vnd", where, 0, kMaxFeeVnd));
      if (!amount) return Invalid(where + "amount_vnd", "missing", "amount_vnd is a whole number of đồng");
      fee.amount_vnd = *amount;
      fees.push_back(std::move(fee));
    }
    r.fees = std::move(fees);
  }
  return out;
}

}  // namespace

Result<ParsedIntake> ParseIntakeJson(std::string_view text, const fs::path& base) {
  if (text.size() > kMaxIntakeJsonBytes)
    return Invalid("json", "too_large", "a dossier file has at most " + std::to_string(kMaxIntakeJsonBytes) + " bytes");
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Invalid("json", "bad_json", "the dossier file is not valid JSON");
  return ParseIntake(j, base);
}

Result<std::vector<PendingFile>> ReadIntakeFiles(const ParsedIntake& parsed) {
  std::vector<PendingFile> out;
  for (const IntakeFileRef& ref : parsed.files) {
    auto bytes = ReadRegularFile(ref.path, "components[" + std::to_string(ref.component) + "].files",
                                 kMaxScanFileBytes);
    if (!bytes) return bytes.error();
    out.push_back({ref.component, ref.path.filename().string(), std::move(*bytes)});
  }
  return out;
}

}  // namespace motcua::workflow
