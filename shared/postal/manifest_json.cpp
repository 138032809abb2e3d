#include "postal/manifest_json.h"

#include <nlohmann/json.hpp>

#include "codes/cccd.h"
#include "postal/internal/json_read.h"

namespace motcua::postal {
namespace {

using internal::Reader;
using nlohmann::json;

template <class E>
struct Choice {
  const char* key;
  E value;
};

constexpr Choice<dossier::ApplicantKind> kKinds[] = {{"individual", dossier::ApplicantKind::kIndividual},
                                                     {"organization", dossier::ApplicantKind::kOrganization}};
constexpr Choice<dossier::IdType> kIdTypes[] = {{"cccd", dossier::IdType::kCccd},
                                                {"cmnd", dossier::IdType::kCmnd},
                                                {"tax_code", dossier::IdType::kTaxCode},
                                                {"passport", dossier::IdType::kPassport},
                                                {"other", dossier::IdType::kOther}};
constexpr Choice<dossier::Channel> kChannels[] = {{"counter", dossier::Channel::kCounter},
                                                  {"online", dossier::Channel::kOnline},
                                                  {"postal", dossier::Channel::kPostal}};
constexpr Choice<dossier::Delivery> kDeliveries[] = {{"counter", dossier::Delivery::kCounter},
                                                     {"postal", dossier::Delivery::kPostal}};

template <class E, std::size_t N>
const char* KeyOf(const Choice<E> (&choices)[N], E value) {
  for (const auto& c : choices)
    if (c.value == value) return c.key;
  return choices[0].key;
}

template <class E, std::size_t N>
Result<E> EnumFrom(Reader& r, const json& j, const char* key, const Choice<E> (&choices)[N], E fallback) {
  MOTCUA_ASSIGN_OR_RETURN(std::string v, r.String(j, key));
  if (v.empty()) return fallback;
  std::string names;
  for (const auto& c : choices) {
    if (v == c.key) return c.value;
    names += std::string(names.empty() ? "" : ", ") + c.key;
  }
  return Invalid(r.Field(key), "bad_value", "\"" + v + "\" is not one of " + names);
}

json AttachmentToJson(const dossier::Attachment& a) {
  return {{"sha256", a.sha256},         {"mime", a.mime},         {"pages", a.pages},
          {"size_bytes", a.size_bytes}, {"file_name", a.file_name}, {"added_by", a.added_by},
          {"added_at", FormatInstantUtc(a.added_at)}};
}

json IntakeObject(const workflow::IntakeRequest& r) {
  const dossier::Applicant& a = r.applicant;
  json j = {{"procedure_code", r.procedure_code},
            {"applicant",
             {{"kind", KeyOf(kKinds, a.kind)},
              {"id_type", KeyOf(kIdTypes, a.id_type)},
              {"id_number", a.id_number},
              {"name", a.name},
              {"phone", a.phone},
              {"email", a.email},
              {"address", a.address}}},
            {"channel", KeyOf(kChannels, r.channel)},
            {"delivery", KeyOf(kDeliveries, r.delivery)},
            {"delivery_address", r.delivery_address},
            {"processing_unit", r.processing_unit},
            {"summary", r.summary},
            {"sets", r.sets},
            {"vneid_verified", r.vneid_verified},
            {"cases", r.cases}};
  if (r.components) {
    json list = json::array();
    for (const workflow::IntakeComponent& c : *r.components) {
      json files = json::array();
      for (const auto& f : c.files) files.push_back(AttachmentToJson(f));
      json o = {{"code", c.code},
                {"shown_only", c.shown_only},
                {"reused_result_code", c.reused_result_code},
                {"from_citizen_store", c.from_citizen_store},
                {"files", files}};
      if (c.originals) o["originals"] = *c.originals;
      if (c.copies) o["copies"] = *c.copies;
      list.push_back(std::move(o));
    }
    j["components"] = std::move(list);
  }
  if (r.fees) {
    json list = json::array();
    for (const dossier::Fee& f : *r.fees) list.push_back({{"name", f.name}, {"amount_vnd", f.amount_vnd}});
    j["fees"] = std::move(list);
  }
  return j;
}

Result<dossier::Attachment> AttachmentFrom(Reader& r, const json& j) {
  MOTCUA_TRY(r.Object(j));
  dossier::Attachment a;
  MOTCUA_ASSIGN_OR_RETURN(a.sha256, r.String(j, "sha256", true));
  MOTCUA_ASSIGN_OR_RETURN(a.mime, r.String(j, "mime", true));
  MOTCUA_ASSIGN_OR_RETURN(a.pages, r.Int(j, "pages", 0));
  MOTCUA_ASSIGN_OR_RETURN(a.size_bytes, r.Int64(j, "size_bytes", 0));
  MOTCUA_ASSIGN_OR_RETURN(a.file_name, r.String(j, "file_name"));
  MOTCUA_ASSIGN_OR_RETURN(a.added_by, r.String(j, "added_by"));
  MOTCUA_ASSIGN_OR_RETURN(auto at, r.Time(j, "added_at"));
  a.added_at = at.value_or(Instant{});
  return a;
}

Result<dossier::Applicant> ApplicantFrom(Reader& r, const json& j) {
  MOTCUA_TRY(r.Object(j));
  dossier::Applicant a;
  MOTCUA_ASSIGN_OR_RETURN(std::string qr, r.String(j, "cccd_qr"));
  MOTCUA_ASSIGN_OR_RETURN(a.kind, EnumFrom(r, j, "kind", kKinds, dossier::ApplicantKind::kIndividual));
  if (!qr.empty()) {
    auto card = codes::ParseCccdQr(qr);
    if (!card) {
      Error e = card.error();
      e.field = r.Field("cccd_qr");
      return e;
    }
    a.id_type = dossier::IdType::kCccd;
    a.id_number = card->id;
    a.name = card->name;
    a.address = card->address;
  } else {
    MOTCUA_ASSIGN_OR_RETURN(a.id_type, EnumFrom(r, j, "id_type", kIdTypes, dossier::IdType::kCccd));
    MOTCUA_ASSIGN_OR_RETURN(a.id_number, r.String(j, "id_number", true));
    MOTCUA_ASSIGN_OR_RETURN(a.name, r.String(j, "name", true));
    MOTCUA_ASSIGN_OR_RETURN(a.address, r.String(j, "address"));
  }
  MOTCUA_ASSIGN_OR_RETURN(a.phone, r.String(j, "phone"));
  MOTCUA_ASSIGN_OR_RETURN(a.email, r.String(j, "email"));
  return a;
}

Result<workflow::IntakeRequest> IntakeFrom(Reader& r, const json& j) {
  MOTCUA_TRY(r.Object(j));
  workflow::IntakeRequest out;
  MOTCUA_ASSIGN_OR_RETURN(out.procedure_code, r.String(j, "procedure_code", true));
  if (!j.contains("applicant")) return Invalid(r.Field("applicant"), "missing", "applicant is required");
  {
    Reader sub = r.Sub("applicant");
    MOTCUA_ASSIGN_OR_RETURN(out.applicant, ApplicantFrom(sub, j["applicant"]));
  }
  MOTCUA_ASSIGN_OR_RETURN(out.channel, EnumFrom(r, j, "channel", kChannels, dossier::Channel::kCounter));
  MOTCUA_ASSIGN_OR_RETURN(out.delivery, EnumFrom(r, j, "delivery", kDeliveries, dossier::Delivery::kCounter));
  MOTCUA_ASSIGN_OR_RETURN(out.delivery_address, r.String(j, "delivery_address"));
  MOTCUA_ASSIGN_OR_RETURN(out.processing_unit, r.String(j, "processing_unit"));
  MOTCUA_ASSIGN_OR_RETURN(out.summary, r.String(j, "summary"));
  MOTCUA_ASSIGN_OR_RETURN(out.sets, r.Int(j, "sets", 1));
  MOTCUA_ASSIGN_OR_RETURN(out.vneid_verified, r.Bool(j, "vneid_verified"));
  MOTCUA_ASSIGN_OR_RETURN(const json* cases, r.Array(j, "cases"));
  if (cases) {
    for (std::size_t i = 0; i < cases->size(); ++i) {
      if (!(*cases)[i].is_string())
        return Invalid(r.Field("cases[" + std::to_string(i) + "]"), "not_a_string", "a case is a group name");
      out.cases.push_back((*cases)[i].get<std::string>());
    }
  }
  MOTCUA_ASSIGN_OR_RETURN(const json* components, r.Array(j, "components"));
  if (components) {
    std::vector<workflow::IntakeComponent> list;
    for (std::size_t i = 0; i < components->size(); ++i) {
      Reader cr = r.Sub("components[" + std::to_string(i) + "]");
      const json& c = (*components)[i];
      MOTCUA_TRY(cr.Object(c));
      workflow::IntakeComponent ic;
      MOTCUA_ASSIGN_OR_RETURN(ic.code, cr.String(c, "code", true));
      MOTCUA_ASSIGN_OR_RETURN(ic.originals, cr.OptionalInt(c, "originals"));
      MOTCUA_ASSIGN_OR_RETURN(ic.copies, cr.OptionalInt(c, "copies"));
      MOTCUA_ASSIGN_OR_RETURN(ic.shown_only, cr.Bool(c, "shown_only"));
      MOTCUA_ASSIGN_OR_RETURN(ic.reused_result_code, cr.String(c, "reused_result_code"));
      MOTCUA_ASSIGN_OR_RETURN(ic.from_citizen_store, cr.Bool(c, "from_citizen_store"));
      MOTCUA_ASSIGN_OR_RETURN(const json* files, cr.Array(c, "files"));
      if (files) {
        for (std::size_t k = 0; k < files->size(); ++k) {
          Reader fr = cr.Sub("files[" + std::to_string(k) + "]");
          MOTCUA_ASSIGN_OR_RETURN(dossier::Attachment a, AttachmentFrom(fr, (*files)[k]));
          ic.files.push_back(std::move(a));
        }
      }
      list.push_back(std::move(ic));
    }
    out.components = std::move(list);
  }
  MOTCUA_ASSIGN_OR_RETURN(const json* fees, r.Array(j, "fees"));
  if (fees) {
    std::vector<dossier::Fee> list;
    for (std::size_t i = 0; i < fees->size(); ++i) {
      Reader fr = r.Sub("fees[" + std::to_string(i) + "]");
      const json& f = (*fees)[i];
      MOTCUA_TRY(fr.Object(f));
      dossier::Fee fee;
      MOTCUA_ASSIGN_OR_RETURN(fee.name, fr.String(f, "name", true));
      if (!f.contains("amount_vnd")) return Invalid(fr.Field("amount_vnd"), "missing", "amount_vnd is required");
      MOTCUA_ASSIGN_OR_RETURN(fee.amount_vnd, fr.Int64(f, "amount_vnd", 0));
      list.push_back(std::move(fee));
    }
    out.fees = std::move(list);
  }
  return out;
}

json PartyToJson(const Party& p) {
  return {{"organization", p.organization}, {"representative", p.representative}, {"position", p.position},
          {"phone", p.phone},               {"staff_id", p.staff_id},             {"user", p.user}};
}

Result<Party> PartyFrom(Reader& r, const json& j) {
  MOTCUA_TRY(r.Object(j));
  Party p;
  MOTCUA_ASSIGN_OR_RETURN(p.organization, r.String(j, "organization"));
  MOTCUA_ASSIGN_OR_RETURN(p.representative, r.String(j, "representative"));
  MOTCUA_ASSIGN_OR_RETURN(p.position, r.String(j, "position"));
  MOTCUA_ASSIGN_OR_RETURN(p.phone, r.String(j, "phone"));
  MOTCUA_ASSIGN_OR_RETURN(p.staff_id, r.String(j, "staff_id"));
  MOTCUA_ASSIGN_OR_RETURN(p.user, r.String(j, "user"));
  return p;
}

json OptTime(const std::optional<Instant>& t) { return t ? json(FormatInstantUtc(*t)) : json(nullptr); }

Result<Manifest> ManifestFrom(Reader& r, const json& j) {
  MOTCUA_TRY(r.Object(j));
  Manifest m;
  MOTCUA_ASSIGN_OR_RETURN(m.id, r.String(j, "id", true));
  MOTCUA_ASSIGN_OR_RETURN(std::string direction, r.String(j, "direction", true));
  MOTCUA_ASSIGN_OR_RETURN(m.direction, ParseDirection(direction, r.Field("direction")));
  MOTCUA_ASSIGN_OR_RETURN(std::string status, r.String(j, "status", true));
  MOTCUA_ASSIGN_OR_RETURN(m.status, ParseManifestStatus(status, r.Field("status")));
  for (auto [key, party] : {std::pair{"postal", &m.postal}, std::pair{"center", &m.center}}) {
    if (!j.contains(key)) return Invalid(r.Field(key), "missing", std::string(key) + " is required");
    Reader pr = r.Sub(key);
    MOTCUA_ASSIGN_OR_RETURN(*party, PartyFrom(pr, j[key]));
  }
  MOTCUA_ASSIGN_OR_RETURN(auto created, r.Time(j, "created_at"));
  m.created_at = created.value_or(Instant{});
  MOTCUA_ASSIGN_OR_RETURN(m.created_by, r.String(j, "created_by"));
  MOTCUA_ASSIGN_OR_RETURN(m.station, r.String(j, "station"));
  MOTCUA_ASSIGN_OR_RETURN(m.signed_at, r.Time(j, "signed_at"));
  MOTCUA_ASSIGN_OR_RETURN(m.signed_by, r.String(j, "signed_by"));
  MOTCUA_ASSIGN_OR_RETURN(m.closed_at, r.Time(j, "closed_at"));
  MOTCUA_ASSIGN_OR_RETURN(m.cancel_reason, r.String(j, "cancel_reason"));
  MOTCUA_ASSIGN_OR_RETURN(const json* items, r.Array(j, "items"));
  if (!items) return Invalid(r.Field("items"), "missing", "items is required");
  for (std::size_t i = 0; i < items->size(); ++i) {
    Reader ir = r.Sub("items[" + std::to_string(i) + "]");
    const json& it = (*items)[i];
    MOTCUA_TRY(ir.Object(it));
    ManifestItem item;
    MOTCUA_ASSIGN_OR_RETURN(item.parcel_number, ir.String(it, "parcel_number"));
    MOTCUA_ASSIGN_OR_RETURN(item.dossier_code, ir.String(it, "dossier_code"));
    if (it.contains("intake") && !it["intake"].is_null()) {
      Reader xr = ir.Sub("intake");
      MOTCUA_ASSIGN_OR_RETURN(item.intake, IntakeFrom(xr, it["intake"]));
    }
    MOTCUA_ASSIGN_OR_RETURN(item.person_name, ir.String(it, "person_name"));
    MOTCUA_ASSIGN_OR_RETURN(item.procedure_name, ir.String(it, "procedure_name"));
    MOTCUA_ASSIGN_OR_RETURN(item.sets, ir.Int(it, "sets", 1));
    MOTCUA_ASSIGN_OR_RETURN(item.delivery_address, ir.String(it, "delivery_address"));
    MOTCUA_ASSIGN_OR_RETURN(item.originals_returned, ir.Bool(it, "originals_returned"));
    MOTCUA_ASSIGN_OR_RETURN(item.no_digital_result_reason, ir.String(it, "no_digital_result_reason"));
    MOTCUA_ASSIGN_OR_RETURN(item.note, ir.String(it, "note"));
    MOTCUA_ASSIGN_OR_RETURN(auto added, ir.Time(it, "added_at"));
    item.added_at = added.value_or(Instant{});
    MOTCUA_ASSIGN_OR_RETURN(item.added_by, ir.String(it, "added_by"));
    if (it.contains("delivery")) {
      Reader dr = ir.Sub("delivery");
      const json& d = it["delivery"];
      MOTCUA_TRY(dr.Object(d));
      MOTCUA_ASSIGN_OR_RETURN(std::string ds, dr.String(d, "status", true));
      MOTCUA_ASSIGN_OR_RETURN(item.delivery.status, ParseDeliveryStatus(ds, dr.Field("status")));
      MOTCUA_ASSIGN_OR_RETURN(item.delivery.at, dr.Time(d, "at"));
      MOTCUA_ASSIGN_OR_RETURN(item.delivery.receiver_name, dr.String(d, "receiver_name"));
      MOTCUA_ASSIGN_OR_RETURN(item.delivery.reason, dr.String(d, "reason"));
      MOTCUA_ASSIGN_OR_RETURN(item.delivery.failed_attempts, dr.Int(d, "failed_attempts", 0));
      MOTCUA_ASSIGN_OR_RETURN(item.delivery.recorded_by, dr.String(d, "recorded_by"));
    }
    m.items.push_back(std::move(item));
  }
  return m;
}

}  // namespace

std::string IntakeToJson(const workflow::IntakeRequest& r) { return IntakeObject(r).dump(); }

Result<workflow::IntakeRequest> IntakeFromJson(std::string_view text, std::string_view field_prefix) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  const std::string where = field_prefix.empty() ? "json" : std::string(field_prefix);
  if (j.is_discarded()) return Invalid(where, "bad_json", "not valid JSON");
  Reader r{std::string(field_prefix)};
  return IntakeFrom(r, j);
}

