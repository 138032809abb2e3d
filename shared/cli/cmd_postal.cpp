// motcua postal ...: handover manifests with the postal service (bưu chính công ích, postal/manifest.h).
//
//   postal create inbound|outbound [--json FILE] [--postal-org ORG] [--postal-rep NAME] [--postal-position P]
//                 [--postal-phone P] [--postal-staff-id ID] [--center-org ORG] [--center-rep NAME]
//                 [--center-position P] [--center-user USER]          prints the new draft's id
//   postal add MANIFEST --json FILE                                    inbound items from a file
//   postal add MANIFEST LOOKUP [--parcel N] [--originals-returned] [--no-digital-reason TEXT] [--note TEXT]
//                                                                      an outbound result, LOOKUP being a
//                                                                      receipt token, a dossier code or the
//                                                                      dossier's inbound parcel number
//   postal parcel MANIFEST ITEM NUMBER      set an item's parcel number (ITEM: parcel number or dossier code)
//   postal remove MANIFEST ITEM             postal cancel MANIFEST --reason TEXT
//   postal sign MANIFEST [--postal-org ORG] [--postal-rep NAME] [--postal-staff-id ID] [--center-rep NAME]
//               [--center-user USER]
//   postal deliver MANIFEST ITEM (--receiver NAME | --failed REASON) [--at "YYYY-MM-DD HH:MM"]
//   postal list [--direction inbound|outbound] [--status draft|signed|delivered|cancelled]
//   postal show MANIFEST                    postal pending (done postal results on no manifest)
//   postal find PARCEL                      postal pdf MANIFEST OUT.pdf
// JSON output: `motcua --json postal ...` (a --json after the verb names a file).
//
// The JSON of `create --json` and `add --json` (every key optional but items' parcel_number and dossier):
// {"postal": {"organization", "representative", "position", "phone", "staff_id"},
//  "center": {"organization", "representative", "position", "phone", "user"},
//  "items": [{"parcel_number": "EB000717618HK", "note": "...", "dossier": <as motcua receive --json>}]}
// `add --json` also takes one item object, or a list of items. Relative file paths in a dossier are
// resolved against the JSON file's folder. The postal organization defaults to the store setting
// "postal.organization" (`motcua` has no verb for settings yet: the installer writes it). Items are added one by one: on a bad item the draft keeps
// the items before it, and the error names the item ("items[2].dossier.applicant.id_number").
#include <algorithm>
#include <filesystem>
#include <ostream>

#include <nlohmann/json.hpp>

#include "common/files.h"
#include "digitize/file_store.h"
#include "workflow/intake_json.h"
#include "cli/session.h"
#include "postal/manifest.h"
#include "postal/manifest_form.h"
#include "postal/manifest_json.h"
#include "print/form_pdf.h"

namespace motcua::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

Error Usage(const std::string& what) {
  return Invalid("arguments", "usage", "usage: motcua postal " + what);
}

Error Prefixed(Error e, const std::string& prefix) {
  e.field = e.field.empty() ? prefix : prefix + "." + e.field;
  return e;
}

// Reads the flags listed into `dest` (only those present).
Status ReadFlags(Args& args, std::initializer_list<std::pair<const char*, std::string*>> flags) {
  for (auto [name, dest] : flags) {
    MOTCUA_ASSIGN_OR_RETURN(auto v, args.Flag(name));
    if (v) *dest = *v;
  }
  return Ok();
}

Result<json> ReadJsonFile(const std::string& path) {
  MOTCUA_ASSIGN_OR_RETURN(std::string text, ReadFile(path, "json", kMaxJsonFileBytes));
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Invalid("json", "bad_json", path + " is not valid JSON");
  return j;
}

Result<postal::Party> PartyFromJson(const json& j, const std::string& where) {
  postal::Party p;
  if (j.is_null()) return p;
  if (!j.is_object()) return Invalid(where, "not_an_object", where + " must be an object");
  for (auto [key, dest] : {std::pair<const char*, std::string*>{"organization", &p.organization},
                           {"representative", &p.representative},
                           {"position", &p.position},
                           {"phone", &p.phone},
                           {"staff_id", &p.staff_id},
                           {"user", &p.user}}) {
    if (!j.contains(key) || j[key].is_null()) continue;
    if (!j[key].is_string()) return Invalid(where + "." + key, "not_a_string", std::string(key) + " must be a string");
    *dest = j[key].get<std::string>();
  }
  return p;
}

