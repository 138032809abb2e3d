// The citizen's view of a dossier: what the kiosk's status page and `motcua lookup` show to whoever
// holds the receipt (its QR token, or its code and 4-character lookup secret), and nothing else.
//
// What a PublicStatus may hold (the whole list; a test serialises a dossier full of personal data and
// checks that none of it comes out):
//   the dossier code; the procedure's code and name (public catalog data); the applicant's name masked
//   (name_mask.h; an organisation's name in full); the receipt and current due instants, whether the
//   dossier is late; its state and a plain-words key; a timeline of instants, plain-words keys and the
//   officers' step wording when it names no one; what the citizen must do next (the papers an open
//   supplement request lists, the fees still to pay, where to collect the result); the fees (name,
//   amount, paid or not); how the result is delivered (counter or post) and whether postal return can
//   still be registered; whether the dossier has been rated.
// What it never holds: the applicant's full name, ID number, phone, e-mail or address; the delivery
// address; the postal addressee's name or phone; who received the result; any officer's user name;
// reasons and notes an officer wrote (state_reason, supplement reasons) except inside a step's wording
// that passed the filter at PublicTimeline.
//
// Who may look: the token or the code with its secret is the authority (only the receipt holder has
// it); the lookups take no actor. A kiosk's station account holds Permission::kCitizenLookup
// (roles/roles.h), which the kiosk app checks once at start; `motcua lookup` is read-only and needs no
// sign-in, like `show`.
//
// One error for every bad lookup: a malformed, truncated, forged or altered token, one made under
// another center's key, an unknown dossier, a wrong secret all give kInvalid on field "token" with rule
// "invalid_token" and the same detail, so that neither the caller nor a log tells which part was wrong
// (a guesser learns nothing from the answer). Only the store's own failures (kUnavailable
// "database_busy", kCorrupt) and a misconfigured center key (kInvalid "center_key"/"bad_key_size") stay
// distinct: they are not about the token.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "dossier/dossier.h"
#include "store/store.h"
#include "workflow/desk.h"

namespace motcua::citizen {

// The store setting naming the counter where results are handed over (e.g. "Quầy số 5"), shown with
// "collect your result at ...". Absent: only the receiving unit is named.
inline constexpr const char* kResultCounterSetting = "kiosk.result_counter";

// A step's own wording is shown up to this many code points, then cut with "…" (default 120).
inline constexpr int kMaxTimelineTextChars = 120;

// What the citizen must do next.
enum class NextAction {
  kWait,                 // being processed (or submitted online, or a withdrawal asked): nothing to do
  kSupplement,           // bring the papers listed in supplement_items (the clock is paused meanwhile)
  kPayFee,               // pay the fees not yet paid (fees, unpaid_vnd): the dossier waits for payment
  kCollectResult,        // the result is ready at result_place / result_counter
  kAwaitPostalDelivery,  // the result is ready and goes by post to the registered address
  kContactCounter,       // refused or stopped: the counter explains why and what can be done
  kNone,                 // finished: returned or withdrawn
};
const char* NextActionKey(NextAction a);  // "wait", "supplement", "pay_fee", "collect_result",
                                          // "await_postal_delivery", "contact_counter", "none"

// The plain-words key of a state, for citizens: "submitted", "received", "in_progress" (transferred and
// in progress alike: the citizen does not care which office holds it), "awaiting_supplement",
// "awaiting_payment", "withdrawal_requested", "withdrawn", "refused", "stopped", "result_ready" (done),
// "returned".
const char* PublicStateKey(dossier::State s);

struct PublicStep {
  Instant at{};
  // What happened, from the step's state and the one before it: "submitted", "received",
  // "transferred", "in_progress", "supplement_requested", "supplement_received", "payment_requested",
  // "fee_paid", "result_ready", "returned", "refused", "withdrawal_requested", "withdrawn", "stopped",
  // or "update" for a step that did not change the state (a scan, a result recorded, an apology,
  // postal return registered).
  std::string key;
  std::string text;  // the officer's wording (NFC, capped at kMaxTimelineTextChars); "" when withheld
};

struct PublicFee {
  std::string name;
  std::int64_t amount_vnd = 0;
  bool is_paid = false;  // Fee::paid_at is set: payment recorded at the counter or online
};

struct PublicStatus {
  std::string dossier_code;
  std::string procedure_code;
  std::string procedure_name;
  std::string applicant_name;          // PublicApplicantName: masked for a person
  Instant received_at{};
  std::optional<Instant> due_at;       // the current due instant (after any supplement or apology)
  std::optional<Instant> finished_at;  // done, refused, withdrawn or stopped
  // Late: due_at is set and either the dossier finished after it, or it is not finished, its clock is
  // running (not awaiting a supplement) and now is past it.
  bool is_late = false;
  bool is_clock_paused = false;        // awaiting a supplement: the due instant will be recomputed
  dossier::State state = dossier::State::kReceived;
  std::string state_key;               // PublicStateKey(state)
  std::vector<PublicStep> timeline;    // oldest first

