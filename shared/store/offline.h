// A station of a center when the center's database is unreachable (issue 15): it keeps a local SQLite
// store beside it, receives dossiers there under codes of its own offline slot (codes/dossier_code.h: a slot
// no other station issues from, so no code can collide), and forwards what it did when the center answers
// again. Two steps, both idempotent:
//
// MirrorForOffline, while the center answers: copies into the local store what a station needs to work
// alone (the procedures, the settings, and the records of the kinds named: accounts, queue areas), as one
// local "station.mirrored" event when anything changed.
//
// ForwardOffline, when the center answers again: replays the local journal's events at the center in order,
// each in one center transaction with the station's forwarding mark (a record "offline.forwarded",
// key "<station>/<uuid of the local journal's first event>"), so each event reaches the center exactly once
// however often forwarding is interrupted and started again. An event about a dossier carries the dossier
// as it stands locally: inserted at the center under the same code when the center does not have it, or
// replacing the copy this station forwarded earlier. A dossier the center has that this station did not
// forward (its code taken there), or that was changed at the center since this station forwarded it, is
// refused, never merged: its events stay out, the refusal is recorded in the mark with its reason, and
// ForwardReport lists it. Mirror events are not forwarded (they came from the center).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "store/store.h"

namespace motcua::store {

inline constexpr const char* kMirroredEvent = "station.mirrored";
inline constexpr const char* kForwardedKind = "offline.forwarded";

// Returns how many settings, procedures and records changed locally (0: nothing written).
Result<int> MirrorForOffline(Store& center, Store& local, const std::vector<std::string>& record_kinds,
                             std::string_view station, Instant now);

struct RefusedDossier {
  std::string code;
  std::string rule;    // "code_taken_at_center", "changed_at_center"
  std::string detail;  // English, for the log and the CLI
};

struct ForwardReport {
  int forwarded = 0;  // events appended at the center by this call
  int already = 0;    // local events found forwarded before (an interrupted run)
  int refused = 0;    // events of refused dossiers, kept out
  std::vector<RefusedDossier> refused_dossiers;  // every dossier refused so far, with why
};

// Forwards the local journal to the center (see above). Errors: the stores' own (an unreachable center:
// kUnavailable, nothing lost, run it again later).
Result<ForwardReport> ForwardOffline(Store& local, Store& center, std::string_view station, Instant now);

// A station's two stores: the center's while it answers, and its own (offline.db in its data directory).
struct StationStores {
  std::unique_ptr<Store> center;  // null while the center is unreachable
  std::unique_ptr<Store> local;
  ForwardReport forwarded;        // what opening forwarded of an earlier outage
  bool offline() const { return center == nullptr; }
  Store& active() { return center ? *center : *local; }
};

// Opens a station of a center: the center's store (`center_location`, files in `data_dir`) and the
// station's own store (<data_dir>/offline.db). With the center answering, mirrors `mirror_kinds` and
// forwards what an earlier outage left; when it does not (kUnavailable), the station works on its own
// store, offline() says so, and nothing is lost: the next open with the center back forwards it.
// Errors: the local store's; the center's when they are not about reaching it (a wrong key, a schema
// too new); forwarding errors other than the center's unavailability.
Result<StationStores> OpenStation(const std::string& center_location, const std::filesystem::path& data_dir,
                                  const std::vector<std::string>& mirror_kinds, std::string_view station,
                                  Instant now);

}  // namespace motcua::store
