#include "ui_model/counter_app.h"

#include <filesystem>
#include <thread>

#include "codes/dossier_code.h"
#include "codes/receipt_token.h"
#include "common/text.h"
#include "reports/store_report.h"
#include "ui_model/action.h"
#include "ui_model/internal/counter_apply.h"
#include "ui_model/live_journal.h"

namespace motcua::ui {
namespace internal {
// The score card's loading and actions (the section at the end of this file).
Status LoadScoreCard(CounterModel& model, const CounterBackend& backend);
Status Apply(CounterModel& model, const CounterBackend& backend, const ScoreCardCommand& a);
}  // namespace internal

namespace {

using workflow::Permission;

// Tab order. The postal tab is the only one postal staff see (Permission::kPostalHandover is theirs).
constexpr ScreenSpec kScreens[] = {
    {kScreenIntake, "nav.intake", "F2", Permission::kReceive, true},
    {kScreenWorklist, "nav.worklist", "F3", Permission::kProcess, true},
    {kScreenPostal, "nav.postal", "F4", Permission::kPostalHandover, true},
    {kScreenScoreCard, "nav.scorecard", "F6", Permission::kViewScores, true},
    // Officers see what the province refused (they fix the dossier); only kResendSync sends it again.
    {kScreenSync, "nav.sync", "F7", Permission::kProcess, true},
    {kScreenSettings, "nav.settings", "F9", Permission::kPostalHandover, true},
    {kScreenDossier, "nav.dossier", "", Permission::kProcess, false},
};

// The first screen a role may use.
std::string HomeScreen(const std::optional<SessionUser>& session) {
  for (const ScreenSpec& s : kScreens)
    if (s.in_nav && SessionCan(session, s.permission)) return std::string(s.key);
  return std::string(kScreenSettings);
}

void EnterScreen(CounterModel& model, const CounterBackend& backend, std::string_view key) {
  model.screen = std::string(key);
  if (key == kScreenWorklist) {
    model.worklist.stale = true;
    (void)internal::LoadWorklist(model, backend);
  } else if (key == kScreenPostal) {
    model.postal.stale = true;
    (void)internal::LoadPostal(model, backend);
  } else if (key == kScreenScoreCard) {
    (void)internal::LoadScoreCard(model, backend);
  }
}

void StartSession(CounterModel& model, const CounterBackend& backend, SessionUser user) {
  model.session = std::move(user);
  model.login = {};
  model.lock = {};
  model.last_activity_at = backend.now;
  if (backend.station != nullptr) {
    model.idle_lock_minutes = backend.station->auth_settings.idle_lock_minutes;
    model.worklist = {};
    model.worklist.only_own_unit = !model.session->unit.empty();
    model.dossier = {};
    model.postal = {};
    model.intake = {};
    model.queue = {};
    internal::LoadRecentProcedures(model, backend);
    internal::LoadDraft(model, backend);
  }
  EnterScreen(model, backend, HomeScreen(model.session));
  if (model.intake.active && model.intake.resumed) internal::SetNotice(model, "notice.draft_restored");
}

Status ApplySubmitLogin(CounterModel& model, const CounterBackend& backend, const SubmitLogin& submit) {
  LoginModel& login = model.login;
  login.notice_key.clear();
  const std::string user_name = NormalizeNfc(Trim(submit.user_name));
  Result<SessionUser> user = [&]() -> Result<SessionUser> {
    if (user_name.empty()) return Invalid("user_name", "required", "user name is empty");
    if (submit.password.empty()) return Invalid("password", "required", "password is empty");
    MOTCUA_ASSERT(backend.auth != nullptr, "CounterBackend::auth must be set before applying actions");
    MOTCUA_ASSIGN_OR_RETURN(SessionUser u, backend.auth->SignIn(user_name, submit.password, backend.now));
    // A kiosk's station account acts for whichever citizen stands at the kiosk: never at a counter.
    if (u.role == workflow::RoleKey(workflow::Role::kKiosk))
      return Invalid("user_name", "kiosk_account", "a kiosk's station account cannot sign in at a counter");
    return u;
  }();
  if (user.has_value()) {
    StartSession(model, backend, std::move(user).value());
    return Ok();
  }
  login.error = user.error();
  ++login.error_serial;
  login.locked_until.reset();
  if (user.error().rule == "account_locked")
    login.locked_until = backend.auth->LockedUntil(user_name, backend.now);
  return std::move(user.error());
}

enum class ScanKind { kCccd, kReceiptToken, kDossierCode, kOther };

ScanKind ClassifyScan(std::string_view text) {
  const std::string_view t = Trim(text);
  if (t.size() > 3 && (t[0] == 'M' || t[0] == 'm') && (t[1] == 'C' || t[1] == 'c') && t[2] >= '0' && t[2] <= '9')
    return ScanKind::kReceiptToken;
  if (t.find('|') != std::string_view::npos) return ScanKind::kCccd;
  if (codes::ParseDossierCode(t).has_value()) return ScanKind::kDossierCode;
  return ScanKind::kOther;
}

}  // namespace

std::span<const ScreenSpec> CounterScreens() { return kScreens; }

const ScreenSpec* FindScreen(std::string_view key) {
  for (const ScreenSpec& s : kScreens)
    if (s.key == key) return &s;
  return nullptr;
}

std::optional<workflow::Role> SessionRole(const std::optional<SessionUser>& session) {
  if (!session) return std::nullopt;
  Result<workflow::Role> role = workflow::ParseRole(session->role);
  if (!role.has_value()) return std::nullopt;
  return *role;
}

bool SessionCan(const std::optional<SessionUser>& session, workflow::Permission p) {
  const std::optional<workflow::Role> role = SessionRole(session);
  return role.has_value() && workflow::Can(*role, p);
}

bool HasPendingJobs(const CounterModel& model) {
  if (model.file_job) return true;
  if (model.print_job && model.print_job->phase == PrintPhase::kWorking) return true;
  if (model.settings.scanner_job.valid() || model.settings.queue_job.valid()) return true;
  return false;
}

bool LivePushes(const LiveModel& live) {
  return live.watching && live.status.pushes && live.status.state == store::FeedState::kConnected;
}

namespace {

// Reads the journal past live.read_seq and marks stale the lists its events touch (LiveModel).
void FollowJournal(CounterModel& model, const CounterBackend& backend) {
  LiveModel& live = model.live;
  if (!live.watching) return;
  if (live.read_seq < 0) live.read_seq = live.head_seq;  // what came before the app was read at start
  if (live.head_seq <= live.read_seq) return;
  Result<std::vector<store::JournalEvent>> events =
      backend.station->store->ReadJournal({.after_seq = live.read_seq, .limit = kLiveReadEvents});
  if (!events) {
    live.error = events.error();  // a lost connection: the store makes it again at its next read
    return;
  }
  live.error.reset();
  if (events->empty()) {  // the feed's head is another database's (it cannot be ahead of ours)
    live.read_seq = live.head_seq;
    return;
  }
  bool dossiers = events->size() >= static_cast<std::size_t>(kLiveReadEvents), queue = dossiers;
  for (const store::JournalEvent& e : *events) {
    if (!e.dossier_code.empty()) dossiers = true;
    if (e.type.rfind("queue.", 0) == 0) queue = true;
  }
  live.read_seq = events->back().seq;
  if (dossiers) model.worklist.stale = true;
  if (queue) model.queue.stale = true;
}

}  // namespace

void TickCounter(CounterModel& model, const CounterBackend& backend, bool had_input) {
  internal::PollJobs(model, backend);
  internal::TakeSyncSnapshot(model, backend);
  if (!model.session) return;
  if (had_input || !model.last_activity_at) model.last_activity_at = backend.now;
  if (!model.lock.is_locked && model.idle_lock_minutes > 0 &&
      backend.now - *model.last_activity_at >= std::chrono::minutes(model.idle_lock_minutes)) {
    model.lock = {};
    model.lock.is_locked = true;
  }
  if (backend.station == nullptr) return;
  internal::SaveDraftIfDirty(model, backend);
  FollowJournal(model, backend);
  internal::RefreshQueuePanelIfDue(model, backend);
  WorklistModel& w = model.worklist;
  const bool clock_due = !LivePushes(model.live) && w.loaded_at &&
                         backend.now - *w.loaded_at >= std::chrono::seconds(kWorklistRefreshSeconds);
  if (model.screen == kScreenWorklist && !model.lock.is_locked && (w.stale || !w.loaded_at || clock_due))
    (void)internal::LoadWorklist(model, backend);
  if (model.screen == kScreenPostal && model.postal.stale && !model.lock.is_locked)
    (void)internal::LoadPostal(model, backend);
  if (model.screen == kScreenScoreCard && model.scorecard.stale && !model.lock.is_locked)
    (void)internal::LoadScoreCard(model, backend);
}

bool WaitForCounterJobs(CounterModel& model, const CounterBackend& backend, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (HasPendingJobs(model)) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    internal::PollJobs(model, backend);
  }
  return true;
}

