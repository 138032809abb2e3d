// Bưu chính công ích: handover manifests (biên bản giao nhận) between the postal service and the
// center, in both directions, and the delivery of results (domain.md §7; LEGAL: QĐ 45/2016/QĐ-TTg).
//
//   inbound  (postal -> center, Art. 7): the postal worker brings dossiers picked up from citizens,
//            each with its Phiếu gửi number and the data for its intake. Signing the manifest
//            receives every dossier (workflow::Receive, channel kPostal) with received_at = the
//            signing instant: LEGAL: QĐ 45/2016/QĐ-TTg, Art. 7, the legal filing time is the time the
//            handover record is signed.
//   outbound (center -> postal, Art. 9): the officer lists done dossiers whose result goes by post
//            (Delivery::kPostal), found by their receipt QR token, their code or their inbound parcel
//            number. Signing returns every dossier (done -> returned, the postal worker as receiver).
//            The postal worker then records, per item, the delivery to the citizen or a failed
//            attempt (Art. 10).
//
// Manifest states and the only functions that move between them:
//   kDraft -> kSigned      [SignManifest]  (every dossier created or returned in the same transaction)
//   kDraft -> kCancelled   [CancelManifest]
//   kSigned -> kDelivered  [RecordDelivery] once every outbound item is delivered (inbound manifests
//                          stay kSigned: their dossiers go on in the dossier lifecycle)
// Items are added and removed only on a draft.
//
// Invariants:
//   (1) Signing is all or nothing: one store transaction receives (or returns) every item's dossier
//       and writes the signed manifest, so a refused item leaves the manifest a draft with no dossier
//       created and no dossier code number consumed; the error names the item ("items[2].…").
//   (2) A parcel number is on at most one manifest that is not cancelled, and a dossier is on at
//       most one outbound manifest that is not cancelled (an index of store records, kind
//       "postal_index", keys "parcel:<number>" and "claim:<dossier code>", checked in the same
//       transaction as the change).
//   (3) Each dossier change is one journal event (architecture.md rule 2): signing writes per dossier
//       "dossier.received" (or "dossier.return_result") whose payload also carries the parcel number
//       and the manifest (workflow's event_extra_json), with a step saying so; delivery writes
//       "dossier.result_delivered" or "dossier.delivery_failed", which names the manifest. Every other change to a manifest journals one "postal.manifest_*" event
//       with no dossier code (no personal data in its payload: parcel numbers, codes, names of staff).
//
// Who may do what: every function requires Permission::kPostalHandover (postal staff, officers,
// supervisors, admins). Receiving and returning dossiers need the center side: when the actor itself
// may receive (or return results) the dossiers are received (returned) by the actor; when a postal
// worker signs, the manifest must name the center's officer (center.user), on whose behalf the
// dossier events are written (both sign the paper; the "postal.manifest_signed" event records who
// pressed the key). A postal account can never receive a dossier outside a signed manifest.
//
// Manifests live as store Records (kind "manifest", key = the manifest id, status = its state key).
// Manifest ids are "IN-YYMMDD-NNNN" and "OUT-YYMMDD-NNNN": the creation date (Vietnam civil time) and
// a number from the station's slot, as dossier codes are numbered (codes/dossier_code.h), so stations
// working offline never collide.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "dossier/dossier.h"
#include "postal/parcel_number.h"
#include "store/store.h"
#include "workflow/desk.h"

