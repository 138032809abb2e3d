#include "workflow/desk.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <nlohmann/json.hpp>

#include "calendar/deadline.h"
#include "codes/dossier_code.h"
#include "codes/receipt_token.h"
#include "common/number_parse.h"
#include "common/text.h"
#include "digitize/file_store.h"

namespace motcua::workflow {
namespace {

using dossier::Action;
using dossier::Dossier;
using dossier::State;
using nlohmann::json;

Permission PermissionFor(Action action) {
  return action == Action::kReturnResult ? Permission::kReturnResult : Permission::kProcess;
}

// 9-11 digits once a leading +84 is read as 0 and spaces, dots and dashes are dropped.
bool IsPhoneNumber(std::string_view phone) {
  std::string digits = phone.rfind("+84", 0) == 0 ? "0" + std::string(phone.substr(3)) : std::string(phone);
  digits.erase(std::remove_if(digits.begin(), digits.end(), [](char c) { return c == ' ' || c == '.' || c == '-'; }),
               digits.end());
  return IsAsciiDigits(digits) && digits.size() >= 9 && digits.size() <= 11;
}

std::string InstantText(const std::optional<Instant>& t) {
  return t ? FormatLocalMinute(ToLocalVn(*t)) : std::string();
}

Result<std::optional<Instant>> DueFrom(const calendar::WorkingCalendar& cal, Instant start,
                                       const std::optional<calendar::Duration>& duration) {
  if (!duration) return std::optional<Instant>();
  MOTCUA_ASSIGN_OR_RETURN(LocalMinute due, calendar::ComputeDue(cal, ToLocalVn(start), *duration));
  return std::optional<Instant>(FromLocalVn(due));
}

// Merges a caller's extra JSON object into an event payload. Errors: ("event_extra_json", "not_a_json_object").
Status MergeExtra(json& payload, std::string_view extra) {
  if (extra.empty()) return Ok();
  json j = json::parse(extra, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return Invalid("event_extra_json", "not_a_json_object", "extra event fields must be a JSON object");
  for (auto& [k, v] : j.items())
    if (!payload.contains(k)) payload[k] = v;
  return Ok();
}

// Loads, changes and stores one dossier with one journal event inside `tx`.
template <class Change>
Result<Dossier> MutateInTx(store::WriteTx& tx, const Actor& actor, std::string_view code, const std::string& event_type,
                           Instant now, Change& change) {
  MOTCUA_ASSIGN_OR_RETURN(auto loaded, tx.LoadDossier(code));
  if (!loaded) return NotFound("code", "no_such_dossier", "no dossier " + std::string(code));
  Dossier d = std::move(*loaded);
  json payload = json::object();
  MOTCUA_TRY(change(d, payload));
  MOTCUA_TRY(tx.UpdateDossier(d));
  payload["state"] = dossier::StateKey(d.state);
  auto event = tx.AppendEvent({event_type, d.code, actor.user, actor.station, now, payload.dump()});
  if (!event) return event.error();
  d.version += 1;
  return d;
}

// The same in its own transaction, with the caller's hook inside it.
template <class Change>
Result<Dossier> Mutate(const Desk& desk, const Actor& actor, std::string_view code, const std::string& event_type,
                       Instant now, Change change, const TxHook& also = {}) {
  Dossier result;
  Status s = desk.store->Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(result, MutateInTx(tx, actor, code, event_type, now, change));
    if (also) MOTCUA_TRY(also(tx, result));
    return Ok();
  });
  if (!s) return s.error();
  return result;
}

void AddStep(Dossier& d, const Actor& actor, Instant now, std::string content) {
  d.steps.push_back({now, actor.user, d.processing_unit, std::move(content), d.state});
}

// Headings the national portal uses for papers every applicant brings, whatever the case.
bool AppliesToEveryCase(std::string_view group) {
  return group.empty() || group.rfind("Giấy tờ phải nộp", 0) == 0 || group.rfind("Giấy tờ phải xuất trình", 0) == 0;
}

// The dossier's components: the request's list checked against the catalog, or by default every
// required component of the chosen cases. Every required component of a chosen case must be there.
Result<std::vector<dossier::Component>> ChooseComponents(const catalog::Procedure& proc, const IntakeRequest& request) {
  std::set<std::string> cases(request.cases.begin(), request.cases.end());
  for (const std::string& c : cases)
    if (std::none_of(proc.components.begin(), proc.components.end(), [&](const auto& x) { return x.group == c; }))
      return Invalid("cases", "unknown_case", "procedure " + proc.code + " has no case \"" + c + "\"");
  auto find = [&](const std::string& code) {
    return std::find_if(proc.components.begin(), proc.components.end(),
                        [&](const catalog::Component& c) { return c.code == code; });
  };
  if (cases.empty() && request.components)
    for (const IntakeComponent& ic : *request.components)
      if (auto it = find(ic.code); it != proc.components.end()) cases.insert(it->group);
  if (cases.empty() && !proc.components.empty()) cases.insert(proc.components.front().group);
  auto chosen = [&](const catalog::Component& c) { return cases.count(c.group) || AppliesToEveryCase(c.group); };

  std::vector<dossier::Component> out;
  if (!request.components) {
    for (const catalog::Component& c : proc.components)
      if (c.required && chosen(c)) out.push_back({c.code, c.name, c.originals, c.copies, c.shown_only, "", false, {}});
    return out;
  }
  std::set<std::string> seen;
  for (const IntakeComponent& ic : *request.components) {
    auto it = find(ic.code);
    if (it == proc.components.end())
      return Invalid("components", "unknown_component", "procedure " + proc.code + " has no component \"" + ic.code + "\"");
    if (!seen.insert(ic.code).second)
      return Invalid("components", "duplicate_component", "component " + ic.code + " is listed twice");
    dossier::Component c{it->code, it->name, ic.originals.value_or(it->originals), ic.copies.value_or(it->copies),
                         ic.shown_only || it->shown_only, ic.reused_result_code, ic.from_citizen_store, ic.files};
    if (c.originals < 0 || c.copies < 0)
      return Invalid("components", "bad_count", "component " + c.code + " has a negative count");
    if (c.originals > kMaxPaperCount || c.copies > kMaxPaperCount)
      return Invalid("components", "out_of_range",
                     "component " + c.code + ": at most " + std::to_string(kMaxPaperCount) + " originals or copies");
    MOTCUA_TRY(CheckTextLine(c.reused_result_code, "components.reused_result_code", kMaxCodeChars));
    out.push_back(std::move(c));
  }
  for (const catalog::Component& c : proc.components)
    if (c.required && chosen(c) && !seen.count(c.code))
      return Invalid("components", "missing_required_component",
                     "required component " + c.code + " (" + c.name + ") is missing");
  return out;
}

// A whole number within [lo, hi]. Errors: kInvalid/"out_of_range" on `field`.
Status CheckRange(std::int64_t v, std::int64_t lo, std::int64_t hi, const std::string& field) {
  if (v >= lo && v <= hi) return Ok();
  return Invalid(field, "out_of_range",
                 field + " is " + std::to_string(v) + "; expected " + std::to_string(lo) + " to " + std::to_string(hi));
}

// The request's own text (the applicant's is ValidateApplicant's).
Status CheckRequestText(const IntakeRequest& r) {
  if (!r.request_id.empty()) {
    const bool ok = r.request_id.size() <= 64 && std::all_of(r.request_id.begin(), r.request_id.end(), [](char c) {
                      return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == ':' || c == '-';
                    });
    if (!ok) return Invalid("request_id", "bad_request_id", "a request id is 1-64 of A-Z a-z 0-9 . _ : -");
  }
  MOTCUA_TRY(CheckTextLine(r.procedure_code, "procedure_code", kMaxCodeChars));
  MOTCUA_TRY(CheckTextLine(r.delivery_address, "delivery_address", kMaxAddressChars));
  MOTCUA_TRY(CheckTextLine(r.processing_unit, "processing_unit", kMaxLabelChars));
  MOTCUA_TRY(CheckTextLine(r.summary, "summary", kMaxReasonChars));
  MOTCUA_TRY(CheckTextLine(r.step_content, "step_content", kMaxReasonChars));
  for (const std::string& c : r.cases) MOTCUA_TRY(CheckTextLine(c, "cases", kMaxReasonChars));
  return Ok();
}

// A retry of an intake already received under the same request id: the dossier it made, if the retry
// is for the same procedure and applicant. Errors: kConflict ("request_id", "request_id_reused").
Result<IntakeResult> Replay(const Desk& desk, const IntakeRequest& request, Dossier existing) {
  if (existing.procedure_code != request.procedure_code ||
      existing.applicant.id_number != std::string(Trim(request.applicant.id_number)))
    return Conflict("request_id", "request_id_reused",
                    "request " + request.request_id + " was received as " + existing.code +
                        " for another procedure or applicant");
  IntakeResult result;
  MOTCUA_ASSIGN_OR_RETURN(result.receipt_token, ReceiptTokenFor(desk, existing));
  result.dossier = std::move(existing);
  result.replayed = true;
  return result;
}

}  // namespace

