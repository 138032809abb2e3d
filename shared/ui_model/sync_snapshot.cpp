#include "ui_model/sync_snapshot.h"

#include "sync/settings.h"

namespace motcua::ui {

Result<SyncSnapshot> ReadSyncSnapshot(store::Store& store) {
  SyncSnapshot s;
  MOTCUA_ASSIGN_OR_RETURN(auto settings, sync::LoadSyncSettings(store));
  s.configured = settings.has_value();
  MOTCUA_ASSIGN_OR_RETURN(s.pending, sync::CountPending(store));
  MOTCUA_ASSIGN_OR_RETURN(s.status, sync::LoadSyncStatus(store));
  MOTCUA_ASSIGN_OR_RETURN(auto parked, sync::LoadDossierStates(store, "parked"));
  for (const auto& [code, state] : parked) s.parked.push_back({code, state.parked_message, state.parked_at});
  return s;
}

}  // namespace motcua::ui
