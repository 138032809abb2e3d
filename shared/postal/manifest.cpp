#include "postal/manifest.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "codes/dossier_code.h"
#include "codes/receipt_token.h"
#include "common/text.h"
#include "postal/manifest_json.h"

namespace motcua::postal {
namespace {

using dossier::Dossier;
using nlohmann::json;
using workflow::Actor;
using workflow::Desk;
using workflow::Permission;

constexpr const char* kDirectionKeys[] = {"inbound", "outbound"};
constexpr const char* kDirectionPrefixes[] = {"IN-", "OUT-"};
constexpr const char* kStatusKeys[] = {"draft", "signed", "delivered", "cancelled"};
constexpr const char* kDeliveryKeys[] = {"pending", "delivered", "failed"};

// Index record statuses (invariant (2)).
constexpr const char* kIndexOpen = "open";
constexpr const char* kIndexSigned = "signed";
constexpr const char* kIndexReleased = "released";

std::string Clean(std::string_view s) { return NormalizeNfc(Trim(s)); }

std::string LocalText(Instant t) { return FormatLocalMinute(ToLocalVn(t)); }

std::string ParcelKey(std::string_view parcel) { return "parcel:" + std::string(parcel); }
std::string ClaimKey(std::string_view code) { return "claim:" + std::string(code); }

// A signing party as typed: names and labels within their caps, no control characters (common/text.h).
Status CheckParty(const Party& p, const std::string& side) {
  MOTCUA_TRY(CheckTextLine(p.organization, side + ".organization", kMaxLabelChars));
  MOTCUA_TRY(CheckTextLine(p.representative, side + ".representative", kMaxNameChars));
  MOTCUA_TRY(CheckTextLine(p.position, side + ".position", kMaxLabelChars));
  MOTCUA_TRY(CheckTextLine(p.phone, side + ".phone", kMaxCodeChars));
  MOTCUA_TRY(CheckTextLine(p.staff_id, side + ".staff_id", kMaxCodeChars));
  return CheckTextLine(p.user, side + ".user", kMaxCodeChars);
}

Party CleanParty(const Party& p) {
  return {Clean(p.organization), Clean(p.representative), Clean(p.position),
          std::string(Trim(p.phone)), std::string(Trim(p.staff_id)), std::string(Trim(p.user))};
}

Result<Manifest> Load(store::WriteTx& tx, std::string_view id) {
  MOTCUA_ASSIGN_OR_RETURN(auto record, tx.GetRecord(kManifestKind, id));
  if (!record) return NotFound("manifest", "no_such_manifest", "no manifest " + std::string(id));
  MOTCUA_ASSIGN_OR_RETURN(Manifest m, ManifestFromJson(record->body_json));
  m.version = record->version;
  return m;
}

// Stores `m` (creating it when m.version == 0) and bumps m.version as the store does.
Status Save(store::WriteTx& tx, Manifest& m, Instant now) {
  MOTCUA_TRY(tx.PutRecord({kManifestKind, m.id, ManifestStatusKey(m.status), now, ManifestToJson(m), m.version}));
  m.version += 1;
  return Ok();
}

Status Journal(store::WriteTx& tx, const Actor& actor, const std::string& type, Instant now, const json& payload) {
  auto e = tx.AppendEvent({type, "", actor.user, actor.station, now, payload.dump()});
  if (!e) return e.error();
  return Ok();
}

// Marks `key` of the index as held by manifest `m`. `busy` is the error when another manifest that is
// not cancelled already holds it (it gets the holder's id appended).
Status Claim(store::WriteTx& tx, const std::string& key, const Manifest& m, const json& body, Error busy,
             Instant now) {
  MOTCUA_ASSIGN_OR_RETURN(auto held, tx.GetRecord(kIndexKind, key));
  if (held && held->status != kIndexReleased) {
    json b = json::parse(held->body_json, nullptr, false);
    const std::string holder = b.is_object() && b.contains("manifest") && b["manifest"].is_string()
                                   ? b["manifest"].get<std::string>()
                                   : std::string("?");
    busy.detail += " (on manifest " + holder + ")";
    return busy;
  }
  json full = body;
  full["manifest"] = m.id;
  full["direction"] = DirectionKey(m.direction);
  return tx.PutRecord({kIndexKind, key, kIndexOpen, now, full.dump(), held ? held->version : 0});
}

// Sets the status of an index entry (and merges `extra` into its body). A missing entry is created, so
// that a manifest written before the index existed still gets one.
Status SetIndex(store::WriteTx& tx, const std::string& key, const Manifest& m, const char* status, Instant now,
                const json& extra = json::object()) {
  MOTCUA_ASSIGN_OR_RETURN(auto held, tx.GetRecord(kIndexKind, key));
  json body = held ? json::parse(held->body_json, nullptr, false) : json::object();
  if (!body.is_object()) body = json::object();
  body["manifest"] = m.id;
  body["direction"] = DirectionKey(m.direction);
  for (auto it = extra.begin(); it != extra.end(); ++it) body[it.key()] = it.value();
  return tx.PutRecord({kIndexKind, key, status, now, body.dump(), held ? held->version : 0});
}

Status ReleaseItem(store::WriteTx& tx, const Manifest& m, const ManifestItem& item, Instant now) {
  if (!item.parcel_number.empty()) MOTCUA_TRY(SetIndex(tx, ParcelKey(item.parcel_number), m, kIndexReleased, now));
  if (m.direction == Direction::kOutbound && !item.dossier_code.empty())
    MOTCUA_TRY(SetIndex(tx, ClaimKey(item.dossier_code), m, kIndexReleased, now));
  return Ok();
}

Status ClaimParcel(store::WriteTx& tx, const Manifest& m, const std::string& parcel, const std::string& code,
                   Instant now) {
  return Claim(tx, ParcelKey(parcel), m, {{"parcel_number", parcel}, {"dossier_code", code}},
               Conflict("parcel_number", "parcel_already_listed", "parcel " + parcel + " is already listed"), now);
}

Status RequireDraft(const Manifest& m) {
  if (m.status == ManifestStatus::kDraft) return Ok();
  return Conflict("status", "not_a_draft",
                  "manifest " + m.id + " is " + ManifestStatusKey(m.status) + ": only a draft can change");
}

Status RequireDirection(const Manifest& m, Direction d) {
  if (m.direction == d) return Ok();
  return Invalid("direction", "wrong_direction",
                 "manifest " + m.id + " is " + DirectionKey(m.direction) + ", not " + DirectionKey(d));
}

int FindItem(const Manifest& m, std::string_view ref) {
  const std::string n = NormalizeParcelNumber(ref);
  if (n.empty()) return -1;
  for (std::size_t i = 0; i < m.items.size(); ++i)
    if (m.items[i].parcel_number == n || m.items[i].dossier_code == n) return static_cast<int>(i);
  return -1;
}

Result<int> RequireItem(const Manifest& m, std::string_view ref) {
  const int i = FindItem(m, ref);
  if (i < 0)
    return NotFound("item", "no_such_item", "manifest " + m.id + " has no item \"" + std::string(Trim(ref)) + "\"");
  return i;
}

// Loads a manifest, lets `change` edit it, stores it and journals `event` with the payload `change`
// filled, all in one transaction.
template <class Change>
Result<Manifest> Edit(const Desk& desk, const Actor& actor, std::string_view id, const std::string& event,
                      Instant now, Change change) {
  MOTCUA_TRY(workflow::Require(actor, Permission::kPostalHandover));
  Manifest out;
  Status s = desk.store->Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(Manifest m, Load(tx, id));
    json payload = {{"manifest", m.id}};
    MOTCUA_TRY(change(tx, m, payload));
    MOTCUA_TRY(Save(tx, m, now));
    MOTCUA_TRY(Journal(tx, actor, event, now, payload));
    out = std::move(m);
    return Ok();
  });
  if (!s) return s.error();
  return out;
}

