#include "citizen/public_status.h"

#include <unicode/utf8.h>

#include <cstdio>

#include <nlohmann/json.hpp>

#include "citizen/name_mask.h"
#include "codes/dossier_code.h"
#include "codes/receipt_token.h"
#include "common/crypto.h"
#include "common/text.h"
#include "dossier/lifecycle.h"
#include "rating/rating.h"

namespace motcua::citizen {
namespace {

using dossier::Dossier;
using dossier::State;

// A receipt token is 60-odd characters; anything far longer is not one (and is not worth parsing).
constexpr std::size_t kMaxTokenBytes = 512;
// Personal strings are matched as whole words of the folded text, so even a one-word name ("An") is
// found without matching inside other words ("nhận"); only single letters are too common to use.
constexpr std::size_t kMinWithheldChars = 2;
// Digit runs of this many digits or more (phones, ID numbers) are also matched digits-only.
constexpr std::size_t kMinWithheldDigits = 6;

Error InvalidToken() {
  return Invalid("token", "invalid_token", "not a valid receipt token, or code and secret, for this center");
}

std::string DigitsOnly(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c >= '0' && c <= '9') out += c;
  return out;
}

// Decides whether officer-written text may be shown: it must contain none of the personal strings.
class Withholder {
 public:
  void Add(std::string_view s) {
    std::string folded = FoldForSearch(s);
    if (folded.size() >= kMinWithheldChars) folded_.push_back(" " + folded + " ");
    std::string digits = DigitsOnly(s);
    if (digits.size() >= kMinWithheldDigits) digits_.push_back(std::move(digits));
  }
  bool Allows(std::string_view text) const {
    // Word-bounded on the folded form: "nguyen van an" withholds "tra ket qua cho nguyen van an".
    const std::string folded = " " + FoldForSearch(text) + " ";
    for (const std::string& f : folded_)
      if (folded.find(f) != std::string::npos) return false;
    const std::string digits = DigitsOnly(text);
    for (const std::string& d : digits_)
      if (digits.find(d) != std::string::npos) return false;
    return true;
  }

 private:
  std::vector<std::string> folded_;
  std::vector<std::string> digits_;
};

Withholder PersonalStrings(const Dossier& d, const PublicContext& ctx) {
  Withholder w;
  const auto& a = d.applicant;
  if (a.kind != dossier::ApplicantKind::kOrganization) w.Add(a.name);  // an organisation's name is public
  for (std::string_view s : {std::string_view(a.id_number), std::string_view(a.phone), std::string_view(a.email),
                             std::string_view(a.address), std::string_view(d.delivery_address)})
    w.Add(s);
  if (d.result_return) {
    w.Add(d.result_return->receiver_name);
    w.Add(d.result_return->receiver_id);
    w.Add(d.result_return->by);
  }
  for (const auto& s : d.steps) w.Add(s.actor);
  for (const auto& s : d.supplements) {
    w.Add(s.requested_by);
    w.Add(s.received_by);
  }
  for (const auto& c : d.components)
    for (const auto& f : c.files) w.Add(f.added_by);
  for (const auto& r : d.results) {
    w.Add(r.added_by);
    if (r.file) w.Add(r.file->added_by);
  }
  for (const std::string& s : ctx.withheld) w.Add(s);
  return w;
}

// NFC text cut to `max_chars` code points, with "…" when cut. Invalid UTF-8 gives "".
std::string Capped(std::string_view text, int max_chars) {
  const std::string nfc = NormalizeNfc(Trim(text));
  const auto n = static_cast<int32_t>(nfc.size());
  int32_t i = 0;
  int chars = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(nfc.data(), i, n, c);
    if (c < 0) return {};
    if (++chars == max_chars && i < n) return nfc.substr(0, i) + "…";
  }
  return nfc;
}

const char* StepKey(std::optional<State> before, State after) {
  if (before && *before == after) return "update";
  switch (after) {
    case State::kSubmitted: return "submitted";
    case State::kReceived: return "received";
    case State::kTransferred: return "transferred";
    case State::kInProgress:
      if (before == State::kAwaitingSupplement) return "supplement_received";
      if (before == State::kAwaitingPayment) return "fee_paid";
      return "in_progress";
    case State::kAwaitingSupplement: return "supplement_requested";
    case State::kAwaitingPayment: return "payment_requested";
    case State::kDone: return "result_ready";
    case State::kReturned: return "returned";
    case State::kRefused: return "refused";
    case State::kWithdrawalRequested: return "withdrawal_requested";
    case State::kWithdrawn: return "withdrawn";
    case State::kStopped: return "stopped";
  }
  return "update";
}