// The alternatives' names, in the variant's order (checked below).
constexpr const char* kActionNames[] = {
    "SubmitLogin", "SubmitUnlock", "LockScreen", "SignOut", "SwitchLanguage", "ScanReceived", "Navigate", "GoBack",
    "ReprintLast", "OpenPrintedPdf", "DismissNotice", "CancelFileJob", "BrowseFiles",
    "StartIntake", "DiscardIntake", "SetApplicantField", "SetApplicantIdType", "SetProcedureQuery", "PickProcedure",
    "PickRecentProcedure", "ToggleCase", "SetComponentMode", "ScanComponent", "ImportComponentFiles", "SetChannel",
    "SetReceivedAt", "SetDelivery", "SetDeliveryAddress", "SetSets", "ConfirmIntake", "IssueSupplementSlip",
    "IssueRefusalSlip", "FinishIntake", "ConfirmCardText",
    "SetWorklistSearch", "SetWorklistStateFilter", "SetWorklistProcedureFilter", "SetWorklistUrgencyFilter",
    "SetWorklistOwnUnit", "RefreshWorklist", "OpenDossier", "PrintTrackingBook",
    "RunLifecycleAction", "RequestApology", "ScanDossierComponent", "ImportDossierComponentFiles",
    "MarkDossierComponentReused", "ScanResultDocument", "ImportResultDocument", "PrintDossierForm", "HandToPostal",
    "CloseDossier",
    "CreateManifest", "OpenManifest", "CloseManifest", "StartInboundItem", "AddOutboundItem", "SetManifestItemParcel",
    "RemoveManifestItem", "SignOpenManifest", "CancelOpenManifest", "RecordItemDelivery", "PrintOpenManifest",
    "SaveDevices", "SaveCalendarProfileChoice", "FindScanners", "FindPrinters",
    "ScoreCardCommand", "ResendParkedRecord",
    "CallNextTicket", "RecallTicket", "MarkTicketNoShow", "TransferTicket", "FinishTicket"};