  NextAction next_action = NextAction::kWait;
  std::vector<std::string> supplement_items;  // kSupplement: the open request's papers, capped like steps
  int supplement_items_withheld = 0;   // papers whose wording named personal data: "ask at the counter"
  std::string result_place;            // where results are handed over: the desk's receiving unit
  std::string result_counter;          // the kResultCounterSetting value; "" when not set

  std::vector<PublicFee> fees;
  std::int64_t unpaid_vnd = 0;         // the sum of the fees not yet paid

  dossier::Delivery delivery = dossier::Delivery::kCounter;
  bool can_register_postal_return = false;  // not returned and not refused, withdrawn or stopped
  bool is_rated = false;               // a rating exists: the kiosk offers rating only when false
  Instant as_of{};                     // the `now` the view was made for
};

// What MakePublicStatus needs besides the dossier (LookupBy* read it from the store and the desk).
struct PublicContext {
  std::string result_place;    // the desk's receiving unit ("" = the dossier's own receiving_unit)
  std::string result_counter;  // kResultCounterSetting
  bool is_rated = false;
  // Further strings a step's wording must not contain to be shown (the postal addressee's name and
  // phone, say); the dossier's own personal data is always checked.
  std::vector<std::string> withheld;
};

// The public view of `d` at `now`. Pure. Step wording is shown only when it contains none of the
// dossier's personal strings (applicant name, ID, phone, e-mail, address, delivery address, who
// received the result and their ID, every officer user name on the dossier) nor any of
// ctx.withheld, compared without case or diacritics (FoldForSearch); otherwise the step keeps its key
// and an empty text. Supplement items pass the same filter (an item that fails it is counted in
// supplement_items_withheld instead) and are capped like step text.
PublicStatus MakePublicStatus(const dossier::Dossier& d, const PublicContext& ctx, Instant now);

// Looks a dossier up by its receipt QR token (codes/receipt_token.h, verified with desk.center_key)
// and builds its public view. Checks that the token's lookup secret equals the dossier's (constant
// time): a token for a code whose secret changed is refused. Errors: kInvalid ("token",
// "invalid_token") for every bad token or unknown dossier (see the top of this file); kInvalid
// ("center_key", "bad_key_size"); the store's.
// Not rate-limited: a token carries an 80-bit MAC, far beyond guessing. The caller limits typed
// look-ups only (lookup_limiter.h).
Result<PublicStatus> LookupByToken(store::Store& store, const workflow::Desk& desk, std::string_view token,
                                   Instant now);

// Looks a dossier up by its code and 4-character lookup secret as a citizen types them: both trimmed,
// ASCII letters upper-cased ("000.00.00.h56-261124-0001", " 7kqm "). Errors as LookupByToken (a code
// that is not a dossier code, a secret of the wrong shape, no such dossier and a wrong secret are all
// ("token", "invalid_token")). Typed look-ups are what a guesser would use: the caller counts failures
// with a TypedLookupLimiter.
Result<PublicStatus> LookupByCode(store::Store& store, const workflow::Desk& desk, std::string_view code,
                                  std::string_view secret, Instant now);

// The view as JSON (one object, keys in English, in a fixed order; instants ISO 8601 in Vietnam time,
// "2026-11-23T09:00:00+07:00"; an unset instant is null):
//   dossier_code, procedure_code, procedure_name, applicant_name, received_at, due_at, finished_at,
//   is_late, is_clock_paused, state (dossier::StateKey), status (PublicStateKey),
//   next_action (NextActionKey), supplement_items [..], supplement_items_withheld, result_place, result_counter,
//   fees [{name, amount_vnd, is_paid}], unpaid_vnd, delivery ("counter" | "postal"),
//   can_register_postal_return, is_rated, timeline [{at, key, text}], as_of.
std::string PublicStatusJson(const PublicStatus& status);

// An instant as ISO 8601 in Vietnam time: "2026-11-23T09:00:00+07:00".
std::string FormatInstantVn(Instant at);

}  // namespace motcua::citizen