NextAction NextActionFor(const Dossier& d) {
  switch (d.state) {
    case State::kSubmitted:
    case State::kReceived:
    case State::kTransferred:
    case State::kInProgress:
    case State::kWithdrawalRequested: return NextAction::kWait;
    case State::kAwaitingSupplement: return NextAction::kSupplement;
    case State::kAwaitingPayment: return NextAction::kPayFee;
    case State::kDone:
      return d.delivery == dossier::Delivery::kPostal ? NextAction::kAwaitPostalDelivery : NextAction::kCollectResult;
    case State::kRefused:
    case State::kStopped: return NextAction::kContactCounter;
    case State::kReturned:
    case State::kWithdrawn: return NextAction::kNone;
  }
  return NextAction::kWait;
}

std::string UpperAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// The public view of the dossier `code` if `secret` is its lookup secret.
Result<PublicStatus> Build(store::Store& store, const workflow::Desk& desk, const std::string& code,
                           std::string_view secret, Instant now) {
  MOTCUA_ASSIGN_OR_RETURN(auto d, store.GetDossier(code));
  if (!d) return InvalidToken();
  // Both sides are 4 characters of the secret alphabet here; a stored secret of another length simply
  // fails the comparison.
  if (!ConstantTimeEqual(d->lookup_secret, secret)) return InvalidToken();
  PublicContext ctx;
  ctx.result_place = desk.settings.receiving_unit;
  MOTCUA_ASSIGN_OR_RETURN(auto counter, store.GetSetting(kResultCounterSetting));
  if (counter) ctx.result_counter = Capped(*counter, kMaxLabelChars);
  MOTCUA_ASSIGN_OR_RETURN(auto rating, rating::GetRating(store, d->code));
  ctx.is_rated = rating.has_value();
  MOTCUA_ASSIGN_OR_RETURN(auto postal, workflow::GetPostalReturn(store, d->code));
  if (postal) ctx.withheld = {postal->name, postal->phone, postal->address};
  return MakePublicStatus(*d, ctx, now);
}

}  // namespace

const char* NextActionKey(NextAction a) {
  switch (a) {
    case NextAction::kWait: return "wait";
    case NextAction::kSupplement: return "supplement";
    case NextAction::kPayFee: return "pay_fee";
    case NextAction::kCollectResult: return "collect_result";
    case NextAction::kAwaitPostalDelivery: return "await_postal_delivery";
    case NextAction::kContactCounter: return "contact_counter";
    case NextAction::kNone: return "none";
  }
  return "wait";
}

const char* PublicStateKey(State s) {
  switch (s) {
    case State::kSubmitted: return "submitted";
    case State::kReceived: return "received";
    case State::kTransferred:
    case State::kInProgress: return "in_progress";
    case State::kAwaitingSupplement: return "awaiting_supplement";
    case State::kAwaitingPayment: return "awaiting_payment";
    case State::kWithdrawalRequested: return "withdrawal_requested";
    case State::kWithdrawn: return "withdrawn";
    case State::kRefused: return "refused";
    case State::kStopped: return "stopped";
    case State::kDone: return "result_ready";
    case State::kReturned: return "returned";
  }
  return "in_progress";
}

PublicStatus MakePublicStatus(const Dossier& d, const PublicContext& ctx, Instant now) {
  const Withholder withholder = PersonalStrings(d, ctx);
  PublicStatus p;
  p.dossier_code = d.code;
  p.procedure_code = d.procedure_code;
  p.procedure_name = d.procedure_name;
  p.applicant_name = PublicApplicantName(d.applicant);
  p.received_at = d.received_at;
  p.due_at = d.due_at;
  p.finished_at = d.finished_at;
  p.is_clock_paused = d.IsClockPaused();
  if (d.due_at) {
    if (dossier::IsFinished(d.state)) p.is_late = d.finished_at && *d.finished_at > *d.due_at;
    else p.is_late = !p.is_clock_paused && now > *d.due_at;
  }
  p.state = d.state;
  p.state_key = PublicStateKey(d.state);

  std::optional<State> before;
  for (const dossier::Step& s : d.steps) {
    PublicStep step{s.at, StepKey(before, s.state), ""};
    if (withholder.Allows(s.content)) step.text = Capped(s.content, kMaxTimelineTextChars);
    p.timeline.push_back(std::move(step));
    before = s.state;
  }

  p.next_action = NextActionFor(d);
  if (d.state == State::kAwaitingSupplement && !d.supplements.empty() && !d.supplements.back().received_at) {
    for (const std::string& item : d.supplements.back().items) {
      if (withholder.Allows(item)) p.supplement_items.push_back(Capped(item, kMaxTimelineTextChars));
      else ++p.supplement_items_withheld;
    }
  }
  p.result_place = !ctx.result_place.empty() ? ctx.result_place : d.receiving_unit;
  p.result_counter = ctx.result_counter;

  for (const dossier::Fee& f : d.fees) {
    p.fees.push_back({f.name, f.amount_vnd, f.paid_at.has_value()});
    if (!f.paid_at) p.unpaid_vnd += f.amount_vnd;
  }
  p.delivery = d.delivery;
  p.can_register_postal_return = !d.returned_at && !dossier::IsTerminal(d.state);
  p.is_rated = ctx.is_rated;
  p.as_of = now;
  return p;
}

