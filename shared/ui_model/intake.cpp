// The intake screen's actions: the draft, the CCCD scan, the checklist, confirm (workflow::Receive and
// the receipt), the counter's supplement and refusal slips, and the draft's persistence.
#include <algorithm>
#include <cstdio>
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "codes/cccd.h"
#include "common/crypto.h"
#include "common/text.h"
#include "print/form_pdf.h"
#include "ui_model/internal/counter_apply.h"
#include "workflow/receipt_form.h"

namespace motcua::ui {
namespace {

using nlohmann::json;

constexpr const char* kDraftKind = "scratch.intake_draft";  // store.h: scratch, not journaled
constexpr const char* kRecentKind = "scratch.counter_recent";
constexpr const char* kSlipKind = "scratch.counter_slip";
constexpr std::size_t kMaxRecent = 9;

// Groups the national portal publishes for every case (the same rule as workflow/desk.cpp).
json AttachmentJson(const dossier::Attachment& a) {
  return {{"sha256", a.sha256},     {"mime", a.mime},         {"pages", a.pages},
          {"size_bytes", a.size_bytes}, {"file_name", a.file_name}, {"added_by", a.added_by},
          {"added_at", ToUnixSeconds(a.added_at)}};
}

dossier::Attachment AttachmentFrom(const json& j) {
  dossier::Attachment a;
  a.sha256 = j.at("sha256").get<std::string>();
  a.mime = j.at("mime").get<std::string>();
  a.pages = j.at("pages").get<int>();
  a.size_bytes = j.at("size_bytes").get<std::int64_t>();
  a.file_name = j.value("file_name", "");
  a.added_by = j.value("added_by", "");
  a.added_at = FromUnixSeconds(j.value("added_at", std::int64_t{0}));
  return a;
}

std::string DraftKey(const CounterBackend& backend, const CounterModel& model) {
  return backend.station->paths.station_id + "/" + model.session->user_name;
}

// Writes the draft record with `status` ("active" or "closed"). A closed draft that was never
// stored is not written at all.
Status WriteDraft(CounterModel& model, const CounterBackend& backend, const char* status) {
  const std::string key = DraftKey(backend, model);
  const std::string body = std::string(status) == "active" ? DraftToJson(model.intake.draft) : std::string("{}");
  return backend.station->store->Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto existing, tx.GetRecord(kDraftKind, key));
    if (!existing && std::string(status) != "active") return Ok();
    store::Record r{kDraftKind, key, status, backend.now, body, existing ? existing->version : 0};
    return tx.PutRecord(r);
  });
}

void CloseDraft(CounterModel& model, const CounterBackend& backend) {
  (void)WriteDraft(model, backend, "closed");
  model.intake.active = false;
  model.intake.dirty = false;
  model.intake.resumed = false;
}

// An edit on the intake screen makes its draft active (kept on Esc, saved, restored after sign-in):
// the screen shows an empty form after sign-in without a draft behind it until something is typed.
void Touch(IntakeModel& intake) {
  intake.dirty = true;
  if (!intake.outcome) intake.active = true;
}

void Focus(IntakeModel& intake, IntakeFocus f) {
  intake.focus = f;
  ++intake.focus_serial;
}

// The box the caret goes to after a refusal on `field` (the core's name, "applicant.phone"): the one in
// error, so the officer corrects it where it is and nothing else filled is touched. nullopt: no box of its own.
std::optional<IntakeFocus> FocusForField(std::string_view field) {
  if (field == "applicant.id_number") return IntakeFocus::kIdNumber;
  if (field == "applicant.name") return IntakeFocus::kName;
  if (field == "applicant.phone") return IntakeFocus::kPhone;
  if (field == "applicant.email") return IntakeFocus::kEmail;
  if (field == "applicant.address") return IntakeFocus::kAddress;
  if (field == "delivery_address") return IntakeFocus::kDeliveryAddress;
  return std::nullopt;
}

void Fail(IntakeModel& intake, Error e) {
  intake.error = std::move(e);
  ++intake.error_serial;
}