Status SaveJournaledSetting(store::Store& store, const Actor& actor, std::string_view key, std::string_view value,
                            std::string_view journaled_value, Instant now) {
  return store.Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_TRY(tx.PutSetting(key, value));
    const nlohmann::json changed = {{std::string(key), std::string(journaled_value)}};
    MOTCUA_TRY(tx.AppendEvent({"station.settings_changed", "", actor.user, actor.station, now, changed.dump()}));
    return Ok();
  });
}

Status CheckIdNumber(dossier::IdType type, std::string_view id, std::string_view field) {
  using dossier::IdType;
  const std::string f(field);
  const std::string text(id);
  switch (type) {
    case IdType::kCccd:
      if (!IsAsciiDigits(id) || id.size() != 12)
        return Invalid(f, "bad_cccd",
                       "a CCCD number has exactly 12 digits, got \"" + text + "\" (" + std::to_string(id.size()) + ")");
      break;
    case IdType::kCmnd:
      if (!IsAsciiDigits(id) || id.size() != 9)
        return Invalid(f, "bad_cmnd", "a CMND number has exactly 9 digits, got \"" + text + "\"");
      break;
    case IdType::kTaxCode: {
      const bool plain = IsAsciiDigits(id) && id.size() == 10;
      const bool branch =
          id.size() == 14 && id[10] == '-' && IsAsciiDigits(id.substr(0, 10)) && IsAsciiDigits(id.substr(11));
      if (!plain && !branch)
        return Invalid(f, "bad_tax_code", "a tax code is 10 digits, or 10 digits, a dash and 3 digits, got \"" + text + "\"");
      break;
    }
    case IdType::kPassport: {
      const bool ok = id.size() >= 6 && id.size() <= 12 &&
                      std::all_of(id.begin(), id.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
      if (!ok) return Invalid(f, "bad_passport", "a passport number has 6-12 letters and digits");
      break;
    }
    case IdType::kOther:
      if (id.empty()) return Invalid(f, "missing", "an identity document number is required");
      MOTCUA_TRY(CheckTextLine(id, f, kMaxCodeChars));
      break;
  }
  return Ok();
}

const char* IdTypeKey(dossier::IdType type) {
  switch (type) {
    case dossier::IdType::kCccd: return "cccd";
    case dossier::IdType::kCmnd: return "cmnd";
    case dossier::IdType::kTaxCode: return "tax_code";
    case dossier::IdType::kPassport: return "passport";
    case dossier::IdType::kOther: return "other";
  }
  return "other";
}

Result<dossier::IdType> ParseIdType(std::string_view key, std::string_view field) {
  for (dossier::IdType t : {dossier::IdType::kCccd, dossier::IdType::kCmnd, dossier::IdType::kTaxCode,
                            dossier::IdType::kPassport, dossier::IdType::kOther})
    if (key == IdTypeKey(t)) return t;
  return Invalid(std::string(field), "unknown_id_type",
                 "unknown ID type \"" + std::string(key) + "\"; expected cccd, cmnd, tax_code, passport or other");
}

Status ValidateApplicant(const dossier::Applicant& a) {
  if (std::string_view(Trim(a.name)).empty()) return Invalid("applicant.name", "missing", "the applicant's name is required");
  MOTCUA_TRY(CheckTextLine(a.name, "applicant.name", kMaxNameChars));
  MOTCUA_TRY(CheckTextLine(a.address, "applicant.address", kMaxAddressChars));
  MOTCUA_TRY(CheckIdNumber(a.id_type, a.id_number, "applicant.id_number"));
  if (!a.phone.empty() && !IsPhoneNumber(a.phone))
    return Invalid("applicant.phone", "bad_phone", "a phone number has 9-11 digits, got \"" + a.phone + "\"");
  if (!a.email.empty()) {
    MOTCUA_TRY(CheckTextLine(a.email, "applicant.email", 254));
    auto at = a.email.find('@');
    if (at == std::string::npos || at == 0 || at + 1 >= a.email.size() || a.email.find('@', at + 1) != std::string::npos ||
        a.email.find(' ') != std::string::npos)
      return Invalid("applicant.email", "bad_email", "not an e-mail address: \"" + a.email + "\"");
  }
  return Ok();
}

Result<std::string> ReceiptTokenFor(const Desk& desk, const Dossier& d) {
  return codes::MakeReceiptToken({d.code, d.lookup_secret}, desk.center_key);
}

Result<PreparedIntake> PrepareIntake(const Desk& desk, const Actor& actor, const IntakeRequest& request,
                                     Instant now) {
  MOTCUA_TRY(Require(actor, Permission::kReceive));
  if (!request.event_extra_json.empty()) {
    json probe = json::object();
    MOTCUA_TRY(MergeExtra(probe, request.event_extra_json));
  }
  MOTCUA_ASSIGN_OR_RETURN(auto found, desk.store->GetProcedure(request.procedure_code));
  if (!found)
    return NotFound("procedure_code", "no_such_procedure", "no procedure " + request.procedure_code + " in the catalog");
  const catalog::Procedure& proc = *found;

  dossier::Applicant applicant = request.applicant;
  applicant.name = NormalizeNfc(Trim(applicant.name));
  applicant.address = NormalizeNfc(Trim(applicant.address));
  applicant.id_number = std::string(Trim(applicant.id_number));
  applicant.phone = std::string(Trim(applicant.phone));
  applicant.email = std::string(Trim(applicant.email));
  MOTCUA_TRY(ValidateApplicant(applicant));

  if (request.delivery == dossier::Delivery::kPostal && std::string_view(Trim(request.delivery_address)).empty())
    return Invalid("delivery_address", "missing", "postal delivery of the result needs an address");
  MOTCUA_TRY(CheckRequestText(request));
  if (request.sets < 1) return Invalid("sets", "bad_count", "a dossier has at least one set");
  MOTCUA_TRY(CheckRange(request.sets, 1, kMaxPaperCount, "sets"));

  const Instant received_at = request.received_at.value_or(now);
  if (received_at > now + std::chrono::minutes(desk.settings.future_tolerance_minutes))
    return Invalid("received_at", "in_the_future", "the receipt time " + InstantText(received_at) + " is in the future");

  MOTCUA_ASSIGN_OR_RETURN(std::vector<dossier::Component> components, ChooseComponents(proc, request));

  std::vector<dossier::Fee> fees;
  if (request.fees) {
    fees = *request.fees;
    if (fees.size() > kMaxListItems)
      return Invalid("fees", "too_many", "at most " + std::to_string(kMaxListItems) + " fees");
    for (std::size_t i = 0; i < fees.size(); ++i) {
      const std::string where = "fees[" + std::to_string(i) + "]";
      fees[i].name = NormalizeNfc(Trim(fees[i].name));
      MOTCUA_TRY(CheckTextLine(fees[i].name, where + ".name", kMaxLabelChars));
      if (fees[i].amount_vnd < 0) return Invalid("fees", "negative_amount", "fee \"" + fees[i].name + "\" is negative");
      MOTCUA_TRY(CheckRange(fees[i].amount_vnd, 0, kMaxFeeVnd, where + ".amount_vnd"));
    }
  } else {
    const std::string channel = request.channel == dossier::Channel::kOnline   ? "online"
                                : request.channel == dossier::Channel::kPostal ? "postal"
                                                                               : "counter";
    for (const catalog::Fee& f : proc.fees)
      if (f.channel.empty() || f.channel == channel) fees.push_back({f.name, f.amount_vnd, std::nullopt, 0});
  }

  Dossier d;
  d.request_id = request.request_id;
  d.lookup_secret = codes::NewLookupSecret();
  d.procedure_code = proc.code;
  d.procedure_name = proc.name;
  d.field_code = proc.field_code;
  d.field_name = proc.field_name;
  d.agency_id = desk.settings.agency_id;
  d.receiving_unit = desk.settings.receiving_unit;
  d.processing_unit = request.processing_unit.empty() ? proc.agency : request.processing_unit;
  d.state = State::kReceived;
  d.channel = request.channel;
  d.delivery = request.delivery;
  d.delivery_address = NormalizeNfc(Trim(request.delivery_address));
  d.applicant = applicant;
  d.summary = request.summary.empty() ? proc.name : NormalizeNfc(Trim(request.summary));
  d.sets = request.sets;
  d.vneid_verified = request.vneid_verified;
  d.components = std::move(components);
  d.fees = std::move(fees);
  for (const catalog::ResultDocument& r : proc.results)
    d.results.push_back({r.name, r.code, r.paper_required, std::nullopt, false, "", Instant{}});
  if (!proc.processing.no_due_date) {
    d.duration = request.channel == dossier::Channel::kOnline && proc.processing.online ? proc.processing.online
                                                                                        : proc.processing.standard;
  }
  d.received_at = received_at;
  MOTCUA_ASSIGN_OR_RETURN(d.due_at, DueFrom(*desk.calendar, received_at, d.duration));
  d.original_due_at = d.due_at;

  PreparedIntake prepared;
  if (d.due_at && calendar::IsProvisional(*desk.calendar, LocalDateVn(*d.due_at)))
    prepared.warnings.push_back("due_at_provisional");
  prepared.dossier = std::move(d);
  prepared.event_extra_json = request.event_extra_json;
  prepared.step_content = request.step_content.empty() ? "Tiếp nhận hồ sơ" : NormalizeNfc(Trim(request.step_content));
  return prepared;
}

Result<IntakeResult> CommitIntake(const Desk& desk, const Actor& actor, store::WriteTx& tx, PreparedIntake prepared,
                                  Instant now) {
  MOTCUA_TRY(Require(actor, Permission::kReceive));
  Dossier& d = prepared.dossier;
  if (!d.request_id.empty()) {
    MOTCUA_ASSIGN_OR_RETURN(auto earlier, tx.FindDossierByRequest(d.request_id));
    if (earlier) {
      IntakeRequest probe;
      probe.request_id = d.request_id;
      probe.procedure_code = d.procedure_code;
      probe.applicant = d.applicant;
      return Replay(desk, probe, std::move(*earlier));
    }
  }
  const LocalDate day = LocalDateVn(d.received_at);
  MOTCUA_ASSIGN_OR_RETURN(std::string probe, codes::FormatDossierCode(desk.settings.agency_id, day, 1));
  const std::string key = "code:" + probe.substr(0, probe.size() - 5) + ":" + std::to_string(desk.settings.station_slot);
  MOTCUA_ASSIGN_OR_RETURN(int ordinal, tx.NextOrdinal(key));
  MOTCUA_ASSIGN_OR_RETURN(int sequence,
                          codes::SequenceForSlot(desk.settings.station_slot, desk.settings.slot_count, ordinal));
  MOTCUA_ASSIGN_OR_RETURN(d.code, codes::FormatDossierCode(desk.settings.agency_id, day, sequence));
  d.steps.clear();
  AddStep(d, actor, d.received_at, prepared.step_content);
  MOTCUA_TRY(tx.InsertDossier(d));
  json payload = {{"procedure_code", d.procedure_code},
                  {"channel", static_cast<int>(d.channel)},
                  {"received_at", FormatInstantUtc(d.received_at)},
                  {"due_at", d.due_at ? json(FormatInstantUtc(*d.due_at)) : json(nullptr)},
                  {"components", d.components.size()},
                  {"state", dossier::StateKey(d.state)}};
  MOTCUA_TRY(MergeExtra(payload, prepared.event_extra_json));
  auto event = tx.AppendEvent({"dossier.received", d.code, actor.user, actor.station, now, payload.dump()});
  if (!event) return event.error();
  d.version = 1;
  IntakeResult result;
  MOTCUA_ASSIGN_OR_RETURN(result.receipt_token, ReceiptTokenFor(desk, d));
  result.dossier = std::move(d);
  result.warnings = std::move(prepared.warnings);
  return result;
}

Result<IntakeResult> Receive(const Desk& desk, const Actor& actor, const IntakeRequest& request, Instant now,
                             const TxHook& also) {
  if (!request.request_id.empty()) {  // a retry is answered before the catalog or calendar are consulted
    MOTCUA_TRY(Require(actor, Permission::kReceive));
    MOTCUA_TRY(CheckRequestText(request));
    MOTCUA_ASSIGN_OR_RETURN(auto earlier, desk.store->FindDossierByRequest(request.request_id));
    if (earlier) return Replay(desk, request, std::move(*earlier));
  }
  MOTCUA_ASSIGN_OR_RETURN(PreparedIntake prepared, PrepareIntake(desk, actor, request, now));
  std::optional<IntakeResult> result;
  Status s = desk.store->Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(result, CommitIntake(desk, actor, tx, prepared, now));
    if (also && !result->replayed) MOTCUA_TRY(also(tx, result->dossier));
    return Ok();
  });
  if (!s) return s.error();
  return std::move(*result);
}