namespace motcua::postal {

inline constexpr const char* kManifestKind = "manifest";
inline constexpr const char* kIndexKind = "postal_index";

enum class Direction {
  kInbound,   // postal -> center: dossiers (QĐ 45/2016 Art. 7); id prefix "IN-"
  kOutbound,  // center -> postal: results (Art. 9); id prefix "OUT-"
};
const char* DirectionKey(Direction d);  // "inbound", "outbound"
// Errors: kInvalid/"bad_value" on `field`.
Result<Direction> ParseDirection(std::string_view key, std::string_view field = "direction");

enum class ManifestStatus { kDraft, kSigned, kDelivered, kCancelled };
const char* ManifestStatusKey(ManifestStatus s);  // "draft", "signed", "delivered", "cancelled"
Result<ManifestStatus> ParseManifestStatus(std::string_view key, std::string_view field = "status");

enum class DeliveryStatus { kPending, kDelivered, kFailed };
const char* DeliveryStatusKey(DeliveryStatus s);  // "pending", "delivered", "failed"
Result<DeliveryStatus> ParseDeliveryStatus(std::string_view key, std::string_view field = "delivery.status");

// One side of the handover, as printed on the manifest.
struct Party {
  std::string organization;    // "Bưu điện tỉnh Tuyên Quang" / the center; center default: the desk's receiving unit
  std::string representative;  // full name of who signs; required at signing
  std::string position;        // chức vụ; "" = dotted on paper
  std::string phone;           // "" = omitted
  std::string staff_id;        // postal side: the worker's staff number (recorded as the receiver's ID
                               // when results are handed over); "" = none
  std::string user;            // center side: the officer's motcua user name; required when a postal
                               // worker signs (see the header comment); "" = none
};

// Delivery of one outbound result to the citizen (QĐ 45/2016 Art. 10).
struct DeliveryRecord {
  DeliveryStatus status = DeliveryStatus::kPending;
  std::optional<Instant> at;   // delivered_at, or the time of the last failed attempt
  std::string receiver_name;   // who took the result (the citizen or an authorised person)
  std::string reason;          // why the last attempt failed
  int failed_attempts = 0;     // failed attempts recorded so far
  std::string recorded_by;     // user who recorded the last outcome
};

struct ManifestItem {
  std::string parcel_number;   // normalised (parcel_number.h); outbound: may be "" until set, required to sign
  std::string dossier_code;    // outbound: from the start; inbound: set when the manifest is signed
  // Inbound: the data for the dossier's intake, kept from the draft to the signing (its channel
  // and received_at are overridden at signing). Unset for outbound items.
  std::optional<workflow::IntakeRequest> intake;
  std::string person_name;     // inbound: the sender (applicant); outbound: the addressee
  std::string procedure_name;
  int sets = 1;
  std::string delivery_address;           // outbound: where the result goes
  bool originals_returned = false;        // outbound: originals kept for comparison go back with the result
  std::string no_digital_result_reason;   // outbound: required when a paper result has no digitized copy
  std::string note;
  Instant added_at{};
  std::string added_by;
  DeliveryRecord delivery;     // outbound only
};

struct Manifest {
  std::string id;              // "IN-261127-0001"
  Direction direction = Direction::kInbound;
  ManifestStatus status = ManifestStatus::kDraft;
  Party postal;
  Party center;
  Instant created_at{};
  std::string created_by;
  std::string station;
  std::optional<Instant> signed_at;  // the signing instant: inbound, the legal filing time of every item
  std::string signed_by;             // user who recorded the signature
  std::optional<Instant> closed_at;  // cancelled, or every outbound result delivered
  std::string cancel_reason;
  std::vector<ManifestItem> items;
  std::int64_t version = 0;          // the store record's version (0 before it is stored)
};

// Postal settings, kept in the store's settings (LoadPostalSettings) so every station agrees.
struct PostalSettings {
  ParcelNumberRules parcel_numbers;  // default: UPU S10 only
  // The postal operator's name to prefill on new manifests ("Bưu điện tỉnh Tuyên Quang"); "" = none.
  std::string postal_organization;
};

// Reads "postal.accept_s10" ("true"/"false", default true), "postal.parcel_formats" (patterns
// separated by commas, default none) and "postal.organization" (default ""). Errors: kInvalid/"bad_pattern" on "postal.parcel_formats",
// kInvalid/"bad_value" on "postal.accept_s10", and the store's.
Result<PostalSettings> LoadPostalSettings(store::Store& store);

// ---- drafts ----------------------------------------------------------------------------------

// Creates an empty draft. An empty center.organization becomes the desk's receiving unit.
// Journals "postal.manifest_created". Errors: ("role", "not_allowed"); ("sequence", "sequence_exhausted").
Result<Manifest> CreateManifest(const workflow::Desk& desk, const workflow::Actor& actor, Direction direction,
                                const Party& postal, const Party& center, Instant now);

struct InboundItem {
  std::string parcel_number;        // the Phiếu gửi number, validated by the settings' rules
  workflow::IntakeRequest intake;   // channel and received_at are set at signing
  std::string note;
};

// Adds a dossier brought by the postal worker. Checks now what can be checked without receiving: the
// parcel number, the procedure, the applicant and the delivery address; the rest (components, fees,
// the due date) is checked by workflow::Receive at signing. Journals "postal.manifest_item_added".
// Errors: ("manifest", "no_such_manifest"); ("status", "not_a_draft"); ("direction", "wrong_direction");
// ("parcel_number", "missing" / "bad_characters" / "bad_check_digit" / "unknown_format");
// ("parcel_number", "parcel_already_listed") naming the manifest; ("procedure_code", "no_such_procedure");
// ("applicant.*", ...) as workflow::ValidateApplicant; ("delivery_address", "missing"); ("role", "not_allowed").
Result<Manifest> AddInboundItem(const workflow::Desk& desk, const workflow::Actor& actor, std::string_view id,
                                const InboundItem& item, const PostalSettings& settings, Instant now);

struct OutboundItem {
  // What the officer scanned or typed: a receipt QR token ("MC1:..."), a dossier code, or the
  // dossier's inbound parcel number.
  std::string lookup;
  std::string parcel_number;              // the result's new Phiếu gửi; "" = set later (SetItemParcelNumber)
  bool originals_returned = false;
  std::string no_digital_result_reason;   // required when a paper result has no digitized copy
  std::string note;
};

// Adds a done dossier whose result goes by post. Journals "postal.manifest_item_added".
// Errors: ("manifest", "no_such_manifest"); ("status", "not_a_draft"); ("direction", "wrong_direction");
// ("lookup", "missing"); ("lookup", "no_such_dossier") when nothing matches; ("receipt_token", ...) as
// codes::VerifyReceiptToken, and ("receipt_token", "secret_mismatch") when the token's lookup secret is
// not the dossier's; ("state", "not_done") with the dossier's state; ("delivery", "not_postal");
// ("dossier_code", "already_on_manifest") naming the manifest; ("no_digital_result_reason", "missing");
// ("parcel_number", ...) as AddInboundItem; ("role", "not_allowed").
Result<Manifest> AddOutboundItem(const workflow::Desk& desk, const workflow::Actor& actor, std::string_view id,
                                 const OutboundItem& item, const PostalSettings& settings, Instant now);

// Items are named by `item_ref`: the item's parcel number (any spacing or case) or its dossier code.

// Sets (or replaces) the parcel number of an item on a draft (outbound: the result's Phiếu gửi, often
// scanned after the receipt QR; inbound: to correct a typo). Journals "postal.manifest_item_updated".
// Errors: ("item", "no_such_item"); those of the parcel number as AddInboundItem; ("status", "not_a_draft").
Result<Manifest> SetItemParcelNumber(const workflow::Desk& desk, const workflow::Actor& actor, std::string_view id,
                                     std::string_view item_ref, std::string_view parcel_number,
                                     const PostalSettings& settings, Instant now);

// Removes an item from a draft, freeing its parcel number and dossier. Journals
// "postal.manifest_item_removed". Errors: ("item", "no_such_item"); ("status", "not_a_draft").
Result<Manifest> RemoveItem(const workflow::Desk& desk, const workflow::Actor& actor, std::string_view id,
                            std::string_view item_ref, Instant now);

// Abandons a draft, freeing its parcel numbers and dossiers. Journals "postal.manifest_cancelled".
// Errors: ("reason", "missing"); ("status", "not_a_draft").
Result<Manifest> CancelManifest(const workflow::Desk& desk, const workflow::Actor& actor, std::string_view id,
                                std::string_view reason, Instant now);

// ---- signing ---------------------------------------------------------------------------------

// The names as signed. Empty fields keep what the draft holds.
struct SignRequest {
  std::string postal_representative;
  std::string postal_staff_id;
  std::string center_representative;
  std::string center_user;
  std::string postal_organization;  // e.g. PostalSettings::postal_organization when the draft has none
};

struct SignResult {
  Manifest manifest;
  std::vector<workflow::IntakeResult> received;  // inbound: one per item, in item order (receipt tokens)
  std::vector<dossier::Dossier> returned;        // outbound: one per item, in item order
};

// Signs a draft at `now`, which becomes the signing instant. Inbound: receives every item's dossier
// with received_at = now and channel kPostal, so its due date runs from the signing (e.g. signed
// Friday 2026-11-27 16:30, 7 working days: due Tuesday 2026-12-08 16:30). Outbound: returns every
// item's dossier (workflow::Apply kReturnResult; receiver = the postal representative, receiver ID =
// the postal staff number) at `now`. All in one transaction (invariant (1)); journals the dossier
// events of invariant (3) and "postal.manifest_signed". When the actor may itself receive (return)
// dossiers, center.user becomes the actor's user name; otherwise center.user must name the officer.
// The returned IntakeResults carry each dossier after its handover note (version 2) and its receipt
// token, for printing the receipts (Mẫu 01).
// Errors: ("status", "not_a_draft"); ("items", "empty"); ("postal.organization", "missing") (the paper
// names the operator); ("postal.representative", "missing");
// ("center.representative", "missing"); ("center.user", "missing") when a postal worker signs without
// naming the officer; ("items[i].parcel_number", "missing") for an outbound item with none; any error of
// workflow::Receive / workflow::Apply for item i, with its field prefixed "items[i]." and the parcel
// number in the detail (e.g. ("items[1].applicant.id_number", "bad_cccd")); ("role", "not_allowed").
Result<SignResult> SignManifest(const workflow::Desk& desk, const workflow::Actor& actor, std::string_view id,
                                const SignRequest& request, Instant now);

// ---- delivery --------------------------------------------------------------------------------

struct DeliveryReport {
  bool delivered = true;          // false: a failed attempt
  std::string receiver_name;      // required when delivered
  std::string reason;             // required when failed ("không có người nhận", "sai địa chỉ", ...)
  std::optional<Instant> at;      // default now; between the signing and now
};

// Records the outcome of delivering one outbound item: an AppendNote event on the dossier
// ("dossier.result_delivered" or "dossier.delivery_failed", payload: manifest, parcel number, time,
// receiver or reason) in the same transaction as the manifest update. A failed item may be recorded
// delivered later (another attempt); a delivered one is final. The manifest becomes kDelivered when
// every item is delivered.
// Errors: ("status", "not_signed"); ("direction", "wrong_direction"); ("item", "no_such_item");
// ("delivery", "already_delivered"); ("receiver_name", "missing"); ("reason", "missing");
// ("at", "before_signing"); ("at", "in_the_future"); ("role", "not_allowed").
Result<Manifest> RecordDelivery(const workflow::Desk& desk, const workflow::Actor& actor, std::string_view id,
                                std::string_view item_ref, const DeliveryReport& report, Instant now);

// ---- queries for screens ---------------------------------------------------------------------

struct ManifestQuery {
  std::optional<Direction> direction;    // unset = both
  std::optional<ManifestStatus> status;  // unset = any
  int limit = 200;                       // default 200, newest change first
};
Result<std::vector<Manifest>> ListManifests(store::Store& store, const ManifestQuery& q = {});

// Errors: kNotFound/"no_such_manifest" on "manifest".
Result<Manifest> GetManifest(store::Store& store, std::string_view id);

// A done dossier whose result goes by post and that is on no outbound manifest yet.
struct AwaitingResult {
  std::string dossier_code;
  std::string applicant_name;
  std::string procedure_name;
  std::string delivery_address;
  std::optional<Instant> finished_at;
  std::optional<Instant> due_at;
};
// Oldest finished first. `limit` bounds the done dossiers examined (default 1000).
Result<std::vector<AwaitingResult>> ListAwaitingPostalDispatch(store::Store& store, int limit = 1000);

// Where a parcel number is listed.
struct ParcelEntry {
  std::string parcel_number;  // normalised
  std::string manifest_id;
  Direction direction = Direction::kInbound;
  std::string dossier_code;   // "" for an inbound item not yet signed
  bool signed_manifest = false;
};
// Finds a parcel number (normalised first; any format) on a manifest that is not cancelled.
Result<std::optional<ParcelEntry>> FindParcel(store::Store& store, std::string_view parcel_number);

// The dossier code that a scanned or typed text names: a receipt token (verified with the center key,
// its lookup secret checked against the dossier), a dossier code, or a parcel number on a manifest.
// Errors: ("lookup", "missing"); ("lookup", "no_such_dossier"); ("receipt_token", ...).
Result<std::string> ResolveDossierCode(const workflow::Desk& desk, std::string_view text);

}  // namespace motcua::postal
