#include "sync/worker.h"

#include <unistd.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "dvc/dossier_mapping.h"

namespace motcua::sync {
namespace {

using Json = nlohmann::json;

bool IsDossierChange(const store::JournalEvent& e) {
  return !e.dossier_code.empty() && e.type.rfind("sync.", 0) != 0;
}

// A dossier with changes after the cursor.
struct OutboxEntry {
  std::string code;
  std::int64_t first_seq = 0;  // the first of its events the server has not seen (0: none holds the cursor)
  std::int64_t last_seq = 0;
  Instant oldest_at{};
  DossierSyncState state;
  bool retry = false;
};

struct Outbox {
  std::vector<OutboxEntry> entries;  // oldest unsent change first; parked ones left out
  std::int64_t cursor = 0;
  std::int64_t scan_end = 0;         // the last event read
  std::int64_t events = 0;           // dossier events read after the cursor
  bool skipped_other = false;        // events that are no dossier's change were read (the cursor may pass them)
};

// Reads the journal after the cursor (at most `limit` events) and every dossier a supervisor asked to
// send again, and keeps the dossiers whose server copy is older than their last event.
Result<Outbox> ScanOutbox(store::Store& store, int limit) {
  Outbox out;
  MOTCUA_ASSIGN_OR_RETURN(out.cursor, LoadCursor(store));
  store::JournalQuery q;
  q.after_seq = out.cursor;
  q.limit = limit;
  MOTCUA_ASSIGN_OR_RETURN(auto events, store.ReadJournal(q));
  out.scan_end = events.empty() ? out.cursor : events.back().seq;
  std::map<std::string, std::size_t> index;
  std::vector<OutboxEntry> found;
  for (const store::JournalEvent& e : events) {
    if (!IsDossierChange(e)) {
      out.skipped_other = out.skipped_other || e.type.rfind("sync.", 0) != 0;
      continue;
    }
    ++out.events;
    auto [it, added] = index.emplace(e.dossier_code, found.size());
    if (added) found.push_back({e.dossier_code, 0, 0, e.at, {}, false});
    found[it->second].last_seq = e.seq;
  }
  MOTCUA_ASSIGN_OR_RETURN(auto retries, LoadDossierStates(store, "retry"));
  for (auto& [code, state] : retries) {
    auto [it, added] = index.emplace(code, found.size());
    if (added) found.push_back({code, 0, std::max(state.parked_seq, state.synced_seq), Instant{}, {}, true});
    found[it->second].retry = true;
  }
  for (OutboxEntry& entry : found) {
    MOTCUA_ASSIGN_OR_RETURN(auto state, LoadDossierState(store, entry.code));
    if (state) entry.state = *state;
    entry.state.code = entry.code;
    if (!entry.retry) {
      if (entry.state.synced_seq >= entry.last_seq) continue;                     // already on the server
      if (entry.state.parked && entry.state.parked_seq >= entry.last_seq) continue;  // parked, unchanged since
    }
    out.entries.push_back(std::move(entry));
  }
  // The first unsent event of each entry: the cursor may not pass it.
  std::map<std::string, OutboxEntry*> pending;
  for (OutboxEntry& entry : out.entries) pending.emplace(entry.code, &entry);
  for (const store::JournalEvent& e : events) {
    if (!IsDossierChange(e)) continue;
    auto it = pending.find(e.dossier_code);
    if (it == pending.end() || it->second->first_seq != 0 || e.seq <= it->second->state.synced_seq) continue;
    it->second->first_seq = e.seq;
    it->second->oldest_at = e.at;
  }
  std::stable_sort(out.entries.begin(), out.entries.end(),
                   [](const OutboxEntry& a, const OutboxEntry& b) { return a.first_seq < b.first_seq; });
  return out;
}

std::string ServiceError(const Reply& reply) {
  return reply.message.empty() ? "error_code " + reply.error_code : reply.message;
}

}  // namespace

struct Worker::Item {
  OutboxEntry entry;
  DossierSyncState& state() { return entry.state; }
  std::optional<dossier::Dossier> dossier;
  std::string wire;                      // the record as sent
  std::vector<dvc::ProgressStep> steps;  // every step, as mapped
  std::vector<std::string> step_wires;   // ... and as sent
  std::vector<CapNote> notes;            // cuts made to fit the server's caps (journaled with the ack)
  bool done = false;                     // synced or parked in this pass
  bool file_sent = false;                // the file was accepted in this pass (steps may follow)
  bool counted_resent = false;           // already counted in SyncStatus::files_resent
  bool unrecorded = false;               // acknowledged, not yet recorded: holds the cursor back