Result<IntakeResult> ReceiveWithFiles(const Desk& desk, const Actor& actor, IntakeRequest request,
                                      std::vector<PendingFile> files, Instant now) {
  // 1. Every file checked, none stored.
  const std::size_t listed = request.components ? request.components->size() : 0;
  std::vector<digitize::StoredFile> inspected;
  for (const PendingFile& f : files) {
    const std::string field = "components[" + std::to_string(f.component) + "].files";
    if (f.component >= listed) return Invalid(field, "no_such_component", "a file names no listed component");
    MOTCUA_TRY(CheckTextLine(f.file_name, field, kMaxLabelChars));
    auto info = digitize::InspectBytes(f.bytes);
    if (!info) {
      Error e = info.error();
      e.field = field;
      e.detail = f.file_name + ": " + e.detail;
      return e;
    }
    (*request.components)[f.component].files.push_back(
        {info->sha256, info->mime, info->pages, info->size_bytes, f.file_name, actor.user, Instant{}});
    inspected.push_back(std::move(*info));
  }
  if (!request.request_id.empty()) {
    MOTCUA_ASSIGN_OR_RETURN(auto earlier, desk.store->FindDossierByRequest(request.request_id));
    if (earlier) return Receive(desk, actor, request, now);  // the replay; no file is stored again
  }
  // 2. The whole request checked against the catalog and calendar before any copy.
  MOTCUA_TRY(PrepareIntake(desk, actor, request, now));
  // 3. Stored; taken back if the dossier does not commit.
  std::vector<std::string> stored_here;
  auto take_back = [&] {
    for (const std::string& sha : stored_here) digitize::RemoveStored(desk.files_root, sha);
  };
  for (const PendingFile& f : files) {
    auto stored = digitize::StoreBytes(desk.files_root, f.bytes);
    if (!stored) {
      take_back();
      return stored.error();
    }
    if (stored->newly_stored) stored_here.push_back(stored->sha256);
  }
  auto received = Receive(desk, actor, request, now);
  if (!received || received->replayed) take_back();
  return received;
}

