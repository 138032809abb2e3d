#include "ui_model/kiosk_app.h"

#include <algorithm>
#include <map>
#include <utility>

#include "codes/receipt_token.h"
#include "common/text.h"
#include "rating/rating.h"
#include "ui_model/kiosk_queue.h"

namespace motcua::ui {
namespace {

// Field limits: the core's caps (common/text.h), so the keyboard stops where the core would refuse.
constexpr std::size_t kCodeChars = 40;     // "000.00.00.H56-261124-0001" is 25
constexpr std::size_t kSecretChars = 4;
constexpr std::size_t kPhoneChars = 12;
constexpr std::size_t kPinChars = 12;

OskField TextField(std::size_t max_chars) {
  OskField f;
  f.layout = OskLayout::kTelex;
  f.max_chars = max_chars;
  return f;
}
OskField DigitsField(std::size_t max_chars) {
  OskField f;
  f.layout = OskLayout::kDigits;
  f.max_chars = max_chars;
  f.allow_letters = false;
  return f;
}

CitizenSession FreshCitizen(const KioskBackend& backend) {
  CitizenSession c;
  c.search = TextField(60);
  // Codes and secrets are typed as they are, in capitals: Telex would turn "7KSF" into a toned letter.
  c.code = DigitsField(kCodeChars);
  c.code.allow_letters = true;  // agency ids hold letters (H56, X00)
  c.code.compose = false;
  c.secret = TextField(kSecretChars);
  c.secret.compose = false;
  c.rating.comment = TextField(rating::kMaxCommentBytes / 4);
  c.postal.name = TextField(kMaxNameChars);
  c.postal.phone = DigitsField(kPhoneChars);
  c.postal.address = TextField(kMaxAddressChars);
  c.pin = DigitsField(kPinChars);
  c.speech = backend.settings.speech;
  return c;
}

}  // namespace

void KioskNotice(CitizenSession& c, std::string key, Tone tone, std::string arg) {
  c.message_key = std::move(key);
  c.message_arg = std::move(arg);
  c.message_tone = tone;
}

void KioskGo(KioskModel& m, KioskScreen to) {
  CitizenSession& c = m.citizen;
  if (c.screen == to) return;
  if (to == KioskScreen::kHome) {
    c.back.clear();
  } else {
    c.back.push_back(c.screen);
  }
  c.screen = to;
  c.focus = KioskField::kNone;
  c.message_key.clear();
  c.message_arg.clear();
  switch (to) {  // the field a screen types into first
    case KioskScreen::kSearch: c.focus = KioskField::kSearch; break;
    case KioskScreen::kCheck: c.focus = KioskField::kCode; break;
    case KioskScreen::kPostal: c.focus = KioskField::kPostalName; break;
    case KioskScreen::kAdminPin: c.focus = KioskField::kPin; break;
    default: break;
  }
  ++m.speak_serial;
}

namespace {

// The dossier's status was found: show it (the token or code+secret proved the citizen holds the receipt).
void ShowStatus(KioskModel& m, citizen::PublicStatus status) {
  CitizenSession& c = m.citizen;
  c.status = std::move(status);
  c.rating.overall.reset();  // a rating draft belongs to the dossier it was started for
  c.rating.criteria = {};
  c.rating.comment.SetText("");
  // The status takes the check screen's place: "Quay lại" from the status goes where the check came from.
  if (c.screen == KioskScreen::kCheck && !c.back.empty()) {
    c.screen = c.back.back();
    c.back.pop_back();
  }
  KioskGo(m, KioskScreen::kStatus);
}

// A citizen who tapped "Đánh giá" or "Nộp phí" on the home screen goes on there once the receipt is read.
Status ContinueAfterCheck(KioskModel& m, const KioskBackend& b) {
  const KioskScreen to = std::exchange(m.citizen.after_check, KioskScreen::kStatus);
  if (to == KioskScreen::kStatus) return Ok();
  return ApplyKioskAction(m, b, OpenScreen{to});
}

Status LookupFailed(KioskModel& m, const Error& e) {
  if (e.code == ErrorCode::kInvalid) {
    if (m.citizen.screen != KioskScreen::kCheck) KioskGo(m, KioskScreen::kCheck);
    KioskNotice(m.citizen, "kiosk.invalid_code", Tone::kDanger);
  } else {
    KioskNotice(m.citizen, "kiosk.try_later", Tone::kDanger);
  }
  return e;
}

// Offline (KioskModel::offline): the receipt's MAC is checked under the center key, which needs no
// database; the citizen learns whether the receipt is genuine and for which dossier, and that its status
// must wait. Nothing of the dossier beyond its code (printed on the receipt itself) is shown.
Status VerifyOffline(KioskModel& m, const KioskBackend& b, const std::string& text) {
  auto token = codes::VerifyReceiptToken(text, b.desk->center_key);
  if (!token) return LookupFailed(m, token.error());
  if (m.citizen.screen != KioskScreen::kCheck) KioskGo(m, KioskScreen::kCheck);
  m.citizen.after_check = KioskScreen::kStatus;
  KioskNotice(m.citizen, "kiosk.offline.receipt_genuine", Tone::kInfo, token->dossier_code);
  return Ok();
}

Status ApplyScan(KioskModel& m, const KioskBackend& b, const std::string& text) {
  // A scan anywhere but the admin screens means "show me this dossier".
  if (m.citizen.screen == KioskScreen::kAdminPin || m.citizen.screen == KioskScreen::kAdmin) return Ok();
  if (m.offline) return VerifyOffline(m, b, text);
  auto status = citizen::LookupByToken(*b.store, *b.desk, text, b.now);
  if (!status) return LookupFailed(m, status.error());
  m.citizen.proof_token = text;
  m.citizen.proof_code.clear();
  m.citizen.proof_secret.clear();
  ShowStatus(m, std::move(*status));
  return ContinueAfterCheck(m, b);
}

Status ApplyTyped(KioskModel& m, const KioskBackend& b) {
  CitizenSession& c = m.citizen;
  if (auto until = m.limiter.PausedUntil(b.now)) {
    KioskNotice(c, "kiosk.typed_paused", Tone::kWarning, FormatLocalMinute(ToLocalVn(*until)).substr(11));
    return Invalid("token", "typed_lookups_paused", "typed lookups are paused");
  }
  if (m.offline) {
    KioskNotice(c, "kiosk.offline.no_status", Tone::kWarning);
    return Unavailable("token", "offline", "the center's database is unreachable: no dossier status");
  }
  if (c.code.Text().empty() || c.secret.Text().size() != kSecretChars) {
    KioskNotice(c, "kiosk.type_both", Tone::kWarning);
    c.focus = c.code.Text().empty() ? KioskField::kCode : KioskField::kSecret;
    return Invalid("token", "incomplete", "code and secret are both needed");
  }
  auto status = citizen::LookupByCode(*b.store, *b.desk, c.code.Text(), c.secret.Text(), b.now);
  if (!status) {
    if (status.error().code == ErrorCode::kInvalid) m.limiter.RecordFailure(b.now);
    return LookupFailed(m, status.error());
  }
  c.proof_token.clear();
  c.proof_code = c.code.Text();
  c.proof_secret = c.secret.Text();
  ShowStatus(m, std::move(*status));
  return ContinueAfterCheck(m, b);
}

// Reads the dossier's status again after the kiosk changed it (rating, postal registration), with the
// same proof that found it.
void RefreshStatus(KioskModel& m, const KioskBackend& b) {
  CitizenSession& c = m.citizen;
  if (!c.status) return;
  auto fresh = !c.proof_token.empty() ? citizen::LookupByToken(*b.store, *b.desk, c.proof_token, b.now)
                                      : citizen::LookupByCode(*b.store, *b.desk, c.proof_code, c.proof_secret, b.now);
  if (fresh) c.status = std::move(*fresh);
}

Status ApplyRating(KioskModel& m, const KioskBackend& b) {
  CitizenSession& c = m.citizen;
  if (!c.status) return Invalid("token", "invalid_token", "no verified dossier");
  if (!c.rating.overall) {
    KioskNotice(c, "kiosk.rate.choose_overall", Tone::kWarning);
    return Invalid("value", "required", "the overall answer is required");
  }
  rating::NewRating r;
  r.dossier_code = c.status->dossier_code;
  r.value = static_cast<rating::RatingValue>(*c.rating.overall);
  r.criteria = c.rating.criteria;
  r.source = rating::RatingSource::kKiosk;
  r.comment = c.rating.comment.Text();
  auto done = rating::RecordRating(*b.store, b.actor, r, b.now);
  if (!done) {
    const Error& e = done.error();
    KioskNotice(c, e.rule == "already_rated" ? "kiosk.rate.already" : "kiosk.try_later",
           e.rule == "already_rated" ? Tone::kInfo : Tone::kDanger);
    return e;
  }
  RefreshStatus(m, b);
  c.thanks_key = "kiosk.thanks.rated";
  KioskGo(m, KioskScreen::kThanks);
  return Ok();
}

Status ApplyPostal(KioskModel& m, const KioskBackend& b) {
  CitizenSession& c = m.citizen;
  if (!c.status) return Invalid("token", "invalid_token", "no verified dossier");
  workflow::PostalReturnRequest request;
  request.name = c.postal.name.Text();
  request.phone = c.postal.phone.Text();
  request.address = c.postal.address.Text();
  auto done = workflow::RegisterPostalReturn(*b.desk, b.actor, c.status->dossier_code, request, b.now);
  if (!done) {
    const Error& e = done.error();
    const std::string field = e.field;
    if (field.ends_with("name")) c.focus = KioskField::kPostalName;
    else if (field.ends_with("phone")) c.focus = KioskField::kPostalPhone;
    else if (field.ends_with("address")) c.focus = KioskField::kPostalAddress;
    // The rule's own message where the table has one ("kiosk.postal.error.bad_phone"), else a general one.
    std::string key = "kiosk.postal.error." + e.rule;
    if (e.code != ErrorCode::kInvalid && e.code != ErrorCode::kConflict) key = "kiosk.try_later";
    else if (!FindString(Lang::kVi, key)) key = "kiosk.postal.error.failed";
    KioskNotice(c, key, Tone::kDanger);
    return e;
  }
  RefreshStatus(m, b);
  c.thanks_key = "kiosk.thanks.postal";
  KioskGo(m, KioskScreen::kThanks);
  return Ok();
}

bool NeedsStatus(KioskScreen s) {
  return s == KioskScreen::kStatus || s == KioskScreen::kRate || s == KioskScreen::kPostal ||
         s == KioskScreen::kPay;
}

}  // namespace

OskField* FieldOf(CitizenSession& c, KioskField f) {
  return const_cast<OskField*>(FieldOf(static_cast<const CitizenSession&>(c), f));
}

const OskField* FieldOf(const CitizenSession& c, KioskField f) {
  switch (f) {
    case KioskField::kSearch: return &c.search;
    case KioskField::kCode: return &c.code;
    case KioskField::kSecret: return &c.secret;
    case KioskField::kComment: return &c.rating.comment;
    case KioskField::kPostalName: return &c.postal.name;
    case KioskField::kPostalPhone: return &c.postal.phone;
    case KioskField::kPostalAddress: return &c.postal.address;
    case KioskField::kPin: return &c.pin;
    case KioskField::kNone: return nullptr;
  }
  return nullptr;
}

const char* KioskScreenKey(KioskScreen s) {
  switch (s) {
    case KioskScreen::kHome: return "home";
    case KioskScreen::kFields: return "fields";
    case KioskScreen::kProcedures: return "procedures";
    case KioskScreen::kSearch: return "search";
    case KioskScreen::kProcedure: return "procedure";
    case KioskScreen::kCheck: return "check";
    case KioskScreen::kStatus: return "status";
    case KioskScreen::kRate: return "rate";
    case KioskScreen::kPostal: return "postal";
    case KioskScreen::kPay: return "pay";
    case KioskScreen::kQueueAreas: return "queue_areas";
    case KioskScreen::kQueuePriority: return "queue_priority";
    case KioskScreen::kTicket: return "ticket";
    case KioskScreen::kThanks: return "thanks";
    case KioskScreen::kAdminPin: return "admin_pin";
    case KioskScreen::kAdmin: return "admin";
  }
  return "home";
}

KioskModel MakeKioskModel(const KioskBackend& backend) {
  const KioskSettings& s = backend.settings;
  KioskModel m{.limiter = citizen::TypedLookupLimiter({s.typed_lookup_failures,
                                                       std::chrono::seconds(s.typed_lookup_window_seconds),
                                                       std::chrono::seconds(s.typed_lookup_pause_seconds)})};
  m.citizen = FreshCitizen(backend);
  m.last_input_at = backend.now;
  return m;
}

void ResetCitizen(KioskModel& model, const KioskBackend& backend) {
  model.citizen = FreshCitizen(backend);
  ++model.speak_serial;
}

Status ApplyKioskAction(KioskModel& m, const KioskBackend& b, const KioskAction& action) {
  CitizenSession& c = m.citizen;
  return std::visit(
      [&](const auto& a) -> Status {
        using A = std::decay_t<decltype(a)>;
        if constexpr (std::is_same_v<A, GoHome>) {
          ResetCitizen(m, b);  // "Về trang chủ" is also "I am done": nothing of mine stays
        } else if constexpr (std::is_same_v<A, KioskBack>) {
          if (c.back.empty()) return Ok();
          const KioskScreen to = c.back.back();
          c.back.pop_back();
          if (NeedsStatus(to) && !c.status) return Ok();
          c.screen = to;
          c.focus = KioskField::kNone;
          c.message_key.clear();
          ++m.speak_serial;
        } else if constexpr (std::is_same_v<A, OpenScreen>) {
          if (NeedsStatus(a.screen) && !c.status) {
            KioskGo(m, KioskScreen::kCheck);  // rating, postal and paying start from a verified receipt
            KioskNotice(c, "kiosk.check.first", Tone::kInfo);
            c.after_check = a.screen;
            return Ok();
          }
          if (a.screen == KioskScreen::kRate && c.status && c.status->is_rated) {
            KioskNotice(c, "kiosk.rate.already", Tone::kInfo);
            return Ok();
          }
          if (a.screen == KioskScreen::kPostal && c.status && !c.status->can_register_postal_return) {
            KioskNotice(c, "kiosk.postal.not_possible", Tone::kWarning);
            return Ok();
          }
          if (a.screen == KioskScreen::kAdmin || a.screen == KioskScreen::kAdminPin) return Ok();
          if (a.screen == KioskScreen::kQueueAreas) MOTCUA_TRY(LoadQueueAreas(m, b));
          KioskGo(m, a.screen);
        } else if constexpr (std::is_same_v<A, OpenGroup>) {
          c.group = a.group;
          KioskGo(m, KioskScreen::kProcedures);
        } else if constexpr (std::is_same_v<A, OpenProcedure>) {
          const auto& all = *b.procedures;
          if (std::none_of(all.begin(), all.end(), [&](const catalog::Procedure& p) { return p.code == a.code; }))
            return NotFound("code", "no_such_procedure", "no procedure " + a.code);
          c.procedure_code = a.code;
          KioskGo(m, KioskScreen::kProcedure);
        } else if constexpr (std::is_same_v<A, FocusField>) {
          c.focus = a.field;
        } else if constexpr (std::is_same_v<A, PressKey>) {
          OskField* field = FieldOf(c, c.focus);
          if (!field) return Ok();
          field->Press(a.key);
          if (field->done) {
            field->done = false;
            if (c.focus == KioskField::kSearch) return ApplyKioskAction(m, b, SubmitSearch{});
            if (c.focus == KioskField::kCode) c.focus = KioskField::kSecret;
            else if (c.focus == KioskField::kSecret) return ApplyKioskAction(m, b, SubmitTyped{});
            else if (c.focus == KioskField::kPostalName) c.focus = KioskField::kPostalPhone;
            else if (c.focus == KioskField::kPostalPhone) c.focus = KioskField::kPostalAddress;
            else if (c.focus == KioskField::kPin) return ApplyKioskAction(m, b, SubmitPin{});
            else c.focus = KioskField::kNone;
          }
        } else if constexpr (std::is_same_v<A, SubmitSearch>) {
          c.group.clear();
          KioskGo(m, KioskScreen::kProcedures);
        } else if constexpr (std::is_same_v<A, SubmitTyped>) {
          return ApplyTyped(m, b);
        } else if constexpr (std::is_same_v<A, Scanned>) {
          return ApplyScan(m, b, a.text);
        } else if constexpr (std::is_same_v<A, SetOverall>) {
          if (a.value < 0 || a.value > 2) return Invalid("value", "out_of_range", "0, 1 or 2");
          c.rating.overall = a.value;
        } else if constexpr (std::is_same_v<A, SetCriterion>) {
          if (a.index < 0 || a.index >= 9 || a.value < 0 || a.value > 2)
            return Invalid("criteria", "out_of_range", "criterion 0-8, answer 0-2");
          c.rating.criteria[static_cast<std::size_t>(a.index)] = a.value;
        } else if constexpr (std::is_same_v<A, SubmitRating>) {
          return ApplyRating(m, b);
        } else if constexpr (std::is_same_v<A, SubmitPostal>) {
          return ApplyPostal(m, b);
        } else if constexpr (std::is_same_v<A, ToggleLargeText>) {
          c.large_text = !c.large_text;
        } else if constexpr (std::is_same_v<A, ToggleContrast>) {
          c.high_contrast = !c.high_contrast;
        } else if constexpr (std::is_same_v<A, ToggleSpeech>) {
          c.speech = !c.speech;
          if (c.speech) ++m.speak_serial;  // say where we are at once
        } else if constexpr (std::is_same_v<A, KioskSwitchLanguage>) {
          c.lang = a.lang;
          ++m.speak_serial;
        } else if constexpr (std::is_same_v<A, ChooseQueueArea>) {
          return ApplyChooseQueueArea(m, b, a.area);
        } else if constexpr (std::is_same_v<A, TakeQueueTicket>) {
          return ApplyTakeQueueTicket(m, b, a.priority);
        } else if constexpr (std::is_same_v<A, HiddenGesture>) {
          KioskGo(m, KioskScreen::kAdminPin);
        } else if constexpr (std::is_same_v<A, SubmitPin>) {
          if (c.screen != KioskScreen::kAdminPin) return Ok();
          const bool ok = CheckKioskPin(b.settings, c.pin.Text());
          c.pin.SetText("");
          if (!ok) {
            // A wrong PIN goes home: no hint, and a passer-by cannot try PINs at leisure.
            ResetCitizen(m, b);
            return Invalid("pin", "wrong_pin", "wrong kiosk PIN");
          }
          KioskGo(m, KioskScreen::kAdmin);
        } else if constexpr (std::is_same_v<A, AdminExit>) {
          if (c.screen == KioskScreen::kAdmin) m.quit = true;
        }
        return Ok();
      },
      action);
}

bool TickKiosk(KioskModel& m, const KioskBackend& b, bool had_input) {
  if (had_input) {
    m.last_input_at = b.now;
    return false;
  }
  if (b.now - m.last_input_at < std::chrono::seconds(b.settings.idle_seconds)) return false;
  m.last_input_at = b.now;
  const CitizenSession fresh = FreshCitizen(b);
  const CitizenSession& c = m.citizen;
  const bool untouched = c.screen == KioskScreen::kHome && !c.status && c.search.Text().empty() &&
                         c.code.Text().empty() && c.secret.Text().empty() && c.lang == fresh.lang &&
                         c.large_text == fresh.large_text && c.high_contrast == fresh.high_contrast &&
                         c.speech == fresh.speech;
  if (untouched) return false;
  ResetCitizen(m, b);
  return true;
}

std::vector<ProcedureGroup> ProcedureGroups(const std::vector<catalog::Procedure>& procedures) {
  std::map<std::string, int> counts;
  for (const catalog::Procedure& p : procedures) ++counts[p.group.empty() ? p.field_name : p.group];
  std::vector<ProcedureGroup> groups;
  for (const auto& [key, count] : counts) {
    if (key.empty()) continue;
    groups.push_back({key, CapitalizeFirst(key), count});
  }
  std::stable_sort(groups.begin(), groups.end(),
                   [](const ProcedureGroup& a, const ProcedureGroup& b) { return a.count > b.count; });
  return groups;
}

}  // namespace motcua::ui
