#include "ui_model/offline_station.h"

#include <algorithm>
#include <chrono>

#include "auth/accounts.h"
#include "queue/areas.h"

namespace motcua::ui {
namespace {

// Schedules the next try after one more failed one: 5 s, 10 s, 20 s, ... at most 60 s.
void ScheduleNextTry(OfflineModel& offline, Instant now) {
  const int shift = std::min(offline.failed_tries, 4);
  ++offline.failed_tries;
  const int seconds = std::min(kOfflineRetryFirstSeconds << shift, kOfflineRetryMaxSeconds);
  offline.next_try_at = now + std::chrono::seconds(seconds);
}

// Points `station` at its own store, issuing codes from `slot` (-1: a station that issues none).
Status WorkOnOwnStore(Station& station, std::unique_ptr<store::Store> own, int slot) {
  station.store = std::move(own);
  MOTCUA_TRY(LoadStationFromStore(station));
  if (slot >= 0) station.desk.settings.station_slot = slot;
  return Ok();
}

bool ReportWorthShowing(const store::ForwardReport& r) {
  return r.forwarded > 0 || r.refused > 0 || !r.refused_dossiers.empty();
}

// The slot a station of `kind` issues codes from while offline: a counter's ReadOfflineSlot, a kiosk's -1.
Result<int> SlotFor(StationKind kind, store::Store& own, std::string_view station_id) {
  if (kind == StationKind::kKiosk) return -1;
  return ReadOfflineSlot(own, station_id);
}

void MarkOffline(OfflineModel& offline, int slot, Instant now) {
  offline.offline = true;
  offline.since = now;
  offline.offline_slot = slot;
  ScheduleNextTry(offline, now);
}

}  // namespace

std::vector<std::string> MirrorKinds(StationKind kind) {
  if (kind == StationKind::kKiosk) return {queue::kAreaKind};
  return {auth::kUserRecordKind, queue::kAreaKind};
}

Result<int> ReadOfflineSlot(store::Store& store, std::string_view station_id) {
  const std::string key = "station." + std::string(station_id) + ".offline_slot";
  const workflow::DeskSettings defaults;
  MOTCUA_ASSIGN_OR_RETURN(int slot, IntSetting(store, key, -1));
  if (slot == -1)
    return Invalid("offline_slot", "offline_slot_missing",
                   "the center is unreachable and this station has no offline slot (setting " + key +
                       "), which the center's administrator sets to a slot no other station uses; it is copied here "
                       "while the center answers");
  MOTCUA_ASSIGN_OR_RETURN(int slot_count, IntSetting(store, "slot_count", defaults.slot_count));
  MOTCUA_ASSIGN_OR_RETURN(int center_slot, IntSetting(store, "station_slot", defaults.station_slot));
  if (slot < 0 || slot >= slot_count)
    return Invalid("offline_slot", "out_of_range",
                   "setting " + key + " is " + std::to_string(slot) + ", outside 0.." + std::to_string(slot_count - 1));
  if (slot == center_slot)
    return Invalid("offline_slot", "offline_slot_shared",
                   "setting " + key + " is the center's own station_slot " + std::to_string(slot));
  MOTCUA_ASSIGN_OR_RETURN(auto settings, store.ListSettings());
  for (const auto& [k, v] : settings) {
    if (k == key || !k.starts_with("station.") || !k.ends_with(".offline_slot")) continue;
    if (v == std::to_string(slot))
      return Invalid("offline_slot", "offline_slot_shared",
                     "setting " + key + " is " + v + ", the offline slot of " + k + " as well");
  }
  return slot;
}

namespace {

// OpenCounterStation and OpenKioskStation.
Result<std::unique_ptr<Station>> OpenCenterStation(const StationPaths& paths, OfflineModel& offline, Instant now,
                                                   StationKind kind) {
  offline = {};
  const std::string location = paths.db_path.string();
  if (!store::IsCenterLocation(location)) return OpenStation(paths);
  auto stores = store::OpenStation(location, paths.data_dir, MirrorKinds(kind), paths.station_id, now);
  if (!stores) {
    if (stores.error().rule == "schema_missing")
      return NotFound("db", "database_missing",
                      "the center database holds no motcua data yet; run `motcua --db ... init` first");
    return stores.error();
  }
  auto s = std::make_unique<Station>();
  s->paths = paths;
  if (ReportWorthShowing(stores->forwarded)) offline.forwarded = stores->forwarded;
  if (!stores->offline()) {
    s->store = std::move(stores->center);
    s->own_store = std::move(stores->local);
    MOTCUA_TRY(LoadStationFromStore(*s));
    return s;
  }
  // Offline: the station's copy must exist (made at an earlier open) and name a slot of its own.
  MOTCUA_ASSIGN_OR_RETURN(auto copied, stores->local->ListSettings());
  if (copied.empty())
    return Unavailable("db", "no_offline_copy",
                       "the center's database is unreachable and this station has never reached it, so it has "
                       "no copy of the accounts and the catalog to work alone with");
  MOTCUA_ASSIGN_OR_RETURN(int slot, SlotFor(kind, *stores->local, paths.station_id));
  MOTCUA_TRY(WorkOnOwnStore(*s, std::move(stores->local), slot));
  MarkOffline(offline, slot, now);
  return s;
}

}  // namespace

Result<std::unique_ptr<Station>> OpenCounterStation(const StationPaths& paths, OfflineModel& offline, Instant now) {
  return OpenCenterStation(paths, offline, now, StationKind::kCounter);
}

Result<std::unique_ptr<Station>> OpenKioskStation(const StationPaths& paths, OfflineModel& offline, Instant now) {
  return OpenCenterStation(paths, offline, now, StationKind::kKiosk);
}

bool RetryCenter(Station& station, OfflineModel& offline, Instant now, StationKind kind) {
  if (!station.is_offline() || (offline.next_try_at && now < *offline.next_try_at)) return false;
  const std::string location = station.paths.db_path.string();
  auto fail = [&](const Error& e) {
    if (e.code != ErrorCode::kUnavailable) offline.error = e;
    ScheduleNextTry(offline, now);
    return false;
  };
  auto center = store::Open(location, {.create_if_missing = false, .files_dir = station.paths.data_dir.string()});
  if (!center) return fail(center.error());
  store::Store& local = *station.store;
  auto report = store::ForwardOffline(local, **center, station.paths.station_id, now);
  if (!report) return fail(report.error());
  // A fresh copy for the next outage; it also proves the center still answers before switching to it.
  auto mirrored = store::MirrorForOffline(**center, local, MirrorKinds(kind), station.paths.station_id, now);
  if (!mirrored) return fail(mirrored.error());
  station.own_store = std::move(station.store);
  station.store = std::move(*center);
  if (Status loaded = LoadStationFromStore(station); !loaded) {
    // Back onto the station's own store as it was: nothing is lost, the next try forwards nothing more.
    (void)WorkOnOwnStore(station, std::move(station.own_store), offline.offline_slot);
    return fail(loaded.error());
  }
  offline = {};
  if (ReportWorthShowing(*report)) offline.forwarded = std::move(*report);
  return true;
}

bool CenterLost(const Station& station, const store::FeedStatus& feed, const Error* failed, Instant now) {
  if (!station.own_store) return false;  // a one-machine station, or offline already
  if (failed != nullptr && failed->code == ErrorCode::kUnavailable &&
      (failed->rule == "connection_lost" || failed->rule == "commit_unknown" || failed->rule == "database_unavailable"))
    return true;
  return feed.state == store::FeedState::kReconnecting && now - feed.since >= std::chrono::seconds(kGoOfflineAfterSeconds);
}

bool GoOffline(Station& station, OfflineModel& offline, Instant now, StationKind kind) {
  if (!station.own_store) return false;
  auto slot = SlotFor(kind, *station.own_store, station.paths.station_id);
  if (!slot) {
    offline.error = slot.error();
    return false;
  }
  std::unique_ptr<store::Store> center = std::move(station.store);
  if (Status moved = WorkOnOwnStore(station, std::move(station.own_store), *slot); !moved) {
    // Back on the center as it was (its settings were read while it answered; the desk writes to it again).
    station.own_store = std::move(station.store);
    station.store = std::move(center);
    station.desk.store = station.store.get();
    offline.error = moved.error();
    return false;
  }
  std::optional<store::ForwardReport> shown = std::move(offline.forwarded);  // a notice still on screen stays
  offline = {};
  offline.forwarded = std::move(shown);
  MarkOffline(offline, *slot, now);
  return true;
}

bool FollowCenter(Station& station, OfflineModel& offline, const store::FeedStatus& feed, const Error* failed,
                  Instant now, StationKind kind) {
  if (station.is_offline()) return RetryCenter(station, offline, now, kind);
  // A refused GoOffline is not tried again while the center stays lost: the station's copy, which refused it,
  // cannot change until the center answers (and re-reading it every frame would be I/O for nothing).
  if (CenterLost(station, feed, failed, now)) return !offline.error && GoOffline(station, offline, now, kind);
  offline.error.reset();
  return false;
}

bool KioskFollowCenter(KioskModel& model, KioskBackend& backend, Station& station, OfflineModel& offline,
                       const Error* failed) {
  if (model.offline && model.citizen.screen != KioskScreen::kHome) return false;
  if (!FollowCenter(station, offline, {}, failed, backend.now, StationKind::kKiosk)) return false;
  backend.store = station.store.get();
  model.offline = offline.offline;
  ResetCitizen(model, backend);
  return true;
}

std::string OfflineBanner(const OfflineModel& offline, Lang lang) {
  if (!offline.offline) {
    if (!offline.error) return "";
    return FormatText(Tr(lang, "offline.cannot_go_offline"), {{"why", ErrorMessage(lang, *offline.error)}});
  }
  const std::string since = offline.since ? FormatLocalMinute(ToLocalVn(*offline.since)).substr(11) : "";
  std::string text = FormatText(Tr(lang, "offline.banner"), {{"time", since}});
  if (offline.error) text += "\n" + FormatText(Tr(lang, "offline.retry_failed"), {{"why", ErrorMessage(lang, *offline.error)}});
  return text;
}

std::string OfflineForwardText(const OfflineModel& offline, Lang lang, Tone* tone) {
  if (!offline.forwarded) return "";
  const store::ForwardReport& r = *offline.forwarded;
  const bool refused = !r.refused_dossiers.empty();
  if (tone != nullptr) *tone = refused ? Tone::kDanger : Tone::kSuccess;
  std::string text = FormatText(Tr(lang, refused ? "offline.forwarded_refused" : "offline.forwarded"),
                                {{"count", std::to_string(r.forwarded)},
                                 {"refused", std::to_string(r.refused_dossiers.size())}});
  for (const store::RefusedDossier& d : r.refused_dossiers) {
    const char* why = FindString(lang, "offline.refused." + d.rule);
    text += "\n• " + FormatText(why != nullptr ? why : Tr(lang, "offline.refused.other"),
                                {{"code", d.code}, {"rule", d.rule}});
  }
  return text;
}

}  // namespace motcua::ui