Status RecordReceiptPrint(const Desk& desk, const Actor& actor, const Dossier& d, std::string_view destination,
                          Instant now) {
  MOTCUA_TRY(Require(actor, Permission::kReceive));
  MOTCUA_TRY(CheckTextLine(destination, "destination", kMaxAddressChars));
  return desk.store->Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto stored, tx.LoadDossier(d.code));
    if (!stored) return NotFound("code", "no_such_dossier", "no dossier " + d.code);
    const json payload = {{"destination", destination}};
    auto e = tx.AppendEvent({"dossier.receipt_printed", d.code, actor.user, actor.station, now, payload.dump()});
    if (!e) return e.error();
    return Ok();
  });
}

namespace {

// The change an action makes to a dossier, shared by Apply and ApplyInTx.
auto ActionChange(const Desk& desk, const Actor& actor, Action action, const ActionDetails& details,
                  const std::string& reason, Instant now) {
  return [&desk, &actor, action, &details, reason, now](Dossier& d, json& payload) -> Status {
    const State from = d.state;
    MOTCUA_ASSIGN_OR_RETURN(State to, dossier::NextState(from, action));
    payload["from"] = dossier::StateKey(from);
    if (!reason.empty()) payload["reason"] = reason;
    std::string step;
    switch (action) {
      case Action::kAccept: step = "Tiếp nhận hồ sơ trực tuyến"; break;
      case Action::kRefuse:
        step = "Từ chối: " + reason;
        d.state_reason = reason;
        d.finished_at = now;
        break;
      case Action::kTransfer:
        if (!details.unit.empty()) d.processing_unit = NormalizeNfc(Trim(details.unit));
        step = "Chuyển hồ sơ đến " + d.processing_unit;
        payload["unit"] = d.processing_unit;
        break;
      case Action::kStartProcessing: step = "Bắt đầu xử lý"; break;
      case Action::kRequestSupplement: {
        dossier::SupplementRequest r;
        r.requested_at = now;
        r.requested_by = actor.user;
        r.reason = reason;
        for (const auto& item : details.items) r.items.push_back(NormalizeNfc(Trim(item)));
        r.due_before = d.due_at;
        d.supplements.push_back(std::move(r));
        step = "Yêu cầu bổ sung: " + reason;
        payload["supplement_count"] = d.SupplementCount();
        break;
      }
      case Action::kReceiveSupplement: {
        dossier::SupplementRequest& r = d.supplements.back();
        r.received_at = now;
        r.received_by = actor.user;
        if (d.duration) {
          if (desk.settings.supplement_policy == SupplementPolicy::kRestart) {
            MOTCUA_ASSIGN_OR_RETURN(d.due_at, DueFrom(*desk.calendar, now, d.duration));
          } else if (d.due_at) {
            MOTCUA_ASSIGN_OR_RETURN(int waited, calendar::WorkingDaysBetween(*desk.calendar, LocalDateVn(r.requested_at),
                                                                            LocalDateVn(now)));
            MOTCUA_ASSIGN_OR_RETURN(d.due_at, DueFrom(*desk.calendar, *d.due_at,
                                                      calendar::Duration{waited, calendar::DurationUnit::kWorkingDays}));
          }
        }
        r.due_after = d.due_at;
        step = "Nhận hồ sơ bổ sung";
        payload["due_at"] = InstantText(d.due_at);
        break;
      }
      case Action::kRequestPayment: step = "Yêu cầu thực hiện nghĩa vụ tài chính"; break;
      case Action::kRecordPayment:
        for (auto& f : d.fees)
          if (!f.paid_at) {
            f.paid_at = now;
            f.paid_online = details.paid_online;
          }
        payload["paid_online"] = details.paid_online;
        step = "Đã thực hiện nghĩa vụ tài chính";
        break;
      case Action::kMarkDone:
        d.finished_at = now;
        step = "Đã xử lý xong";
        break;
      case Action::kReturnResult: {
        if (std::string_view(Trim(details.receiver_name)).empty())
          return Invalid("receiver_name", "missing", "the name of who receives the result is required");
        const bool paper_without_copy = std::any_of(d.results.begin(), d.results.end(), [](const auto& r) {
          return r.paper_required && !r.file;
        });
        const std::string why = NormalizeNfc(Trim(details.no_digital_result_reason));
        if (paper_without_copy && why.empty())
          return Invalid("no_digital_result_reason", "missing",
                         "the result has no digitized copy: say why before returning it");
        d.result_return = dossier::ResultReturn{now,
                                                NormalizeNfc(Trim(details.receiver_name)),
                                                details.receiver_id_type,
                                                std::string(Trim(details.receiver_id)),
                                                details.originals_returned,
                                                why,
                                                actor.user};
        payload["receiver_id_type"] = IdTypeKey(details.receiver_id_type);
        d.returned_at = now;
        step = "Trả kết quả cho " + d.result_return->receiver_name;
        break;
      }
      case Action::kRequestWithdrawal:
        d.state_reason = reason;
        step = "Công dân yêu cầu rút hồ sơ: " + reason;
        break;
      case Action::kConfirmWithdrawal:
        d.finished_at = now;
        step = "Đã rút hồ sơ";
        break;
      case Action::kStop:
        d.state_reason = reason;
        d.finished_at = now;
        step = "Dừng xử lý: " + reason;
        break;
    }
    d.state = to;
    AddStep(d, actor, now, details.step_content.empty() ? std::move(step) : NormalizeNfc(Trim(details.step_content)));
    return MergeExtra(payload, details.event_extra_json);
  };
}

Result<std::string> CheckAction(const Actor& actor, Action action, const ActionDetails& details) {
  MOTCUA_TRY(Require(actor, PermissionFor(action)));
  std::string reason = NormalizeNfc(Trim(details.reason));
  const bool needs_reason = action == Action::kRefuse || action == Action::kRequestSupplement ||
                            action == Action::kStop || action == Action::kRequestWithdrawal;
  if (needs_reason && reason.empty())
    return Invalid("reason", "missing", std::string("a reason is required to ") + dossier::ActionKey(action));
  MOTCUA_TRY(CheckTextLine(reason, "reason", kMaxReasonChars));
  if (details.items.size() > kMaxListItems)
    return Invalid("items", "too_many", "at most " + std::to_string(kMaxListItems) + " supplement items");
  for (const std::string& item : details.items) MOTCUA_TRY(CheckTextLine(item, "items", kMaxReasonChars));
  MOTCUA_TRY(CheckTextLine(details.unit, "unit", kMaxLabelChars));
  MOTCUA_TRY(CheckTextLine(details.receiver_name, "receiver_name", kMaxNameChars));
  MOTCUA_TRY(CheckTextLine(details.receiver_id, "receiver_id", kMaxCodeChars));
  if (action == Action::kReturnResult) {
    // The receiver is a person: a tax code names an organization, not who stands at the counter.
    if (details.receiver_id_type == dossier::IdType::kTaxCode)
      return Invalid("receiver_id_type", "not_a_person", "the receiver shows a CCCD, a CMND or a passport");
    const std::string id(Trim(details.receiver_id));
    if (!id.empty()) MOTCUA_TRY(CheckIdNumber(details.receiver_id_type, id, "receiver_id"));
  }
  MOTCUA_TRY(CheckTextLine(details.no_digital_result_reason, "no_digital_result_reason", kMaxReasonChars));
  MOTCUA_TRY(CheckTextLine(details.step_content, "step_content", kMaxReasonChars));
  return reason;
}

}  // namespace

