// The sync screen's one action, "Gửi lại", and taking the runner's snapshot into the model.
#include <nlohmann/json.hpp>

#include "sync/state.h"
#include "ui_model/internal/counter_apply.h"
#include "ui_model/sync_runner.h"

namespace motcua::ui::internal {

void TakeSyncSnapshot(CounterModel& model, const CounterBackend& backend) {
  if (backend.sync == nullptr) return;
  const std::uint64_t serial = backend.sync->Serial();
  if (serial == 0 || (model.sync.snapshot && model.sync.snapshot->serial == serial)) return;
  model.sync.snapshot = backend.sync->Snapshot();
}

namespace {

// What `motcua sync retry CODE` does (cli/cmd_sync.cpp Retry), in one transaction: the record is
// un-parked and marked for retry, and a "sync.retry_requested" event names who asked, so the audit
// trail shows why a refused record went again. Errors: ("code", "not_parked"); the store's.
Status RequestRetry(store::Store& store, const workflow::Actor& actor, const std::string& code, Instant now) {
  return store.Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto state, sync::LoadDossierState(tx, code));
    if (!state || !state->parked)
      return Invalid("code", "not_parked", "dossier " + code + " is not parked: nothing to send again");
    state->retry = true;
    state->parked = false;
    MOTCUA_TRY(sync::PutDossierState(tx, *state, now));
    store::NewEvent e;
    e.type = "sync.retry_requested";
    e.dossier_code = code;
    e.actor = actor.user;
    e.station = actor.station;
    e.at = now;
    e.payload_json = nlohmann::json{{"target", sync::kTarget}}.dump();
    auto appended = tx.AppendEvent(e);
    return appended ? Ok() : Status(appended.error());
  });
}

}  // namespace

Status Apply(CounterModel& model, const CounterBackend& backend, const ResendParkedRecord& a) {
  SyncModel& s = model.sync;
  Status done = [&]() -> Status {
    MOTCUA_TRY(RequirePermission(model, workflow::Permission::kResendSync));
    return RequestRetry(*backend.station->store, ActorOf(model, backend), a.code, backend.now);
  }();
  if (!done.has_value()) {
    s.error = done.error();
    ++s.error_serial;
    s.notice_key.clear();
    return done;
  }
  s.error.reset();
  s.notice_key = "sync.notice.resent";
  s.notice_arg = a.code;
  // Show the change at once (the runner's next snapshot agrees), and send it now rather than after
  // the runner's current wait.
  if (s.snapshot) std::erase_if(s.snapshot->parked, [&](const ParkedRecord& r) { return r.code == a.code; });
  if (backend.sync != nullptr) backend.sync->Wake();
  return Ok();
}

}  // namespace motcua::ui::internal