void SaveRecent(CounterModel& model, const CounterBackend& backend, const std::string& code) {
  auto& r = model.recent_procedures;
  r.erase(std::remove(r.begin(), r.end(), code), r.end());
  r.insert(r.begin(), code);
  if (r.size() > kMaxRecent) r.resize(kMaxRecent);
  const std::string key = model.session->user_name;
  const std::string body = json{{"codes", r}}.dump();
  Status saved = backend.station->store->Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto existing, tx.GetRecord(kRecentKind, key));
    return tx.PutRecord({kRecentKind, key, "", backend.now, body, existing ? existing->version : 0});
  });
  // The dossier itself is received; only the shortcut list is lost for the next session. Say so in
  // the top bar rather than fail the intake.
  if (!saved.has_value())
    internal::SetNotice(model, "notice.recent_not_saved", ErrorMessage(model.lang, saved.error()), Tone::kWarning);
}

print::FormHeader CounterHeader(const Station& s, Instant now) {
  return workflow::DeskFormHeader(s.desk.settings, LocalDateVn(now));
}

print::Applicant FormApplicant(const IntakeDraft& d) {
  return {NormalizeNfc(Trim(d.name)), std::string(Trim(d.id_number)), NormalizeNfc(Trim(d.address)),
          std::string(Trim(d.phone)), std::string(Trim(d.email))};
}

// Keeps a copy of a slip given at the counter (no dossier exists to hang it on), for a reprint: a
// scratch record (store.h), not a journal event, since nothing in the dossier lifecycle changed.
void RecordSlip(const CounterModel& model, const CounterBackend& backend, const char* form, const json& body) {
  const std::string key = backend.station->paths.station_id + "/" + NewUuid();
  json b = body;
  b["form"] = form;
  b["officer"] = model.session->user_name;
  b["at"] = FormatInstantUtc(backend.now);
  (void)backend.station->store->Write([&](store::WriteTx& tx) -> Status {
    return tx.PutRecord({kSlipKind, key, form, backend.now, b.dump(), 0});
  });
}

// Common checks before a slip: someone to hand it to, a procedure it is about.
bool HasNonAscii(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// A scan that may have lost its diacritics is never received or printed before the officer looked at it.
Status CheckCardTextChecked(const IntakeDraft& d) {
  if (d.diacritics_unchecked)
    return Invalid("applicant.name", "diacritics_unchecked",
                   "the keyboard scan has no Vietnamese letters: correct the name and address from the card or confirm them");
  return Ok();
}

Status CheckSlipBasics(const IntakeDraft& d) {
  MOTCUA_TRY(CheckCardTextChecked(d));
  if (std::string_view(Trim(d.name)).empty()) return Invalid("applicant.name", "missing", "the applicant's name");
  if (d.procedure_code.empty()) return Invalid("procedure_code", "missing", "choose the procedure first");
  return Ok();
}

}  // namespace

bool CardTextMayHaveLostDiacritics(ScanSource source, std::string_view name, std::string_view address) {
  return source == ScanSource::kKeyboard && !HasNonAscii(name) && !HasNonAscii(address);
}

// ---- draft helpers ---------------------------------------------------------------------------------

