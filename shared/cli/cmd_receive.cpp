// motcua receive --json FILE: receive a dossier described by a JSON file; prints its code and due date.
//
// The file (keys other than procedure_code and applicant are optional):
// {
//   "procedure_code": "1.001193",
//   "applicant": {"kind": "individual|organization", "id_type": "cccd|cmnd|tax_code|passport|other",
//                 "id_number": "...", "name": "...", "phone": "...", "email": "...", "address": "..."}
//             or {"cccd_qr": "<the text of a CCCD QR code>", "phone": "...", "email": "..."},
//   "channel": "counter|online|postal", "delivery": "counter|postal", "delivery_address": "...",
//   "processing_unit": "...", "summary": "...", "sets": 1, "received_at": "YYYY-MM-DD HH:MM",
//   "cases": ["<component group of the catalog>", ...],
//   "components": [{"code": "TP1", "originals": 1, "copies": 0, "shown_only": false,
//                   "reused_result_code": "", "from_citizen_store": false, "files": ["scan.pdf"]}],
//   "fees": [{"name": "...", "amount_vnd": 8000}], "vneid_verified": false
// }
// Relative file paths are resolved against the JSON file's folder.
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/intake_json.h"
#include "cli/session.h"
#include "codes/cccd.h"
#include "digitize/file_store.h"

namespace motcua::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

Result<std::string> GetString(const json& j, const char* key, const std::string& where, bool required = false) {
  if (!j.contains(key) || j[key].is_null()) {
    if (required) return Invalid(where + key, "missing", std::string(key) + " is required");
    return std::string();
  }
  if (!j[key].is_string()) return Invalid(where + key, "not_a_string", std::string(key) + " must be a string");
  return j[key].get<std::string>();
}

Result<std::optional<int>> GetInt(const json& j, const char* key, const std::string& where) {
  if (!j.contains(key) || j[key].is_null()) return std::optional<int>();
  if (!j[key].is_number_integer()) return Invalid(where + key, "not_an_integer", std::string(key) + " must be a whole number");
  return std::optional<int>(j[key].get<int>());
}

Result<bool> GetBool(const json& j, const char* key, const std::string& where) {
  if (!j.contains(key) || j[key].is_null()) return false;
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
  if (!j.is_object()) return Invalid("applicant", "missing", "applicant must be an object");
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

Result<workflow::IntakeRequest> ParseIntake(const json& j, const fs::path& base, const fs::path& files_root,
                                            const std::string& actor) {
  if (!j.is_object()) return Invalid("json", "not_an_object", "the dossier file must hold a JSON object");
  workflow::IntakeRequest r;
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
  MOTCUA_ASSIGN_OR_RETURN(auto sets, GetInt(j, "sets", ""));
  r.sets = sets.value_or(1);
  MOTCUA_ASSIGN_OR_RETURN(r.vneid_verified, GetBool(j, "vneid_verified", ""));
  MOTCUA_ASSIGN_OR_RETURN(std::string received, GetString(j, "received_at", ""));
  if (!received.empty()) {
    MOTCUA_ASSIGN_OR_RETURN(LocalMinute t, ParseLocalMinute(received, "received_at"));
    r.received_at = FromLocalVn(t);
  }
  if (j.contains("cases")) {
    if (!j["cases"].is_array()) return Invalid("cases", "not_an_array", "cases must be a list of group names");
    for (const json& c : j["cases"]) {
      if (!c.is_string()) return Invalid("cases", "not_a_string", "a case is a group name");
      r.cases.push_back(c.get<std::string>());
    }
  }
  if (j.contains("components")) {
    if (!j["components"].is_array()) return Invalid("components", "not_an_array", "components must be a list");
    std::vector<workflow::IntakeComponent> list;
    for (std::size_t i = 0; i < j["components"].size(); ++i) {
      const json& c = j["components"][i];
      const std::string where = "components[" + std::to_string(i) + "].";
      if (!c.is_object()) return Invalid(where.substr(0, where.size() - 1), "not_an_object", "a component is an object");
      workflow::IntakeComponent ic;
      MOTCUA_ASSIGN_OR_RETURN(ic.code, GetString(c, "code", where, true));
      MOTCUA_ASSIGN_OR_RETURN(ic.originals, GetInt(c, "originals", where));
      MOTCUA_ASSIGN_OR_RETURN(ic.copies, GetInt(c, "copies", where));
      MOTCUA_ASSIGN_OR_RETURN(ic.shown_only, GetBool(c, "shown_only", where));
      MOTCUA_ASSIGN_OR_RETURN(ic.reused_result_code, GetString(c, "reused_result_code", where));
      MOTCUA_ASSIGN_OR_RETURN(ic.from_citizen_store, GetBool(c, "from_citizen_store", where));
      if (c.contains("files")) {
        if (!c["files"].is_array()) return Invalid(where + "files", "not_an_array", "files must be a list of paths");
        for (const json& f : c["files"]) {
          if (!f.is_string()) return Invalid(where + "files", "not_a_string", "a file is a path");
          fs::path p = f.get<std::string>();
          if (p.is_relative()) p = base / p;
          auto stored = digitize::StoreFile(files_root, p);
          if (!stored) {
            Error e = stored.error();
            e.field = where + "files";
            return e;
          }
          dossier::Attachment a{stored->sha256, stored->mime, stored->pages, stored->size_bytes,
                                p.filename().string(), actor, Instant{}};
          ic.files.push_back(std::move(a));
        }
      }
      list.push_back(std::move(ic));
    }
    r.components = std::move(list);
  }
  if (j.contains("fees")) {
    if (!j["fees"].is_array()) return Invalid("fees", "not_an_array", "fees must be a list");
    std::vector<dossier::Fee> fees;
    for (std::size_t i = 0; i < j["fees"].size(); ++i) {
      const json& f = j["fees"][i];
      const std::string where = "fees[" + std::to_string(i) + "].";
      dossier::Fee fee;
      MOTCUA_ASSIGN_OR_RETURN(fee.name, GetString(f, "name", where, true));
      if (!f.contains("amount_vnd") || !f["amount_vnd"].is_number_integer())
        return Invalid(where + "amount_vnd", "not_an_integer", "amount_vnd is a whole number of đồng");
      fee.amount_vnd = f["amount_vnd"].get<std::int64_t>();
      fees.push_back(std::move(fee));
    }
    r.fees = std::move(fees);
  }
  return r;
}

}  // namespace