Result<Dossier> Apply(const Desk& desk, const Actor& actor, std::string_view code, Action action,
                      const ActionDetails& details, Instant now, const TxHook& also) {
  MOTCUA_ASSIGN_OR_RETURN(std::string reason, CheckAction(actor, action, details));
  return Mutate(desk, actor, code, std::string("dossier.") + dossier::ActionKey(action), now,
                ActionChange(desk, actor, action, details, reason, now), also);
}

Result<Dossier> ApplyInTx(const Desk& desk, const Actor& actor, store::WriteTx& tx, std::string_view code,
                          Action action, const ActionDetails& details, Instant now) {
  MOTCUA_ASSIGN_OR_RETURN(std::string reason, CheckAction(actor, action, details));
  auto change = ActionChange(desk, actor, action, details, reason, now);
  return MutateInTx(tx, actor, code, std::string("dossier.") + dossier::ActionKey(action), now, change);
}

Result<Dossier> AppendNote(const Desk& desk, const Actor& actor, std::string_view code, Permission permission,
                           const std::string& event_type, std::string_view content, std::string_view payload_json,
                           Instant now, const TxHook& also) {
  MOTCUA_TRY(Require(actor, permission));
  json extra = json::parse(payload_json.empty() ? std::string_view("{}") : payload_json, nullptr, false);
  if (extra.is_discarded() || !extra.is_object())
    return Invalid("payload", "not_a_json_object", "a note's payload is a JSON object");
  const std::string text = NormalizeNfc(Trim(content));
  if (text.empty()) return Invalid("content", "missing", "a note says what happened");
  MOTCUA_TRY(CheckTextLine(text, "content", kMaxReasonChars));
  return Mutate(desk, actor, code, event_type, now, [&](Dossier& d, json& payload) -> Status {
    payload = extra;
    d.steps.push_back({now, actor.user, d.processing_unit, text, d.state});
    return Ok();
  }, also);
}