std::string ManifestToJson(const Manifest& m) {
  json items = json::array();
  for (const ManifestItem& it : m.items) {
    json o = {{"parcel_number", it.parcel_number},
              {"dossier_code", it.dossier_code},
              {"intake", it.intake ? IntakeObject(*it.intake) : json(nullptr)},
              {"person_name", it.person_name},
              {"procedure_name", it.procedure_name},
              {"sets", it.sets},
              {"delivery_address", it.delivery_address},
              {"originals_returned", it.originals_returned},
              {"no_digital_result_reason", it.no_digital_result_reason},
              {"note", it.note},
              {"added_at", FormatInstantUtc(it.added_at)},
              {"added_by", it.added_by}};
    if (m.direction == Direction::kOutbound) {
      const DeliveryRecord& d = it.delivery;
      o["delivery"] = {{"status", DeliveryStatusKey(d.status)}, {"at", OptTime(d.at)},
                       {"receiver_name", d.receiver_name},      {"reason", d.reason},
                       {"failed_attempts", d.failed_attempts},  {"recorded_by", d.recorded_by}};
    }
    items.push_back(std::move(o));
  }
  json j = {{"id", m.id},
            {"direction", DirectionKey(m.direction)},
            {"status", ManifestStatusKey(m.status)},
            {"postal", PartyToJson(m.postal)},
            {"center", PartyToJson(m.center)},
            {"created_at", FormatInstantUtc(m.created_at)},
            {"created_by", m.created_by},
            {"station", m.station},
            {"signed_at", OptTime(m.signed_at)},
            {"signed_by", m.signed_by},
            {"closed_at", OptTime(m.closed_at)},
            {"cancel_reason", m.cancel_reason},
            {"items", std::move(items)}};
  return j.dump();
}

Result<Manifest> ManifestFromJson(std::string_view text) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Corrupt("manifest", "bad_manifest", "a stored manifest is not valid JSON");
  Reader r("");
  auto m = ManifestFrom(r, j);
  if (!m) return Corrupt("manifest", "bad_manifest", "a stored manifest is damaged: " + m.error().Describe());
  return m;
}

}  // namespace motcua::postal
