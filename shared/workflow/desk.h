// The one-stop desk's operations on dossiers. Each operation is one store transaction that writes
// the dossier's new state and exactly one journal event (architecture.md rule 2); a failed
// operation writes nothing. Roles are checked here, in the core, not only in the UI.
//
// Deadlines: the due instant comes from the working calendar (calendar/deadline.h) at receipt.
// While a supplement is awaited the clock is paused; when the complete supplement arrives the due
// instant restarts from the arrival (LEGAL: NĐ 61/2018 Art. 19.4, "the deadline restarts from zero")
// or, as a setting, shifts by the working days spent waiting (the practice of some provinces,
// domain.md §2.5). An apology re-dates the dossier once (LEGAL: NĐ 61/2018 Art. 19.9); the original
// due instant is kept for the national indicators.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "calendar/working_calendar.h"
#include "common/result.h"
#include "dossier/dossier.h"
#include "dossier/lifecycle.h"
#include "roles/roles.h"
#include "store/store.h"

namespace motcua::workflow {

// Roles, permissions and the Actor are roles/roles.h's (one definition); the desk's operations and their
// callers use them under these names too.
using roles::Actor;
using roles::Can;
using roles::ParseRole;
using roles::Permission;
using roles::PermissionKey;
using roles::Require;
using roles::Role;
using roles::RoleKey;

enum class SupplementPolicy {
  kRestart,  // default: the full duration runs again from the supplement's arrival
  kShift,    // the due date moves by the working days spent waiting
};

// Stores one setting of the center and journals "station.settings_changed" {key: journaled_value} in the
// same transaction (architecture.md rule 2). `journaled_value` is what the journal keeps: the value itself,
// or "(changed)" for a secret's hash. The caller has checked the value and the actor's permission.
Status SaveJournaledSetting(store::Store& store, const Actor& actor, std::string_view key, std::string_view value,
                            std::string_view journaled_value, Instant now);

// Runs inside an operation's transaction after the dossier is written, so that a module's own
// record (a postal manifest, say) commits or vanishes with the dossier. An error rolls all back.
using TxHook = std::function<Status(store::WriteTx& tx, const dossier::Dossier& d)>;

struct DeskSettings {
  std::string agency_id;           // receiving agency identifier (QCVN 102), first part of codes
  std::string agency_name;         // printed on forms
  std::string receiving_unit;      // the one-stop desk's name
  std::string place_name;          // the forms' date line: "<place>, ngày … tháng … năm …" ("Tuyên Quang")
  int station_slot = 0;            // this station's slot for code numbers (codes/dossier_code.h)
  int slot_count = 10;             // stations sharing an agency's numbers (default 10)
  SupplementPolicy supplement_policy = SupplementPolicy::kRestart;
  int future_tolerance_minutes = 5;  // a receipt time later than now + this is refused (default 5)
};

// Everything an operation needs. Not owning.
struct Desk {
  store::Store* store = nullptr;
  const calendar::WorkingCalendar* calendar = nullptr;
  DeskSettings settings;
  std::string center_key;            // HMAC key for receipt tokens; never logged
  std::filesystem::path files_root;  // content-addressed file store
};

// ---- intake --------------------------------------------------------------------------------

inline constexpr int kMaxPaperCount = 99;      // originals or copies of one paper, sets of a dossier
inline constexpr int kMaxListItems = 50;        // fees, supplement items
inline constexpr std::int64_t kMaxFeeVnd = 100'000'000'000;  // one fee: 100 tỷ đồng, far above any charge

struct IntakeComponent {
  std::string code;                 // the catalog component's code
  std::optional<int> originals;     // default: the catalog's count; 0..kMaxPaperCount
  std::optional<int> copies;        // default: the catalog's count; 0..kMaxPaperCount
  bool shown_only = false;
  std::string reused_result_code;
  bool from_citizen_store = false;
  std::vector<dossier::Attachment> files;  // already in the file store (digitize/file_store.h)
};

// Text caps (common/text.h): applicant name kMaxNameChars, address and delivery address kMaxAddressChars,
// summary and step content kMaxReasonChars, processing unit kMaxLabelChars; none may hold control characters.
struct IntakeRequest {
  // The caller's idempotency key: a retry with the same key (after a crash, a lost reply, a second F10)
  // returns the dossier received the first time instead of a second one. 1-64 of A-Z a-z 0-9 . _ : -;
  // "" = none. The counter makes one per intake draft; the CLI takes --request-id.
  std::string request_id;
  std::string procedure_code;
  dossier::Applicant applicant;
  dossier::Channel channel = dossier::Channel::kCounter;
  dossier::Delivery delivery = dossier::Delivery::kCounter;
  std::string delivery_address;     // required for postal delivery
  std::string processing_unit;      // default: the procedure's agency
  std::string summary;              // default: the procedure's name
  int sets = 1;                     // 1..kMaxPaperCount
  std::optional<Instant> received_at;  // default now; postal: the handover manifest's signing time
  // The cases (component groups, catalog::Component::group) the applicant files under. Empty: the
  // groups of the listed components, or the procedure's first group when none are listed. Groups the
  // portal publishes for every case ("", "Giấy tờ phải nộp", "Giấy tờ phải xuất trình") always apply.
  std::vector<std::string> cases;
  // Default: every required component of the chosen cases, with no files.
  std::optional<std::vector<IntakeComponent>> components;
  // Default: the procedure's fees for the channel. At most kMaxListItems, each 0..kMaxFeeVnd.
  std::optional<std::vector<dossier::Fee>> fees;
  bool vneid_verified = false;
  // For a caller with more to record in the same event and step (a postal manifest's parcel number):
  std::string event_extra_json;  // a JSON object merged into the "dossier.received" payload ("" = none)
  std::string step_content;      // the receipt step's text (default "Tiếp nhận hồ sơ")
};

struct IntakeResult {
  dossier::Dossier dossier;
  std::string receipt_token;  // the QR text for the receipt (codes/receipt_token.h)
  // Rule keys worth telling the officer, e.g. "due_at_provisional": the due date falls in a year whose
  // official day-off schedule is not in the calendar yet, so only weekends were skipped.
  std::vector<std::string> warnings;
  bool replayed = false;  // the request_id had been received before: this is that dossier, nothing new
};

// Receives a complete dossier: validates the request against the catalog, allocates the code, computes
// the due instant, stores the dossier and journals "dossier.received".
// Errors (field, rule): ("procedure_code", "no_such_procedure"); ("applicant.*", ...) from
// ValidateApplicant; ("components", "missing_required_component" / "unknown_component" /
// "duplicate_component"); ("delivery_address", "missing"); ("received_at", "in_the_future");
// ("calendar", "calendar_not_covering"); ("sequence", "sequence_exhausted"); ("role", "not_allowed");
// text and number checks: ("<field>", "control_character" / "too_long" / "bad_utf8" / "out_of_range");
// ("request_id", "bad_request_id"); kConflict ("request_id", "request_id_reused") when the key was
// received before for another procedure or applicant.
Result<IntakeResult> Receive(const Desk& desk, const Actor& actor, const IntakeRequest& request, Instant now,
                             const TxHook& also = {});

// Checks the applicant: a name; an ID that fits its type (CCCD 12 digits, CMND 9 digits, tax code
// 10 digits or 10-3, passport 6-12 letters and digits, other: up to kMaxCodeChars); a phone of 9-11
// digits (a leading +84 is accepted); an email with one @ (at most 254 characters); name and address
// within their caps and free of control characters (common/text.h CheckTextLine). Errors name the
// field, e.g. ("applicant.id_number", "bad_cccd"), ("applicant.name", "control_character").
Status ValidateApplicant(const dossier::Applicant& a);

// Checks an identity document number by the rules of its type, for the applicant (ValidateApplicant)
// and for whoever collects the result (Apply kReturnResult): CCCD exactly 12 digits, CMND exactly 9
// digits, tax code 10 digits or 10-3, passport 6-12 ASCII letters and digits, other: not empty, up to
// kMaxCodeChars, no control characters. `id` is taken as given (callers trim). Why per type: a
// 12-digit number typed as a CMND, or "C1234567" as a CCCD, is a typing slip the officer should see
// before the handover record is signed. Errors on `field`: "bad_cccd", "bad_cmnd", "bad_tax_code",
// "bad_passport", "missing", and CheckTextLine's.
Status CheckIdNumber(dossier::IdType type, std::string_view id, std::string_view field);

// "cccd", "cmnd", "tax_code", "passport", "other": the keys of the intake JSON and the CLI's flags.
const char* IdTypeKey(dossier::IdType type);
// The inverse; errors: (field, "unknown_id_type").
Result<dossier::IdType> ParseIdType(std::string_view key, std::string_view field);

// A paper's file read into memory and not yet stored (ReceiveWithFiles).
struct PendingFile {
  std::size_t component = 0;  // index into request.components
  std::string file_name;      // as the citizen or scanner named it, for the record
  std::string bytes;
};

// Receive for a caller holding the papers' files in memory (the CLI's --json file): every file is
// checked (type, pages) and the whole request validated before the first file is copied into the file
// store, and the files this call stored are removed again if the dossier is not committed, so a refused
// dossier leaves no file behind. Errors: InspectBytes' on "components[i].files"; Receive's.
Result<IntakeResult> ReceiveWithFiles(const Desk& desk, const Actor& actor, IntakeRequest request,
                                      std::vector<PendingFile> files, Instant now);

// Intake in two halves, for a caller that receives several dossiers in one transaction (signing a
// postal manifest): PrepareIntake checks the request against the catalog and computes the due instant,
// reading the store outside any transaction; CommitIntake allocates the code and writes the dossier and
// its event inside `tx`. Receive is the two in sequence. Errors as Receive.
struct PreparedIntake {
  dossier::Dossier dossier;          // everything but the code and the receipt step
  std::vector<std::string> warnings;
  std::string event_extra_json;
  std::string step_content;
};
Result<PreparedIntake> PrepareIntake(const Desk& desk, const Actor& actor, const IntakeRequest& request, Instant now);
Result<IntakeResult> CommitIntake(const Desk& desk, const Actor& actor, store::WriteTx& tx, PreparedIntake prepared,
                                  Instant now);

// The receipt token of a stored dossier (for a reprint that keeps the same code).
Result<std::string> ReceiptTokenFor(const Desk& desk, const dossier::Dossier& d);

// Journals "dossier.receipt_printed" (where it went: a file or a printer queue) for a print or reprint
// of a stored dossier's receipt, without changing the dossier: a receipt carries a valid token, so who
// printed one is worth knowing. Requires kReceive. Errors: ("code", "no_such_dossier"); ("role",
// "not_allowed"); ("destination", "too_long" / "control_character").
Status RecordReceiptPrint(const Desk& desk, const Actor& actor, const dossier::Dossier& d, std::string_view destination,
                          Instant now);

// ---- processing ----------------------------------------------------------------------------

// Details an action may need; each operation says which it reads.
// Text caps (common/text.h): reason, each item and no_digital_result_reason kMaxReasonChars (at most
// kMaxListItems items), unit kMaxLabelChars, receiver_name kMaxNameChars, receiver_id kMaxCodeChars.
struct ActionDetails {
  std::string reason;               // refuse, request_supplement, stop, request_withdrawal, apology
  std::vector<std::string> items;   // request_supplement: the papers to add
  std::string unit;                 // transfer: the processing unit
  int paid_online = 0;              // record_payment: 0 at the counter, 1 national portal, 2 provincial
  std::string receiver_name;        // return_result
  std::string receiver_id;          // return_result: "" = not recorded; else checked by CheckIdNumber
  dossier::IdType receiver_id_type = dossier::IdType::kCccd;  // return_result: what receiver_id is (default CCCD;
                                                              // kOther for a postal worker's staff number)
  bool originals_returned = false;  // return_result
  std::string no_digital_result_reason;  // return_result: required when a paper result has no digitized copy
  std::string event_extra_json;     // a JSON object merged into the event's payload ("" = none)
  std::string step_content;         // the step's text (default: the action's own wording)
};

// Applies a lifecycle action (lifecycle.h) to a stored dossier, journaling "dossier.<action>".
// Errors: ("code", "no_such_dossier"); ("state", "transition_not_allowed"); ("role", "not_allowed");
// ("reason", "missing") for refuse/request_supplement/stop/request_withdrawal;
// ("no_digital_result_reason", "missing") when returning a paper result with no digitized copy;
// ("receiver_name", "missing") for return_result; ("receiver_id", "bad_cccd" / "bad_cmnd" / "bad_passport" /
// "missing") when a receiver_id is given that does not fit receiver_id_type (CheckIdNumber), and
// ("receiver_id_type", "not_a_person") for a tax code. The receiver's ID may be left empty (a caller that
// has none); the counter's return form prefills the applicant's.
Result<dossier::Dossier> Apply(const Desk& desk, const Actor& actor, std::string_view code, dossier::Action action,
                               const ActionDetails& details, Instant now, const TxHook& also = {});
// The same inside a transaction the caller holds (several dossiers changed together).
Result<dossier::Dossier> ApplyInTx(const Desk& desk, const Actor& actor, store::WriteTx& tx, std::string_view code,
                                   dossier::Action action, const ActionDetails& details, Instant now);

// Adds a processing step and a journal event of `event_type` without changing the state, in any
// state (e.g. "dossier.result_delivered" when the postal worker confirms delivery). `payload_json`
// is a JSON object. Requires `permission`.
Result<dossier::Dossier> AppendNote(const Desk& desk, const Actor& actor, std::string_view code,
                                    Permission permission, const std::string& event_type,
                                    std::string_view content, std::string_view payload_json, Instant now,
                                    const TxHook& also = {});

// ---- postal return of the result ------------------------------------------------------------

// A citizen asks for the result to be sent by bưu chính công ích (LEGAL: QĐ 45/2016/QĐ-TTg, Art. 5,
// option 2 "receive the result only"; domain.md §7), typically at a kiosk after the dossier was
// received at the counter. All three are required and trimmed; text is NFC-normalised.
struct PostalReturnRequest {
  std::string name;     // who receives the result (the addressee); kMaxNameChars, no control characters
  std::string phone;    // 9-11 digits; a leading +84 counts as 0; spaces, dots and dashes are ignored
  std::string address;  // where the result goes; kMaxAddressChars, no control characters
};

// What RegisterPostalReturn keeps beyond the dossier's own delivery fields: the addressee's name and
// phone, which the dossier has no place for (its applicant may not be the addressee). One store Record
// of kind kPostalReturnKind, key = the dossier code, written in the same transaction as the dossier and
// sealed by its "dossier.delivery_changed" event. A later registration replaces it (the event keeps
// the previous values).
inline constexpr const char* kPostalReturnKind = "postal_return";
struct PostalReturn {
  std::string dossier_code;
  std::string name;
  std::string phone;    // as given, trimmed
  std::string address;  // the same as the dossier's delivery_address
  Instant registered_at{};
  std::string registered_by;  // the actor's user name (a kiosk's station account, an officer)
  std::string station;
  int registrations = 1;      // 1 for the first, 2 after one replacement, ...
  std::int64_t version = 0;   // the store record's version
};

// Checks a postal return request (after trimming). Errors, all kInvalid: ("name", "missing" /
// "too_long" / "control_character" / "bad_utf8"); ("phone", "missing" / "bad_phone"); ("address",
// "missing" / "too_long" / "control_character" / "bad_utf8"). Error details never repeat the phone.
Status ValidatePostalReturn(const PostalReturnRequest& request);

// Switches the dossier's result delivery (HinhThuc) to Delivery::kPostal with `request.address` as its
// delivery address, and keeps the name and phone in the PostalReturn record: one transaction, one
// journal event "dossier.delivery_changed" (payload: "from" and "to" as "counter"/"postal", "address",
// "name", "phone", "registrations", and "previous" {address, name, phone} when it replaces an earlier
// registration), and one step ("Đăng ký nhận kết quả qua dịch vụ bưu chính công ích"). The state does not
// change. A second registration replaces the first. Requires Permission::kRegisterPostalReturn.
// Allowed in every open state and in done (result ready, not yet handed over), and while a withdrawal
// is requested. Errors: ("role", "not_allowed"); ValidatePostalReturn's; ("code", "no_such_dossier");
// kConflict ("state", "already_returned") once the result has been returned; kConflict ("state",
// "dossier_closed") for a refused, withdrawn or stopped dossier (there is no result to send); the store's.
Result<dossier::Dossier> RegisterPostalReturn(const Desk& desk, const Actor& actor, std::string_view code,
                                              const PostalReturnRequest& request, Instant now);

// The postal return registered for a dossier, if any. Errors: the store's; kCorrupt ("postal_return",
// "bad_record") for a record that does not parse.
Result<std::optional<PostalReturn>> GetPostalReturn(store::Store& store, std::string_view code);

// The instant a due date set by hand may be: `t` itself when it lies in working hours (its closing
// minute included), else the first working minute after it. nullopt when the calendar does not cover
// t's date (nothing to check it against) or the desk has no calendar.
std::optional<Instant> WorkingDueAtOrAfter(const Desk& desk, Instant t);

// Re-dates a dossier once, with a reason (Mẫu 04). Errors: ("apology_count", "apology_already_issued")
// for a second apology; ("new_due_at", "not_later") unless later than the current due instant and now;
// ("new_due_at", "not_working_time") for a Sunday, a holiday or an hour the office is closed (the
// detail names the next working instant: WorkingDueAtOrAfter);
// ("state", "transition_not_allowed") once done or terminal; ("due_at", "no_due_date").
Result<dossier::Dossier> IssueApology(const Desk& desk, const Actor& actor, std::string_view code,
                                      Instant new_due_at, std::string_view reason, Instant now);

// Digitization: attach a stored file to a component (by position), or mark the component as reused
// or taken from the citizen's store. Journals "dossier.component_digitized".
// Errors: ("component", "no_such_component"); ("state", "transition_not_allowed") once terminal.
Result<dossier::Dossier> AttachComponentFile(const Desk& desk, const Actor& actor, std::string_view code,
                                             int component, const dossier::Attachment& file, Instant now);
Result<dossier::Dossier> MarkComponentReused(const Desk& desk, const Actor& actor, std::string_view code,
                                             int component, std::string_view result_code,
                                             bool from_citizen_store, Instant now);

// Records a result document (digitized or not). Journals "dossier.result_recorded".
Result<dossier::Dossier> RecordResult(const Desk& desk, const Actor& actor, std::string_view code,
                                      const dossier::ResultDocument& result, Instant now);

// ---- deadlines -----------------------------------------------------------------------------

enum class Urgency {
  kOverdue,        // due instant passed, not finished, clock running
  kDueToday,       // due later today
  kDueWithinOneWorkingDay,  // due by the end of the next working day
  kOnTrack,
  kPaused,         // awaiting a supplement: the clock is stopped
  kNoDueDate,
  kFinished,       // done or terminal
};
const char* UrgencyKey(Urgency u);
Urgency ClassifyUrgency(const calendar::WorkingCalendar& cal, dossier::State state,
                        const std::optional<Instant>& due_at, Instant now);

}  // namespace motcua::workflow