namespace {

const char* DeliveryKey(dossier::Delivery d) { return d == dossier::Delivery::kPostal ? "postal" : "counter"; }

PostalReturnRequest CleanPostalReturn(const PostalReturnRequest& r) {
  return {NormalizeNfc(Trim(r.name)), std::string(Trim(r.phone)), NormalizeNfc(Trim(r.address))};
}

json PostalReturnJson(const PostalReturn& p) {
  return {{"dossier_code", p.dossier_code},   {"name", p.name},
          {"phone", p.phone},                 {"address", p.address},
          {"registered_at", FormatInstantUtc(p.registered_at)}, {"registered_by", p.registered_by},
          {"station", p.station},             {"registrations", p.registrations}};
}

// No exception leaves: nlohmann's are caught here.
Result<PostalReturn> PostalReturnFromRecord(const store::Record& rec) {
  auto bad = [&](std::string_view why) {
    return Corrupt("postal_return", "bad_record", "postal return record \"" + rec.key + "\": " + std::string(why));
  };
  const json j = json::parse(rec.body_json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return bad("not a JSON object");
  PostalReturn p;
  try {
    p.dossier_code = j.at("dossier_code").get<std::string>();
    p.name = j.at("name").get<std::string>();
    p.phone = j.at("phone").get<std::string>();
    p.address = j.at("address").get<std::string>();
    auto at = ParseInstantUtc(j.at("registered_at").get<std::string>(), "registered_at");
    if (!at) return bad("bad registered_at");
    p.registered_at = *at;
    p.registered_by = j.value("registered_by", "");
    p.station = j.value("station", "");
    p.registrations = j.value("registrations", 1);
  } catch (const json::exception& e) {
    return bad(e.what());
  }
  p.version = rec.version;
  return p;
}

}  // namespace

Status ValidatePostalReturn(const PostalReturnRequest& in) {
  const PostalReturnRequest r = CleanPostalReturn(in);
  if (r.name.empty()) return Invalid("name", "missing", "the name of who receives the result is required");
  MOTCUA_TRY(CheckTextLine(r.name, "name", kMaxNameChars));
  // The detail never repeats the phone: it may reach a log.
  if (r.phone.empty()) return Invalid("phone", "missing", "a phone number is required for postal delivery");
  if (!IsPhoneNumber(r.phone)) return Invalid("phone", "bad_phone", "a phone number has 9-11 digits");
  if (r.address.empty()) return Invalid("address", "missing", "the address the result goes to is required");
  MOTCUA_TRY(CheckTextLine(r.address, "address", kMaxAddressChars));
  return Ok();
}

Result<Dossier> RegisterPostalReturn(const Desk& desk, const Actor& actor, std::string_view code_in,
                                     const PostalReturnRequest& request, Instant now) {
  MOTCUA_TRY(Require(actor, Permission::kRegisterPostalReturn));
  MOTCUA_TRY(ValidatePostalReturn(request));
  const PostalReturnRequest r = CleanPostalReturn(request);
  const std::string code(Trim(code_in));
  Dossier result;
  Status s = desk.store->Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto existing, tx.GetRecord(kPostalReturnKind, code));
    std::optional<PostalReturn> previous;
    if (existing) {
      MOTCUA_ASSIGN_OR_RETURN(previous, PostalReturnFromRecord(*existing));
    }
    auto change = [&](Dossier& d, json& payload) -> Status {
      if (d.state == State::kReturned || d.returned_at)
        return Conflict("state", "already_returned",
                        "the result of " + d.code + " has been returned; its delivery can no longer change");
      if (dossier::IsTerminal(d.state))
        return Conflict("state", "dossier_closed",
                        std::string("dossier ") + d.code + " is " + dossier::StateKey(d.state) +
                            ": there is no result to send");
      payload["from"] = DeliveryKey(d.delivery);
      payload["to"] = DeliveryKey(dossier::Delivery::kPostal);
      payload["address"] = r.address;
      payload["name"] = r.name;
      payload["phone"] = r.phone;  // the journal is internal; never in a log or an error detail
      payload["registrations"] = previous ? previous->registrations + 1 : 1;
      if (previous) payload["previous"] = {{"address", previous->address}, {"name", previous->name},
                                           {"phone", previous->phone}};
      d.delivery = dossier::Delivery::kPostal;
      d.delivery_address = r.address;
      AddStep(d, actor, now, "Đăng ký nhận kết quả qua dịch vụ bưu chính công ích");
      return Ok();
    };
    MOTCUA_ASSIGN_OR_RETURN(result, MutateInTx(tx, actor, code, "dossier.delivery_changed", now, change));
    PostalReturn record{result.code, r.name, r.phone, r.address, now, actor.user, actor.station,
                        previous ? previous->registrations + 1 : 1, 0};
    return tx.PutRecord({kPostalReturnKind, result.code, "registered", now, PostalReturnJson(record).dump(),
                         existing ? existing->version : 0});
  });
  if (!s) return s.error();
  return result;
}