Result<workflow::IntakeRequest> ParseIntakeJson(const std::string& text, const fs::path& base, const fs::path& files_root,
                                                const std::string& actor) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Invalid("json", "bad_json", "the dossier file is not valid JSON");
  return ParseIntake(j, base, files_root, actor);
}

namespace {

int RunReceive(Context& ctx, Args& args) {
  auto file = args.RequiredFlag("json");
  if (!file) return ReportError(ctx, file.error());
  if (auto rest = args.Positional(); !rest || !rest->empty())
    return ReportError(ctx, rest ? Invalid("arguments", "unexpected", "unexpected argument " + rest->front()) : rest.error());
  auto text = ReadFile(*file, "json");
  if (!text) return ReportError(ctx, text.error());
  auto session = OpenSession(ctx);
  if (!session) return ReportError(ctx, session.error());
  auto request = ParseIntakeJson(*text, fs::path(*file).parent_path(), (*session)->desk.files_root, ctx.actor);
  if (!request) return ReportError(ctx, request.error());
  auto received = workflow::Receive((*session)->desk, (*session)->actor, *request, ctx.Now());
  if (!received) return ReportError(ctx, received.error());
  const dossier::Dossier& d = received->dossier;
  for (const auto& w : received->warnings)
    if (w == "due_at_provisional")
      *ctx.err << "motcua: warning: the due date falls in a year without an official day-off schedule in "
                  "assets/calendar; only weekends were skipped\n";
  const std::string due = d.due_at ? FormatLocalMinute(ToLocalVn(*d.due_at)) : "";
  if (ctx.json) {
    *ctx.out << json{{"code", d.code},
                     {"due_at", d.due_at ? json(due) : json(nullptr)},
                     {"received_at", FormatLocalMinute(ToLocalVn(d.received_at))},
                     {"receipt_token", received->receipt_token}}
                    .dump()
             << "\n";
  } else {
    *ctx.out << d.code << " " << (d.due_at ? due : "no-due-date") << "\n";
  }
  return kExitOk;
}

}  // namespace

MOTCUA_CLI_COMMAND("receive", "receive --json FILE",
                   "receive a dossier described by FILE; prints its code and due date (YYYY-MM-DD HH:MM)",
                   RunReceive);

}  // namespace motcua::cli
