// motcua sync: the provincial system (sync/worker.h). The contract operators and outside checks use:
//
//   motcua sync configure --url BASE --auth-path PATH --integration-path PATH --dstcode CODE
//                         --madonvi CODE --username NAME --password-file FILE [--ca-file FILE]
//                         [--file-base-url URL] [--batch-size N] [--on-time-minutes N] --as ADMIN
//   motcua sync run [--once] [--max-seconds N]
//   motcua sync status [--json]
//   motcua sync parked [--json]
//   motcua sync retry CODE --as SUPERVISOR
//   motcua sync catalog --as ADMIN
//
// configure stores the settings (journaled); the password stays in its file, which must be 0600 or
// stricter, and never enters the database, the journal, a log line or an error text. run acts as the
// station, not a person: without --once it syncs until stopped (SIGTERM, SIGINT), waiting with backoff
// after errors; with --once it drains and exits 0 when nothing is pending, 1 when it stopped on an error
// that retrying may fix (the message says which), never waiting longer than --max-seconds (default 300).
// catalog pulls the province's procedure list into a new catalog version (sync/catalog_pull.cpp).
#include <csignal>
#include <ostream>
#include <thread>

#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "cli/session.h"
#include "common/number_parse.h"
#include "sync/settings.h"
#include "sync/state.h"
#include "sync/worker.h"

namespace motcua::cli {
namespace {

using Json = nlohmann::ordered_json;

volatile std::sig_atomic_t g_stop = 0;
void OnStop(int) { g_stop = 1; }

std::string When(const std::optional<Instant>& at) { return at ? FormatLocalMinute(ToLocalVn(*at)) : "-"; }
Json WhenJson(const std::optional<Instant>& at) { return at ? Json(FormatInstantUtc(*at)) : Json(nullptr); }

Status WriteJournaled(store::Store& store, const store::NewEvent& e, const std::function<Status(store::WriteTx&)>& body) {
  return store.Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_TRY(body(tx));
    auto appended = tx.AppendEvent(e);
    return appended ? Ok() : Status(appended.error());
  });
}

int Configure(Context& ctx, Args& args) {
  sync::SyncSettings s;
  const std::pair<const char*, std::string*> required[] = {
      {"url", &s.base_url},       {"auth-path", &s.auth_path}, {"integration-path", &s.integration_path},
      {"dstcode", &s.dstcode},    {"madonvi", &s.unit_code},   {"username", &s.username},
      {"password-file", &s.password_file}};
  for (auto [name, out] : required) {
    auto value = args.RequiredFlag(name);
    if (!value) return ReportError(ctx, value.error());
    *out = *value;
  }
  for (auto [name, out] : {std::pair{"ca-file", &s.ca_file}, {"file-base-url", &s.file_base_url}}) {
    auto value = args.Flag(name);
    if (!value) return ReportError(ctx, value.error());
    if (*value) *out = **value;
  }
  for (auto [name, out] : {std::pair{"batch-size", &s.batch_size}, {"on-time-minutes", &s.on_time_minutes}}) {
    auto value = args.Flag(name);
    if (!value) return ReportError(ctx, value.error());
    if (!*value) continue;
    const std::optional<int> n = ParseDigits<int>(**value, {.max_digits = 9});
    if (!n) return ReportError(ctx, Invalid(name, "bad_number", std::string("--") + name + " takes a whole number"));
    *out = *n;
  }
  if (auto rest = args.Positional(); !rest || !rest->empty())
    return ReportError(ctx, rest ? Invalid("args", "unexpected", "unexpected argument " + rest->front()) : rest.error());
  if (!s.password_file.empty() && s.password_file.front() != '/')
    s.password_file = std::filesystem::absolute(s.password_file).string();
  if (!s.ca_file.empty()) s.ca_file = std::filesystem::absolute(s.ca_file).string();
  if (Status ok = sync::CheckSyncSettings(s); !ok) return ReportError(ctx, ok.error());
  auto session = OpenSessionAs(ctx);
  if (!session) return ReportError(ctx, session.error());
  if (Status allowed = workflow::Require((*session)->actor, workflow::Permission::kManageCatalog); !allowed)
    return ReportError(ctx, allowed.error());
  const std::string text = sync::WriteSyncSettings(s);
  store::NewEvent e;
  e.type = "sync.configured";
  e.actor = (*session)->actor.user;
  e.station = ctx.station;
  e.at = ctx.Now();
  e.payload_json = text;  // the settings hold the password file's path, never the password
  if (Status ok = WriteJournaled(*(*session)->store, e,
                                 [&](store::WriteTx& tx) { return tx.PutSetting(sync::kSyncSettingsKey, text); });
      !ok)
    return ReportError(ctx, ok.error());
  if (ctx.json) {
    PrintJson(ctx, Json::parse(text));
  } else {
    *ctx.out << "sync configured: " << s.base_url << " (dstcode " << s.dstcode << ", madonvi " << s.unit_code
             << ", user " << s.username << ")\n";
  }
  return kExitOk;
}

