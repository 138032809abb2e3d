#include "sync/state.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>

#include <nlohmann/json.hpp>

#include "common/number_parse.h"

namespace motcua::sync {
namespace {

using Json = nlohmann::json;

Error BadState(std::string_view kind, std::string detail) {
  return Corrupt(std::string(kind), "bad_sync_state", std::move(detail));
}

template <class T>
T Get(const Json& j, const char* key, T fallback) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return fallback;
  return it->get<T>();
}

std::optional<Instant> GetInstant(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return FromUnixSeconds(it->get<std::int64_t>());
}

Json Seconds(const std::optional<Instant>& at) { return at ? Json(ToUnixSeconds(*at)) : Json(nullptr); }

// Parses a record body, turning nlohmann's type errors into kCorrupt (a body edited by hand).
template <class F>
auto ReadBody(const store::Record& r, F read) -> decltype(read(Json())) {
  const Json j = Json::parse(r.body_json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return BadState(r.kind, r.key + " is not a JSON object");
  try {
    return read(j);
  } catch (const Json::exception& e) {
    return BadState(r.kind, r.key + ": " + e.what());
  }
}

Result<DossierSyncState> ToState(const store::Record& r) {
  return ReadBody(r, [&](const Json& j) -> Result<DossierSyncState> {
    DossierSyncState s;
    s.code = r.key;
    s.created = Get(j, "created", false);
    s.file_seq = Get<std::int64_t>(j, "file_seq", 0);
    s.synced_seq = Get<std::int64_t>(j, "synced_seq", 0);
    s.synced_version = Get<std::int64_t>(j, "synced_version", 0);
    s.steps_acked = Get(j, "steps_acked", 0);
    s.late_steps = Get(j, "late_steps", 0);
    s.first_synced_at = GetInstant(j, "first_synced_at");
    s.last_synced_at = GetInstant(j, "last_synced_at");
    s.parked = Get(j, "parked", false);
    s.parked_message = Get<std::string>(j, "parked_message", "");
    s.parked_seq = Get<std::int64_t>(j, "parked_seq", 0);
    s.parked_at = GetInstant(j, "parked_at");
    s.retry = Get(j, "retry", false);
    s.record_version = r.version;
    return s;
  });
}

Result<std::optional<DossierSyncState>> FromRecord(const std::optional<store::Record>& r) {
  if (!r) return std::optional<DossierSyncState>();
  MOTCUA_ASSIGN_OR_RETURN(DossierSyncState s, ToState(*r));
  return std::optional<DossierSyncState>(std::move(s));
}

Status PutScratch(store::Store& store, const char* kind, const Json& body, Instant at,
                  const std::function<Status(const std::optional<store::Record>&)>& check = {}) {
  return store.Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto old, tx.GetRecord(kind, kTarget));
    if (check) MOTCUA_TRY(check(old));
    store::Record r;
    r.kind = kind;
    r.key = kTarget;
    r.updated_at = at;
    r.body_json = body.dump(-1, ' ', false, Json::error_handler_t::replace);
    r.version = old ? old->version : 0;
    return tx.PutRecord(r);
  });
}

// A holder named "<station>@<host>:<pid>" (LeaseHolderName) on this host whose process is gone: a killed
// syncer, whose lease need not be waited out when it restarts.
bool HolderIsGone(const std::string& holder) {
  const auto at = holder.rfind('@'), colon = holder.rfind(':');
  if (at == std::string::npos || colon == std::string::npos || colon < at) return false;
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0 || holder.substr(at + 1, colon - at - 1) != host) return false;
  const std::optional<int> pid = ParseDigits<int>(std::string_view(holder).substr(colon + 1), {.max_digits = 9});
  return pid && ::kill(static_cast<pid_t>(*pid), 0) != 0 && errno == ESRCH;
}

}  // namespace

std::string LeaseHolderName(const std::string& station) {
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  return station + "@" + host + ":" + std::to_string(::getpid());
}