  // The server's copy is older than the dossier, or a supervisor asked for it to go again.
  bool NeedsFile() const { return entry.retry || entry.state.file_seq < entry.last_seq; }
};

Worker::Worker(store::Store& store, dossier::StatusMap status_map, SyncSettings settings, std::string password,
               WorkerOptions options)
    : store_(store),
      status_map_(std::move(status_map)),
      settings_(std::move(settings)),
      password_(std::move(password)),
      options_(std::move(options)),
      http_([&] {
        HttpOptions http = options_.http;
        http.ca_file = settings_.ca_file;
        return http;
      }()) {
  static const SystemClock system_clock;
  clock_ = options_.clock ? options_.clock : &system_clock;
  if (options_.holder.empty()) options_.holder = LeaseHolderName(options_.station);
  if (auto loaded = LoadSyncStatus(store_)) status_ = *loaded;
}

Worker::~Worker() = default;

void Worker::Release() { (void)ReleaseLease(store_, options_.holder, Now()); }

Result<DrainResult> Worker::Drain(std::optional<Instant> deadline) {
  retry_after_.reset();
  DrainResult result;
  MOTCUA_TRY(AcquireLease(store_, options_.holder, Now()));
  Instant lease_at = Now();
  auto fail = [&](Error error) -> Result<DrainResult> {
    if (!unrecorded_.empty()) (void)Record({}, "batch");  // what was accepted stays accepted
    status_.last_error = error.Describe();
    status_.last_error_rule = error.rule;
    status_.last_error_at = Now();
    (void)SaveSyncStatus(store_, status_, Now());
    return error;
  };
  for (;;) {
    if (Status s = Scan(); !s) return fail(s.error());
    if (items_.empty()) {
      result.idle = true;
      break;
    }
    const std::int64_t progress = result.files_acked + result.steps_acked + result.parked + status_.lookups;
    const std::size_t batch_size = std::size_t(settings_.batch_size);
    for (std::size_t from = 0; from < items_.size(); from += batch_size) {
      if (deadline && Now() >= *deadline) {
        (void)SaveSyncStatus(store_, status_, Now());
        return result;
      }
      // Renewed well before it runs out, not at every batch: each renewal is a commit.
      if (Now() - lease_at >= std::chrono::seconds(kLeaseSeconds / 3)) {
        if (Status s = AcquireLease(store_, options_.holder, Now()); !s) return fail(s.error());
        lease_at = Now();
      }
      std::vector<Item*> batch;
      for (std::size_t i = from; i < std::min(items_.size(), from + batch_size); ++i) batch.push_back(items_[i].get());
      for (Item* item : batch)
        if (Status s = Prepare(*item); !s) return fail(s.error());
      if (Status s = SendFiles(batch, result); !s) return fail(s.error());
      if (Status s = SendSteps(batch, result); !s) return fail(s.error());
      // One commit per batch: its files' and steps' acknowledgements, states and cursor together.
      if (!unrecorded_.empty())
        if (Status s = Record({}, "batch"); !s) return fail(s.error());
    }
    // Every pass acknowledges, parks or learns something; one that did none would only repeat itself.
    if (result.files_acked + result.steps_acked + result.parked + status_.lookups == progress)
      return fail(Unavailable("sync", "no_progress", "a pass over the outbox changed nothing; stopping"));
  }
  status_.last_error.clear();
  status_.last_error_rule.clear();
  if (Status s = SaveSyncStatus(store_, status_, Now()); !s) return s.error();
  return result;
}

Status Worker::Scan() {
  items_.clear();
  field_codes_.clear();  // a catalog pull between passes may have brought them
  MOTCUA_ASSIGN_OR_RETURN(Outbox outbox, ScanOutbox(store_, options_.scan_events));
  cursor_ = outbox.cursor;
  scan_end_ = outbox.scan_end;
  for (OutboxEntry& entry : outbox.entries) {
    auto item = std::make_unique<Item>();
    item->entry = std::move(entry);
    items_.push_back(std::move(item));
  }
  // Nothing to send, but events that are no dossier's change were read: move the cursor past them.
  if (items_.empty() && outbox.skipped_other && scan_end_ > cursor_) {
    std::vector<Item*> none;
    MOTCUA_TRY(Record(none, "cursor"));
  }
  return Ok();
}

Status Worker::Prepare(Item& item) {
  if (item.dossier) return Ok();
  MOTCUA_ASSIGN_OR_RETURN(item.dossier, store_.GetDossier(item.entry.code));
  if (!item.dossier)  // a journal event names a dossier the store does not hold: verify will say why
    return Corrupt("dossier", "dossier_missing", "the journal names dossier " + item.entry.code + " but it is not stored");
  dvc::MappingOptions mapping;
  mapping.file_base_url = settings_.file_base_url;
  item.notes.clear();
  dvc::NationalRecord record = dvc::ToNationalRecord(*item.dossier, status_map_, mapping);
  // A dossier received before the catalog carried the national field code (MaLinhVuc, which the
  // province's LayThuTuc gives) takes its procedure's current one: a procedure's field is a catalog fact.
  if (record.field_code.empty()) {
    auto known = field_codes_.find(record.procedure_code);
    if (known == field_codes_.end()) {  // read once per procedure and pass
      MOTCUA_ASSIGN_OR_RETURN(auto procedure, store_.GetProcedure(record.procedure_code));
      known = field_codes_.emplace(record.procedure_code, procedure ? procedure->field_code : "").first;
    }
    record.field_code = known->second;
  }
  item.wire = WireRecord(record, item.notes);
  item.steps = dvc::ToProgressSteps(*item.dossier, status_map_);
  item.step_wires.clear();
  for (const dvc::ProgressStep& step : item.steps) item.step_wires.push_back(WireStep(step, item.notes));
  return Ok();
}

Status Worker::SendFiles(const std::vector<Item*>& batch, DrainResult& result) {
  for (const bool updating : {false, true}) {
    std::vector<Item*> group;
    for (Item* item : batch)
      if (!item->done && item->NeedsFile() && item->state().created == updating) group.push_back(item);
    if (group.empty()) continue;
    MOTCUA_ASSIGN_OR_RETURN(Reply reply, PostFiles(group, updating));
    if (reply.Succeeded()) {
      for (Item* item : group) AckFile(*item, !updating);
      result.files_acked += std::int64_t(group.size());
      continue;
    }
    // Some of them exist already, or one is invalid: the reply cannot say which of the rest landed
    // (a batch is all or nothing on the stand-in, maybe not elsewhere), so each goes alone.
    for (Item* item : group) MOTCUA_TRY(SendFileAlone(*item, updating, result));
  }
  return Ok();
}

Status Worker::SendFileAlone(Item& item, bool updating, DrainResult& result) {
  MOTCUA_ASSIGN_OR_RETURN(Reply reply, PostFiles({&item}, updating));
  bool created_now = !updating;
  if (!reply.Succeeded() && !updating && reply.AlreadyExists()) {
    // Sent before by a process that did not live to record it: the server holds a copy, update it.
    if (!item.counted_resent) ++status_.files_resent;
    item.counted_resent = true;
    MOTCUA_ASSIGN_OR_RETURN(reply, PostFiles({&item}, true));
    created_now = false;
  } else if (!reply.Succeeded() && updating && reply.message.find("không tồn tại") != std::string::npos) {
    // The server lost it (or never had it): create it again.
    MOTCUA_ASSIGN_OR_RETURN(reply, PostFiles({&item}, false));
    confirmed_.erase(item.entry.code);
  }
  if (!reply.Succeeded()) return Park(item, ServiceError(reply), result);
  AckFile(item, created_now);
  ++result.files_acked;
  return Ok();
}

Result<Reply> Worker::PostFiles(const std::vector<Item*>& items, bool updating) {
  std::vector<std::string> wires;
  for (Item* item : items) {
    wires.push_back(item->wire);
    if (uncertain_.contains(item->entry.code) && !item->counted_resent) {
      ++status_.files_resent;
      item->counted_resent = true;
    }
    uncertain_.insert(item->entry.code);  // until the reply says otherwise
  }
  status_.files_sent += std::int64_t(items.size());
  MOTCUA_ASSIGN_OR_RETURN(Reply reply, Call(settings_.integration_path, [&] {
                            return SyncFilesBody(session_, settings_.unit_code, updating, wires);
                          }));
  for (Item* item : items) uncertain_.erase(item->entry.code);  // an answer came: it is known
  return reply;
}

void Worker::Unrecorded(Item& item) {
  if (!item.unrecorded) unrecorded_.push_back(&item);
  item.unrecorded = true;
}

void Worker::AckFile(Item& item, bool created_now) {
  DossierSyncState& s = item.state();
  const Instant now = Now();
  s.created = true;
  s.file_seq = item.entry.last_seq;
  s.synced_version = item.dossier->version;
  if (!s.first_synced_at) s.first_synced_at = now;
  s.last_synced_at = now;
  s.parked = false;
  s.parked_message.clear();
  s.retry = false;
  item.entry.retry = false;
  item.file_sent = true;
  Unrecorded(item);
  ++status_.files_acked;
  if (created_now) {  // a new file on the server holds no steps: nothing to ask
    s.steps_acked = 0;
    confirmed_.insert(item.entry.code);
  }
  if (s.steps_acked >= int(item.step_wires.size()) && confirmed_.contains(item.entry.code)) {
    s.synced_seq = s.file_seq;
    item.done = true;
  }
}

Status Worker::LookUpSteps(Item& item) {
  ++status_.lookups;
  MOTCUA_ASSIGN_OR_RETURN(Reply reply, Call(settings_.integration_path, [&] {
                            return LookupFileBody(session_, settings_.unit_code, item.entry.code);
                          }));
  if (!reply.Succeeded())
    return Unavailable("TraCuuHoSo", "lookup_failed",
                       "the provincial system did not say what it holds of " + item.entry.code + ": " + ServiceError(reply));
  MOTCUA_ASSIGN_OR_RETURN(auto held, ParseLookup(reply.data_json));
  DossierSyncState& s = item.state();
  if (!held) {  // the server has no such file: record that, and the next pass creates it again
    s.created = false;
    s.file_seq = 0;
    s.steps_acked = 0;
    confirmed_.insert(item.entry.code);
    std::vector<Item*> one{&item};
    return Record(one, "TraCuuHoSo");
  }
  // Count the server's steps that match ours, in order.
  int matched = 0;
  for (const ServerStep& step : *held) {
    if (matched >= int(item.step_wires.size())) break;
    const dvc::ProgressStep& ours = item.steps[std::size_t(matched)];
    if (step.at != dvc::FormatNationalDate(ours.at) || step.status != std::to_string(int(ours.status))) break;
    ++matched;
  }
  s.steps_acked = std::max(s.steps_acked, matched);
  confirmed_.insert(item.entry.code);
  return Ok();
}

Status Worker::SendSteps(const std::vector<Item*>& batch, DrainResult& result) {
  std::vector<Item*> ready;
  for (Item* item : batch) {
    if (item->done || !item->state().created || item->state().file_seq < item->entry.last_seq) continue;
    if (!confirmed_.contains(item->entry.code)) MOTCUA_TRY(LookUpSteps(*item));
    if (!item->state().created) continue;  // lost on the server: goes again as a create next pass
    ready.push_back(item);
  }
  // Chunks of exactly batch_size steps (the last may be shorter), each dossier's steps in order; a
  // dossier's steps may straddle two chunks, which go in order too.
  struct Piece {
    Item* item;
    int from, to;
  };
  std::vector<std::vector<Piece>> chunks(1);
  int filled = 0;
  for (Item* item : ready)
    for (int from = item->state().steps_acked; from < int(item->step_wires.size());) {
      const int take = std::min(int(item->step_wires.size()) - from, settings_.batch_size - filled);
      chunks.back().push_back({item, from, from + take});
      from += take;
      filled += take;
      if (filled == settings_.batch_size) {
        chunks.emplace_back();
        filled = 0;
      }
    }
  auto send = [&](const std::vector<Piece>& chunk) -> Result<Reply> {
    std::vector<std::string> wires;
    for (const Piece& p : chunk)
      for (int i = p.from; i < p.to; ++i) wires.push_back(p.item->step_wires[std::size_t(i)]);
    status_.steps_sent += std::int64_t(wires.size());
    for (const Piece& p : chunk) confirmed_.erase(p.item->entry.code);  // unknown until the reply
    MOTCUA_ASSIGN_OR_RETURN(Reply reply, Call(settings_.integration_path, [&] {
                              return SyncStepsBody(session_, settings_.unit_code, wires);
                            }));
    for (const Piece& p : chunk) confirmed_.insert(p.item->entry.code);
    return reply;
  };
  auto ack = [&](const std::vector<Piece>& chunk) {
    const Instant now = Now();
    for (const Piece& p : chunk) {
      DossierSyncState& s = p.item->state();
      if (p.from != s.steps_acked) continue;  // cannot happen: pieces of a dossier go in order
      for (int i = p.from; i < p.to; ++i) {
        if (now - p.item->steps[std::size_t(i)].at > std::chrono::minutes(settings_.on_time_minutes)) ++s.late_steps;
        ++result.steps_acked;
        ++status_.steps_acked;
      }
      s.steps_acked = p.to;
      if (s.steps_acked == int(p.item->step_wires.size())) {
        s.synced_seq = s.file_seq;
        p.item->done = true;
      }
      Unrecorded(*p.item);
    }
  };
  for (const std::vector<Piece>& chunk : chunks) {
    if (chunk.empty()) continue;
    MOTCUA_ASSIGN_OR_RETURN(Reply reply, send(chunk));
    if (reply.Succeeded()) {
      ack(chunk);
      continue;
    }
    // One dossier's steps were refused: find it by sending each dossier's part alone.
    for (const Piece& p : chunk) {
      if (p.item->done) continue;
      if (p.from != p.item->state().steps_acked) continue;  // an earlier piece of it was refused
      MOTCUA_ASSIGN_OR_RETURN(Reply alone, send({p}));
      if (alone.Succeeded()) {
        ack({p});
      } else {
        MOTCUA_TRY(Park(*p.item, ServiceError(alone), result));
      }
    }
  }
  // Dossiers with every step on the server already (found by the lookup) are synced now.
  for (Item* item : ready)
    if (!item->done && item->state().steps_acked >= int(item->step_wires.size())) {
      item->state().synced_seq = item->state().file_seq;
      item->done = true;
      Unrecorded(*item);
    }
  return Ok();
}

Status Worker::Park(Item& item, const std::string& message, DrainResult& result) {
  DossierSyncState& s = item.state();
  s.parked = true;
  s.parked_message = message;
  s.parked_seq = item.entry.last_seq;
  s.parked_at = Now();
  s.retry = false;
  item.done = true;
  ++result.parked;
  const Instant now = Now();
  MOTCUA_TRY(store_.Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_TRY(PutDossierState(tx, s, now));
    MOTCUA_TRY(PutCursor(tx, NewCursor(), now));
    store::NewEvent e;
    e.type = "sync.parked";
    e.dossier_code = s.code;
    e.actor = "station:" + options_.station;
    e.station = options_.station;
    e.at = now;
    e.payload_json = Json{{"target", kTarget}, {"message", message}, {"seq", s.parked_seq}}.dump(
        -1, ' ', false, Json::error_handler_t::replace);
    auto appended = tx.AppendEvent(e);
    return appended ? Ok() : Status(appended.error());
  }));
  ++s.record_version;
  return Ok();
}