// Reads every file an item's dossier names, checks them all, then stores them and attaches them to the
// request's components; `stored_here` gets the files this call added, for removal if the item is refused.
Status StoreItemFiles(Session& s, workflow::ParsedIntake& intake, std::vector<std::string>& stored_here) {
  MOTCUA_ASSIGN_OR_RETURN(std::vector<workflow::PendingFile> files, workflow::ReadIntakeFiles(intake));
  for (const workflow::PendingFile& f : files) MOTCUA_TRY(digitize::InspectBytes(f.bytes));
  for (const workflow::PendingFile& f : files) {
    auto stored = digitize::StoreBytes(s.desk.files_root, f.bytes);
    if (!stored) {
      for (const std::string& sha : stored_here) digitize::RemoveStored(s.desk.files_root, sha);
      return stored.error();
    }
    if (stored->newly_stored) stored_here.push_back(stored->sha256);
    (*intake.request.components)[f.component].files.push_back(
        {stored->sha256, stored->mime, stored->pages, stored->size_bytes, f.file_name, s.actor.user, Instant{}});
  }
  return Ok();
}

// Adds every inbound item of `items` (a JSON list) to manifest `id`; prints nothing.
Status AddInboundItems(Session& s, Context& ctx, const std::string& id, const json& items, const fs::path& base,
                       const postal::PostalSettings& settings) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string where = "items[" + std::to_string(i) + "]";
    const json& item = items[i];
    if (!item.is_object()) return Invalid(where, "not_an_object", "an item is an object");
    if (!item.contains("parcel_number") || !item["parcel_number"].is_string())
      return Invalid(where + ".parcel_number", "missing", "each item needs its parcel_number (số phiếu gửi)");
    if (!item.contains("dossier")) return Invalid(where + ".dossier", "missing", "each item needs its dossier");
    auto intake = workflow::ParseIntakeJson(DumpJson(item["dossier"]), base);
    if (!intake) return Prefixed(intake.error(), where + ".dossier");
    std::vector<std::string> stored_here;
    if (Status files = StoreItemFiles(s, *intake, stored_here); !files) return Prefixed(files.error(), where + ".dossier");
    postal::InboundItem in{item["parcel_number"].get<std::string>(), std::move(intake->request), ""};
    if (item.contains("note") && item["note"].is_string()) in.note = item["note"].get<std::string>();
    auto added = postal::AddInboundItem(s.desk, s.actor, id, in, settings, ctx.Now());
    if (!added) {
      for (const std::string& sha : stored_here) digitize::RemoveStored(s.desk.files_root, sha);
      Error e = added.error();
      if (e.field == "parcel_number") e.field = where + ".parcel_number";
      else if (e.field != "role" && e.field != "status" && e.field != "manifest") e = Prefixed(e, where + ".dossier");
      e.detail += " (item " + std::to_string(i + 1) + "; manifest " + id + " keeps the items before it)";
      return e;
    }
  }
  return Ok();
}

std::string Text(const std::optional<Instant>& t) { return t ? FormatLocalMinute(ToLocalVn(*t)) : "-"; }

void PrintManifest(Context& ctx, const postal::Manifest& m) {
  if (ctx.json) {
    *ctx.out << postal::ManifestToJson(m) << "\n";
    return;
  }
  *ctx.out << m.id << "  " << postal::DirectionKey(m.direction) << "  " << postal::ManifestStatusKey(m.status)
           << "  signed " << Text(m.signed_at) << "  postal: " << (m.postal.representative.empty() ? "-" : m.postal.representative)
           << "  center: " << (m.center.representative.empty() ? "-" : m.center.representative) << "\n";
  for (const postal::ManifestItem& it : m.items) {
    *ctx.out << "  " << (it.parcel_number.empty() ? "(no parcel)" : it.parcel_number) << "  "
             << (it.dossier_code.empty() ? "-" : it.dossier_code) << "  " << it.person_name << "  " << it.procedure_name;
    if (m.direction == postal::Direction::kOutbound) {
      *ctx.out << "  " << postal::DeliveryStatusKey(it.delivery.status);
      if (it.delivery.status == postal::DeliveryStatus::kDelivered)
        *ctx.out << " " << Text(it.delivery.at) << " to " << it.delivery.receiver_name;
      if (it.delivery.status == postal::DeliveryStatus::kFailed)
        *ctx.out << " x" << it.delivery.failed_attempts << ": " << it.delivery.reason;
    }
    *ctx.out << "\n";
  }
}