// The worker for a verb that syncs: the station's settings and the password from its file.
// Errors: ("sync", "not_configured"); the settings' and the password file's.
Result<std::unique_ptr<sync::Worker>> MakeWorker(Context& ctx, Session& session) {
  MOTCUA_ASSIGN_OR_RETURN(auto settings, sync::LoadSyncSettings(*session.store));
  if (!settings)
    return Invalid("sync", "not_configured", "this station has no provincial system: run `motcua sync configure`");
  MOTCUA_ASSIGN_OR_RETURN(std::string password, sync::ReadPassword(settings->password_file));
  sync::WorkerOptions options;
  options.station = ctx.station;
  return std::make_unique<sync::Worker>(*session.store, session.status_map, *settings, password, options);
}

int Run(Context& ctx, Args& args) {
  const bool once = args.Switch("once");
  auto max_flag = args.Flag("max-seconds");
  if (!max_flag) return ReportError(ctx, max_flag.error());
  const std::optional<int> max_parsed = *max_flag ? ParseDigits<int>(**max_flag, {.max_digits = 9}) : 300;
  if (!max_parsed)
    return ReportError(ctx, Invalid("max-seconds", "bad_number", "--max-seconds takes a whole number of seconds"));
  const int max_seconds = *max_parsed;
  if (auto rest = args.Positional(); !rest || !rest->empty())
    return ReportError(ctx, rest ? Invalid("args", "unexpected", "unexpected argument " + rest->front()) : rest.error());
  auto session = OpenSession(ctx);
  if (!session) return ReportError(ctx, session.error());
  store::Store& store = *(*session)->store;
  auto made = MakeWorker(ctx, **session);
  if (!made) return ReportError(ctx, made.error());
  sync::Worker& worker = **made;

  std::signal(SIGTERM, OnStop);
  std::signal(SIGINT, OnStop);
  const auto started = std::chrono::steady_clock::now();
  const auto deadline = started + std::chrono::seconds(max_seconds);
  sync::Backoff backoff;
  sync::DrainResult total;
  std::optional<Error> last_error;
  auto sleep_until = [&](std::chrono::steady_clock::time_point until) {
    while (!g_stop && std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
  };
  while (!g_stop) {
    const auto remaining = std::chrono::duration_cast<std::chrono::seconds>(deadline - std::chrono::steady_clock::now());
    std::optional<Instant> stop_at;
    if (once) stop_at = SystemClock().Now() + remaining;
    auto drained = worker.Drain(stop_at);
    if (drained) {
      total.files_acked += drained->files_acked;
      total.steps_acked += drained->steps_acked;
      total.parked += drained->parked;
      last_error.reset();
      backoff.Reset();
      if (drained->idle && once) break;
      if (!once) sleep_until(std::chrono::steady_clock::now() + std::chrono::seconds(2));  // poll the outbox
      if (once && std::chrono::steady_clock::now() >= deadline) break;
      continue;
    }
    last_error = drained.error();
    *ctx.err << "motcua sync: " << drained.error().Describe() << "\n";
    const auto wait = backoff.Next(worker.RetryAfter());
    if (once && std::chrono::steady_clock::now() + wait >= deadline) break;
    sleep_until(std::chrono::steady_clock::now() + wait);
  }
  worker.Release();
  const bool idle = !last_error && once;
  if (ctx.json) {
    Json j{{"files_acknowledged", total.files_acked}, {"steps_acknowledged", total.steps_acked},
           {"parked", total.parked}, {"done", idle || !once}};
    if (last_error) j["error"] = {{"rule", last_error->rule}, {"detail", last_error->detail}};
    PrintJson(ctx, j);
  } else {
    *ctx.out << "sync: " << total.files_acked << " files and " << total.steps_acked << " steps acknowledged, "
             << total.parked << " parked";
    if (last_error) *ctx.out << "; stopped: " << last_error->Describe();
    *ctx.out << "\n";
  }
  if (last_error) return last_error->code == ErrorCode::kInvalid ? kExitBadInput : kExitFailure;
  if (once) {
    auto pending = sync::CountPending(store);
    if (pending && pending->dossiers > 0) {
      *ctx.err << "motcua sync: " << pending->dossiers << " dossiers still pending after " << max_seconds << " s\n";
      return kExitFailure;
    }
  }
  return kExitOk;
}

Json ParkedJson(const std::map<std::string, sync::DossierSyncState>& parked) {
  Json list = Json::array();
  for (const auto& [code, s] : parked)
    list.push_back({{"code", code}, {"message", s.parked_message}, {"parked_at", WhenJson(s.parked_at)}});
  return list;
}

int ShowStatus(Context& ctx, Args& args) {
  if (auto rest = args.Positional(); !rest || !rest->empty())
    return ReportError(ctx, rest ? Invalid("args", "unexpected", "unexpected argument " + rest->front()) : rest.error());
  auto session = OpenSession(ctx);
  if (!session) return ReportError(ctx, session.error());
  store::Store& store = *(*session)->store;
  auto settings = sync::LoadSyncSettings(store);
  auto pending = sync::CountPending(store);
  auto status = sync::LoadSyncStatus(store);
  auto parked = sync::LoadDossierStates(store, "parked");
  for (const Error* e : {settings ? nullptr : &settings.error(), pending ? nullptr : &pending.error(),
                         status ? nullptr : &status.error(), parked ? nullptr : &parked.error()})
    if (e) return ReportError(ctx, *e);
  const Instant now = ctx.Now();
  const bool skewed = status->skew_seconds && std::abs(*status->skew_seconds) > sync::kMaxSkewSeconds;
  std::optional<std::int64_t> oldest_age;
  if (pending->oldest_at) oldest_age = ToUnixSeconds(now) - ToUnixSeconds(*pending->oldest_at);
  if (ctx.json) {
    Json j{{"configured", settings->has_value()},
           {"url", *settings ? Json((*settings)->base_url) : Json(nullptr)},
           {"pending_events", pending->events},
           {"pending_dossiers", pending->dossiers},
           {"oldest_pending_seconds", oldest_age ? Json(*oldest_age) : Json(nullptr)},
           {"last_attempt", WhenJson(status->last_attempt_at)},
           {"last_success", WhenJson(status->last_success_at)},
           {"last_error", status->last_error.empty() ? Json(nullptr) : Json(status->last_error)},
           {"last_error_rule", status->last_error_rule.empty() ? Json(nullptr) : Json(status->last_error_rule)},
           {"offline", status->offline},
           {"clock_skew_seconds", status->skew_seconds ? Json(*status->skew_seconds) : Json(nullptr)},
           {"clock_skew_warning", skewed},
           {"files_sent", status->files_sent},
           {"files_acknowledged", status->files_acked},
           {"files_resent", status->files_resent},
           {"steps_sent", status->steps_sent},
           {"steps_acknowledged", status->steps_acked},
           {"parked", ParkedJson(*parked)}};
    PrintJson(ctx, j);
    return kExitOk;
  }
  std::ostream& out = *ctx.out;
  if (!*settings) out << "not configured (motcua sync configure)\n";
  else out << "provincial system: " << (*settings)->base_url << "\n";
  out << "pending: " << pending->dossiers << " dossiers, " << pending->events << " events";
  if (oldest_age) out << ", the oldest " << *oldest_age / 60 << " min old";
  out << "\nlast success: " << When(status->last_success_at) << (status->offline ? "  (offline: the server cannot be reached)" : "")
      << "\n";
  if (!status->last_error.empty()) out << "last error: " << When(status->last_error_at) << " " << status->last_error << "\n";
  if (status->skew_seconds) {
    out << "clock skew: server " << (*status->skew_seconds >= 0 ? "+" : "") << *status->skew_seconds
        << " s against this station";
    if (skewed) out << "  WARNING: over " << sync::kMaxSkewSeconds << " s; fix the station's clock (times are not corrected)";
    out << "\n";
  }
  out << "sent: " << status->files_acked << " files, " << status->steps_acked << " steps acknowledged; "
      << status->files_resent << " files sent again after an unknown outcome\n";
  out << "parked: " << parked->size() << "\n";
  for (const auto& [code, s] : *parked) out << "  " << code << "  " << When(s.parked_at) << "  " << s.parked_message << "\n";
  return kExitOk;
}

int ShowParked(Context& ctx, Args& args) {
  if (auto rest = args.Positional(); !rest || !rest->empty())
    return ReportError(ctx, rest ? Invalid("args", "unexpected", "unexpected argument " + rest->front()) : rest.error());
  auto session = OpenSession(ctx);
  if (!session) return ReportError(ctx, session.error());
  auto parked = sync::LoadDossierStates(*(*session)->store, "parked");
  if (!parked) return ReportError(ctx, parked.error());
  if (ctx.json) {
    PrintJson(ctx, ParkedJson(*parked));
    return kExitOk;
  }
  if (parked->empty()) *ctx.out << "no parked records\n";
  for (const auto& [code, s] : *parked) *ctx.out << code << "  " << When(s.parked_at) << "  " << s.parked_message << "\n";
  return kExitOk;
}

int Retry(Context& ctx, Args& args) {
  auto rest = args.Positional();
  if (!rest) return ReportError(ctx, rest.error());
  if (rest->size() != 1) return ReportError(ctx, Invalid("code", "missing_value", "usage: motcua sync retry CODE"));
  const std::string code = rest->front();
  auto session = OpenSessionAs(ctx);
  if (!session) return ReportError(ctx, session.error());
  if (Status allowed = workflow::Require((*session)->actor, workflow::Permission::kResendSync); !allowed)
    return ReportError(ctx, allowed.error());
  const Status ok =
      sync::RequestResend(*(*session)->store, code, (*session)->actor.user, ctx.station, ctx.Now());
  if (!ok) return ReportError(ctx, ok.error());
  *ctx.out << code << " will be sent again at the next sync\n";
  return kExitOk;
}

int PullCatalog(Context& ctx, Args& args) {
  if (auto rest = args.Positional(); !rest || !rest->empty())
    return ReportError(ctx, rest ? Invalid("args", "unexpected", "unexpected argument " + rest->front()) : rest.error());
  auto session = OpenSessionAs(ctx);
  if (!session) return ReportError(ctx, session.error());
  if (Status allowed = workflow::Require((*session)->actor, workflow::Permission::kManageCatalog); !allowed)
    return ReportError(ctx, allowed.error());
  auto made = MakeWorker(ctx, **session);
  if (!made) return ReportError(ctx, made.error());
  auto pull = (*made)->PullCatalog((*session)->actor.user);
  (*made)->Release();
  if (!pull) return ReportError(ctx, pull.error());
  if (ctx.json) {
    PrintJson(ctx, Json{{"version", pull->version}, {"listed", pull->listed}, {"changed", pull->changed},
                        {"kept_previous", pull->kept}, {"not_local", pull->not_local}});
  } else {
    *ctx.out << "catalog version " << pull->version << ": " << pull->listed << " procedures listed by the province, "
             << pull->changed.size() << " changed here (" << pull->kept.size()
             << " kept in their previous version for open dossiers), " << pull->not_local.size()
             << " not in this station's catalog (import them with `motcua catalog import`)\n";
  }
  return kExitOk;
}

int RunSync(Context& ctx, Args& args) {
  const auto& remaining = args.Remaining();
  if (remaining.empty() || remaining.front().rfind("--", 0) == 0)
    return ReportError(ctx, Invalid("verb", "missing_value", "usage: motcua sync configure|run|status|parked|retry|catalog"));
  const std::string name = remaining.front();
  Args sub(std::vector<std::string>(remaining.begin() + 1, remaining.end()));
  if (name == "configure") return Configure(ctx, sub);
  if (name == "run") return Run(ctx, sub);
  if (name == "status") return ShowStatus(ctx, sub);
  if (name == "parked") return ShowParked(ctx, sub);
  if (name == "retry") return Retry(ctx, sub);
  if (name == "catalog") return PullCatalog(ctx, sub);
  return ReportError(ctx, Invalid("verb", "unknown_verb", "unknown sync verb " + name));
}

}  // namespace

MOTCUA_CLI_COMMAND("sync",
                   "sync configure --url BASE --auth-path P --integration-path P --dstcode C --madonvi C "
                   "--username U --password-file F [--ca-file F] | sync run [--once] [--max-seconds N] | "
                   "sync status | sync parked | sync retry CODE | sync catalog",
                   "send every change to the provincial system, and show what is pending or refused", RunSync);

}  // namespace motcua::cli
