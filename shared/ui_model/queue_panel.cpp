// The queue call panel's model (counter_app.h QueuePanelModel): reading it from the store, and its
// actions (next, recall, no-show, transfer, finish, a scanned ticket QR) through queue/queue.h as the
// signed-in officer at this station's queue counter.
#include <algorithm>
#include <cstdio>

#include "common/text.h"
#include "queue/figures.h"
#include "ui_model/internal/counter_apply.h"

namespace motcua::ui {

bool QueuePanelShown(const CounterModel& model, const Station& station) {
  return SessionCan(model.session, workflow::Permission::kReceive) && !station.devices.queue_counter.empty();
}

namespace internal {
namespace {

const std::string& CounterOf(const CounterBackend& backend) { return backend.station->devices.queue_counter; }

// A refused queue action: shown on the panel in words (MakeQueuePanelView), returned for the logs.
Error Fail(QueuePanelModel& q, Error e, std::string arg = "") {
  q.error = e;
  q.error_arg = std::move(arg);
  ++q.error_serial;
  q.notice_key.clear();
  q.notice_arg.clear();
  q.notice_area.clear();
  return e;
}

void Notice(QueuePanelModel& q, std::string key, std::string arg, std::string area = "") {
  q.error.reset();
  q.error_arg.clear();
  q.notice_key = std::move(key);
  q.notice_arg = std::move(arg);
  q.notice_area = std::move(area);
}

// The dossiers to link to the counter's ticket as the store has it now: those received while it was
// served. Another station of the same counter (or `motcua queue`) may have moved on meanwhile: then
// the remembered codes belong to a ticket no longer here, and none are linked.
Result<std::vector<std::string>> DossiersForServed(CounterModel& model, const CounterBackend& backend) {
  QueuePanelModel& q = model.queue;
  if (q.dossier_codes.empty()) return std::vector<std::string>();
  MOTCUA_ASSIGN_OR_RETURN(auto serving, queue::CurrentTicket(*backend.station->store, CounterOf(backend)));
  if (!serving || serving->Key() != q.linked_ticket_key) return std::vector<std::string>();
  return q.dossier_codes;
}

void ForgetDossiers(QueuePanelModel& q) {
  q.dossier_codes.clear();
  q.linked_ticket_key.clear();
}


// Every queue action starts here: the role (the core checks again).
Status Begin(CounterModel& model) {
  if (Status s = RequirePermission(model, workflow::Permission::kReceive); !s.has_value())
    return Fail(model.queue, s.error());
  return Ok();
}

// After an action, successful or not: the panel shows the store's state at once.
Status Done(CounterModel& model, const CounterBackend& backend, Status result) {
  (void)LoadQueuePanel(model, backend);
  return result;
}

std::string UpperAscii(std::string_view text) {
  std::string out(Trim(text));
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}


}  // namespace

Status LoadQueuePanel(CounterModel& model, const CounterBackend& backend) {
  QueuePanelModel& q = model.queue;
  q.stale = false;
  q.loaded_at = backend.now;  // a failed read is retried after kQueueRefreshSeconds, not every frame
  if (backend.station == nullptr || !QueuePanelShown(model, *backend.station)) {
    q.counter.clear();
    q.serving.reset();
    q.lines.clear();
    q.areas.clear();
    q.load_error.reset();
    return Ok();
  }
  Station& station = *backend.station;
  store::Store& store = *station.store;
  const std::string& counter = CounterOf(backend);
  if (!q.groups_loaded) {
    // Without the file a priority ticket still shows that it is one, by its group key.
    if (auto groups = queue::LoadPriorityGroups(station.paths.assets_dir); groups.has_value())
      q.priority_groups = std::move(groups).value();
    q.groups_loaded = true;
  }
  Status read = [&]() -> Status {
    MOTCUA_ASSIGN_OR_RETURN(std::vector<queue::Area> areas, queue::ListAreas(store));
    MOTCUA_ASSIGN_OR_RETURN(std::optional<queue::Ticket> serving, queue::CurrentTicket(store, counter));
    const LocalDate today = LocalDateVn(backend.now);
    std::vector<QueueLineCount> lines;
    for (queue::Area& area : queue::AreasForCounter(areas, counter)) {
      MOTCUA_ASSIGN_OR_RETURN(queue::WaitingCount waiting, queue::CountWaiting(store, today, area.letter));
      lines.push_back({std::move(area), waiting.priority, waiting.normal});
    }
    q.areas = std::move(areas);
    q.serving = std::move(serving);
    q.lines = std::move(lines);
    return Ok();
  }();
  q.counter = counter;
  if (!read.has_value()) {
    q.load_error = read.error();
    return read;
  }
  q.load_error.reset();
  return Ok();
}

void RefreshQueuePanelIfDue(CounterModel& model, const CounterBackend& backend) {
  QueuePanelModel& q = model.queue;
  if (backend.station == nullptr || model.lock.is_locked) return;
  if (!QueuePanelShown(model, *backend.station)) {
    if (!q.counter.empty() || q.serving) (void)LoadQueuePanel(model, backend);  // hide it at once
    return;
  }
  // With a pushing feed the panel waits for a "queue." event (TickCounter marks it stale).
  const bool due = q.stale || !q.loaded_at || backend.now < *q.loaded_at ||
                   (!LivePushes(model.live) && backend.now - *q.loaded_at >= std::chrono::seconds(kQueueRefreshSeconds));
  if (due) (void)LoadQueuePanel(model, backend);
}

void RememberReceivedDossier(CounterModel& model, const std::string& dossier_code) {
  QueuePanelModel& q = model.queue;
  if (!q.serving || dossier_code.empty()) return;
  const std::string key = q.serving->Key();
  if (q.linked_ticket_key != key) {
    q.linked_ticket_key = key;
    q.dossier_codes.clear();
  }
  // A replayed intake gives back the same code: linked once. Past the core's cap the rest are not
  // linked (the dossiers themselves are received all the same).
  if (std::find(q.dossier_codes.begin(), q.dossier_codes.end(), dossier_code) == q.dossier_codes.end() &&
      q.dossier_codes.size() < static_cast<std::size_t>(queue::kMaxDossiersPerTicket))
    q.dossier_codes.push_back(dossier_code);
}

bool IsTicketScan(std::string_view text) { return queue::LooksLikeTicketQr(text); }

Status ApplyTicketScan(CounterModel& model, const CounterBackend& backend, const std::string& text) {
  if (!SessionCan(model.session, workflow::Permission::kReceive)) {
    SetNotice(model, "notice.scan_not_for_role", "", Tone::kWarning);
    return Ok();
  }
  if (backend.station == nullptr || CounterOf(backend).empty()) {
    SetNotice(model, "queue.notice.no_counter", "", Tone::kWarning);
    return Ok();
  }
  QueuePanelModel& q = model.queue;
  // A scanner with Caps Lock on types "mcq:2026-12-07:a001": the payload is upper-case by design.
  const std::string payload = UpperAscii(text);
  Result<queue::TicketRef> ref = queue::ParseTicketQr(payload);
  if (!ref.has_value()) return Done(model, backend, Fail(q, ref.error()));
  // "A007" as printed on the ticket (ParseTicketQr checked the layout "MCQ:<10-char day>:<label>").
  const std::string label(Trim(std::string_view(payload).substr(15)));
  if (ref->day != LocalDateVn(backend.now))
    return Done(model, backend,
                Fail(q, Invalid("ticket", "other_day", "the ticket is of " + FormatLocalDate(ref->day) + ", not today"),
                     FormatDmy(ref->day)));
  store::Store& store = *backend.station->store;
  const workflow::Actor actor = ActorOf(model, backend);
  Status called = [&]() -> Status {
    // The ticket this counter already serves (called with "next", then its QR scanned): nothing to call.
    MOTCUA_ASSIGN_OR_RETURN(auto serving, queue::CurrentTicket(store, CounterOf(backend)));
    if (serving && serving->day == ref->day && serving->origin_area == ref->label.area &&
        serving->number == ref->label.number) {
      Notice(q, "queue.notice.serving", serving->label);
      return Ok();
    }
    // Checked before the served ticket is finished, so a refused scan changes nothing.
    MOTCUA_ASSIGN_OR_RETURN(auto found, queue::FindTicket(store, ref->day, label));
    if (!found) return NotFound("ticket", "no_such_ticket", "no ticket " + label + " today");
    if (found->state != queue::TicketState::kWaiting)
      return Conflict("ticket", "not_waiting", "ticket " + label + " is " + queue::TicketStateKey(found->state));
    // The served ticket is finished with its dossiers in the call's own transaction.
    MOTCUA_ASSIGN_OR_RETURN(std::vector<std::string> codes, DossiersForServed(model, backend));
    MOTCUA_ASSIGN_OR_RETURN(queue::Ticket t,
                            queue::CallTicket(store, actor, CounterOf(backend), label, backend.now, codes));
    ForgetDossiers(q);
    Notice(q, "queue.notice.called", t.label);
    return Ok();
  }();
  if (!called.has_value()) return Done(model, backend, Fail(q, called.error(), label));
  (void)LoadQueuePanel(model, backend);
  // A new citizen at the counter: the last receipt's screen gives way to the intake (a draft in
  // progress is kept: it may be this citizen's).
  model.intake.outcome.reset();
  SaveDraftIfDirty(model, backend);
  return Apply(model, backend, StartIntake{});
}

// ---- actions ---------------------------------------------------------------------------------------

Status Apply(CounterModel& model, const CounterBackend& backend, const CallNextTicket&) {
  MOTCUA_TRY(Begin(model));
  QueuePanelModel& q = model.queue;
  store::Store& store = *backend.station->store;
  const workflow::Actor actor = ActorOf(model, backend);
  Status s = [&]() -> Status {
    MOTCUA_ASSIGN_OR_RETURN(std::vector<queue::Area> areas, queue::ListAreas(store));
    std::vector<std::string> letters;
    for (const queue::Area& a : queue::AreasForCounter(areas, CounterOf(backend))) letters.push_back(a.letter);
    MOTCUA_ASSIGN_OR_RETURN(std::vector<std::string> codes, DossiersForServed(model, backend));
    MOTCUA_ASSIGN_OR_RETURN(std::optional<queue::Ticket> t,
                            queue::CallNext(store, actor, CounterOf(backend), letters, backend.now, codes));
    ForgetDossiers(q);
    if (t) Notice(q, "queue.notice.called", t->label);
    else Notice(q, "queue.notice.nobody_waiting", "");
    return Ok();
  }();
  if (!s.has_value()) return Done(model, backend, Fail(q, s.error()));
  return Done(model, backend, Ok());
}

Status Apply(CounterModel& model, const CounterBackend& backend, const RecallTicket&) {
  MOTCUA_TRY(Begin(model));
  QueuePanelModel& q = model.queue;
  Result<queue::Ticket> t =
      queue::Recall(*backend.station->store, ActorOf(model, backend), CounterOf(backend), backend.now);
  if (!t.has_value()) return Done(model, backend, Fail(q, t.error()));
  Notice(q, "queue.notice.recalled", t->label);
  return Done(model, backend, Ok());
}

Status Apply(CounterModel& model, const CounterBackend& backend, const MarkTicketNoShow&) {
  MOTCUA_TRY(Begin(model));
  QueuePanelModel& q = model.queue;
  Result<queue::Ticket> t =
      queue::NoShow(*backend.station->store, ActorOf(model, backend), CounterOf(backend), backend.now);
  if (!t.has_value()) return Done(model, backend, Fail(q, t.error()));
  Notice(q, t->state == queue::TicketState::kDropped ? "queue.notice.dropped" : "queue.notice.back_in_line", t->label);
  return Done(model, backend, Ok());
}

Status Apply(CounterModel& model, const CounterBackend& backend, const TransferTicket& a) {
  MOTCUA_TRY(Begin(model));
  QueuePanelModel& q = model.queue;
  Result<queue::Ticket> t = queue::Transfer(*backend.station->store, ActorOf(model, backend), CounterOf(backend),
                                            a.to_area, backend.now);
  if (!t.has_value()) return Done(model, backend, Fail(q, t.error(), a.to_area));
  Notice(q, "queue.notice.transferred", t->label, t->area);
  return Done(model, backend, Ok());
}

Status Apply(CounterModel& model, const CounterBackend& backend, const FinishTicket&) {
  MOTCUA_TRY(Begin(model));
  QueuePanelModel& q = model.queue;
  store::Store& store = *backend.station->store;
  Status s = [&]() -> Status {
    MOTCUA_ASSIGN_OR_RETURN(std::vector<std::string> codes, DossiersForServed(model, backend));
    MOTCUA_ASSIGN_OR_RETURN(queue::Ticket t,
                            queue::Finish(store, ActorOf(model, backend), CounterOf(backend), codes, backend.now));
    ForgetDossiers(q);
    Notice(q, t.dossier_codes.empty() ? "queue.notice.finished" : "queue.notice.finished_linked", t.label);
    return Ok();
  }();
  if (!s.has_value()) return Done(model, backend, Fail(q, s.error()));
  return Done(model, backend, Ok());
}

}  // namespace internal
}  // namespace motcua::ui