bool PaperResultWithoutCopy(const Dossier& d) {
  return std::any_of(d.results.begin(), d.results.end(), [](const auto& r) { return r.paper_required && !r.file; });
}

Error ItemError(std::size_t i, const ManifestItem& item, Error e) {
  const std::string where = "items[" + std::to_string(i) + "]";
  e.field = e.field.empty() ? where : where + "." + e.field;
  e.detail = "item " + std::to_string(i + 1) + " (parcel " + item.parcel_number + "): " + e.detail;
  return e;
}

// Who receives (returns) the dossiers at signing: see the header comment.
Result<Actor> CenterActor(const Actor& actor, Manifest& m) {
  const Permission needed = m.direction == Direction::kInbound ? Permission::kReceive : Permission::kReturnResult;
  if (workflow::Can(actor.role, needed)) {
    m.center.user = actor.user;
    return actor;
  }
  if (m.center.user.empty())
    return Invalid("center.user", "missing",
                   std::string("a ") + workflow::RoleKey(actor.role) +
                       " account signing a manifest must name the center's officer who co-signs it");
  return Actor{m.center.user, workflow::Role::kOfficer, actor.station};
}

std::string YyMmDd(LocalDate day) {
  const std::chrono::year_month_day ymd{day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d%02u%02u", static_cast<int>(ymd.year()) % 100, unsigned(ymd.month()),
                unsigned(ymd.day()));
  return buf;
}

}  // namespace