int Create(Context& ctx, Args& args, Session& s, const postal::PostalSettings& settings) {
  postal::Party postal, center;
  auto json_flag = args.Flag("json");
  if (!json_flag) return ReportError(ctx, json_flag.error());
  if (auto f = ReadFlags(args, {{"postal-org", &postal.organization},
                                {"postal-rep", &postal.representative},
                                {"postal-position", &postal.position},
                                {"postal-phone", &postal.phone},
                                {"postal-staff-id", &postal.staff_id},
                                {"center-org", &center.organization},
                                {"center-rep", &center.representative},
                                {"center-position", &center.position},
                                {"center-user", &center.user}});
      !f)
    return ReportError(ctx, f.error());
  auto rest = args.Positional();
  if (!rest) return ReportError(ctx, rest.error());
  if (rest->size() != 2) return ReportError(ctx, Usage("create inbound|outbound [--json FILE] [party flags]"));
  auto direction = postal::ParseDirection((*rest)[1]);
  if (!direction) return ReportError(ctx, direction.error());
  json items = json::array();
  if (*json_flag) {
    auto j = ReadJsonFile(**json_flag);
    if (!j) return ReportError(ctx, j.error());
    if (!j->is_object()) return ReportError(ctx, Invalid("json", "not_an_object", "the manifest file holds an object"));
    // Flags win over the file.
    for (auto [key, party] : {std::pair{"postal", &postal}, std::pair{"center", &center}}) {
      if (!j->contains(key)) continue;
      auto from_file = PartyFromJson((*j)[key], key);
      if (!from_file) return ReportError(ctx, from_file.error());
      for (auto [mine, theirs] : {std::pair{&party->organization, &from_file->organization},
                                  {&party->representative, &from_file->representative},
                                  {&party->position, &from_file->position},
                                  {&party->phone, &from_file->phone},
                                  {&party->staff_id, &from_file->staff_id},
                                  {&party->user, &from_file->user}})
        if (mine->empty()) *mine = *theirs;
    }
    if (j->contains("items")) {
      if (!(*j)["items"].is_array()) return ReportError(ctx, Invalid("items", "not_an_array", "items is a list"));
      items = (*j)["items"];
      if (!items.empty() && *direction != postal::Direction::kInbound)
        return ReportError(ctx, Invalid("items", "wrong_direction",
                                        "items in a file are inbound dossiers; add outbound results with `postal add`"));
    }
  }
  if (postal.organization.empty()) postal.organization = settings.postal_organization;
  auto m = postal::CreateManifest(s.desk, s.actor, *direction, postal, center, ctx.Now());
  if (!m) return ReportError(ctx, m.error());
  if (!items.empty()) {
    const fs::path base = fs::path(**json_flag).parent_path();
    if (auto added = AddInboundItems(s, ctx, m->id, items, base, settings); !added)
      return ReportError(ctx, added.error());
  }
  if (ctx.json) {
    auto stored = postal::GetManifest(*s.store, m->id);
    if (!stored) return ReportError(ctx, stored.error());
    PrintManifest(ctx, *stored);
  } else {
    *ctx.out << m->id << " draft " << items.size() << " items\n";
  }
  return kExitOk;
}

