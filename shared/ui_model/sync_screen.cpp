// The sync screen's one action, "Gửi lại", and taking the runner's snapshot into the model.
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


Status Apply(CounterModel& model, const CounterBackend& backend, const ResendParkedRecord& a) {
  SyncModel& s = model.sync;
  Status done = [&]() -> Status {
    MOTCUA_TRY(RequirePermission(model, workflow::Permission::kResendSync));
    const workflow::Actor actor = ActorOf(model, backend);
    return sync::RequestResend(*backend.station->store, a.code, actor.user, actor.station, backend.now);
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