const char* DirectionKey(Direction d) { return kDirectionKeys[static_cast<int>(d)]; }
const char* ManifestStatusKey(ManifestStatus s) { return kStatusKeys[static_cast<int>(s)]; }
const char* DeliveryStatusKey(DeliveryStatus s) { return kDeliveryKeys[static_cast<int>(s)]; }

Result<Direction> ParseDirection(std::string_view key, std::string_view field) {
  for (int i = 0; i < 2; ++i)
    if (key == kDirectionKeys[i]) return static_cast<Direction>(i);
  return Invalid(std::string(field), "bad_value", "\"" + std::string(key) + "\" is not inbound or outbound");
}

Result<ManifestStatus> ParseManifestStatus(std::string_view key, std::string_view field) {
  for (int i = 0; i < 4; ++i)
    if (key == kStatusKeys[i]) return static_cast<ManifestStatus>(i);
  return Invalid(std::string(field), "bad_value",
                 "\"" + std::string(key) + "\" is not draft, signed, delivered or cancelled");
}

Result<DeliveryStatus> ParseDeliveryStatus(std::string_view key, std::string_view field) {
  for (int i = 0; i < 3; ++i)
    if (key == kDeliveryKeys[i]) return static_cast<DeliveryStatus>(i);
  return Invalid(std::string(field), "bad_value", "\"" + std::string(key) + "\" is not pending, delivered or failed");
}

Result<PostalSettings> LoadPostalSettings(store::Store& store) {
  PostalSettings s;
  MOTCUA_ASSIGN_OR_RETURN(auto s10, store.GetSetting("postal.accept_s10"));
  if (s10) {
    if (*s10 != "true" && *s10 != "false")
      return Invalid("postal.accept_s10", "bad_value", "postal.accept_s10 is true or false, not \"" + *s10 + "\"");
    s.parcel_numbers.accept_s10 = *s10 == "true";
  }
  MOTCUA_ASSIGN_OR_RETURN(auto organization, store.GetSetting("postal.organization"));
  if (organization) s.postal_organization = Clean(*organization);
  MOTCUA_ASSIGN_OR_RETURN(auto formats, store.GetSetting("postal.parcel_formats"));
  if (formats) {
    std::string_view rest = *formats;
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      const std::string_view one = Trim(rest.substr(0, comma));
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      if (one.empty()) continue;
      MOTCUA_TRY(ValidateParcelPattern(one, "postal.parcel_formats"));
      s.parcel_numbers.other_formats.emplace_back(one);
    }
  }
  return s;
}

// ---- drafts ----------------------------------------------------------------------------------

Result<Manifest> CreateManifest(const Desk& desk, const Actor& actor, Direction direction, const Party& postal,
                                const Party& center, Instant now) {
  MOTCUA_TRY(workflow::Require(actor, Permission::kPostalHandover));
  MOTCUA_TRY(CheckParty(postal, "postal"));
  MOTCUA_TRY(CheckParty(center, "center"));
  Manifest m;
  m.direction = direction;
  m.status = ManifestStatus::kDraft;
  m.postal = CleanParty(postal);
  m.center = CleanParty(center);
  if (m.center.organization.empty()) m.center.organization = desk.settings.receiving_unit;
  m.created_at = now;
  m.created_by = actor.user;
  m.station = actor.station;
  Status s = desk.store->Write([&](store::WriteTx& tx) -> Status {
    const std::string prefix = kDirectionPrefixes[static_cast<int>(direction)];
    const std::string day = YyMmDd(LocalDateVn(now));
    MOTCUA_ASSIGN_OR_RETURN(int ordinal, tx.NextOrdinal("manifest:" + prefix + day + ":" +
                                                        std::to_string(desk.settings.station_slot)));
    MOTCUA_ASSIGN_OR_RETURN(int sequence,
                            codes::SequenceForSlot(desk.settings.station_slot, desk.settings.slot_count, ordinal));
    char number[8];
    std::snprintf(number, sizeof number, "%04d", sequence);
    m.id = prefix + day + "-" + number;
    MOTCUA_TRY(Save(tx, m, now));
    return Journal(tx, actor, "postal.manifest_created", now, {{"manifest", m.id}, {"direction", DirectionKey(direction)}});
  });
  if (!s) return s.error();
  return m;
}