int Add(Context& ctx, Args& args, Session& s, const postal::PostalSettings& settings) {
  postal::OutboundItem out;
  auto json_flag = args.Flag("json");
  if (!json_flag) return ReportError(ctx, json_flag.error());
  if (auto f = ReadFlags(args, {{"parcel", &out.parcel_number},
                                {"no-digital-reason", &out.no_digital_result_reason},
                                {"note", &out.note}});
      !f)
    return ReportError(ctx, f.error());
  out.originals_returned = args.Switch("originals-returned");
  auto rest = args.Positional();
  if (!rest) return ReportError(ctx, rest.error());
  Result<postal::Manifest> result = Invalid("", "", "");
  if (*json_flag) {
    if (rest->size() != 2) return ReportError(ctx, Usage("add MANIFEST --json FILE"));
    auto j = ReadJsonFile(**json_flag);
    if (!j) return ReportError(ctx, j.error());
    json items = j->is_array() ? *j : j->is_object() && j->contains("items") ? (*j)["items"] : json::array({*j});
    if (!items.is_array()) return ReportError(ctx, Invalid("items", "not_an_array", "items is a list"));
    if (auto added = AddInboundItems(s, ctx, (*rest)[1], items, fs::path(**json_flag).parent_path(), settings); !added)
      return ReportError(ctx, added.error());
    result = postal::GetManifest(*s.store, (*rest)[1]);
  } else {
    if (rest->size() != 3) return ReportError(ctx, Usage("add MANIFEST LOOKUP [--parcel N] ... | add MANIFEST --json FILE"));
    out.lookup = (*rest)[2];
    result = postal::AddOutboundItem(s.desk, s.actor, (*rest)[1], out, settings, ctx.Now());
  }
  if (!result) return ReportError(ctx, result.error());
  if (ctx.json) PrintManifest(ctx, *result);
  else *ctx.out << result->id << " draft " << result->items.size() << " items\n";
  return kExitOk;
}

int Sign(Context& ctx, Args& args, Session& s, const postal::PostalSettings& settings) {
  postal::SignRequest r;
  if (auto f = ReadFlags(args, {{"postal-org", &r.postal_organization},
                                {"postal-rep", &r.postal_representative},
                                {"postal-staff-id", &r.postal_staff_id},
                                {"center-rep", &r.center_representative},
                                {"center-user", &r.center_user}});
      !f)
    return ReportError(ctx, f.error());
  auto rest = args.Positional();
  if (!rest) return ReportError(ctx, rest.error());
  if (rest->size() != 2) return ReportError(ctx, Usage("sign MANIFEST [--postal-rep NAME] [--center-rep NAME] ..."));
  if (r.postal_organization.empty()) {
    auto draft = postal::GetManifest(*s.store, (*rest)[1]);
    if (draft && draft->postal.organization.empty()) r.postal_organization = settings.postal_organization;
  }
  auto signed_ = postal::SignManifest(s.desk, s.actor, (*rest)[1], r, ctx.Now());
  if (!signed_) return ReportError(ctx, signed_.error());
  const postal::Manifest& m = signed_->manifest;
  if (ctx.json) {
    json items = json::array();
    for (std::size_t i = 0; i < m.items.size(); ++i) {
      json o = {{"parcel_number", m.items[i].parcel_number}, {"dossier_code", m.items[i].dossier_code}};
      if (i < signed_->received.size()) {
        const dossier::Dossier& d = signed_->received[i].dossier;
        o["received_at"] = Text(d.received_at);
        o["due_at"] = d.due_at ? json(Text(d.due_at)) : json(nullptr);
        o["receipt_token"] = signed_->received[i].receipt_token;
      }
      items.push_back(std::move(o));
    }
    PrintJson(ctx, json{{"manifest", m.id}, {"signed_at", Text(m.signed_at)}, {"items", items}});
    return kExitOk;
  }
  *ctx.out << m.id << " signed " << Text(m.signed_at) << "\n";
  for (std::size_t i = 0; i < m.items.size(); ++i) {
    *ctx.out << m.items[i].parcel_number << " " << m.items[i].dossier_code;
    if (i < signed_->received.size()) {
      const auto& due = signed_->received[i].dossier.due_at;
      *ctx.out << " " << (due ? Text(due) : "no-due-date");
    } else {
      *ctx.out << " returned";
    }
    *ctx.out << "\n";
  }
  return kExitOk;
}