const char* DossierSyncState::StatusKey() const { return parked ? "parked" : retry ? "retry" : "synced"; }

Result<std::optional<DossierSyncState>> LoadDossierState(store::Store& store, std::string_view code) {
  MOTCUA_ASSIGN_OR_RETURN(auto r, store.GetRecord(kDossierStateKind, code));
  return FromRecord(r);
}

Result<std::optional<DossierSyncState>> LoadDossierState(store::WriteTx& tx, std::string_view code) {
  MOTCUA_ASSIGN_OR_RETURN(auto r, tx.GetRecord(kDossierStateKind, code));
  return FromRecord(r);
}

Result<std::map<std::string, DossierSyncState>> LoadDossierStates(store::Store& store, std::string_view status) {
  store::RecordQuery q;
  q.kind = kDossierStateKind;
  q.status = std::string(status);
  q.limit = 100'000'000;
  MOTCUA_ASSIGN_OR_RETURN(auto records, store.ListRecords(q));
  std::map<std::string, DossierSyncState> out;
  for (const store::Record& r : records) {
    MOTCUA_ASSIGN_OR_RETURN(DossierSyncState s, ToState(r));
    out.emplace(r.key, std::move(s));
  }
  return out;
}

Status PutDossierState(store::WriteTx& tx, const DossierSyncState& s, Instant at) {
  const Json j{
      {"created", s.created},
      {"file_seq", s.file_seq},
      {"synced_seq", s.synced_seq},
      {"synced_version", s.synced_version},
      {"steps_acked", s.steps_acked},
      {"late_steps", s.late_steps},
      {"first_synced_at", Seconds(s.first_synced_at)},
      {"last_synced_at", Seconds(s.last_synced_at)},
      {"parked", s.parked},
      {"parked_message", s.parked_message},
      {"parked_seq", s.parked_seq},
      {"parked_at", Seconds(s.parked_at)},
      {"retry", s.retry},
  };
  store::Record r;
  r.kind = kDossierStateKind;
  r.key = s.code;
  r.status = s.StatusKey();
  r.updated_at = at;
  r.body_json = j.dump(-1, ' ', false, Json::error_handler_t::replace);
  r.version = s.record_version;
  return tx.PutRecord(r);
}

Status RequestResend(store::Store& store, const std::string& code, const std::string& actor, const std::string& station,
                     Instant now) {
  return store.Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto state, LoadDossierState(tx, code));
    if (!state || !state->parked)
      return Invalid("code", "not_parked", "dossier " + code + " is not parked: nothing to send again");
    state->retry = true;
    state->parked = false;
    MOTCUA_TRY(PutDossierState(tx, *state, now));
    store::NewEvent e;
    e.type = "sync.retry_requested";
    e.dossier_code = code;
    e.actor = actor;
    e.station = station;
    e.at = now;
    e.payload_json = Json{{"target", kTarget}}.dump();
    auto appended = tx.AppendEvent(e);
    return appended ? Ok() : Status(appended.error());
  });
}

Result<std::int64_t> LoadCursor(store::Store& store) {
  MOTCUA_ASSIGN_OR_RETURN(auto r, store.GetRecord(kCursorKind, kTarget));
  if (!r) return std::int64_t{0};
  return ReadBody(*r, [](const Json& j) -> Result<std::int64_t> { return Get<std::int64_t>(j, "seq", 0); });
}

Status PutCursor(store::WriteTx& tx, std::int64_t seq, Instant at) {
  MOTCUA_ASSIGN_OR_RETURN(auto old, tx.GetRecord(kCursorKind, kTarget));
  store::Record r;
  r.kind = kCursorKind;
  r.key = kTarget;
  r.updated_at = at;
  r.body_json = Json{{"seq", seq}}.dump();
  r.version = old ? old->version : 0;
  return tx.PutRecord(r);
}