Result<Manifest> AddInboundItem(const Desk& desk, const Actor& actor, std::string_view id, const InboundItem& in,
                                const PostalSettings& settings, Instant now) {
  MOTCUA_TRY(workflow::Require(actor, Permission::kPostalHandover));
  MOTCUA_ASSIGN_OR_RETURN(std::string parcel, ValidateParcelNumber(in.parcel_number, settings.parcel_numbers));
  workflow::IntakeRequest intake = in.intake;
  intake.channel = dossier::Channel::kPostal;
  intake.received_at.reset();
  MOTCUA_ASSIGN_OR_RETURN(auto proc, desk.store->GetProcedure(intake.procedure_code));
  if (!proc)
    return NotFound("procedure_code", "no_such_procedure", "no procedure " + intake.procedure_code + " in the catalog");
  dossier::Applicant a = intake.applicant;
  a.name = Clean(a.name);
  a.id_number = std::string(Trim(a.id_number));
  a.phone = std::string(Trim(a.phone));
  a.email = std::string(Trim(a.email));
  MOTCUA_TRY(workflow::ValidateApplicant(a));
  if (intake.delivery == dossier::Delivery::kPostal && Clean(intake.delivery_address).empty())
    return Invalid("delivery_address", "missing", "postal delivery of the result needs an address");
  if (intake.sets < 1) return Invalid("sets", "bad_count", "a dossier has at least one set");
  MOTCUA_TRY(CheckTextLine(in.note, "note", kMaxReasonChars));
  MOTCUA_TRY(CheckTextLine(intake.delivery_address, "delivery_address", kMaxAddressChars));

  return Edit(desk, actor, id, "postal.manifest_item_added", now, [&](store::WriteTx& tx, Manifest& m, json& payload) -> Status {
    MOTCUA_TRY(RequireDraft(m));
    MOTCUA_TRY(RequireDirection(m, Direction::kInbound));
    MOTCUA_TRY(ClaimParcel(tx, m, parcel, "", now));
    ManifestItem item;
    item.parcel_number = parcel;
    item.intake = intake;
    item.person_name = a.name;
    item.procedure_name = proc->name;
    item.sets = intake.sets;
    item.delivery_address = Clean(intake.delivery_address);
    item.note = Clean(in.note);
    item.added_at = now;
    item.added_by = actor.user;
    m.items.push_back(std::move(item));
    payload["parcel_number"] = parcel;
    payload["procedure_code"] = intake.procedure_code;
    return Ok();
  });
}

Result<Manifest> AddOutboundItem(const Desk& desk, const Actor& actor, std::string_view id, const OutboundItem& in,
                                 const PostalSettings& settings, Instant now) {
  MOTCUA_TRY(workflow::Require(actor, Permission::kPostalHandover));
  std::string parcel;
  if (!Trim(in.parcel_number).empty()) {
    MOTCUA_ASSIGN_OR_RETURN(parcel, ValidateParcelNumber(in.parcel_number, settings.parcel_numbers));
  }
  MOTCUA_ASSIGN_OR_RETURN(std::string code, ResolveDossierCode(desk, in.lookup));
  const std::string why = Clean(in.no_digital_result_reason);
  MOTCUA_TRY(CheckTextLine(why, "no_digital_result_reason", kMaxReasonChars));
  MOTCUA_TRY(CheckTextLine(in.note, "note", kMaxReasonChars));

  return Edit(desk, actor, id, "postal.manifest_item_added", now, [&](store::WriteTx& tx, Manifest& m, json& payload) -> Status {
    MOTCUA_TRY(RequireDraft(m));
    MOTCUA_TRY(RequireDirection(m, Direction::kOutbound));
    MOTCUA_ASSIGN_OR_RETURN(auto loaded, tx.LoadDossier(code));
    if (!loaded) return NotFound("lookup", "no_such_dossier", "no dossier " + code);
    const Dossier& d = *loaded;
    if (d.state != dossier::State::kDone)
      return Conflict("state", "not_done",
                      "dossier " + d.code + " is " + dossier::StateKey(d.state) + ": only a done dossier's result is handed over");
    if (d.delivery != dossier::Delivery::kPostal)
      return Conflict("delivery", "not_postal", "dossier " + d.code + "'s result is collected at the counter, not sent by post");
    if (PaperResultWithoutCopy(d) && why.empty())
      return Invalid("no_digital_result_reason", "missing",
                     "dossier " + d.code + "'s result has no digitized copy: say why before handing it over");
    MOTCUA_TRY(Claim(tx, ClaimKey(d.code), m, {{"dossier_code", d.code}},
                     Conflict("dossier_code", "already_on_manifest", "dossier " + d.code + " is already listed"), now));
    if (!parcel.empty()) MOTCUA_TRY(ClaimParcel(tx, m, parcel, d.code, now));
    ManifestItem item;
    item.parcel_number = parcel;
    item.dossier_code = d.code;
    item.person_name = d.applicant.name;
    item.procedure_name = d.procedure_name;
    item.sets = d.sets;
    item.delivery_address = d.delivery_address;
    item.originals_returned = in.originals_returned;
    item.no_digital_result_reason = why;
    item.note = Clean(in.note);
    item.added_at = now;
    item.added_by = actor.user;
    m.items.push_back(std::move(item));
    payload["dossier_code"] = d.code;
    payload["parcel_number"] = parcel;
    return Ok();
  });
}