int Deliver(Context& ctx, Args& args, Session& s) {
  postal::DeliveryReport r;
  std::string failed, at;
  if (auto f = ReadFlags(args, {{"receiver", &r.receiver_name}, {"failed", &failed}, {"at", &at}}); !f)
    return ReportError(ctx, f.error());
  auto rest = args.Positional();
  if (!rest) return ReportError(ctx, rest.error());
  if (rest->size() != 3) return ReportError(ctx, Usage("deliver MANIFEST ITEM (--receiver NAME | --failed REASON)"));
  if (!failed.empty() && !r.receiver_name.empty())
    return ReportError(ctx, Invalid("failed", "conflicting_flags", "give --receiver or --failed, not both"));
  if (!failed.empty()) {
    r.delivered = false;
    r.reason = failed;
  }
  if (!at.empty()) {
    auto t = ParseLocalMinute(at, "at");
    if (!t) return ReportError(ctx, t.error());
    r.at = FromLocalVn(*t);
  }
  auto m = postal::RecordDelivery(s.desk, s.actor, (*rest)[1], (*rest)[2], r, ctx.Now());
  if (!m) return ReportError(ctx, m.error());
  if (ctx.json) PrintManifest(ctx, *m);
  else *ctx.out << m->id << " " << postal::ManifestStatusKey(m->status) << "\n";
  return kExitOk;
}

int List(Context& ctx, Args& args, Session& s) {
  std::string direction, status;
  if (auto f = ReadFlags(args, {{"direction", &direction}, {"status", &status}}); !f) return ReportError(ctx, f.error());
  auto rest = args.Positional();
  if (!rest) return ReportError(ctx, rest.error());
  if (rest->size() != 1) return ReportError(ctx, Usage("list [--direction D] [--status S]"));
  postal::ManifestQuery q;
  if (!direction.empty()) {
    auto d = postal::ParseDirection(direction);
    if (!d) return ReportError(ctx, d.error());
    q.direction = *d;
  }
  if (!status.empty()) {
    auto st = postal::ParseManifestStatus(status);
    if (!st) return ReportError(ctx, st.error());
    q.status = *st;
  }
  auto list = postal::ListManifests(*s.store, q);
  if (!list) return ReportError(ctx, list.error());
  if (ctx.json) {
    json out = json::array();
    for (const auto& m : *list) out.push_back(json::parse(postal::ManifestToJson(m)));
    PrintJson(ctx, out);
    return kExitOk;
  }
  for (const auto& m : *list)
    *ctx.out << m.id << "  " << postal::DirectionKey(m.direction) << "  " << postal::ManifestStatusKey(m.status) << "  "
             << m.items.size() << " items  " << Text(m.signed_at ? m.signed_at : std::optional<Instant>(m.created_at)) << "\n";
  return kExitOk;
}