Result<PublicStatus> LookupByToken(store::Store& store, const workflow::Desk& desk, std::string_view token,
                                   Instant now) {
  if (token.size() > kMaxTokenBytes) return InvalidToken();
  auto verified = codes::VerifyReceiptToken(token, desk.center_key);
  if (!verified) {
    if (verified.error().field == "center_key") return verified.error();  // the kiosk's setup, not the token
    return InvalidToken();
  }
  return Build(store, desk, verified->dossier_code, verified->lookup_secret, now);
}

Result<PublicStatus> LookupByCode(store::Store& store, const workflow::Desk& desk, std::string_view code_in,
                                  std::string_view secret_in, Instant now) {
  if (desk.center_key.size() != codes::kCenterKeyBytes)  // as a token look-up would say
    return Invalid("center_key", "bad_key_size", "the center key is not " + std::to_string(codes::kCenterKeyBytes) +
                                                     " bytes");
  if (code_in.size() > kMaxTokenBytes || secret_in.size() > kMaxTokenBytes) return InvalidToken();
  const std::string code = UpperAscii(Trim(code_in));
  const std::string secret = UpperAscii(Trim(secret_in));
  if (!codes::IsLookupSecret(secret) || !codes::ParseDossierCode(code)) return InvalidToken();
  return Build(store, desk, code, secret, now);
}

std::string FormatInstantVn(Instant at) {
  const auto local = std::chrono::local_seconds{(at + kVietnamUtcOffset).time_since_epoch()};
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{local - day};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d+07:00", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()), int(hms.hours().count()), int(hms.minutes().count()),
                int(hms.seconds().count()));
  return buf;
}

std::string PublicStatusJson(const PublicStatus& p) {
  using nlohmann::ordered_json;
  auto instant = [](const std::optional<Instant>& t) { return t ? ordered_json(FormatInstantVn(*t)) : ordered_json(); };
  ordered_json fees = ordered_json::array();
  for (const PublicFee& f : p.fees)
    fees.push_back(ordered_json{{"name", f.name}, {"amount_vnd", f.amount_vnd}, {"is_paid", f.is_paid}});
  ordered_json timeline = ordered_json::array();
  for (const PublicStep& s : p.timeline)
    timeline.push_back(ordered_json{{"at", FormatInstantVn(s.at)}, {"key", s.key}, {"text", s.text}});
  ordered_json j;
  j["dossier_code"] = p.dossier_code;
  j["procedure_code"] = p.procedure_code;
  j["procedure_name"] = p.procedure_name;
  j["applicant_name"] = p.applicant_name;
  j["received_at"] = FormatInstantVn(p.received_at);
  j["due_at"] = instant(p.due_at);
  j["finished_at"] = instant(p.finished_at);
  j["is_late"] = p.is_late;
  j["is_clock_paused"] = p.is_clock_paused;
  j["state"] = dossier::StateKey(p.state);
  j["status"] = p.state_key;
  j["next_action"] = NextActionKey(p.next_action);
  j["supplement_items"] = p.supplement_items;
  j["supplement_items_withheld"] = p.supplement_items_withheld;
  j["result_place"] = p.result_place;
  j["result_counter"] = p.result_counter;
  j["fees"] = std::move(fees);
  j["unpaid_vnd"] = p.unpaid_vnd;
  j["delivery"] = p.delivery == dossier::Delivery::kPostal ? "postal" : "counter";
  j["can_register_postal_return"] = p.can_register_postal_return;
  j["is_rated"] = p.is_rated;
  j["timeline"] = std::move(timeline);
  j["as_of"] = FormatInstantVn(p.as_of);
  // Text from the store is valid UTF-8 (checked on the way in); replace rather than throw if not.
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace motcua::citizen