Result<Manifest> SetItemParcelNumber(const Desk& desk, const Actor& actor, std::string_view id,
                                     std::string_view item_ref, std::string_view parcel_number,
                                     const PostalSettings& settings, Instant now) {
  MOTCUA_TRY(workflow::Require(actor, Permission::kPostalHandover));
  MOTCUA_ASSIGN_OR_RETURN(std::string parcel, ValidateParcelNumber(parcel_number, settings.parcel_numbers));
  return Edit(desk, actor, id, "postal.manifest_item_updated", now, [&](store::WriteTx& tx, Manifest& m, json& payload) -> Status {
    MOTCUA_TRY(RequireDraft(m));
    MOTCUA_ASSIGN_OR_RETURN(int i, RequireItem(m, item_ref));
    ManifestItem& item = m.items[i];
    payload["previous_parcel_number"] = item.parcel_number;
    payload["parcel_number"] = parcel;
    payload["dossier_code"] = item.dossier_code;
    if (item.parcel_number == parcel) return Ok();
    MOTCUA_TRY(ClaimParcel(tx, m, parcel, item.dossier_code, now));
    if (!item.parcel_number.empty()) MOTCUA_TRY(SetIndex(tx, ParcelKey(item.parcel_number), m, kIndexReleased, now));
    item.parcel_number = parcel;
    return Ok();
  });
}

Result<Manifest> RemoveItem(const Desk& desk, const Actor& actor, std::string_view id, std::string_view item_ref,
                            Instant now) {
  return Edit(desk, actor, id, "postal.manifest_item_removed", now, [&](store::WriteTx& tx, Manifest& m, json& payload) -> Status {
    MOTCUA_TRY(RequireDraft(m));
    MOTCUA_ASSIGN_OR_RETURN(int i, RequireItem(m, item_ref));
    MOTCUA_TRY(ReleaseItem(tx, m, m.items[i], now));
    payload["parcel_number"] = m.items[i].parcel_number;
    payload["dossier_code"] = m.items[i].dossier_code;
    m.items.erase(m.items.begin() + i);
    return Ok();
  });
}

Result<Manifest> CancelManifest(const Desk& desk, const Actor& actor, std::string_view id, std::string_view reason,
                                Instant now) {
  const std::string why = Clean(reason);
  if (why.empty()) return Invalid("reason", "missing", "say why the manifest is cancelled");
  MOTCUA_TRY(CheckTextLine(why, "reason", kMaxReasonChars));
  return Edit(desk, actor, id, "postal.manifest_cancelled", now, [&](store::WriteTx& tx, Manifest& m, json& payload) -> Status {
    MOTCUA_TRY(RequireDraft(m));
    for (const ManifestItem& item : m.items) MOTCUA_TRY(ReleaseItem(tx, m, item, now));
    m.status = ManifestStatus::kCancelled;
    m.closed_at = now;
    m.cancel_reason = why;
    payload["reason"] = why;
    return Ok();
  });
}

// ---- signing ---------------------------------------------------------------------------------

