#include "store/offline.h"

#include <map>

#include <nlohmann/json.hpp>

#include "catalog/catalog_json.h"

namespace motcua::store {
namespace {

using nlohmann::json;

json ParseObject(std::string_view text) {
  auto j = json::parse(text.empty() ? std::string_view("{}") : text, nullptr, false);
  return j.is_object() ? j : json::object();
}

// The forwarding mark's body: how far the local journal got, and what became of each dossier.
struct Mark {
  std::int64_t local_seq = 0;
  json dossiers = json::object();  // code -> {"center_version", "local_version"}
  json refused = json::object();   // code -> {"rule", "detail"}
};

Mark ReadMark(const std::optional<Record>& rec) {
  Mark m;
  if (!rec) return m;
  json body = ParseObject(rec->body_json);
  m.local_seq = body.value("local_seq", std::int64_t{0});
  if (body.contains("dossiers") && body["dossiers"].is_object()) m.dossiers = body["dossiers"];
  if (body.contains("refused") && body["refused"].is_object()) m.refused = body["refused"];
  return m;
}

std::string MarkBody(const Mark& m) {
  return json{{"local_seq", m.local_seq}, {"dossiers", m.dossiers}, {"refused", m.refused}}.dump();
}

// Forwards local event `e` (and the dossier it names) at the center, in the caller's transaction.
// Returns whether it was forwarded (false: refused, with the refusal journaled instead).
Result<bool> ForwardOne(WriteTx& tx, Store& local, const JournalEvent& e, Mark& mark, std::string_view station,
                        Instant now) {
  auto refuse = [&](const std::string& code, const char* rule, std::string detail) -> Result<bool> {
    if (!mark.refused.contains(code)) mark.refused[code] = {{"rule", rule}, {"detail", detail}};
    MOTCUA_TRY(tx.AppendEvent({"offline.event_refused", code, "station:" + std::string(station), std::string(station),
                               now, json{{"offline_event", e.uuid}, {"type", e.type}, {"rule", rule}}.dump()}));
    return false;
  };
  const std::string& code = e.dossier_code;
  if (!code.empty()) {
    if (mark.refused.contains(code))
      return refuse(code, mark.refused[code].value("rule", "").c_str(), mark.refused[code].value("detail", ""));
    MOTCUA_ASSIGN_OR_RETURN(auto here, local.GetDossier(code));
    if (!here)
      return Corrupt("dossier_code", "offline_dossier_missing",
                     "the offline journal names dossier " + code + " but the station's store does not have it");
    MOTCUA_ASSIGN_OR_RETURN(auto there, tx.LoadDossier(code));
    const bool ours = mark.dossiers.contains(code);
    if (!there && ours)
      return refuse(code, "changed_at_center", "dossier " + code + " was forwarded before but is gone from the center");
    if (there && !ours)
      return refuse(code, "code_taken_at_center",
                    "the center already has a dossier " + code + " that this station did not forward: check the "
                    "station's offline slot, which no other station may use");
    if (!there) {
      MOTCUA_TRY(tx.InsertDossier(*here));
      mark.dossiers[code] = {{"center_version", 1}, {"local_version", here->version}};
    } else {
      const json& entry = mark.dossiers[code];
      if (there->version != entry.value("center_version", std::int64_t{-1}))
        return refuse(code, "changed_at_center",
                      "dossier " + code + " was changed at the center after this station forwarded it: the offline "
                      "changes are kept at the station, not merged");
      if (here->version != entry.value("local_version", std::int64_t{-1})) {
        dossier::Dossier d = *here;
        d.version = there->version;
        MOTCUA_TRY(tx.UpdateDossier(d));
        mark.dossiers[code] = {{"center_version", there->version + 1}, {"local_version", here->version}};
      }
    }
  }
  json payload = ParseObject(e.payload_json);
  payload["offline_event"] = e.uuid;
  payload["offline_recorded_at"] = FormatInstantUtc(e.recorded_at);
  MOTCUA_TRY(tx.AppendEvent({e.type, e.dossier_code, e.actor, e.station, e.at, payload.dump()}));
  return true;
}

}  // namespace

Result<int> MirrorForOffline(Store& center, Store& local, const std::vector<std::string>& record_kinds,
                             std::string_view station, Instant now) {
  MOTCUA_ASSIGN_OR_RETURN(std::vector<catalog::Procedure> procedures, center.LoadProcedures());
  std::vector<Record> records;
  for (const std::string& kind : record_kinds) {
    MOTCUA_ASSIGN_OR_RETURN(auto some, center.ListRecords({.kind = kind, .limit = 100000}));
    records.insert(records.end(), some.begin(), some.end());
  }
  MOTCUA_ASSIGN_OR_RETURN(auto settings, center.ListSettings());
  // What the station has, read once: the procedures as their catalog JSON, the settings by key.
  std::map<std::string, std::string> my_procedures;
  MOTCUA_ASSIGN_OR_RETURN(auto mine, local.LoadProcedures());
  for (const catalog::Procedure& p : mine) my_procedures[p.code] = catalog::ProcedureToJson(p);
  MOTCUA_ASSIGN_OR_RETURN(auto my_settings_list, local.ListSettings());
  const std::map<std::string, std::string> my_settings(my_settings_list.begin(), my_settings_list.end());
  int changed = 0;
  MOTCUA_TRY(local.Write([&](WriteTx& tx) -> Status {
    changed = 0;
    for (const catalog::Procedure& p : procedures) {
      auto it = my_procedures.find(p.code);
      if (it != my_procedures.end() && it->second == catalog::ProcedureToJson(p)) continue;
      MOTCUA_TRY(tx.UpsertProcedure(p));
      ++changed;
    }
    for (const auto& [k, v] : settings) {
      auto it = my_settings.find(k);
      if (it != my_settings.end() && it->second == v) continue;
      MOTCUA_TRY(tx.PutSetting(k, v));
      ++changed;
    }
    for (Record r : records) {
      MOTCUA_ASSIGN_OR_RETURN(auto mine, tx.GetRecord(r.kind, r.key));
      if (mine && mine->body_json == r.body_json && mine->status == r.status) continue;
      r.version = mine ? mine->version : 0;
      MOTCUA_TRY(tx.PutRecord(r));
      ++changed;
    }
    if (changed == 0) return Ok();
    MOTCUA_TRY(tx.AppendEvent({kMirroredEvent, "", "station:" + std::string(station), std::string(station), now,
                               json{{"changed", changed}}.dump()}));
    return Ok();
  }));
  return changed;
}

Result<ForwardReport> ForwardOffline(Store& local, Store& center, std::string_view station, Instant now) {
  ForwardReport report;
  MOTCUA_ASSIGN_OR_RETURN(auto first, local.ReadJournal({.limit = 1}));
  if (first.empty()) return report;
  const std::string key = std::string(station) + "/" + first[0].uuid;
  MOTCUA_ASSIGN_OR_RETURN(auto start, center.GetRecord(kForwardedKind, key));
  std::int64_t after = ReadMark(start).local_seq;
  for (;;) {
    MOTCUA_ASSIGN_OR_RETURN(auto batch, local.ReadJournal({.after_seq = after, .limit = 200}));
    if (batch.empty()) break;
    for (const JournalEvent& e : batch) {
      after = e.seq;
      if (e.type == kMirroredEvent) continue;
      enum { kAlready, kForwarded, kRefused } outcome = kAlready;  // set by the try that commits
      MOTCUA_TRY(center.Write([&](WriteTx& tx) -> Status {
        MOTCUA_ASSIGN_OR_RETURN(auto rec, tx.GetRecord(kForwardedKind, key));  // locked: one forwarder at a time
        Mark mark = ReadMark(rec);
        outcome = kAlready;
        if (mark.local_seq >= e.seq) return Ok();
        MOTCUA_ASSIGN_OR_RETURN(bool forwarded, ForwardOne(tx, local, e, mark, station, now));
        outcome = forwarded ? kForwarded : kRefused;
        mark.local_seq = e.seq;
        return tx.PutRecord({kForwardedKind, key, "", now, MarkBody(mark), rec ? rec->version : 0});
      }));
      ++(outcome == kAlready ? report.already : outcome == kForwarded ? report.forwarded : report.refused);
    }
  }
  MOTCUA_ASSIGN_OR_RETURN(auto rec, center.GetRecord(kForwardedKind, key));
  const Mark mark = ReadMark(rec);
  for (const auto& [code, why] : mark.refused.items())
    report.refused_dossiers.push_back({code, why.value("rule", ""), why.value("detail", "")});
  return report;
}

Result<StationStores> OpenStation(const std::string& center_location, const std::filesystem::path& data_dir,
                                  const std::vector<std::string>& mirror_kinds, std::string_view station,
                                  Instant now) {
  StationStores out;
  MOTCUA_ASSIGN_OR_RETURN(out.local, OpenSqliteStore((data_dir / "offline.db").string()));
  auto center = Open(center_location, {.create_if_missing = false, .files_dir = data_dir.string()});
  if (!center) {
    if (center.error().code == ErrorCode::kUnavailable) return out;  // offline
    return center.error();
  }
  auto mirrored = MirrorForOffline(**center, *out.local, mirror_kinds, station, now);
  if (!mirrored && mirrored.error().code != ErrorCode::kUnavailable) return mirrored.error();
  auto forwarded = ForwardOffline(*out.local, **center, station, now);
  if (!forwarded && forwarded.error().code != ErrorCode::kUnavailable) return forwarded.error();
  if (forwarded) out.forwarded = std::move(*forwarded);
  if (!mirrored || !forwarded) return out;  // the center went away meanwhile: offline after all
  out.center = std::move(*center);
  return out;
}

}  // namespace motcua::store
