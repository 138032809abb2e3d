// A counter station of a center that keeps working when the center's database does not answer
// (issue 15, store/offline.h underneath). States of a station opened by OpenCounterStation:
//
//   online  (Station::store = the center's, own_store = <data_dir>/offline.db, a copy kept fresh at every open
//            and every return: the catalog, the settings, the accounts and the queue areas)
//     -- the center unreachable at OpenCounterStation --> offline
//     -- CenterLost (an action found it gone, or the change feed has been reconnecting for
//        kGoOfflineAfterSeconds), then GoOffline --> offline
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
#include "store/change_feed.h"
#include "store/offline.h"
#include "ui_model/kiosk_app.h"
#include "ui_model/station.h"
#include "ui_model/strings.h"
#include "ui_model/tone.h"

namespace motcua::ui {

inline constexpr int kOfflineRetryFirstSeconds = 5;
inline constexpr int kOfflineRetryMaxSeconds = 60;
// How long an online station rides out a change feed that is reconnecting before it goes offline: a server
// restart or a failover to the standby (the multi-host string) takes a few seconds and is better waited
// for on the center than worked around.
inline constexpr int kGoOfflineAfterSeconds = 15;

// What a station does while offline: a counter receives dossiers (it needs an offline slot, and mirrors the
// accounts so officers can sign in); a kiosk writes nothing (no slot; it never holds the officers' accounts,
// a public machine has no business with their password hashes).
enum class StationKind { kCounter, kKiosk };

// The record kinds a station of `kind` needs to work alone (mirrored while online): a counter the accounts,
// so officers can sign in, and the queue areas, for the call panel; a kiosk the queue areas.
std::vector<std::string> MirrorKinds(StationKind kind);

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
// MirrorKinds(kCounter); if the center answers, the station works on it (what opening forwarded of an earlier
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
bool RetryCenter(Station& station, OfflineModel& offline, Instant now, StationKind kind);

// True when an online station of a center should stop waiting for it: `failed` (the last action's error; null
// for none) says the center did not answer after the store's own retries (kUnavailable "connection_lost",
// "commit_unknown" or "database_unavailable"), or `feed` has been reconnecting for kGoOfflineAfterSeconds. False on a one-machine station
// and while offline.
bool CenterLost(const Station& station, const store::FeedStatus& feed, const Error* failed, Instant now);

// Switches an online station of a center to its own store, as OpenCounterStation does when the center does not
// answer at start (the same slot checks for a counter), and schedules the first RetryCenter. Returns true when it
// switched: the caller rebinds what held the old store and refreshes its lists. Otherwise the station stays on
// the center (reconnecting) and offline.error says why: the counter's slot is missing or refused, or its copy
// could not be read.
bool GoOffline(Station& station, OfflineModel& offline, Instant now, StationKind kind);

// Once a frame: offline, RetryCenter when due; online, GoOffline when CenterLost, once per loss (once the
// center is not lost, it forgets why an earlier GoOffline could not switch). Returns true when the station switched stores
// either way: the caller rebinds what held the old store and refreshes its lists.
bool FollowCenter(Station& station, OfflineModel& offline, const store::FeedStatus& feed, const Error* failed,
                  Instant now, StationKind kind);

// The kiosk's FollowCenter at backend.now, for a kiosk that has no change feed: offline when `failed` found the
// center gone; back only between citizens (at the home screen). On a switch it points `backend` at the store
// in use, sets model.offline and starts the citizen's session again (what it had read came from the other
// store). Returns true when it switched.
bool KioskFollowCenter(KioskModel& model, KioskBackend& backend, Station& station, OfflineModel& offline,
                       const Error* failed);

// The shell's banner while offline: "Ngoại tuyến — ..." with what it means. Online: "" unless the station
// could not go offline when the center was lost (GoOffline's error): then that, in words.
std::string OfflineBanner(const OfflineModel& offline, Lang lang);
// What the last forwarding did, for the shell's notice: how many events were sent, then one line per
// refused dossier (its code and why); "" when there is no report. `tone`: kSuccess, or kDanger when any
// dossier was refused.
std::string OfflineForwardText(const OfflineModel& offline, Lang lang, Tone* tone);

}  // namespace motcua::ui