Result<SignResult> SignManifest(const Desk& desk, const Actor& actor, std::string_view id, const SignRequest& request,
                                Instant now) {
  MOTCUA_TRY(workflow::Require(actor, Permission::kPostalHandover));
  MOTCUA_TRY(CheckParty({request.postal_organization, request.postal_representative, "", "", request.postal_staff_id,
                         ""}, "postal"));
  MOTCUA_TRY(CheckParty({"", request.center_representative, "", "", "", request.center_user}, "center"));
  MOTCUA_ASSIGN_OR_RETURN(Manifest before, GetManifest(*desk.store, id));
  if (!Trim(request.center_user).empty()) before.center.user = std::string(Trim(request.center_user));
  MOTCUA_ASSIGN_OR_RETURN(Actor center_before, CenterActor(actor, before));

  // Inbound dossiers are checked against the catalog before the transaction (workflow::PrepareIntake),
  // then all of them are written inside it, so signing is all or nothing.
  std::vector<workflow::PreparedIntake> prepared(before.items.size());
  if (before.direction == Direction::kInbound)
    for (std::size_t i = 0; i < before.items.size(); ++i) {
      const ManifestItem& item = before.items[i];
      if (!item.intake) continue;
      workflow::IntakeRequest r = *item.intake;
      r.channel = dossier::Channel::kPostal;
      r.received_at = now;  // LEGAL: QĐ 45/2016/QĐ-TTg, Art. 7: filed when the manifest is signed
      r.event_extra_json = json{{"manifest", before.id}, {"parcel_number", item.parcel_number}}.dump();
      r.step_content = "Tiếp nhận hồ sơ qua dịch vụ bưu chính công ích: Phiếu gửi số " + item.parcel_number +
                       ", Biên bản giao nhận " + before.id;
      auto p = workflow::PrepareIntake(desk, center_before, r, now);
      if (!p) return ItemError(i, item, p.error());
      prepared[i] = std::move(*p);
    }

  SignResult result;
  Status s = desk.store->Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(Manifest m, Load(tx, id));
    if (m.version != before.version)
      return Conflict("manifest", "stale_update", "manifest " + m.id + " changed while it was being signed; sign again");
    MOTCUA_TRY(RequireDraft(m));
    if (m.items.empty()) return Invalid("items", "empty", "manifest " + m.id + " lists nothing to hand over");
    if (!Clean(request.postal_organization).empty()) m.postal.organization = Clean(request.postal_organization);
    if (!Clean(request.postal_representative).empty()) m.postal.representative = Clean(request.postal_representative);
    if (!Trim(request.postal_staff_id).empty()) m.postal.staff_id = std::string(Trim(request.postal_staff_id));
    if (!Clean(request.center_representative).empty()) m.center.representative = Clean(request.center_representative);
    if (!Trim(request.center_user).empty()) m.center.user = std::string(Trim(request.center_user));
    if (m.postal.organization.empty())
      return Invalid("postal.organization", "missing", "name the postal operator (printed on the manifest)");
    if (m.postal.representative.empty())
      return Invalid("postal.representative", "missing", "name the postal worker who signs the manifest");
    if (m.center.representative.empty())
      return Invalid("center.representative", "missing", "name the center's officer who signs the manifest");
    MOTCUA_ASSIGN_OR_RETURN(Actor center, CenterActor(actor, m));
    const bool inbound = m.direction == Direction::kInbound;
    if (!inbound)
      for (std::size_t i = 0; i < m.items.size(); ++i)
        if (m.items[i].parcel_number.empty())
          return ItemError(i, m.items[i], Invalid("parcel_number", "missing", "the result's Phiếu gửi number is missing"));

    json listed = json::array();
    for (std::size_t i = 0; i < m.items.size(); ++i) {
      ManifestItem& item = m.items[i];
      if (inbound) {
        MOTCUA_ASSERT(item.intake.has_value(), "an inbound item always carries its intake");
        auto received = workflow::CommitIntake(desk, center, tx, prepared[i], now);
        if (!received) return ItemError(i, item, received.error());
        item.dossier_code = received->dossier.code;
        result.received.push_back(std::move(*received));
      } else {
        workflow::ActionDetails details;
        details.receiver_name = m.postal.representative;
        details.receiver_id = m.postal.staff_id;
        details.receiver_id_type = dossier::IdType::kOther;  // a staff number, not an identity card
        details.originals_returned = item.originals_returned;
        details.no_digital_result_reason = item.no_digital_result_reason;
        details.event_extra_json = json{{"manifest", m.id}, {"parcel_number", item.parcel_number}}.dump();
        details.step_content = "Giao kết quả cho dịch vụ bưu chính công ích: Phiếu gửi số " + item.parcel_number +
                               ", Biên bản giao nhận " + m.id;
        auto returned = workflow::ApplyInTx(desk, center, tx, item.dossier_code, dossier::Action::kReturnResult,
                                            details, now);
        if (!returned) return ItemError(i, item, returned.error());
        result.returned.push_back(std::move(*returned));
      }
      // The index entries commit with the dossiers they name.
      MOTCUA_TRY(SetIndex(tx, ParcelKey(item.parcel_number), m, kIndexSigned, now, {{"dossier_code", item.dossier_code}}));
      if (!inbound) MOTCUA_TRY(SetIndex(tx, ClaimKey(item.dossier_code), m, kIndexSigned, now));
      listed.push_back({{"parcel_number", item.parcel_number}, {"dossier_code", item.dossier_code}});
    }
    m.status = ManifestStatus::kSigned;
    m.signed_at = now;
    m.signed_by = actor.user;
    MOTCUA_TRY(Save(tx, m, now));
    MOTCUA_TRY(Journal(tx, actor, "postal.manifest_signed", now,
                       {{"manifest", m.id},
                        {"direction", DirectionKey(m.direction)},
                        {"signed_at", FormatInstantUtc(now)},
                        {"postal_representative", m.postal.representative},
                        {"center_representative", m.center.representative},
                        {"on_behalf_of", center.user},
                        {"items", listed}}));
    result.manifest = std::move(m);
    return Ok();
  });
  if (!s) return s.error();
  return result;
}

// ---- delivery --------------------------------------------------------------------------------

