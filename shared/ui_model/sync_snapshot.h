// What the counter shows of the provincial sync (sync/worker.h): the pending count, the last
// exchange's outcome, the clock skew and the parked records, read from the store in one go. The
// sync runner (sync_runner.h) reads it on its own thread after every drain, so the UI thread never
// waits on the store for it; the badge and the parked screen are built from the copy it hands over.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "store/store.h"
#include "sync/state.h"
#include "sync/worker.h"

namespace motcua::ui {

// One record the provincial system refused as invalid (sync/state.h DossierSyncState::parked).
struct ParkedRecord {
  std::string code;                  // the dossier code
  std::string message;               // the server's words, shown as they came
  std::optional<Instant> parked_at;  // UTC
};

struct SyncSnapshot {
  bool configured = false;           // the station has sync settings (sync/settings.h)
  sync::Pending pending;
  sync::SyncStatus status;
  std::vector<ParkedRecord> parked;  // by dossier code
  std::optional<Error> error;        // why the runner cannot sync (unreadable password file, ...)
  std::uint64_t serial = 0;          // +1 per snapshot the runner publishes; 0 = none yet
};

// Reads the snapshot from `store` (reads only). Errors: the store's, and kCorrupt/"bad_setting" for
// sync settings edited by hand.
Result<SyncSnapshot> ReadSyncSnapshot(store::Store& store);

}  // namespace motcua::ui