static_assert(std::size(kActionNames) == std::variant_size_v<CounterAction>,
              "kActionNames must list every CounterAction alternative, in order");

std::string DescribeForLog(const CounterAction& action) {
  // Only codes, keys and counts: never a password, a scan's content or an applicant's data.
  const std::string details = std::visit(
      Overloaded{
          [](const SubmitLogin& a) { return " user_name=" + std::string(Trim(a.user_name)); },
          [](const SwitchLanguage& a) { return std::string(" lang=") + LangCode(a.lang); },
          [](const ScanReceived& a) {
            return " chars=" + std::to_string(CountCodePoints(a.text)) +
                   (a.source == ScanSource::kSerial ? " source=serial" : "");
          },
          [](const Navigate& a) { return " screen=" + a.screen; },
          [](const SetApplicantField& a) {
            static constexpr const char* kNames[] = {"id_number", "name", "phone", "email", "address"};
            return std::string(" field=") + kNames[static_cast<int>(a.field)];
          },
          [](const PickProcedure& a) { return " code=" + a.code; },
          [](const PickRecentProcedure& a) { return " slot=" + std::to_string(a.slot); },
          [](const SetComponentMode& a) {
            return " index=" + std::to_string(a.index) + " mode=" + std::to_string(static_cast<int>(a.mode));
          },
          [](const ScanComponent& a) { return " index=" + std::to_string(a.index); },
          [](const ImportComponentFiles& a) {
            return " index=" + std::to_string(a.index) + " files=" + std::to_string(a.paths.size());
          },
          [](const OpenDossier& a) { return " code=" + a.code; },
          [](const RunLifecycleAction& a) { return std::string(" action=") + dossier::ActionKey(a.action); },
          [](const PrintDossierForm& a) { return " form=" + std::to_string(static_cast<int>(a.form)); },
          [](const OpenManifest& a) { return " id=" + a.id; },
          [](const ResendParkedRecord& a) { return " code=" + a.code; },
          [](const TransferTicket& a) { return " to_area=" + a.to_area; },
          [](const ScoreCardCommand& a) {
            return std::visit(
                Overloaded{[](const scorecard::OpenDossier& o) { return " open code=" + o.code; },
                           [](const scorecard::ExportScoreCard& e) {
                             return " export kind=" + e.kind + " format=" + reports::ExportFormatKey(e.format);
                           },
                           [](const scorecard::SelectUnit& u) { return " unit=" + u.unit; },
                           [](const scorecard::ChangeMonth& m) { return " month_delta=" + std::to_string(m.delta); },
                           [](const scorecard::SwitchLanguage& l) { return std::string(" lang=") + LangCode(l.lang); },
                           [](const scorecard::Refresh&) { return std::string(" refresh"); }},
                a.action);
          },
          [](const auto&) { return std::string(); },
      },
      action);
  return kActionNames[action.index()] + details;
}