Result<Manifest> RecordDelivery(const Desk& desk, const Actor& actor, std::string_view id, std::string_view item_ref,
                                const DeliveryReport& report, Instant now) {
  MOTCUA_TRY(workflow::Require(actor, Permission::kPostalHandover));
  const std::string receiver = Clean(report.receiver_name);
  const std::string reason = Clean(report.reason);
  if (report.delivered && receiver.empty())
    return Invalid("receiver_name", "missing", "name who took the result (the citizen or an authorised person)");
  if (!report.delivered && reason.empty()) return Invalid("reason", "missing", "say why the delivery failed");
  const Instant at = report.at.value_or(now);
  if (at > now + std::chrono::minutes(desk.settings.future_tolerance_minutes))
    return Invalid("at", "in_the_future", "the delivery time " + LocalText(at) + " is in the future");

  // Checks a manifest as loaded (before and again inside the transaction) and returns the item.
  auto check = [&](const Manifest& m) -> Result<int> {
    if (m.status != ManifestStatus::kSigned && m.status != ManifestStatus::kDelivered)
      return Conflict("status", "not_signed", "manifest " + m.id + " is " + ManifestStatusKey(m.status) +
                                                  ": deliveries are recorded after it is signed");
    MOTCUA_TRY(RequireDirection(m, Direction::kOutbound));
    MOTCUA_ASSIGN_OR_RETURN(int i, RequireItem(m, item_ref));
    if (m.items[i].delivery.status == DeliveryStatus::kDelivered)
      return Conflict("delivery", "already_delivered", "the result of " + m.items[i].dossier_code + " was delivered at " +
                                                           LocalText(*m.items[i].delivery.at));
    if (m.signed_at && at < *m.signed_at)
      return Invalid("at", "before_signing", "the delivery time " + LocalText(at) + " is before the manifest was signed");
    return i;
  };
  MOTCUA_ASSIGN_OR_RETURN(Manifest before, GetManifest(*desk.store, id));
  MOTCUA_ASSIGN_OR_RETURN(int index, check(before));
  const ManifestItem& target = before.items[index];
  const int attempt = target.delivery.failed_attempts + 1;

  json payload = {{"manifest", before.id}, {"parcel_number", target.parcel_number}, {"at", FormatInstantUtc(at)}};
  std::string step;
  if (report.delivered) {
    payload["receiver_name"] = receiver;
    step = "Bưu chính đã phát kết quả cho " + receiver + " lúc " + LocalText(at) + " (Phiếu gửi số " +
           target.parcel_number + ")";
  } else {
    payload["reason"] = reason;
    payload["attempt"] = attempt;
    step = "Bưu chính phát kết quả không thành công lần " + std::to_string(attempt) + ": " + reason + " (Phiếu gửi số " +
           target.parcel_number + ")";
  }
  Manifest out;
  auto update = [&](store::WriteTx& tx, const Dossier&) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(Manifest m, Load(tx, id));
    if (m.version != before.version)
      return Conflict("manifest", "stale_update", "manifest " + m.id + " changed meanwhile; record the delivery again");
    MOTCUA_ASSIGN_OR_RETURN(int i, check(m));
    DeliveryRecord& d = m.items[i].delivery;
    d.at = at;
    d.recorded_by = actor.user;
    if (report.delivered) {
      d.status = DeliveryStatus::kDelivered;
      d.receiver_name = receiver;
    } else {
      d.status = DeliveryStatus::kFailed;
      d.reason = reason;
      d.failed_attempts = attempt;
    }
    const bool all = std::all_of(m.items.begin(), m.items.end(),
                                 [](const ManifestItem& x) { return x.delivery.status == DeliveryStatus::kDelivered; });
    if (all) {
      m.status = ManifestStatus::kDelivered;
      m.closed_at = now;
    }
    MOTCUA_TRY(Save(tx, m, now));
    out = std::move(m);
    return Ok();
  };
  auto noted = workflow::AppendNote(desk, actor, target.dossier_code, Permission::kPostalHandover,
                                    report.delivered ? "dossier.result_delivered" : "dossier.delivery_failed", step,
                                    payload.dump(), now, update);
  if (!noted) return noted.error();
  return out;
}

// ---- queries ---------------------------------------------------------------------------------

Result<std::vector<Manifest>> ListManifests(store::Store& store, const ManifestQuery& q) {
  store::RecordQuery rq;
  rq.kind = kManifestKind;
  if (q.status) rq.status = ManifestStatusKey(*q.status);
  if (q.direction) rq.key_prefix = kDirectionPrefixes[static_cast<int>(*q.direction)];
  rq.limit = q.limit;
  MOTCUA_ASSIGN_OR_RETURN(auto records, store.ListRecords(rq));
  std::vector<Manifest> out;
  out.reserve(records.size());
  for (const store::Record& r : records) {
    MOTCUA_ASSIGN_OR_RETURN(Manifest m, ManifestFromJson(r.body_json));
    m.version = r.version;
    out.push_back(std::move(m));
  }
  return out;
}