Result<SyncStatus> LoadSyncStatus(store::Store& store) {
  MOTCUA_ASSIGN_OR_RETURN(auto r, store.GetRecord(kStatusKind, kTarget));
  if (!r) return SyncStatus{};
  return ReadBody(*r, [](const Json& j) -> Result<SyncStatus> {
    SyncStatus s;
    s.last_attempt_at = GetInstant(j, "last_attempt_at");
    s.last_success_at = GetInstant(j, "last_success_at");
    s.last_error = Get<std::string>(j, "last_error", "");
    s.last_error_rule = Get<std::string>(j, "last_error_rule", "");
    s.last_error_at = GetInstant(j, "last_error_at");
    s.offline = Get(j, "offline", false);
    if (j.contains("skew_seconds") && !j["skew_seconds"].is_null()) s.skew_seconds = j["skew_seconds"].get<std::int64_t>();
    s.skew_checked_at = GetInstant(j, "skew_checked_at");
    s.files_sent = Get<std::int64_t>(j, "files_sent", 0);
    s.files_acked = Get<std::int64_t>(j, "files_acked", 0);
    s.files_resent = Get<std::int64_t>(j, "files_resent", 0);
    s.steps_sent = Get<std::int64_t>(j, "steps_sent", 0);
    s.steps_acked = Get<std::int64_t>(j, "steps_acked", 0);
    s.lookups = Get<std::int64_t>(j, "lookups", 0);
    s.logins = Get<std::int64_t>(j, "logins", 0);
    return s;
  });
}

Status SaveSyncStatus(store::Store& store, const SyncStatus& s, Instant at) {
  const Json j{
      {"last_attempt_at", Seconds(s.last_attempt_at)},
      {"last_success_at", Seconds(s.last_success_at)},
      {"last_error", s.last_error},
      {"last_error_rule", s.last_error_rule},
      {"last_error_at", Seconds(s.last_error_at)},
      {"offline", s.offline},
      {"skew_seconds", s.skew_seconds ? Json(*s.skew_seconds) : Json(nullptr)},
      {"skew_checked_at", Seconds(s.skew_checked_at)},
      {"files_sent", s.files_sent},
      {"files_acked", s.files_acked},
      {"files_resent", s.files_resent},
      {"steps_sent", s.steps_sent},
      {"steps_acked", s.steps_acked},
      {"lookups", s.lookups},
      {"logins", s.logins},
  };
  return PutScratch(store, kStatusKind, j, at);
}

Status AcquireLease(store::Store& store, const std::string& holder, Instant now) {
  const Json body{{"holder", holder}, {"until", ToUnixSeconds(now) + kLeaseSeconds}};
  return PutScratch(store, kLeaseKind, body, now, [&](const std::optional<store::Record>& old) -> Status {
    if (!old) return Ok();
    return ReadBody(*old, [&](const Json& j) -> Status {
      const std::string other = Get<std::string>(j, "holder", "");
      const std::int64_t until = Get<std::int64_t>(j, "until", 0);
      if (other != holder && until > ToUnixSeconds(now) && !HolderIsGone(other))
        return Conflict("sync", "sync_busy",
                        "another syncer (" + other + ") holds this database until " +
                            FormatInstantUtc(FromUnixSeconds(until)));
      return Ok();
    });
  });
}

Status ReleaseLease(store::Store& store, const std::string& holder, Instant now) {
  return PutScratch(store, kLeaseKind, Json{{"holder", holder}, {"until", 0}}, now,
                    [&](const std::optional<store::Record>& old) -> Status {
                      if (!old) return Ok();
                      return ReadBody(*old, [&](const Json& j) -> Status {
                        if (Get<std::string>(j, "holder", "") != holder)
                          return Conflict("sync", "sync_busy", "the lease is another syncer's");
                        return Ok();
                      });
                    });
}

}  // namespace motcua::sync