Result<std::optional<PostalReturn>> GetPostalReturn(store::Store& store, std::string_view code) {
  MOTCUA_ASSIGN_OR_RETURN(auto rec, store.GetRecord(kPostalReturnKind, Trim(code)));
  if (!rec) return std::optional<PostalReturn>();
  MOTCUA_ASSIGN_OR_RETURN(PostalReturn p, PostalReturnFromRecord(*rec));
  return std::optional<PostalReturn>(std::move(p));
}

std::optional<Instant> WorkingDueAtOrAfter(const Desk& desk, Instant t) {
  if (desk.calendar == nullptr) return std::nullopt;
  const LocalMinute local = ToLocalVn(t);
  if (calendar::IsWithinWorkingHours(*desk.calendar, local)) return t;
  auto next = calendar::NextWorkingInstant(*desk.calendar, local);
  if (!next) return std::nullopt;
  return FromLocalVn(*next);
}

Result<Dossier> IssueApology(const Desk& desk, const Actor& actor, std::string_view code, Instant new_due_at,
                             std::string_view reason_in, Instant now) {
  MOTCUA_TRY(Require(actor, Permission::kProcess));
  const std::string reason = NormalizeNfc(Trim(reason_in));
  if (reason.empty()) return Invalid("reason", "missing", "an apology states the reason for the delay");
  MOTCUA_TRY(CheckTextLine(reason, "reason", kMaxReasonChars));
  return Mutate(desk, actor, code, "dossier.apology_issued", now, [&](Dossier& d, json& payload) -> Status {
    if (dossier::IsFinished(d.state))
      return Conflict("state", "transition_not_allowed",
                      std::string("a dossier that is ") + dossier::StateKey(d.state) + " cannot be re-dated");
    if (d.apology_count >= 1)
      return Conflict("apology_count", "apology_already_issued",
                      "dossier " + d.code + " was already re-dated once; the date may be re-set only once");
    if (!d.due_at) return Invalid("due_at", "no_due_date", "the dossier has no due date to re-set");
    if (new_due_at <= *d.due_at || new_due_at <= now)
      return Invalid("new_due_at", "not_later", "the new date must be later than the current due date and now");
    // The citizen comes back on that date: it must be a time the office is open.
    if (auto working = WorkingDueAtOrAfter(desk, new_due_at); working && *working != new_due_at)
      return Invalid("new_due_at", "not_working_time",
                     FormatLocalMinute(ToLocalVn(new_due_at)) + " is not working time (a day off, a holiday or "
                     "outside office hours); the next working instant is " + FormatLocalMinute(ToLocalVn(*working)));
    payload["previous_due_at"] = InstantText(d.due_at);
    payload["due_at"] = InstantText(new_due_at);
    payload["reason"] = reason;
    d.due_at = new_due_at;
    d.apology_count = 1;
    d.apology_reason = reason;
    AddStep(d, actor, now, "Xin lỗi và hẹn lại ngày trả kết quả: " + InstantText(new_due_at));
    return Ok();
  });
}