int RunPostal(Context& ctx, Args& args) {
  const auto& remaining = args.Remaining();
  const std::string sub = remaining.empty() || remaining[0].rfind("--", 0) == 0 ? "" : remaining[0];
  static const char* kSubs[] = {"create", "add", "parcel", "remove", "cancel", "sign", "deliver",
                                "list", "show", "pending", "find", "pdf"};
  if (std::find(std::begin(kSubs), std::end(kSubs), sub) == std::end(kSubs))
    return ReportError(ctx, Invalid("subcommand", "unknown_subcommand",
                                    "\"" + sub + "\" is not one of create, add, parcel, remove, cancel, sign, deliver, "
                                    "list, show, pending, find, pdf"));
  static const char* kReadOnly[] = {"list", "show", "pending", "find", "pdf"};
  const bool writes = std::find(std::begin(kReadOnly), std::end(kReadOnly), sub) == std::end(kReadOnly);
  auto session = writes ? OpenSessionAs(ctx) : OpenSession(ctx);
  if (!session) return ReportError(ctx, session.error());
  Session& s = **session;
  auto settings = postal::LoadPostalSettings(*s.store);
  if (!settings) return ReportError(ctx, settings.error());

  if (sub == "create") return Create(ctx, args, s, *settings);
  if (sub == "add") return Add(ctx, args, s, *settings);
  if (sub == "sign") return Sign(ctx, args, s, *settings);
  if (sub == "deliver") return Deliver(ctx, args, s);
  if (sub == "list") return List(ctx, args, s);

  std::string reason;
  if (sub == "cancel")
    if (auto f = ReadFlags(args, {{"reason", &reason}}); !f) return ReportError(ctx, f.error());
  auto rest = args.Positional();
  if (!rest) return ReportError(ctx, rest.error());
  const std::vector<std::string>& p = *rest;
  auto need = [&](std::size_t n, const char* usage) -> Status {
    if (p.size() != n) return Usage(usage);
    return Ok();
  };
  Result<postal::Manifest> changed = Invalid("", "", "");
  if (sub == "parcel") {
    if (auto u = need(4, "parcel MANIFEST ITEM NUMBER"); !u) return ReportError(ctx, u.error());
    changed = postal::SetItemParcelNumber(s.desk, s.actor, p[1], p[2], p[3], *settings, ctx.Now());
  } else if (sub == "remove") {
    if (auto u = need(3, "remove MANIFEST ITEM"); !u) return ReportError(ctx, u.error());
    changed = postal::RemoveItem(s.desk, s.actor, p[1], p[2], ctx.Now());
  } else if (sub == "cancel") {
    if (auto u = need(2, "cancel MANIFEST --reason TEXT"); !u) return ReportError(ctx, u.error());
    changed = postal::CancelManifest(s.desk, s.actor, p[1], reason, ctx.Now());
  } else if (sub == "show") {
    if (auto u = need(2, "show MANIFEST"); !u) return ReportError(ctx, u.error());
    changed = postal::GetManifest(*s.store, p[1]);
  } else if (sub == "pending") {
    if (auto u = need(1, "pending"); !u) return ReportError(ctx, u.error());
    auto waiting = postal::ListAwaitingPostalDispatch(*s.store);
    if (!waiting) return ReportError(ctx, waiting.error());
    json out = json::array();
    for (const auto& w : *waiting) {
      if (ctx.json)
        out.push_back({{"dossier_code", w.dossier_code}, {"applicant_name", w.applicant_name},
                       {"procedure_name", w.procedure_name}, {"delivery_address", w.delivery_address},
                       {"finished_at", Text(w.finished_at)}});
      else
        *ctx.out << w.dossier_code << "  " << w.applicant_name << "  " << w.delivery_address << "\n";
    }
    if (ctx.json) PrintJson(ctx, out);
    return kExitOk;
  } else if (sub == "find") {
    if (auto u = need(2, "find PARCEL"); !u) return ReportError(ctx, u.error());
    auto found = postal::FindParcel(*s.store, p[1]);
    if (!found) return ReportError(ctx, found.error());
    if (!*found) return ReportError(ctx, NotFound("parcel_number", "not_listed", "parcel " + p[1] + " is on no manifest"));
    const postal::ParcelEntry& e = **found;
    if (ctx.json)
      *ctx.out << json{{"parcel_number", e.parcel_number}, {"manifest", e.manifest_id},
                       {"direction", postal::DirectionKey(e.direction)}, {"dossier_code", e.dossier_code},
                       {"signed", e.signed_manifest}}.dump() << "\n";
    else
      *ctx.out << e.parcel_number << " " << e.manifest_id << " " << (e.dossier_code.empty() ? "-" : e.dossier_code) << "\n";
    return kExitOk;
  } else if (sub == "pdf") {
    if (auto u = need(3, "pdf MANIFEST OUT.pdf"); !u) return ReportError(ctx, u.error());
    auto m = postal::GetManifest(*s.store, p[1]);
    if (!m) return ReportError(ctx, m.error());
    auto form = postal::MakeManifestForm(*m, postal::FormSettingsFor(s.desk.settings));
    if (!form) return ReportError(ctx, form.error());
    if (auto w = print::WriteHandoverManifestPdf(*form, p[2]); !w) return ReportError(ctx, w.error());
    *ctx.out << "wrote " << p[2] << "\n";
    return kExitOk;
  }
  if (!changed) return ReportError(ctx, changed.error());
  PrintManifest(ctx, *changed);
  return kExitOk;
}

}  // namespace

MOTCUA_CLI_COMMAND("postal",
                   "postal create|add|parcel|remove|cancel|sign|deliver|list|show|pending|find|pdf ... "
                   "(see cmd_postal.cpp)",
                   "handover manifests with the postal service: inbound dossiers (filed when signed), outbound "
                   "results, delivery, PDF",
                   RunPostal);

}  // namespace motcua::cli
