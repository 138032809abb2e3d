// Worker::PullCatalog: the province's procedure list applied to this station's catalog.
//
// What the list carries (LayDanhSachTTHC: MATTHC, TENTTHC, MALINHVUC, TENLINHVUC; LayThuTuc adds the
// field through LINHVUCTHUCHIEN) is what a pull may change: a procedure's name and its national field
// code and name, which the shipped catalog lacks and the sync needs (MaLinhVuc is required). Papers,
// fees and durations come from a full catalog import, which checks them; a procedure the station does
// not have is reported, never made up from a list line. A dossier copies what it needs of its procedure
// at receipt, so a change never moves a received dossier's due date; still, the version open dossiers
// were received under is kept (kPreviousProcedureKind), so what an officer saw can be shown later.
#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "catalog/catalog_json.h"
#include "common/number_parse.h"
#include "common/text.h"
#include "dossier/lifecycle.h"
#include "sync/worker.h"

namespace motcua::sync {
namespace {

bool UsedByOpenDossiers(store::Store& store, const std::string& code) {
  store::DossierQuery q;
  q.procedure_code = code;
  q.limit = 100;
  auto rows = store.ListDossiers(q);
  if (!rows) return true;  // when in doubt, keep the old version
  for (const auto& row : *rows)
    if (!dossier::IsFinished(row.state)) return true;
  return false;
}

}  // namespace

Result<CatalogPull> Worker::PullCatalog(const std::string& actor) {
  MOTCUA_TRY(AcquireLease(store_, options_.holder, Now()));
  MOTCUA_ASSIGN_OR_RETURN(Reply list_reply, Call(settings_.integration_path, [&] {
                            return ProcedureListBody(session_, settings_.unit_code);
                          }));
  if (!list_reply.Succeeded())
    return Unavailable("LayDanhSachTTHC", "catalog_refused",
                       "the provincial system did not give its procedure list: " + list_reply.message);
  MOTCUA_ASSIGN_OR_RETURN(auto listed, ParseProcedures(list_reply.data_json));
  CatalogPull pull;
  pull.listed = listed.size();
  MOTCUA_ASSIGN_OR_RETURN(auto local, store_.LoadProcedures());
  std::map<std::string, catalog::Procedure> by_code;
  for (auto& p : local) by_code.emplace(p.code, std::move(p));

  std::vector<std::pair<catalog::Procedure, catalog::Procedure>> changes;  // before, after
  for (ServerProcedure& item : listed) {
    auto it = by_code.find(item.code);
    if (it == by_code.end()) {
      pull.not_local.push_back(item.code);
      continue;
    }
    if (item.field_code.empty()) {  // the list left the field out: ask for the procedure itself
      MOTCUA_ASSIGN_OR_RETURN(Reply one, Call(settings_.integration_path, [&] {
                                return ProcedureBody(session_, settings_.unit_code, item.code);
                              }));
      if (one.Succeeded()) {
        MOTCUA_ASSIGN_OR_RETURN(auto detail, ParseProcedures(one.data_json));
        if (!detail.empty()) item = detail.front();
      }
    }
    catalog::Procedure after = it->second;
    if (!item.name.empty()) after.name = item.name;
    if (!item.field_code.empty()) after.field_code = item.field_code;
    if (!item.field_name.empty()) after.field_name = item.field_name;
    if (after == it->second) continue;
    // Text from outside goes through the same checks as text typed at the counter.
    MOTCUA_TRY(CheckTextLine(after.name, "TENTTHC", kMaxReasonChars));
    MOTCUA_TRY(CheckTextLine(after.field_code, "MALINHVUC", kMaxCodeChars));
    MOTCUA_TRY(CheckTextLine(after.field_name, "TENLINHVUC", kMaxLabelChars));
    changes.emplace_back(it->second, std::move(after));
  }
  MOTCUA_ASSIGN_OR_RETURN(auto stored_version, store_.GetSetting(kCatalogVersionSetting));
  std::int64_t version = 0;
  if (stored_version) {
    const std::optional<std::int64_t> stored = ParseDigits<std::int64_t>(*stored_version);
    if (!stored)
      return Corrupt(kCatalogVersionSetting, "bad_setting", "the stored catalog version is not a whole number");
    version = *stored;
  }
  pull.version = version;
  if (changes.empty()) return pull;
  for (const auto& [before, after] : changes) {
    pull.changed.push_back(after.code);
    if (UsedByOpenDossiers(store_, before.code)) pull.kept.push_back(before.code);
  }
  pull.version = version + 1;
  const Instant now = Now();
  MOTCUA_TRY(store_.Write([&](store::WriteTx& tx) -> Status {
    for (const auto& [before, after] : changes) {
      if (std::find(pull.kept.begin(), pull.kept.end(), before.code) != pull.kept.end()) {
        store::Record previous;
        previous.kind = kPreviousProcedureKind;
        previous.key = before.code + "@" + std::to_string(version);
        previous.status = "previous";
        previous.updated_at = now;
        previous.body_json = catalog::ProcedureToJson(before);
        MOTCUA_TRY(tx.PutRecord(previous));
      }
      MOTCUA_TRY(tx.UpsertProcedure(after));
    }
    MOTCUA_TRY(tx.PutSetting(kCatalogVersionSetting, std::to_string(pull.version)));
    store::NewEvent e;
    e.type = "catalog.pulled";
    e.actor = actor;
    e.station = options_.station;
    e.at = now;
    e.payload_json = nlohmann::json{{"target", kTarget},
                                    {"version", pull.version},
                                    {"changed", pull.changed},
                                    {"kept_previous", pull.kept},
                                    {"not_local", pull.not_local.size()}}
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    auto appended = tx.AppendEvent(e);
    return appended ? Ok() : Status(appended.error());
  }));
  (void)SaveSyncStatus(store_, status_, now);
  return pull;
}

}  // namespace motcua::sync