Status Worker::Record(const std::vector<Item*>& just_acked, std::string_view service) {
  const Instant now = Now();
  status_.last_success_at = now;
  std::vector<Item*> acked = unrecorded_;  // what was accepted since the last commit goes in this one
  for (Item* item : just_acked)
    if (std::find(acked.begin(), acked.end(), item) == acked.end()) acked.push_back(item);
  for (Item* item : unrecorded_) item->unrecorded = false;
  unrecorded_.clear();
  Json files = Json::array(), capped = Json::array();
  for (Item* item : acked) {
    files.push_back({{"code", item->entry.code},
                     {"version", item->state().synced_version},
                     {"through_seq", item->state().file_seq},
                     {"steps", item->state().steps_acked}});
    for (const CapNote& n : item->notes)
      capped.push_back({{"code", n.dossier_code}, {"field", n.field}, {"from", n.from_chars}, {"to", n.to_chars}});
    item->notes.clear();  // journaled once
  }
  const std::int64_t cursor = NewCursor();
  // Each state is written at the version this pass read (optimistic): a supervisor's `sync retry` in
  // between is never overwritten; the write fails as stale, and the next pass reads it again.
  MOTCUA_TRY(store_.Write([&](store::WriteTx& tx) -> Status {
    for (Item* item : acked) MOTCUA_TRY(PutDossierState(tx, item->state(), now));
    MOTCUA_TRY(PutCursor(tx, cursor, now));
    store::NewEvent e;
    e.type = acked.empty() ? "sync.cursor_moved" : "sync.acknowledged";
    e.dossier_code = acked.size() == 1 ? acked.front()->entry.code : "";
    e.actor = "station:" + options_.station;
    e.station = options_.station;
    e.at = now;
    Json payload{{"target", kTarget}, {"service", service}, {"cursor", cursor}};
    if (!acked.empty()) payload["dossiers"] = files;
    if (!capped.empty()) payload["capped"] = capped;
    e.payload_json = payload.dump(-1, ' ', false, Json::error_handler_t::replace);
    auto appended = tx.AppendEvent(e);
    if (!appended) return appended.error();
    return Ok();
  }));
  cursor_ = cursor;
  for (Item* item : acked) ++item->state().record_version;
  return Ok();
}

