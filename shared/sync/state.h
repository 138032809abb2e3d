// What the station knows of its sync, kept in the store as records (store.h Record):
//   sync.dossier / <code>           one per dossier the sync has handled: what the server holds
//                                   (journaled: an acknowledgement is a legal fact for indicator 1.4)
//   sync.cursor / provincial        the journal position up to which every dossier event is handled
//   scratch.sync_status / provincial  counters, the last success and error, the clock skew (runtime
//                                   facts, rewritten on every exchange: scratch, not journaled)
//   scratch.sync_lease / provincial   which process syncs now, and until when
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "common/result.h"
#include "common/time.h"
#include "store/store.h"

namespace motcua::sync {

inline constexpr const char* kTarget = "provincial";
inline constexpr const char* kDossierStateKind = "sync.dossier";
inline constexpr const char* kCursorKind = "sync.cursor";
inline constexpr const char* kStatusKind = "scratch.sync_status";
inline constexpr const char* kLeaseKind = "scratch.sync_lease";
inline constexpr int kLeaseSeconds = 30;  // a dead syncer's lease runs out within this

struct DossierSyncState {
  std::string code;
  bool created = false;                 // the server accepted the file at least once
  std::int64_t file_seq = 0;            // the dossier's last journal event the server's file reflects
  std::int64_t synced_seq = 0;          // ... and its steps too: the dossier is synced through this event
  std::int64_t synced_version = 0;      // the dossier version the server holds
  int steps_acked = 0;                  // steps 0 .. steps_acked-1 are on the server
  int late_steps = 0;                   // steps acknowledged later than on_time_minutes after they happened
  std::optional<Instant> first_synced_at;
  std::optional<Instant> last_synced_at;
  bool parked = false;                  // the server refused the record as invalid
  std::string parked_message;           // the server's words
  std::int64_t parked_seq = 0;          // the dossier's last event when it was parked
  std::optional<Instant> parked_at;
  bool retry = false;                   // a supervisor asked for it to go again (`sync retry`)
  std::int64_t record_version = 0;      // the store record's version (0: none yet)

  // "parked", "retry" or "synced": the record's status, for lists.
  const char* StatusKey() const;
};

Result<std::optional<DossierSyncState>> LoadDossierState(store::Store& store, std::string_view code);
Result<std::optional<DossierSyncState>> LoadDossierState(store::WriteTx& tx, std::string_view code);
// Every dossier's state, by code. `status` "" = all, else "parked" / "retry" / "synced".
Result<std::map<std::string, DossierSyncState>> LoadDossierStates(store::Store& store, std::string_view status = "");
// Writes the state (the transaction must also append an event: the record is sealed).
Status PutDossierState(store::WriteTx& tx, const DossierSyncState& state, Instant at);

// A supervisor's "send it again" for a parked record (`motcua sync retry`, the counter's "Gửi lại"), in
// one transaction: the record is un-parked and marked for retry, and a "sync.retry_requested" event
// names who asked. The caller checks the permission (workflow kResendSync).
// Errors: kInvalid/"not_parked" on "code"; the store's.
Status RequestResend(store::Store& store, const std::string& code, const std::string& actor, const std::string& station,
                     Instant now);

Result<std::int64_t> LoadCursor(store::Store& store);
Status PutCursor(store::WriteTx& tx, std::int64_t seq, Instant at);

// Runtime facts of the last exchanges.
struct SyncStatus {
  std::optional<Instant> last_attempt_at;
  std::optional<Instant> last_success_at;
  std::string last_error;          // English, as Error::Describe; "" after a success
  std::string last_error_rule;     // "connect_failed", "bad_reply", ...
  std::optional<Instant> last_error_at;
  bool offline = false;            // the server could not be reached at the last attempt
  std::optional<std::int64_t> skew_seconds;  // server clock minus station clock, at the last reply
  std::optional<Instant> skew_checked_at;
  std::int64_t files_sent = 0;     // records put on the wire (a record in a retried batch counts again)
  std::int64_t files_acked = 0;
  std::int64_t files_resent = 0;   // records sent again after an exchange whose outcome was unknown
  std::int64_t steps_sent = 0;
  std::int64_t steps_acked = 0;
  std::int64_t lookups = 0;        // TraCuuHoSo calls to learn what the server holds
  std::int64_t logins = 0;
};
inline constexpr std::int64_t kMaxSkewSeconds = 120;  // above this the station warns (issue: 2 minutes)
Result<SyncStatus> LoadSyncStatus(store::Store& store);
Status SaveSyncStatus(store::Store& store, const SyncStatus& status, Instant at);

// Takes or renews the lease for `holder` until now + kLeaseSeconds. Errors: kConflict/"sync_busy" when
// another holder's lease is still running (the detail names it and when it ends). A holder named by
// LeaseHolderName on this host whose process has died loses its lease at once.
std::string LeaseHolderName(const std::string& station);  // "<station>@<host>:<pid>"
Status AcquireLease(store::Store& store, const std::string& holder, Instant now);
Status ReleaseLease(store::Store& store, const std::string& holder, Instant now);

}  // namespace motcua::sync