std::string DraftToJson(const IntakeDraft& d) {
  json comps = json::array();
  for (const DraftComponent& c : d.components) {
    json files = json::array();
    for (const auto& f : c.files) files.push_back(AttachmentJson(f));
    comps.push_back({{"code", c.code},
                     {"name", c.name},
                     {"group", c.group},
                     {"required", c.required},
                     {"originals", c.originals},
                     {"copies", c.copies},
                     {"mode", static_cast<int>(c.mode)},
                     {"files", files},
                     {"reused_result_code", c.reused_result_code}});
  }
  json j = {{"id_type", static_cast<int>(d.id_type)},
            {"id_number", d.id_number},
            {"name", d.name},
            {"phone", d.phone},
            {"email", d.email},
            {"address", d.address},
            {"birth_date_text", d.birth_date_text},
            {"sex", d.sex},
            {"from_cccd", d.from_cccd},
            {"cccd_warning", d.cccd_warning},
            {"diacritics_unchecked", d.diacritics_unchecked},
            {"procedure_query", d.procedure_query},
            {"procedure_code", d.procedure_code},
            {"cases", d.cases},
            {"components", comps},
            {"channel", static_cast<int>(d.channel)},
            {"received_at_text", d.received_at_text},
            {"delivery", static_cast<int>(d.delivery)},
            {"delivery_address", d.delivery_address},
            {"sets", d.sets},
            {"manifest_id", d.manifest_id},
            {"parcel_number", d.parcel_number},
            {"started_at", ToUnixSeconds(d.started_at)},
            {"request_id", d.request_id}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<IntakeDraft> DraftFromJson(std::string_view text) {
  try {
    const json j = json::parse(text);
    IntakeDraft d;
    d.id_type = static_cast<dossier::IdType>(j.at("id_type").get<int>());
    d.id_number = j.at("id_number").get<std::string>();
    d.name = j.at("name").get<std::string>();
    d.phone = j.value("phone", "");
    d.email = j.value("email", "");
    d.address = j.value("address", "");
    d.birth_date_text = j.value("birth_date_text", "");
    d.sex = j.value("sex", "");
    d.from_cccd = j.value("from_cccd", false);
    d.cccd_warning = j.value("cccd_warning", "");
    d.diacritics_unchecked = j.value("diacritics_unchecked", false);
    d.procedure_query = j.value("procedure_query", "");
    d.procedure_code = j.value("procedure_code", "");
    d.cases = j.value("cases", std::vector<std::string>{});
    for (const json& c : j.at("components")) {
      DraftComponent dc;
      dc.code = c.at("code").get<std::string>();
      dc.name = c.at("name").get<std::string>();
      dc.group = c.value("group", "");
      dc.required = c.value("required", true);
      dc.originals = c.value("originals", 0);
      dc.copies = c.value("copies", 0);
      const int mode = c.value("mode", 0);
      if (mode < 0 || mode > static_cast<int>(ComponentMode::kReused))
        return Corrupt("draft", "bad_draft", "unknown component mode");
      dc.mode = static_cast<ComponentMode>(mode);
      for (const json& f : c.at("files")) dc.files.push_back(AttachmentFrom(f));
      dc.reused_result_code = c.value("reused_result_code", "");
      d.components.push_back(std::move(dc));
    }
    d.channel = static_cast<dossier::Channel>(j.value("channel", 1));
    d.received_at_text = j.value("received_at_text", "");
    d.delivery = static_cast<dossier::Delivery>(j.value("delivery", 0));
    d.delivery_address = j.value("delivery_address", "");
    d.sets = j.value("sets", 1);
    d.manifest_id = j.value("manifest_id", "");
    d.parcel_number = j.value("parcel_number", "");
    d.started_at = FromUnixSeconds(j.value("started_at", std::int64_t{0}));
    d.request_id = j.value("request_id", "");
    if (static_cast<int>(d.id_type) < 0 || static_cast<int>(d.id_type) > static_cast<int>(dossier::IdType::kOther))
      return Corrupt("draft", "bad_draft", "unknown id type");
    return d;
  } catch (const std::exception& e) {  // nlohmann throws on bad JSON and wrong types
    return Corrupt("draft", "bad_draft", std::string("unreadable intake draft: ") + e.what());
  }
}

bool ComponentApplies(const IntakeDraft& draft, const DraftComponent& c) {
  if (catalog::AppliesToEveryCase(c.group)) return true;
  return std::find(draft.cases.begin(), draft.cases.end(), c.group) != draft.cases.end();
}

std::vector<int> MissingComponents(const IntakeDraft& draft) {
  std::vector<int> out;
  for (std::size_t i = 0; i < draft.components.size(); ++i) {
    const DraftComponent& c = draft.components[i];
    if (c.required && ComponentApplies(draft, c) && c.mode == ComponentMode::kMissing)
      out.push_back(static_cast<int>(i));
  }
  return out;
}

Result<workflow::IntakeRequest> BuildIntakeRequest(const IntakeDraft& d) {
  if (d.procedure_code.empty()) return Invalid("procedure_code", "missing", "choose the procedure first");
  const std::vector<int> missing = MissingComponents(d);
  if (!missing.empty())
    return Invalid("components", "missing_required_component",
                   "required component " + d.components[missing.front()].code + " (" +
                       d.components[missing.front()].name + ") is missing");
  workflow::IntakeRequest r;
  r.request_id = d.request_id;
  r.procedure_code = d.procedure_code;
  r.applicant.id_type = d.id_type;
  r.applicant.kind = d.id_type == dossier::IdType::kTaxCode ? dossier::ApplicantKind::kOrganization
                                                           : dossier::ApplicantKind::kIndividual;
  r.applicant.id_number = std::string(Trim(d.id_number));
  r.applicant.name = NormalizeNfc(Trim(d.name));
  r.applicant.phone = std::string(Trim(d.phone));
  r.applicant.email = std::string(Trim(d.email));
  r.applicant.address = NormalizeNfc(Trim(d.address));
  r.channel = d.channel;
  r.delivery = d.delivery;
  r.delivery_address = d.delivery == dossier::Delivery::kPostal ? NormalizeNfc(Trim(d.delivery_address)) : "";
  r.sets = d.sets;
  for (const std::string& c : d.cases)
    if (!catalog::AppliesToEveryCase(c)) r.cases.push_back(c);
  std::vector<workflow::IntakeComponent> comps;
  for (const DraftComponent& c : d.components) {
    if (!ComponentApplies(d, c)) continue;
    if (c.mode == ComponentMode::kMissing || c.mode == ComponentMode::kNotProvided) continue;
    workflow::IntakeComponent ic;
    ic.code = c.code;
    ic.shown_only = c.mode == ComponentMode::kShownOnly;
    if (c.mode == ComponentMode::kReused) ic.reused_result_code = c.reused_result_code;
    if (c.mode == ComponentMode::kFile) ic.files = c.files;
    comps.push_back(std::move(ic));
  }
  r.components = std::move(comps);
  if (d.channel == dossier::Channel::kPostal && !std::string_view(Trim(d.received_at_text)).empty()) {
    MOTCUA_ASSIGN_OR_RETURN(LocalMinute at, ParseTypedMinute(Trim(d.received_at_text), "received_at"));
    r.received_at = FromLocalVn(at);
  }
  return r;
}

namespace internal {

// ---- persistence -----------------------------------------------------------------------------------

void LoadDraft(CounterModel& model, const CounterBackend& backend) {
  Result<std::optional<store::Record>> r =
      backend.station->store->GetRecord(kDraftKind, DraftKey(backend, model));
  if (!r.has_value() || !r->has_value() || (*r)->status != "active") return;
  Result<IntakeDraft> d = DraftFromJson((*r)->body_json);
  if (!d.has_value()) return;  // an unreadable draft is ignored: the next save replaces it
  model.intake = {};
  model.intake.active = true;
  model.intake.resumed = true;
  model.intake.draft = std::move(d).value();
  if (!model.intake.draft.procedure_query.empty())
    model.intake.hits = backend.station->catalog_index.Search(model.intake.draft.procedure_query, 12);
}

void SaveDraftIfDirty(CounterModel& model, const CounterBackend& backend) {
  if (!model.session || backend.station == nullptr || !model.intake.active || !model.intake.dirty) return;
  if (WriteDraft(model, backend, "active").has_value()) model.intake.dirty = false;
}

void LoadRecentProcedures(CounterModel& model, const CounterBackend& backend) {
  model.recent_procedures.clear();
  Result<std::optional<store::Record>> r = backend.station->store->GetRecord(kRecentKind, model.session->user_name);
  if (!r.has_value() || !r->has_value()) return;
  try {
    // The parsed document is a named local: a range-for over `json::parse(...).at("codes")` would
    // iterate a member of a temporary destroyed before the loop starts (C++20 extends only the
    // lifetime of the outermost temporary).
    const json body = json::parse((*r)->body_json);
    for (const json& c : body.at("codes")) {
      std::string code = c.get<std::string>();
      if (backend.station->FindProcedure(code) != nullptr) model.recent_procedures.push_back(std::move(code));
    }
  } catch (const std::exception&) {
    model.recent_procedures.clear();  // a damaged list is only a convenience lost
  }
}

// ---- CCCD ------------------------------------------------------------------------------------------

Status ApplyCccdScan(CounterModel& model, const CounterBackend& backend, const std::string& text, ScanSource source) {
  if (model.intake.outcome) model.intake.outcome.reset();  // the next citizen's card: a new intake
  if (!model.intake.active) MOTCUA_TRY(Apply(model, backend, StartIntake{}));
  model.screen = std::string(kScreenIntake);
  IntakeModel& intake = model.intake;
  Result<codes::CccdData> card = codes::ParseCccdQr(text);
  if (!card.has_value()) {
    Fail(intake, card.error());
    Focus(intake, IntakeFocus::kIdNumber);
    return std::move(card.error());
  }
  IntakeDraft& d = intake.draft;
  d.id_type = dossier::IdType::kCccd;
  d.id_number = card->id;
  d.name = card->name;
  d.address = card->address;
  d.birth_date_text = FormatDmy(card->birth_date);
  d.sex = card->sex;
  d.from_cccd = true;
  Status consistent = codes::CheckCccdConsistency(*card);
  d.cccd_warning = consistent.has_value() ? "" : consistent.error().rule;
  d.diacritics_unchecked = CardTextMayHaveLostDiacritics(source, d.name, d.address);
  if (d.delivery == dossier::Delivery::kPostal && std::string_view(Trim(d.delivery_address)).empty())
    d.delivery_address = d.address;
  intake.error.reset();
  if (d.diacritics_unchecked)
    Focus(intake, IntakeFocus::kName);  // the letters to correct first
  else
    Focus(intake, d.procedure_code.empty() ? IntakeFocus::kProcedureSearch : IntakeFocus::kComponents);
  Touch(intake);
  return Ok();
}

// ---- actions ---------------------------------------------------------------------------------------

Status Apply(CounterModel& model, const CounterBackend& backend, const StartIntake&) {
  MOTCUA_TRY(RequirePermission(model, workflow::Permission::kReceive));
  model.screen = std::string(kScreenIntake);
  if (model.intake.active) return Ok();  // resume the kept draft
  model.intake = {};
  model.intake.active = true;
  model.intake.draft.started_at = backend.now;
  Focus(model.intake, IntakeFocus::kIdNumber);
  Touch(model.intake);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const DiscardIntake&) {
  if (model.intake.active) CloseDraft(model, backend);
  model.intake = {};
  return Apply(model, backend, StartIntake{});
}

Status Apply(CounterModel& model, const CounterBackend&, const SetApplicantField& a) {
  IntakeDraft& d = model.intake.draft;
  std::string* field = nullptr;
  switch (a.field) {
    case ApplicantField::kIdNumber: field = &d.id_number; break;
    case ApplicantField::kName: field = &d.name; break;
    case ApplicantField::kPhone: field = &d.phone; break;
    case ApplicantField::kEmail: field = &d.email; break;
    case ApplicantField::kAddress: field = &d.address; break;
  }
  if (*field == a.value) return Ok();
  *field = a.value;
  // Typed changes to what the card said: the data no longer comes from the card alone.
  if (a.field == ApplicantField::kIdNumber || a.field == ApplicantField::kName) d.from_cccd = false;
  // Corrected from the card: both now carry Vietnamese letters, so nothing is left to check.
  if (d.diacritics_unchecked && HasNonAscii(d.name) && HasNonAscii(d.address)) d.diacritics_unchecked = false;
  Touch(model.intake);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend&, const SetApplicantIdType& a) {
  model.intake.draft.id_type = a.id_type;
  Touch(model.intake);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const SetProcedureQuery& a) {
  model.intake.draft.procedure_query = a.text;
  model.intake.hits = backend.station->catalog_index.Search(a.text, 12);
  Touch(model.intake);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const PickProcedure& a) {
  const catalog::Procedure* p = backend.station->FindProcedure(a.code);
  if (p == nullptr) {
    Error e = NotFound("procedure_code", "no_such_procedure", "no procedure " + a.code + " in the catalog");
    Fail(model.intake, e);
    return e;
  }
  IntakeDraft& d = model.intake.draft;
  if (d.procedure_code == p->code) return Ok();
  d.procedure_code = p->code;
  d.components.clear();
  d.cases.clear();
  for (const catalog::Component& c : p->components) {
    DraftComponent dc;
    dc.code = c.code;
    dc.name = NormalizeNfc(c.name);
    dc.group = NormalizeNfc(c.group);
    dc.required = c.required;
    dc.originals = c.originals;
    dc.copies = c.copies;
    dc.mode = c.shown_only ? ComponentMode::kShownOnly : c.required ? ComponentMode::kMissing : ComponentMode::kNotProvided;
    if (!catalog::AppliesToEveryCase(dc.group) && d.cases.empty()) d.cases.push_back(dc.group);  // the first case
    d.components.push_back(std::move(dc));
  }
  if (!p->postal_allowed && d.delivery == dossier::Delivery::kPostal) d.delivery = dossier::Delivery::kCounter;
  model.intake.error.reset();
  model.intake.flagged.clear();
  Focus(model.intake, IntakeFocus::kComponents);
  Touch(model.intake);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const PickRecentProcedure& a) {
  if (a.slot < 1 || a.slot > static_cast<int>(model.recent_procedures.size()))
    return Invalid("procedure_code", "no_recent_procedure", "no recent procedure in slot " + std::to_string(a.slot));
  return Apply(model, backend, PickProcedure{model.recent_procedures[a.slot - 1]});
}

Status Apply(CounterModel& model, const CounterBackend&, const ToggleCase& a) {
  std::vector<std::string>& cases = model.intake.draft.cases;
  const auto it = std::find(cases.begin(), cases.end(), a.group);
  if (a.chosen && it == cases.end()) cases.push_back(a.group);
  if (!a.chosen && it != cases.end()) cases.erase(it);
  Touch(model.intake);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend&, const SetComponentMode& a) {
  IntakeDraft& d = model.intake.draft;
  if (a.index < 0 || a.index >= static_cast<int>(d.components.size()))
    return Invalid("component", "no_such_component", "no component #" + std::to_string(a.index));
  DraftComponent& c = d.components[a.index];
  if (a.mode == ComponentMode::kReused && std::string_view(Trim(a.reused_result_code)).empty()) {
    Error e = Invalid("reused_result_code", "missing", "name the result code that is reused");
    Fail(model.intake, e);
    return e;
  }
  if (a.mode == ComponentMode::kFile && c.files.empty())
    return Invalid("component", "no_file", "scan or import a file for this component");
  ComponentMode mode = a.mode;
  if (mode == ComponentMode::kMissing && !c.required) mode = ComponentMode::kNotProvided;
  if (mode == ComponentMode::kNotProvided && c.required) mode = ComponentMode::kMissing;
  c.mode = mode;
  c.reused_result_code = mode == ComponentMode::kReused ? std::string(Trim(a.reused_result_code)) : "";
  if (mode != ComponentMode::kFile) c.files.clear();
  auto& flagged = model.intake.flagged;
  flagged.erase(std::remove(flagged.begin(), flagged.end(), a.index), flagged.end());
  Touch(model.intake);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const ScanComponent& a) {
  IntakeDraft& d = model.intake.draft;
  int index = a.index;
  if (index < 0) {
    const std::vector<int> missing = MissingComponents(d);
    if (missing.empty()) return Invalid("component", "nothing_missing", "every required paper is in");
    index = missing.front();
  }
  if (index >= static_cast<int>(d.components.size()))
    return Invalid("component", "no_such_component", "no component #" + std::to_string(index));
  Status s = StartScan(model, backend, {FileTargetKind::kIntakeComponent, index}, d.components[index].name);
  if (!s.has_value()) Fail(model.intake, s.error());
  return s;
}

Status Apply(CounterModel& model, const CounterBackend& backend, const ImportComponentFiles& a) {
  IntakeDraft& d = model.intake.draft;
  if (a.index < 0 || a.index >= static_cast<int>(d.components.size()))
    return Invalid("component", "no_such_component", "no component #" + std::to_string(a.index));
  Status s = StartImport(model, backend, {FileTargetKind::kIntakeComponent, a.index}, d.components[a.index].name,
                         a.paths);
  if (!s.has_value()) Fail(model.intake, s.error());
  return s;
}

void DeliverIntakeFile(CounterModel& model, const CounterBackend&, const FileTarget& target,
                       Result<dossier::Attachment> file) {
  IntakeModel& intake = model.intake;
  if (!file.has_value()) {
    Error e = file.error();
    if (e.field.empty() || e.field == "pages" || e.field == "image") e.field = "scanner";
    Fail(intake, e);
    return;
  }
  IntakeDraft& d = intake.draft;
  if (!intake.active || target.index >= static_cast<int>(d.components.size())) return;  // discarded meanwhile
  DraftComponent& c = d.components[target.index];
  if (c.mode != ComponentMode::kFile) c.files.clear();
  c.files.push_back(std::move(file).value());
  c.mode = ComponentMode::kFile;
  auto& flagged = intake.flagged;
  flagged.erase(std::remove(flagged.begin(), flagged.end(), target.index), flagged.end());
  if (intake.error && (intake.error->field == "scanner" || intake.error->field == "file")) intake.error.reset();
  Focus(intake, IntakeFocus::kComponents);
  Touch(intake);
}

Status Apply(CounterModel& model, const CounterBackend&, const SetChannel& a) {
  model.intake.draft.channel = a.channel;
  Touch(model.intake);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend&, const SetReceivedAt& a) {
  model.intake.draft.received_at_text = a.text;
  Touch(model.intake);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend&, const SetDelivery& a) {
  IntakeDraft& d = model.intake.draft;
  d.delivery = a.delivery;
  if (a.delivery == dossier::Delivery::kPostal && std::string_view(Trim(d.delivery_address)).empty()) {
    d.delivery_address = d.address;  // the applicant's address is the usual choice
    Focus(model.intake, IntakeFocus::kDeliveryAddress);
  }
  Touch(model.intake);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend&, const SetDeliveryAddress& a) {
  model.intake.draft.delivery_address = a.text;
  Touch(model.intake);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend&, const SetSets& a) {
  if (a.sets < 1 || a.sets > 99) return Invalid("sets", "bad_count", "1..99 sets");
  model.intake.draft.sets = a.sets;
  Touch(model.intake);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const ConfirmIntake&) {
  IntakeModel& intake = model.intake;
  if (!intake.active) return Invalid("intake", "no_draft", "start an intake first");
  if (model.file_job) {
    Error e = Conflict("scanner", "job_busy", "wait for the scan to finish");
    Fail(intake, e);
    return e;
  }
  if (Status checked = CheckCardTextChecked(intake.draft); !checked.has_value()) {
    Fail(intake, checked.error());
    Focus(intake, IntakeFocus::kName);
    return checked;
  }
  Result<workflow::IntakeRequest> request = BuildIntakeRequest(intake.draft);
  if (!request.has_value()) {
    Fail(intake, request.error());
    if (request.error().rule == "missing_required_component") {
      intake.flagged = MissingComponents(intake.draft);
      Focus(intake, IntakeFocus::kComponents);
    } else if (request.error().field == "procedure_code") {
      Focus(intake, IntakeFocus::kProcedureSearch);
    }
    return std::move(request.error());
  }
  Station& station = *backend.station;
  const workflow::Actor actor = ActorOf(model, backend);

  if (!intake.draft.manifest_id.empty()) {
    // An inbound postal item: checked now, received when the manifest is signed (postal/manifest.h).
    postal::InboundItem item{intake.draft.parcel_number, *request, ""};
    Result<postal::Manifest> m =
        postal::AddInboundItem(station.desk, actor, intake.draft.manifest_id, item, station.postal_settings, backend.now);
    if (!m.has_value()) {
      Fail(intake, m.error());
      return std::move(m.error());
    }
    IntakeOutcome out;
    out.kind = IntakeOutcome::Kind::kAddedToManifest;
    out.manifest_id = intake.draft.manifest_id;
    out.applicant_name = request->applicant.name;
    model.postal.open = std::move(m).value();
    model.postal.stale = true;
    SaveRecent(model, backend, request->procedure_code);
    CloseDraft(model, backend);
    intake.error.reset();
    intake.flagged.clear();
    intake.outcome = std::move(out);
    return Ok();
  }

  // The key goes into the stored draft before the dossier is received: if this process dies after the
  // commit, the restored draft's next F10 finds the dossier instead of receiving it twice.
  if (request->request_id.empty()) {
    intake.draft.request_id = request->request_id = NewUuid();
    if (Status saved = WriteDraft(model, backend, "active"); !saved.has_value()) {
      Fail(intake, saved.error());
      return saved;
    }
  }
  Result<workflow::IntakeResult> received = workflow::Receive(station.desk, actor, *request, backend.now);
  if (!received.has_value()) {
    const Error& e = received.error();
    Fail(intake, e);
    if (const std::optional<IntakeFocus> at = FocusForField(e.field)) Focus(intake, *at);
    return std::move(received.error());
  }
  const dossier::Dossier& d = received->dossier;
  IntakeOutcome out;
  out.kind = IntakeOutcome::Kind::kReceived;
  out.dossier_code = d.code;
  out.due_at = d.due_at;
  out.warnings = received->warnings;
  if (received->replayed) out.warnings.push_back("intake_replayed");
  out.applicant_name = d.applicant.name;
  print::ReceiptForm form = workflow::MakeReceiptForm(d, station.desk.settings, received->receipt_token, model.session->shown_name());
  StartPrint(model, backend, "form.receipt", d.code, "mau01",
             [form = std::move(form)] { return print::RenderReceiptPdf(form); });
  SaveRecent(model, backend, d.procedure_code);
  CloseDraft(model, backend);
  intake.error.reset();
  intake.flagged.clear();
  intake.outcome = std::move(out);
  model.worklist.stale = true;
  RememberReceivedDossier(model, d.code);  // linked to the served queue ticket at "Xong"
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const IssueSupplementSlip& a) {
  IntakeModel& intake = model.intake;
  const IntakeDraft& d = intake.draft;
  const std::string reason = NormalizeNfc(Trim(a.reason));
  Status basics = CheckSlipBasics(d);
  const std::vector<int> missing = MissingComponents(d);
  if (basics.has_value() && missing.empty() && reason.empty())
    basics = Invalid("reason", "missing", "say what the applicant must complete");
  if (!basics.has_value()) {
    Fail(intake, basics.error());
    return basics;
  }
  const Station& station = *backend.station;
  const catalog::Procedure* p = station.FindProcedure(d.procedure_code);
  print::SupplementRequestForm form;
  form.header = CounterHeader(station, backend.now);
  form.receiving_unit = station.desk.settings.receiving_unit;
  form.applicant = FormApplicant(d);
  form.procedure_name = p != nullptr ? p->name : d.procedure_code;
  form.received_at = backend.now;
  json items = json::array();
  for (int i : missing) {
    const DraftComponent& c = d.components[i];
    form.items.push_back({.name = c.name, .originals = c.originals, .copies = c.copies});
    items.push_back(c.name);
  }
  if (form.items.empty()) {
    form.items.push_back({.name = reason});
    items.push_back(reason);
  }
  form.reasons.push_back(reason.empty() ? "Hồ sơ chưa đủ thành phần theo quy định." : reason);
  form.officer_name = model.session->shown_name();
  RecordSlip(model, backend, "mau02",
             {{"applicant", form.applicant.name}, {"id_number", form.applicant.id_number},
              {"procedure_code", d.procedure_code}, {"items", items}, {"reason", form.reasons.front()}});
  StartPrint(model, backend, "form.supplement", "", "mau02",
             [form = std::move(form)] { return print::RenderSupplementRequestPdf(form); });
  IntakeOutcome out;
  out.kind = IntakeOutcome::Kind::kSupplementSlip;
  out.applicant_name = d.name;
  CloseDraft(model, backend);
  intake.error.reset();
  intake.flagged.clear();
  intake.outcome = std::move(out);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const IssueRefusalSlip& a) {
  IntakeModel& intake = model.intake;
  const IntakeDraft& d = intake.draft;
  const std::string reason = NormalizeNfc(Trim(a.reason));
  Status basics = CheckSlipBasics(d);
  if (basics.has_value() && reason.empty()) basics = Invalid("reason", "missing", "a refusal states its reason");
  if (!basics.has_value()) {
    Fail(intake, basics.error());
    return basics;
  }
  const Station& station = *backend.station;
  const catalog::Procedure* p = station.FindProcedure(d.procedure_code);
  print::RefusalForm form;
  form.header = CounterHeader(station, backend.now);
  form.receiving_unit = station.desk.settings.receiving_unit;
  form.applicant = FormApplicant(d);
  form.procedure_name = p != nullptr ? p->name : d.procedure_code;
  form.reasons.push_back(reason);
  form.signer_name = model.session->shown_name();
  RecordSlip(model, backend, "mau03",
             {{"applicant", form.applicant.name}, {"id_number", form.applicant.id_number},
              {"procedure_code", d.procedure_code}, {"reason", reason}});
  StartPrint(model, backend, "form.refusal", "", "mau03",
             [form = std::move(form)] { return print::RenderRefusalPdf(form); });
  IntakeOutcome out;
  out.kind = IntakeOutcome::Kind::kRefusalSlip;
  out.applicant_name = d.name;
  CloseDraft(model, backend);
  intake.error.reset();
  intake.flagged.clear();
  intake.outcome = std::move(out);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend&, const ConfirmCardText&) {
  IntakeModel& intake = model.intake;
  if (!intake.active || !intake.draft.diacritics_unchecked) return Ok();
  intake.draft.diacritics_unchecked = false;
  if (intake.error && intake.error->rule == "diacritics_unchecked") intake.error.reset();
  Touch(intake);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const FinishIntake&) {
  const bool to_postal = model.intake.outcome && model.intake.outcome->kind == IntakeOutcome::Kind::kAddedToManifest;
  model.intake.outcome.reset();
  // The last citizen's receipt line no longer applies once the next one starts, unless it still needs the
  // officer (a failed or still queued print keeps its line and F8).
  if (model.print_job && (model.print_job->phase == PrintPhase::kPrinted || model.print_job->phase == PrintPhase::kSavedOnly))
    model.print_job.reset();
  if (to_postal) return Apply(model, backend, Navigate{std::string(kScreenPostal)});
  return Apply(model, backend, StartIntake{});
}

}  // namespace internal
}  // namespace motcua::ui