std::int64_t Worker::NewCursor() const {
  std::int64_t cursor = scan_end_;
  for (const auto& item : items_)
    if ((!item->done || item->unrecorded) && item->entry.first_seq > 0)
      cursor = std::min(cursor, item->entry.first_seq - 1);
  return std::max(cursor, cursor_);
}

Status Worker::LogIn() {
  session_.clear();
  ++status_.logins;
  MOTCUA_ASSIGN_OR_RETURN(Reply reply, Call(settings_.auth_path, [&] { return LoginBody(settings_.username, password_); },
                                            /*login=*/true));
  if (!reply.Succeeded() || reply.session.empty())
    return Unavailable("login", "login_refused", "the provincial system refused the login of " + settings_.username +
                                                     ": " + ServiceError(reply));
  session_ = reply.session;
  return Ok();
}

Result<Reply> Worker::Call(const std::string& path, const std::function<std::string()>& body, bool login) {
  if (!login && session_.empty()) MOTCUA_TRY(LogIn());
  const std::string url = settings_.base_url + path;
  const std::vector<std::string> headers{"dstcode: " + settings_.dstcode};
  for (int attempt = 0;; ++attempt) {
    const Instant sent_at = Now();
    status_.last_attempt_at = sent_at;
    auto http = http_.Post(url, headers, body());
    if (!http) {
      status_.offline = http.error().rule == "connect_failed";
      return http.error();
    }
    status_.offline = false;
    retry_after_ = http->retry_after;
    std::optional<Reply> reply;
    if (http->status == 200) {
      MOTCUA_ASSIGN_OR_RETURN(Reply parsed, ParseReply(http->body));
      reply = std::move(parsed);
    }
    // The server's clock against ours, on every exchange (never corrected, only shown).
    std::optional<Instant> server_time = http->date ? http->date : reply ? reply->server_time : std::nullopt;
    if (server_time) {
      status_.skew_seconds = ToUnixSeconds(*server_time) - ToUnixSeconds(Now());
      status_.skew_checked_at = Now();
    }
    const bool refused = http->status == 401 || http->status == 403 ||
                         (reply && !login && !reply->Succeeded() && reply->SessionRefused());
    if (refused) {
      if (login || attempt > 0)
        return Unavailable("login", "session_refused", "the provincial system refused the session again after a new login");
      MOTCUA_TRY(LogIn());
      continue;
    }
    if (http->status >= 500)
      return Unavailable("http", "server_error",
                         "the provincial system answered HTTP " + std::to_string(http->status) +
                             (http->retry_after ? " (retry after " + std::to_string(*http->retry_after) + " s)" : ""));
    if (!reply)
      return Unavailable("http", "http_status", "the provincial system answered HTTP " + std::to_string(http->status));
    return *std::move(reply);
  }
}