Result<Manifest> GetManifest(store::Store& store, std::string_view id) {
  MOTCUA_ASSIGN_OR_RETURN(auto record, store.GetRecord(kManifestKind, Trim(id)));
  if (!record) return NotFound("manifest", "no_such_manifest", "no manifest " + std::string(Trim(id)));
  MOTCUA_ASSIGN_OR_RETURN(Manifest m, ManifestFromJson(record->body_json));
  m.version = record->version;
  return m;
}

Result<std::vector<AwaitingResult>> ListAwaitingPostalDispatch(store::Store& store, int limit) {
  store::DossierQuery q;
  q.states = {dossier::State::kDone};
  q.limit = limit;
  MOTCUA_ASSIGN_OR_RETURN(auto done, store.ListDossiers(q));
  std::vector<AwaitingResult> out;
  for (const store::DossierSummary& s : done) {
    MOTCUA_ASSIGN_OR_RETURN(auto d, store.GetDossier(s.code));
    if (!d || d->delivery != dossier::Delivery::kPostal) continue;
    MOTCUA_ASSIGN_OR_RETURN(auto claim, store.GetRecord(kIndexKind, ClaimKey(s.code)));
    if (claim && claim->status != kIndexReleased) continue;
    out.push_back({d->code, d->applicant.name, d->procedure_name, d->delivery_address, d->finished_at, d->due_at});
  }
  std::stable_sort(out.begin(), out.end(), [](const AwaitingResult& a, const AwaitingResult& b) {
    return a.finished_at.value_or(Instant::max()) < b.finished_at.value_or(Instant::max());
  });
  return out;
}

Result<std::optional<ParcelEntry>> FindParcel(store::Store& store, std::string_view parcel_number) {
  const std::string n = NormalizeParcelNumber(parcel_number);
  if (n.empty()) return std::optional<ParcelEntry>();
  MOTCUA_ASSIGN_OR_RETURN(auto record, store.GetRecord(kIndexKind, ParcelKey(n)));
  if (!record || record->status == kIndexReleased) return std::optional<ParcelEntry>();
  json b = json::parse(record->body_json, nullptr, false);
  if (!b.is_object() || !b.contains("manifest") || !b["manifest"].is_string() || !b.contains("direction") ||
      !b["direction"].is_string())
    return Corrupt("postal_index", "bad_index", "the index entry of parcel " + n + " is damaged");
  ParcelEntry e;
  e.parcel_number = n;
  e.manifest_id = b["manifest"].get<std::string>();
  auto direction = ParseDirection(b["direction"].get<std::string>());
  if (!direction) return Corrupt("postal_index", "bad_index", "the index entry of parcel " + n + " is damaged");
  e.direction = *direction;
  if (b.contains("dossier_code") && b["dossier_code"].is_string()) e.dossier_code = b["dossier_code"].get<std::string>();
  e.signed_manifest = record->status == kIndexSigned;
  return std::optional<ParcelEntry>(std::move(e));
}

Result<std::string> ResolveDossierCode(const Desk& desk, std::string_view text) {
  const std::string t(Trim(text));
  if (t.empty()) return Invalid("lookup", "missing", "scan a receipt QR or type a dossier code or a parcel number");
  auto no_such = [&](const std::string& what) {
    return NotFound("lookup", "no_such_dossier", "no dossier matches " + what);
  };
  const bool token = t.size() > 3 && (t[0] == 'M' || t[0] == 'm') && (t[1] == 'C' || t[1] == 'c') &&
                     t.find(':') != std::string::npos;
  if (token) {
    MOTCUA_ASSIGN_OR_RETURN(codes::ReceiptToken rt, codes::VerifyReceiptToken(t, desk.center_key));
    MOTCUA_ASSIGN_OR_RETURN(auto d, desk.store->GetDossier(rt.dossier_code));
    if (!d) return no_such("the receipt token of " + rt.dossier_code);
    if (d->lookup_secret != rt.lookup_secret)
      return Invalid("receipt_token", "secret_mismatch",
                     "the receipt token's lookup secret is not dossier " + rt.dossier_code + "'s");
    return d->code;
  }
  if (codes::ParseDossierCode(t)) {
    MOTCUA_ASSIGN_OR_RETURN(auto d, desk.store->GetDossier(t));
    if (!d) return no_such("code " + t);
    return d->code;
  }
  MOTCUA_ASSIGN_OR_RETURN(auto parcel, FindParcel(*desk.store, t));
  if (parcel && !parcel->dossier_code.empty()) return parcel->dossier_code;
  return no_such("\"" + t + "\" (not a receipt token, a dossier code or a listed parcel number)");
}

}  // namespace motcua::postal
