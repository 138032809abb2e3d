// A dossier (hồ sơ): one applicant's filing for one procedure, from receipt to the returned result.
//
// Invariants (ValidateDossier in lifecycle.h checks them; the store refuses a dossier that breaks them):
//   (1) `code` is fixed for the dossier's whole life: no renumbering on supplement or transfer
//       (architecture.md rule 3);
//   (2) `original_due_at` is set once at receipt and never changes: the national indicators compare
//       against it (domain.md §2.2 "766 link"); `due_at` is what the citizen was last told;
//   (3) `apology_count` <= 1 (LEGAL: NĐ 61/2018 Art. 19.9, the return date may be re-set only once);
//   (4) `supplements` is append-only; at most the last one is open (received_at unset), and it is open
//       iff state == kAwaitingSupplement;
//   (5) `steps` is append-only, in time order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calendar/duration.h"
#include "common/time.h"

namespace motcua::dossier {

// Internal states. Richer than the national TrangThaiHoSo codes 1-10, to which a data table maps
// them (assets/dvc/status-map.json, loaded by LoadStatusMap in lifecycle.h).
enum class State {
  kSubmitted,            // registered online, not yet accepted
  kReceived,             // accepted at the one-stop desk, receipt issued
  kRefused,              // not accepted (Mẫu 03), or refused after appraisal
  kTransferred,          // handed to the processing unit
  kInProgress,           // being processed
  kAwaitingSupplement,   // supplement requested (Mẫu 02); the clock is paused
  kAwaitingPayment,      // waiting for a financial obligation to be paid
  kWithdrawalRequested,  // the applicant asked to withdraw
  kWithdrawn,            // withdrawal confirmed
  kStopped,              // processing stopped (Thông báo dừng giải quyết hồ sơ)
  kDone,                 // result ready (đã xử lý xong)
  kReturned,             // result handed over (đã trả kết quả)
};

enum class Channel { kCounter = 1, kOnline = 2, kPostal = 3 };      // KenhThucHien
enum class Delivery { kCounter = 0, kPostal = 1 };                  // HinhThuc
enum class ApplicantKind { kIndividual, kOrganization };
enum class IdType { kCccd, kCmnd, kTaxCode, kPassport, kOther };

struct Applicant {
  ApplicantKind kind = ApplicantKind::kIndividual;
  IdType id_type = IdType::kCccd;
  std::string id_number;  // 12 digits for CCCD, 9 for CMND, 10 or 13 for a tax code
  std::string name;
  std::string phone;
  std::string email;
  std::string address;
};

// A stored file: content-addressed under <data dir>/files/ by its SHA-256 (digitize/file_store.h).
struct Attachment {
  std::string sha256;      // 64 lower-case hex digits
  std::string mime;        // "application/pdf", "image/jpeg", "image/png"
  int pages = 0;           // page count (1 for an image)
  std::int64_t size_bytes = 0;
  std::string file_name;   // original name, for display
  std::string added_by;    // officer user name
  Instant added_at{};
};

// One paper of the dossier as received (thành phần hồ sơ), with its digitization record.
struct Component {
  std::string code;                 // the catalog's component code
  std::string name;
  int originals = 0;
  int copies = 0;
  bool shown_only = false;          // xuất trình: seen, not kept, nothing to scan
  std::string reused_result_code;   // reused from an earlier result (MaKetQuaThayThe); "" if none
  bool from_citizen_store = false;  // taken from the citizen's store on the national portal (DuocLayTuKhoDMQG)
  std::vector<Attachment> files;    // scans or uploads

  // Digitized = has a file, or is satisfied by reused data (domain.md §3).
  bool IsDigitized() const { return !files.empty() || !reused_result_code.empty() || from_citizen_store; }
};

struct ResultDocument {
  std::string name;
  std::string result_code;            // mã kết quả
  bool paper_required = false;        // from the catalog
  std::optional<Attachment> file;     // the digitized result
  bool e_signed = false;
  std::string added_by;
  Instant added_at{};
};

struct Fee {
  std::string name;
  std::int64_t amount_vnd = 0;
  std::optional<Instant> paid_at;
  int paid_online = 0;  // DuocThanhToanTrucTuyen: 0 not online, 1 national portal, 2 provincial gateway
};

// A processing step (quá trình xử lý), appended by every action.
struct Step {
  Instant at{};
  std::string actor;    // user name
  std::string unit;     // processing unit
  std::string content;  // what was done, in Vietnamese
  State state = State::kReceived;  // the state after the step
};

struct SupplementRequest {
  Instant requested_at{};
  std::string requested_by;
  std::string reason;
  std::vector<std::string> items;          // papers to add
  std::optional<Instant> received_at;      // when the complete supplement came in
  std::string received_by;
  std::optional<Instant> due_before;       // due_at when requested
  std::optional<Instant> due_after;        // due_at after the supplement
};

struct ResultReturn {
  Instant at{};
  std::string receiver_name;               // who took the result
  IdType receiver_id_type = IdType::kCccd;  // what receiver_id is: kCccd, kCmnd, kPassport, or kOther (free
                                           // text: a postal worker's staff number, a return recorded before
                                           // the type was kept)
  std::string receiver_id;                 // their ID number, by the rules of its type (workflow CheckIdNumber)
  bool originals_returned = false;         // originals kept for comparison were handed back
  std::string no_digital_result_reason;    // why a required paper result has no digitized copy
  std::string by;                          // officer
};

struct Dossier {
  std::string code;                 // mã hồ sơ, <agency>-YYMMDD-NNNN
  std::string lookup_secret;        // 4 characters, printed on the receipt
  std::string procedure_code;       // MaTTHC
  std::string procedure_name;
  std::string field_code;
  std::string field_name;
  std::string agency_id;            // receiving agency identifier (QCVN 102)
  std::string receiving_unit;       // the one-stop desk
  std::string processing_unit;      // the competent unit
  State state = State::kReceived;
  Channel channel = Channel::kCounter;
  Delivery delivery = Delivery::kCounter;
  std::string delivery_address;     // for postal delivery
  Applicant applicant;
  std::string summary;              // trích yếu
  int sets = 1;                     // số lượng hồ sơ (bộ)

  std::optional<calendar::Duration> duration;  // unset: the procedure has no due date
  Instant received_at{};            // legal filing time (postal: the handover manifest's signing time)
  std::optional<Instant> due_at;            // current due instant
  std::optional<Instant> original_due_at;   // the first due instant, never changed
  std::optional<Instant> finished_at;       // entered a terminal state or done
  std::optional<Instant> returned_at;

  int apology_count = 0;
  std::string apology_reason;
  std::vector<SupplementRequest> supplements;
  std::vector<Component> components;
  std::vector<ResultDocument> results;
  std::vector<Fee> fees;
  std::vector<Step> steps;
  std::optional<ResultReturn> result_return;

  bool vneid_verified = false;      // TaiKhoanDuocXacThucVoiVNeID
  std::string state_reason;         // reason given for refusal, stop or withdrawal
  std::string request_id;           // the intake's idempotency key (workflow/desk.h); "" = none
  std::int64_t version = 0;         // bumped by every stored change (optimistic check)

  bool IsClockPaused() const { return state == State::kAwaitingSupplement; }
  int SupplementCount() const { return static_cast<int>(supplements.size()); }
};

}  // namespace motcua::dossier
