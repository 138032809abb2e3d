// A counter station of a center that keeps working when the center's database does not answer
// (issue 15, store/offline.h underneath). States of a station opened by OpenCounterStation:
//
//   online  (Station::store = the center's, own_store = <data_dir>/offline.db, a copy kept fresh at every open
//            and every return: the catalog, the settings, the accounts and the queue areas)
//     -- the center unreachable at OpenCounterStation --> offline
//   offline (Station::store = offline.db, own_store null; the desk issues codes from this station's offline
//            slot, so no code can collide with the center's or another station's)
//     -- RetryCenter: the center answers, ForwardOffline sent (or refused) every offline event --> online
//
// A one-machine station (a SQLite file) is always online: OpenCounterStation is ui::OpenStation there.
//
// The offline slot. Setting "station.<station id>.offline_slot" (a store setting like the station's devices,
// so the center's administrator sees every station's slot in one place), an integer in [0, slot_count) that
// is neither the center's own "station_slot" (what the center issues from while online) nor another
// station's offline slot: codes/dossier_code.h invariant (2), no two stations share a slot. It is read, and
// refused, only when the station must go offline: a station that never loses the center needs none, and a
// center cannot be reached to check it against while it is lost. A station refuses to go offline without a
// valid one (OpenCounterStation's error), rather than issue codes that may collide.
//
// Retrying. While offline the app calls RetryCenter every frame; it tries the center only when due:
// kOfflineRetryFirstSeconds after going offline, then doubling up to kOfflineRetryMaxSeconds (no busy loop,
// and a center coming back is not flooded by every station at once). Forwarding is idempotent
// (store/offline.h), so a try cut short by the center going away again is simply run again.
//
// Refusals are never merged: ForwardReport's refused dossiers stay on this machine; the shell shows each
// one's code and why (OfflineForwardText) until the officer closes the notice.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "store/offline.h"
#include "ui_model/station.h"
#include "ui_model/strings.h"
#include "ui_model/tone.h"

namespace motcua::ui {

inline constexpr int kOfflineRetryFirstSeconds = 5;
inline constexpr int kOfflineRetryMaxSeconds = 60;

// The record kinds a counter needs to work alone (mirrored while online): accounts, so officers can sign
// in; queue areas, for the call panel.
std::vector<std::string> CounterMirrorKinds();

// What the shell shows of the station's link to the center; part of CounterModel.
struct OfflineModel {
  bool offline = false;                  // the station works on its own store now
  std::optional<Instant> since;          // when it went offline (UTC)
  std::optional<Instant> next_try_at;    // when RetryCenter tries the center next (UTC)
  int failed_tries = 0;                  // tries since going offline; the backoff doubles with each
  int offline_slot = -1;                 // the slot codes come from while offline; -1 = online
  std::optional<store::ForwardReport> forwarded;  // the last forwarding that sent or refused anything,
                                                  // shown until DismissNotice
  std::optional<Error> error;            // the last try that failed for another reason than reachability
};

// This station's offline slot, read from `store` (see above). Errors, on field "offline_slot":
// kInvalid/"offline_slot_missing" (no setting), "out_of_range" (outside [0, slot_count)),
// "offline_slot_shared" (the center's station_slot or another station's offline slot); IntSetting's
// kCorrupt/"bad_setting" naming the setting that is not a whole number; the store's.
Result<int> ReadOfflineSlot(store::Store& store, std::string_view station_id);

// Opens a counter station. For a center (store::IsCenterLocation(paths.db_path)): store::OpenStation with
// CounterMirrorKinds; if the center answers, the station works on it (what opening forwarded of an earlier
// outage goes to offline.forwarded); if not, on its own store with its offline slot (offline.offline).
// Otherwise ui::OpenStation. `offline` is reset first. Errors: ui::OpenStation's; ReadOfflineSlot's when
// going offline; kUnavailable/"no_offline_copy" on "db" when the center is unreachable and this station
// never reached it (it has nothing to work alone with); store::OpenStation's other errors. Connection
// strings are never quoted: they may hold a password.
Result<std::unique_ptr<Station>> OpenCounterStation(const StationPaths& paths, OfflineModel& offline, Instant now);

// The kiosk's OpenCounterStation: the same, mirroring the queue areas, with no offline slot (an offline
// kiosk issues no code, no ticket and no rating: it writes nothing the center would need; KioskModel::offline
// says what it still does). Errors: as OpenCounterStation's, less ReadOfflineSlot's.
Result<std::unique_ptr<Station>> OpenKioskStation(const StationPaths& paths, OfflineModel& offline, Instant now);

// While offline and a try is due (see above): opens the center, forwards the offline events, refreshes
// the station's copy, and switches `station` to the center's store. Returns true when it switched: the
// caller then rebinds what held the old store (StoreAuthenticator::Rebind) and refreshes its lists.
// Otherwise schedules the next try; an error other than the center's unreachability is kept in
// offline.error (and the next try still comes). Never blocks longer than one connection attempt.
bool RetryCenter(Station& station, OfflineModel& offline, Instant now);

// The shell's banner while offline: "Ngoại tuyến — ..." with what it means; "" while online.
std::string OfflineBanner(const OfflineModel& offline, Lang lang);
// What the last forwarding did, for the shell's notice: how many events were sent, then one line per
// refused dossier (its code and why); "" when there is no report. `tone`: kSuccess, or kDanger when any
// dossier was refused.
std::string OfflineForwardText(const OfflineModel& offline, Lang lang, Tone* tone);

}  // namespace motcua::ui