Backoff::Backoff(std::chrono::milliseconds base, std::chrono::milliseconds cap)
    : base_(base), cap_(cap), random_(std::random_device{}()) {}

std::chrono::milliseconds Backoff::Next(std::optional<int> retry_after_seconds) {
  const int shift = std::min(attempt_, 30);
  const std::int64_t ceiling = std::min<std::int64_t>(cap_.count(), base_.count() << shift);
  ++attempt_;
  std::uniform_int_distribution<std::int64_t> pick(0, std::max<std::int64_t>(0, ceiling));
  std::chrono::milliseconds wait{pick(random_)};
  // The server's own wait wins, up to an hour (a Retry-After of days would silence the station).
  if (retry_after_seconds)
    wait = std::max(wait, std::chrono::milliseconds(std::min<std::int64_t>(*retry_after_seconds, 3600) * 1000));
  return wait;
}

Result<Pending> CountPending(store::Store& store) {
  MOTCUA_ASSIGN_OR_RETURN(Outbox outbox, ScanOutbox(store, 1'000'000));
  Pending p;
  p.events = outbox.events;
  p.dossiers = std::int64_t(outbox.entries.size());
  for (const OutboxEntry& e : outbox.entries)
    if (e.first_seq > 0 && (!p.oldest_at || e.oldest_at < *p.oldest_at)) p.oldest_at = e.oldest_at;
  MOTCUA_ASSIGN_OR_RETURN(auto parked, LoadDossierStates(store, "parked"));
  p.parked = std::int64_t(parked.size());
  return p;
}

}  // namespace motcua::sync