Result<Dossier> AttachComponentFile(const Desk& desk, const Actor& actor, std::string_view code, int component,
                                    const dossier::Attachment& file, Instant now) {
  MOTCUA_TRY(Require(actor, Permission::kDigitize));
  return Mutate(desk, actor, code, "dossier.component_digitized", now, [&](Dossier& d, json& payload) -> Status {
    if (dossier::IsTerminal(d.state))
      return Conflict("state", "transition_not_allowed", "a closed dossier cannot change");
    if (component < 0 || component >= static_cast<int>(d.components.size()))
      return Invalid("component", "no_such_component", "dossier " + d.code + " has no component #" + std::to_string(component));
    dossier::Attachment a = file;
    a.added_by = actor.user;
    a.added_at = now;
    d.components[component].files.push_back(a);
    payload["component"] = d.components[component].code;
    payload["sha256"] = a.sha256;
    payload["pages"] = a.pages;
    AddStep(d, actor, now, "Số hóa thành phần: " + d.components[component].name);
    return Ok();
  });
}

Result<Dossier> MarkComponentReused(const Desk& desk, const Actor& actor, std::string_view code, int component,
                                    std::string_view result_code, bool from_citizen_store, Instant now) {
  MOTCUA_TRY(Require(actor, Permission::kDigitize));
  return Mutate(desk, actor, code, "dossier.component_digitized", now, [&](Dossier& d, json& payload) -> Status {
    if (dossier::IsTerminal(d.state))
      return Conflict("state", "transition_not_allowed", "a closed dossier cannot change");
    if (component < 0 || component >= static_cast<int>(d.components.size()))
      return Invalid("component", "no_such_component", "dossier " + d.code + " has no component #" + std::to_string(component));
    if (result_code.empty() && !from_citizen_store)
      return Invalid("reused_result_code", "missing", "name the reused result code or the citizen's store");
    auto& c = d.components[component];
    c.reused_result_code = std::string(Trim(result_code));
    c.from_citizen_store = from_citizen_store;
    payload["component"] = c.code;
    payload["reused_result_code"] = c.reused_result_code;
    payload["from_citizen_store"] = from_citizen_store;
    AddStep(d, actor, now, "Tái sử dụng dữ liệu cho thành phần: " + c.name);
    return Ok();
  });
}

Result<Dossier> RecordResult(const Desk& desk, const Actor& actor, std::string_view code,
                             const dossier::ResultDocument& result, Instant now) {
  MOTCUA_TRY(Require(actor, Permission::kDigitize));
  return Mutate(desk, actor, code, "dossier.result_recorded", now, [&](Dossier& d, json& payload) -> Status {
    if (dossier::IsTerminal(d.state))
      return Conflict("state", "transition_not_allowed", "a closed dossier cannot change");
    dossier::ResultDocument r = result;
    r.name = NormalizeNfc(Trim(r.name));
    MOTCUA_TRY(CheckTextLine(r.name, "result.name", kMaxLabelChars));
    MOTCUA_TRY(CheckTextLine(r.result_code, "result.result_code", kMaxCodeChars));
    r.added_by = actor.user;
    r.added_at = now;
    if (r.file) {
      r.file->added_by = actor.user;
      r.file->added_at = now;
    }
    // Fill the catalog's slot for this result if there is one, else add a new one.
    auto slot = std::find_if(d.results.begin(), d.results.end(), [&](const dossier::ResultDocument& x) {
      return !x.file && (x.name == r.name || (!r.result_code.empty() && x.result_code == r.result_code));
    });
    if (slot != d.results.end()) {
      r.paper_required = r.paper_required || slot->paper_required;
      if (r.result_code.empty()) r.result_code = slot->result_code;
      *slot = r;
    } else {
      d.results.push_back(r);
    }
    payload["result"] = r.name;
    payload["result_code"] = r.result_code;
    payload["digitized"] = r.file.has_value();
    payload["e_signed"] = r.e_signed;
    AddStep(d, actor, now, "Cập nhật kết quả: " + r.name);
    return Ok();
  });
}

const char* UrgencyKey(Urgency u) {
  switch (u) {
    case Urgency::kOverdue: return "overdue";
    case Urgency::kDueToday: return "due_today";
    case Urgency::kDueWithinOneWorkingDay: return "due_within_1_working_day";
    case Urgency::kOnTrack: return "on_track";
    case Urgency::kPaused: return "paused";
    case Urgency::kNoDueDate: return "no_due_date";
    case Urgency::kFinished: return "finished";
  }
  return "?";
}

Urgency ClassifyUrgency(const calendar::WorkingCalendar& cal, State state, const std::optional<Instant>& due_at,
                        Instant now) {
  if (dossier::IsFinished(state)) return Urgency::kFinished;
  if (state == State::kAwaitingSupplement) return Urgency::kPaused;
  if (!due_at) return Urgency::kNoDueDate;
  if (*due_at < now) return Urgency::kOverdue;
  const LocalDate today = LocalDateVn(now);
  const LocalDate due_day = LocalDateVn(*due_at);
  if (due_day == today) return Urgency::kDueToday;
  // Within one working day: due no later than the end of the next working day after today.
  auto next = calendar::AddWorkingDays(cal, today, 1);
  if (next && due_day <= *next) return Urgency::kDueWithinOneWorkingDay;
  return Urgency::kOnTrack;
}

}  // namespace motcua::workflow