Status ApplyCounterAction(CounterModel& model, const CounterBackend& backend, const CounterAction& action) {
  const bool always = std::holds_alternative<SubmitLogin>(action) || std::holds_alternative<SwitchLanguage>(action) ||
                      std::holds_alternative<ScanReceived>(action);
  if (!model.session && !always) return Invalid("session", "not_signed_in", "sign in first");
  if (model.session && model.lock.is_locked && !always && !std::holds_alternative<SubmitUnlock>(action) &&
      !std::holds_alternative<SignOut>(action))
    return Conflict("session", "screen_locked", "unlock the screen first");
  if (model.session && !std::holds_alternative<SubmitLogin>(action) && !model.lock.is_locked)
    model.last_activity_at = backend.now;
  return std::visit([&](const auto& a) { return internal::Apply(model, backend, a); }, action);
}

namespace internal {

workflow::Actor ActorOf(const CounterModel& model, const CounterBackend& backend) {
  MOTCUA_ASSERT(model.session.has_value(), "ActorOf needs a session; ApplyCounterAction checks it");
  const workflow::Role role = SessionRole(model.session).value_or(workflow::Role::kPostal);
  const std::string station = backend.station != nullptr ? backend.station->paths.station_id : "";
  return {model.session->user_name, role, station};
}

Status RequirePermission(const CounterModel& model, workflow::Permission p) {
  const std::optional<workflow::Role> role = SessionRole(model.session);
  if (!role) return Invalid("role", "not_allowed", "the session has no known role");
  workflow::Actor actor{model.session->user_name, *role, ""};
  return workflow::Require(actor, p);
}

void SetNotice(CounterModel& model, std::string key, std::string arg, Tone tone) {
  model.notice_key = std::move(key);
  model.notice_arg = std::move(arg);
  model.notice_tone = tone;
}

Status Apply(CounterModel& model, const CounterBackend& backend, const SubmitLogin& a) {
  return ApplySubmitLogin(model, backend, a);
}

Status Apply(CounterModel& model, const CounterBackend& backend, const SubmitUnlock& a) {
  if (!model.lock.is_locked) return Ok();
  LockModel& lock = model.lock;
  Result<SessionUser> user = [&]() -> Result<SessionUser> {
    if (a.password.empty()) return Invalid("password", "required", "password is empty");
    return backend.auth->Reauthenticate(model.session->user_name, a.password, backend.now);
  }();
  if (user.has_value()) {
    lock = {};
    model.last_activity_at = backend.now;
    return Ok();
  }
  lock.error = user.error();
  ++lock.error_serial;
  lock.locked_until.reset();
  if (user.error().rule == "account_locked")
    lock.locked_until = backend.auth->LockedUntil(model.session->user_name, backend.now);
  return std::move(user.error());
}

Status Apply(CounterModel& model, const CounterBackend& backend, const LockScreen&) {
  SaveDraftIfDirty(model, backend);
  model.lock = {};
  model.lock.is_locked = true;
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const SignOut&) {
  SaveDraftIfDirty(model, backend);
  const Lang lang = model.lang;
  const std::string station = model.station_name;
  const std::string version = model.app_version;
  std::optional<FileJob> job = std::move(model.file_job);
  if (job) job->progress->cancel = true;  // the worker stops soon; the future's destructor waits
  std::optional<PrintJob> print = std::move(model.print_job);
  std::vector<OpenerRun> openers = std::move(model.opener.running);  // still reaped after sign-out
  model = CounterModel{};
  model.opener.running = std::move(openers);
  model.lang = lang;
  model.station_name = station;
  model.app_version = version;
  model.login.notice_key = "login.signed_out";
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend&, const SwitchLanguage& a) {
  model.lang = a.lang;
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const ScanReceived& a) {
  if (!model.session) {
    model.login.notice_key = "login.scan_needs_login";
    return Ok();
  }
  if (model.lock.is_locked) return Ok();  // nothing is read while the screen is locked
  // A queue ticket first: its "MCQ:" would otherwise be taken for a postal lookup or junk.
  if (IsTicketScan(a.text)) return ApplyTicketScan(model, backend, a.text);
  if (model.screen == kScreenPostal && RoutePostalScan(model, backend, a.text)) return Ok();
  switch (ClassifyScan(a.text)) {
    case ScanKind::kCccd: {
      if (!SessionCan(model.session, workflow::Permission::kReceive)) {
        SetNotice(model, "notice.scan_not_for_role", "", Tone::kWarning);
        return Ok();
      }
      return ApplyCccdScan(model, backend, a.text, a.source);
    }
    case ScanKind::kReceiptToken: {
      Result<codes::ReceiptToken> token = codes::VerifyReceiptToken(a.text, backend.station->desk.center_key);
      if (!token.has_value()) {
        SetNotice(model, "notice.scan_error", ErrorMessage(model.lang, token.error()), Tone::kDanger);
        return std::move(token.error());
      }
      Result<std::optional<dossier::Dossier>> d = backend.station->store->GetDossier(token->dossier_code);
      if (d.has_value() && d->has_value() && (*d)->lookup_secret != token->lookup_secret) {
        Error e = Invalid("receipt_token", "secret_mismatch", "the token's lookup secret is not the dossier's");
        SetNotice(model, "notice.scan_error", ErrorMessage(model.lang, e), Tone::kDanger);
        return e;
      }
      return Apply(model, backend, OpenDossier{token->dossier_code});
    }
    case ScanKind::kDossierCode:
      return Apply(model, backend, OpenDossier{std::string(Trim(a.text))});
    case ScanKind::kOther:
      SetNotice(model, "notice.scan_unknown", "", Tone::kWarning);
      return Ok();
  }
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const Navigate& a) {
  const ScreenSpec* spec = FindScreen(a.screen);
  if (spec == nullptr) return Invalid("screen", "unknown_screen", "no screen " + a.screen);
  if (!SessionCan(model.session, spec->permission)) {
    SetNotice(model, "notice.screen_not_for_role", "", Tone::kWarning);
    return Invalid("role", "not_allowed", "this role may not open " + a.screen);
  }
  if (a.screen == kScreenDossier && !model.dossier.dossier) return Ok();
  SaveDraftIfDirty(model, backend);
  if (a.screen == kScreenIntake && !model.intake.active && !model.intake.outcome)
    return Apply(model, backend, StartIntake{});
  EnterScreen(model, backend, a.screen);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const GoBack&) {
  SaveDraftIfDirty(model, backend);
  if (model.screen == kScreenDossier) return Apply(model, backend, CloseDossier{});
  if (model.screen == kScreenPostal && model.postal.open) return Apply(model, backend, CloseManifest{});
  if (model.screen == kScreenIntake) {
    // The draft stays (in memory and in the store): F2 brings it back.
    if (model.intake.active) SetNotice(model, "notice.draft_kept");
    if (model.intake.active && !model.intake.draft.manifest_id.empty() &&
        SessionCan(model.session, workflow::Permission::kPostalHandover)) {
      EnterScreen(model, backend, kScreenPostal);
      return Ok();
    }
    if (SessionCan(model.session, workflow::Permission::kProcess)) {
      EnterScreen(model, backend, kScreenWorklist);
      return Ok();
    }
  }
  const std::string home = HomeScreen(model.session);
  if (model.screen != home) EnterScreen(model, backend, home);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const DismissNotice&) {
  (void)backend;
  model.notice_key.clear();
  model.notice_arg.clear();
  model.offline.forwarded.reset();  // the forwarding report shares the notice's line (shell_view.cpp)
  return Ok();
}

// ---- score card (supervisors) --------------------------------------------------------------------

Status LoadScoreCard(CounterModel& model, const CounterBackend& backend) {
  ScoreCardModel& sc = model.scorecard;
  sc.stale = false;
  if (backend.station == nullptr || !SessionCan(model.session, Permission::kViewScores)) {
    sc.scored.reset();  // no score data for a role that may not see it
    sc.today.reset();
    sc.trend.reset();
    return Ok();
  }
  if (sc.year == 0) {
    const std::chrono::year_month_day today{LocalDateVn(backend.now)};
    sc.year = int(today.year());
    sc.month = unsigned(today.month());
  }
  Station& st = *backend.station;
  auto fail = [&](Error e) -> Status {
    sc.error = e;
    sc.scored.reset();
    sc.today.reset();
    sc.trend.reset();
    return e;
  };
  Result<scoring::StoreScore> scored = scoring::ScoreStore(
      *st.store, st.status_map, *st.calendar, indicators::MonthPeriod(sc.year, sc.month), indicators::Grouping::kUnit);
  if (!scored.has_value()) return fail(std::move(scored.error()));
  const reports::Sources src{&scored->report, &scored->records, st.store.get(), &*st.calendar};
  Result<reports::WorkToday> today = reports::BuildWorkToday(src, backend.now);
  if (!today.has_value()) return fail(std::move(today.error()));
  Result<reports::TrendReport> trend = reports::BuildStoreTrend(*st.store, st.status_map, *st.calendar, sc.year,
                                                                sc.month, kScoreCardTrendMonths);
  if (!trend.has_value()) return fail(std::move(trend.error()));
  sc.error.reset();
  sc.scored = std::move(scored).value();
  sc.today = std::move(today).value();
  sc.trend = std::move(trend).value();
  sc.loaded_at = backend.now;
  bool unit_listed = sc.selected_unit.empty();
  for (const indicators::ScoreCard& card : sc.scored->report.breakdown)
    if (card.key == sc.selected_unit) unit_listed = true;
  if (!unit_listed) sc.selected_unit.clear();  // the unit had no dossiers this month: show the center
  return Ok();
}

namespace {

Status ExportScoreCardFile(CounterModel& model, const CounterBackend& backend, const scorecard::ExportScoreCard& a) {
  ScoreCardModel& sc = model.scorecard;
  Station& st = *backend.station;
  const reports::StoreReportRequest request{.kind = a.kind,
                                            .year = sc.year,
                                            .month = sc.month,
                                            .unit = sc.selected_unit,
                                            .months = kScoreCardTrendMonths,
                                            .now = backend.now,
                                            .center_name = st.desk.settings.receiving_unit};
  const std::filesystem::path dir = st.paths.data_dir / "exports";
  const std::string path = (dir / reports::ReportFileName(request, a.format)).string();
  Status written = [&]() -> Status {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return Unavailable("path", "write_failed", "cannot create " + dir.string() + ": " + ec.message());
    MOTCUA_ASSIGN_OR_RETURN(reports::Document doc,
                            reports::BuildStoreReport(*st.store, st.status_map, *st.calendar, request));
    return reports::WriteDocument(doc, path, a.format);
  }();
  if (!written.has_value()) {
    sc.error = written.error();
    return written;
  }
  sc.error.reset();
  sc.export_path = path;
  SetNotice(model, "scorecard.exported", path, Tone::kSuccess);
  return Ok();
}

}  // namespace

Status Apply(CounterModel& model, const CounterBackend& backend, const ScoreCardCommand& c) {
  if (const auto* open = std::get_if<scorecard::OpenDossier>(&c.action))
    return Apply(model, backend, OpenDossier{open->code});  // kProcess, checked there
  if (const auto* lang = std::get_if<scorecard::SwitchLanguage>(&c.action))
    return Apply(model, backend, SwitchLanguage{lang->lang});
  MOTCUA_TRY(RequirePermission(model, Permission::kViewScores));
  ScoreCardModel& sc = model.scorecard;
  return std::visit(
      Overloaded{
          [&](const scorecard::ExportScoreCard& a) -> Status {
            if (sc.year == 0) {
              MOTCUA_TRY(LoadScoreCard(model, backend));
            }
            return ExportScoreCardFile(model, backend, a);
          },
          [&](const scorecard::SelectUnit& a) -> Status {
            sc.selected_unit = a.unit;
            return Ok();
          },
          [&](const scorecard::ChangeMonth& a) -> Status {
            if (sc.year == 0) {
              MOTCUA_TRY(LoadScoreCard(model, backend));
            }
            const int current = [&] {
              const std::chrono::year_month_day today{LocalDateVn(backend.now)};
              return int(today.year()) * 12 + int(unsigned(today.month())) - 1;
            }();
            // Months after the current one have no dossiers yet: the card stays on the current month.
            const int target = std::min(sc.year * 12 + int(sc.month) - 1 + a.delta, current);
            if (target < 0) return Ok();
            sc.year = target / 12;
            sc.month = unsigned(target % 12 + 1);
            return LoadScoreCard(model, backend);
          },
          [&](const scorecard::Refresh&) -> Status { return LoadScoreCard(model, backend); },
          [](const auto&) -> Status { return Ok(); },
      },
      c.action);
}

}  // namespace internal
}  // namespace motcua::ui
