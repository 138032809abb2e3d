// The counter app's model, with no UI library: what the screens are built from and the only way
// they change. counter/main.cpp owns one CounterModel and one Station, and every frame:
//   1. TickCounter(): collects finished background jobs (scans, imports, prints), locks the screen
//      after the idle time, saves a changed intake draft, reads what other stations journaled
//      (LiveModel), refreshes a stale work list;
//   2. builds the current screen's view (Make*View, pure) and draws it (counter/screens/);
//   3. applies the actions the screen and the scanner produced with ApplyCounterAction, through
//      the core (workflow/desk.h, postal/manifest.h, auth/login.h).
// Tests do the same without a display (tests/ui_model).
//
// Threads. Everything here runs on the UI thread except the jobs it starts: a scan (SANE), a file
// import, and rendering + printing a form (cairo, CUPS) run on worker threads and touch only their
// own inputs, the file store's directory and the forms directory; the store is used on the UI thread
// only. One file job and one print job at a time: the scanner and the printer are single devices.
// "Mở" on a printed PDF starts a child process (the desktop's opener) that is reaped, never waited for.
//
// Screens (CounterScreens) are a list, not a switch: a screen is a row there plus its view builder and
// its Draw function (counter/screens/registry.cpp), so new screens join without touching main.cpp.
#pragma once

#include <array>
#include <atomic>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/search.h"
#include "common/result.h"
#include "common/time.h"
#include "print/form_pdf.h"
#include "print/printer.h"
#include "queue/areas.h"
#include "queue/queue.h"
#include "reports/lists.h"
#include "scan/sane_scanner.h"
#include "scan/scanner_device.h"
#include "scoring/store_scoring.h"
#include "store/change_feed.h"
#include "store/store.h"
#include "ui_model/auth.h"
#include "ui_model/counter_actions.h"
#include "ui_model/offline_station.h"
#include "ui_model/station.h"
#include "ui_model/strings.h"
#include "ui_model/sync_snapshot.h"
#include "ui_model/tone.h"

namespace motcua::ui {

class SyncRunner;  // sync_runner.h

// ---- screens -------------------------------------------------------------------------------------

inline constexpr std::string_view kScreenIntake = "intake";
inline constexpr std::string_view kScreenWorklist = "worklist";
inline constexpr std::string_view kScreenDossier = "dossier";
inline constexpr std::string_view kScreenPostal = "postal";
inline constexpr std::string_view kScreenSettings = "settings";
inline constexpr std::string_view kScreenScoreCard = "scorecard";  // supervisors (Permission::kViewScores)
inline constexpr std::string_view kScreenSync = "sync";  // the provincial sync and its refused records

struct ScreenSpec {
  std::string_view key;        // "intake"
  std::string_view label_key;  // string-table key of the tab label
  std::string_view hotkey;     // printed on the tab and bound by the app ("F2"); "" = none
  workflow::Permission permission;  // who sees the tab (the core checks every action anyway)
  bool in_nav = true;          // false: opened from another screen (the dossier view)
};

// Every screen after sign-in, in tab order.
std::span<const ScreenSpec> CounterScreens();
const ScreenSpec* FindScreen(std::string_view key);
// The role of a session ("officer", ...) parsed; kOfficer for an unknown key is never assumed: an
// unknown role may do nothing (nullopt).
std::optional<workflow::Role> SessionRole(const std::optional<SessionUser>& session);
bool SessionCan(const std::optional<SessionUser>& session, workflow::Permission p);

// ---- background jobs -----------------------------------------------------------------------------

// Shared between the UI thread and a worker: progress the worker reports and a stop request.
struct JobProgress {
  std::atomic<int> page{0};                  // 1-based page being read (0 = not started)
  std::atomic<std::int64_t> bytes_read{0};   // of this page
  std::atomic<std::int64_t> bytes_expected{0};  // of this page; -1 unknown
  std::atomic<bool> cancel{false};           // the UI asks the worker to stop
};

// Where a scanned or imported file goes when its job finishes.
enum class FileTargetKind { kIntakeComponent, kDossierComponent, kDossierResult };
struct FileTarget {
  FileTargetKind kind = FileTargetKind::kIntakeComponent;
  int index = 0;              // component or result slot
  std::string dossier_code;   // kDossier*
  std::string result_name;    // kDossierResult: the result document's name
  std::string result_code;    // kDossierResult
  bool e_signed = false;      // kDossierResult
};

struct FileJob {
  FileTarget target;
  bool is_scan = true;         // false: an import
  std::string label;           // the component's or result's name, for the progress line
  std::shared_ptr<JobProgress> progress = std::make_shared<JobProgress>();
  std::future<Result<dossier::Attachment>> result;
};

// What a print job did: the PDF is always written first (forms/), then sent to the queue if any.
struct PrintJobResult {
  Status written;                                   // writing the PDF
  std::optional<Result<print::PrintOutcome>> sent;  // unset: no printer configured, or the write failed
};

enum class PrintPhase { kWorking, kPrinted, kQueued, kSavedOnly, kFailed };

struct PrintJob {
  std::string form_key;      // string key of the form's name, e.g. "form.receipt"
  std::string dossier_code;  // "" for slips with no dossier and for books
  std::string pdf_path;
  std::string title;         // CUPS job title
  PrintPhase phase = PrintPhase::kWorking;
  std::optional<Error> error;   // kFailed: why (writing, or the printer)
  std::string cups_message;     // CUPS' last word on the job or printer
  std::string queue;            // the CUPS queue of the latest attempt; "" = none set (PDF only)
  int cups_job_id = 0;          // kPrinted, kQueued: CUPS' job number; 0 otherwise
  bool is_saved = false;        // the PDF is at pdf_path (false while working and when writing failed)
  std::future<PrintJobResult> future;
  int attempts = 1;             // 2 after a reprint, ...
  // Makes the PDF again (a pure function of what was printed) if the file is gone at a reprint.
  std::function<Result<print::PdfDocument>()> render;
};

// "Mở": the desktop's opener started on a printed form's PDF (OpenPrintedPdf). The program is
// $MOTCUA_OPENER, else kDefaultOpener (package xdg-utils), run as `<opener> <path>` with no shell.
// It is spawned, never waited for on the UI thread: PollJobs reaps it with waitpid(WNOHANG), since a
// viewer the opener runs in the foreground may stay open all day.
inline constexpr const char* kDefaultOpener = "xdg-open";

struct OpenerRun {
  int pid = 0;
  std::string opener;  // the program as started ("xdg-open")
  std::string path;    // the PDF
};

struct OpenerModel {
  std::vector<OpenerRun> running;  // started, not yet reaped
  // The last failure, until the next "Mở": ("path", "no_such_file"): the PDF is gone;
  // ("opener", "opener_not_found"): no such program; ("opener", "opener_failed"): it exited with
  // exit_code (xdg-open: 2 no such file, 3 no program for PDF, 4 the program failed) or was killed
  // (exit_code 128 + signal).
  std::optional<Error> error;
  std::string opener;  // with error: the program
  std::string path;    // with error: the PDF
  int exit_code = 0;   // with ("opener", "opener_failed")
};

// ---- file picker -----------------------------------------------------------------------------------

struct FileEntry {
  std::string name;         // file or folder name
  std::string path;         // full path
  bool is_dir = false;
  std::int64_t size_bytes = 0;
};

// A folder listing for importing files (PDF, JPEG, PNG and folders only), read when asked.
struct FileBrowserModel {
  std::string dir;
  std::vector<FileEntry> entries;  // folders first, then files, each by name
  std::optional<Error> error;
};

// ---- intake --------------------------------------------------------------------------------------

struct DraftComponent {
  std::string code;            // the catalog's component code
  std::string name;
  std::string group;           // its case ("" or "Giấy tờ phải nộp": every case)
  bool required = true;
  int originals = 0;
  int copies = 0;
  ComponentMode mode = ComponentMode::kMissing;
  std::vector<dossier::Attachment> files;  // kFile: one PDF per scan or import, in order
  std::string reused_result_code;          // kReused
};

// Whether a CCCD scan may have lost its Vietnamese letters (issue 16: "Nguyễn" arrived as "Nguyn" from a
// keyboard wedge and was accepted silently). The QR is UTF-8 (codes/cccd.h), and a real card's text carries
// diacritics: the address always (every administrative unit is named with them: "Phường", "Xã", "Thị trấn",
// "Quận", "Huyện", "Tỉnh", "Thành phố"; domain.md §5 samples), the name nearly always. A scanner typing key
// presses on a US layout cannot type those letters, and drops them or types the plain letter instead.
// Rule: true iff `source` is ScanSource::kKeyboard AND neither `name` nor `address` holds a code point above
// U+007F. So:
//   - every serial scan is trusted (its bytes are the QR's own);
//   - a keyboard scan with any non-ASCII letter in the name or the address is trusted: the path carried Unicode
//     (an IME, or a scanner sending Alt+numpad), so nothing was dropped;
//   - a genuinely plain-ASCII name ("Lam Ha" is rare but real) on a keyboard scan is still trusted when its
//     address carries diacritics, as every real address does; it is flagged only when both are plain ASCII.
// A flagged scan still fills the form (the ID number and dates are digits and safe); the officer corrects the
// letters from the card or confirms them (IntakeDraft::diacritics_unchecked).
bool CardTextMayHaveLostDiacritics(ScanSource source, std::string_view name, std::string_view address);

// The intake in progress. Persisted (a scratch record, store.h: kind "scratch.intake_draft", key
// "<station>/<user>") after every change, so neither Esc nor a crash loses it.
struct IntakeDraft {
  dossier::IdType id_type = dossier::IdType::kCccd;
  std::string id_number;
  std::string name;
  std::string phone;
  std::string email;
  std::string address;
  std::string birth_date_text;  // "15/04/1990" from the CCCD QR, to compare with the card; "" if typed
  std::string sex;              // "Nam" / "Nữ" from the CCCD QR
  bool from_cccd = false;       // the applicant came from a CCCD scan
  std::string cccd_warning;     // rule of codes::CheckCccdConsistency ("" = consistent)
  // The CCCD scan may have lost its diacritics (CardTextMayHaveLostDiacritics): F10 and the slips are refused
  // (applicant.name / "diacritics_unchecked") until the officer corrects the name and address so both carry
  // Vietnamese letters, or confirms them as shown (ConfirmCardText). Default false.
  bool diacritics_unchecked = false;

  std::string procedure_query;
  std::string procedure_code;   // "" = none picked yet
  std::vector<std::string> cases;           // chosen case groups
  std::vector<DraftComponent> components;   // every component of the procedure, in catalog order

  dossier::Channel channel = dossier::Channel::kCounter;
  std::string received_at_text;  // postal channel only: "DD/MM/YYYY HH:MM" (common/time.h ParseTypedMinute)
  dossier::Delivery delivery = dossier::Delivery::kCounter;
  std::string delivery_address;
  int sets = 1;

  std::string manifest_id;      // set: this intake is an item for an inbound postal manifest
  std::string parcel_number;    // its Phiếu gửi number
  Instant started_at{};
  // The intake's idempotency key (workflow/desk.h), fixed and saved with the draft at the first F10, so
  // an F10 repeated after a crash or a lost reply gives back the dossier already received.
  std::string request_id;
};

// Serialised form of a draft (JSON), for the store record. Errors: kCorrupt/"bad_draft".
std::string DraftToJson(const IntakeDraft& draft);
Result<IntakeDraft> DraftFromJson(std::string_view json);

// Whether a component counts for the chosen cases (groups published for every case always count).
bool ComponentApplies(const IntakeDraft& draft, const DraftComponent& c);
// Indices of applicable required components still kMissing, in order.
std::vector<int> MissingComponents(const IntakeDraft& draft);
// The core's request for the draft at `now`. Errors: ("procedure_code", "missing"); ("components",
// "missing_required_component") naming the first missing paper in the detail; ("received_at",
// "bad_datetime").
Result<workflow::IntakeRequest> BuildIntakeRequest(const IntakeDraft& draft);

enum class IntakeFocus {
  kNone, kIdNumber, kName, kPhone, kEmail, kAddress, kProcedureSearch, kComponents, kDeliveryAddress
};

struct IntakeOutcome {
  enum class Kind { kReceived, kSupplementSlip, kRefusalSlip, kAddedToManifest };
  Kind kind = Kind::kReceived;
  std::string dossier_code;
  std::optional<Instant> due_at;
  std::vector<std::string> warnings;  // e.g. "due_at_provisional"
  std::string manifest_id;
  std::string applicant_name;
};

struct IntakeModel {
  bool active = false;               // a draft exists (in memory and in the store)
  IntakeDraft draft;
  std::vector<catalog::SearchHit> hits;  // for draft.procedure_query, best first
  std::optional<Error> error;        // the last refusal (bad scan, refused confirm), at its field
  int error_serial = 0;
  std::vector<int> flagged;          // components marked red by the last refused confirm
  std::optional<IntakeOutcome> outcome;  // after confirm or a slip, until the next intake
  IntakeFocus focus = IntakeFocus::kIdNumber;  // where the caret goes when focus_serial changes
  int focus_serial = 0;
  bool dirty = false;                // the draft changed since it was saved
  bool resumed = false;              // restored from the store at sign-in or from an earlier Esc
};

// ---- work list -----------------------------------------------------------------------------------

struct WorklistRow {
  std::string code;
  std::string applicant_name;
  std::string applicant_id;
  std::string procedure_code;
  std::string procedure_name;
  std::string processing_unit;
  dossier::State state = dossier::State::kReceived;
  workflow::Urgency urgency = workflow::Urgency::kOnTrack;
  Instant received_at{};
  std::optional<Instant> due_at;
  std::string received_text;  // "12/03/2026 08:30" (Vietnam time)
  std::string due_text;       // "" when there is no due date
  std::string search_name;    // FoldForSearch(applicant_name)
};

inline constexpr int kUrgencyCount = 7;  // workflow::Urgency values

struct WorklistModel {
  // The cached query result: loaded when stale (after a change, on entering the screen, or after
  // kWorklistRefreshSeconds), never per frame.
  std::vector<WorklistRow> rows;
  std::vector<int> visible;  // rows passing the filters, most urgent first (then due, then code)
  std::array<int, kUrgencyCount> urgency_counts{};  // over rows passing every filter but urgency
  std::vector<std::pair<std::string, std::string>> procedures;  // (code, name) present in rows
  bool stale = true;
  std::optional<Instant> loaded_at;
  std::string search;
  std::string state_key = "open";
  std::string procedure_code;
  std::optional<workflow::Urgency> urgency;
  bool only_own_unit = true;
  std::optional<Error> error;
  std::string selected_code;
};

inline constexpr int kWorklistRefreshSeconds = 30;
inline constexpr int kWorklistMaxRows = 20000;

// Recomputes visible rows and counts from rows and the filters (no store access).
void FilterWorklist(WorklistModel& w);
// True when `row` matches the search text: a code or ID prefix, or every word a prefix of a word of
// the name (diacritics ignored).
bool WorklistRowMatches(const WorklistRow& row, std::string_view folded_query, std::string_view upper_query);

// ---- dossier view --------------------------------------------------------------------------------

struct DossierModel {
  std::optional<dossier::Dossier> dossier;
  std::vector<store::JournalEvent> journal;  // the dossier's events, oldest first
  std::optional<Error> error;
  int error_serial = 0;
  std::string error_form;    // which form the error belongs to: an ActionKey, "apology", "component",
                             // "result", "postal", "print"
  std::string error_arg;     // {next} in the error's text: the next working instant an apology may use
  std::string notice_key;    // a success line, e.g. "dossier.notice.saved"
  std::string back_screen;   // where Esc goes
};

// ---- postal --------------------------------------------------------------------------------------

struct PostalModel {
  std::vector<postal::Manifest> manifests;  // recent, newest change first (cached)
  std::vector<postal::AwaitingResult> awaiting;
  bool stale = true;
  std::optional<postal::Manifest> open;     // the manifest on screen
  std::optional<Error> error;
  int error_serial = 0;
  std::string notice_key;
  std::string notice_arg;
};

// ---- settings ------------------------------------------------------------------------------------

struct SettingsModel {
  std::optional<Error> error;
  int error_serial = 0;
  std::string notice_key;
  std::vector<scan::ScannerInfo> scanners;
  std::optional<Error> scanner_error;
  bool scanners_listed = false;
  std::future<Result<std::vector<scan::ScannerInfo>>> scanner_job;
  std::vector<print::QueueInfo> queues;
  std::optional<Error> queue_error;
  bool queues_listed = false;
  std::future<Result<std::vector<print::QueueInfo>>> queue_job;
  std::vector<scan::FoundScannerDevice> code_scanners;  // found by FindScanners (scan/scanner_device.h)
};

// A code scanner read as its own device (station.<id>.scanner_mode serial or evdev; scan/scanner_device.h).
// counter/main.cpp copies the device's state here each frame; the shell shows ScannerBanner's sentence
// while the device is missing or the last scan was refused, and the settings screen its state.
struct ScannerDeviceModel {
  std::string path;               // "" = none configured (a keyboard wedge only)
  std::optional<Error> error;     // why it is not connected (ScannerDevice::last_error); nullopt = connected
  std::optional<Error> refused;   // the last scan it refused (not UTF-8, too long, keys lost); cleared by the
                                  //   next good scan
};

// ---- score card (supervisors) --------------------------------------------------------------------

// The 766 score card of one month, scored by unit from the store when the screen is entered, on
// Refresh and on a month change (never per frame: scoring a month reads every dossier). The view is
// built from it by MakeScoreCardView(model, now) (scorecard_view.h). Exports go to
// <data dir>/exports/ (reports/store_report.h names the file).
struct ScoreCardModel {
  int year = 0;               // the month shown; 0 = not chosen yet: the month of "now" on entering
  unsigned month = 0;
  std::string selected_unit;  // "" = the whole center
  std::optional<scoring::StoreScore> scored;  // Grouping::kUnit; unset before the first load or on error
  std::optional<reports::WorkToday> today;
  std::optional<reports::TrendReport> trend;  // kScoreCardTrendMonths months ending with the month
  bool stale = true;
  std::optional<Instant> loaded_at;  // when `scored` was computed: the card's "as of"
  std::optional<Error> error;        // the last failed load or export
  std::string export_path;           // the last file written ("" = none yet)
};
inline constexpr int kScoreCardTrendMonths = 6;

// ---- sync (the provincial system) ------------------------------------------------------------------

// The shell's badge and the sync screen read this copy of the runner's snapshot (sync_runner.h),
// taken by TickCounter when the runner published a new one: never a store read on the frame.
struct SyncModel {
  std::optional<SyncSnapshot> snapshot;  // unset: no runner, or it has not published yet
  std::optional<Error> error;            // the last refused "Gửi lại"
  int error_serial = 0;
  std::string notice_key;                // "sync.notice.resent"
  std::string notice_arg;                // its dossier code
};

// ---- the queue call panel (issue 14) ---------------------------------------------------------------

// A line this counter calls, with how many wait in it now.
struct QueueLineCount {
  queue::Area area;
  std::int64_t waiting_priority = 0;
  std::int64_t waiting_normal = 0;
};

// The shell's call panel: shown to an account with Permission::kReceive at a station whose
// DeviceSettings::queue_counter is set. Read from the store by LoadQueuePanel: by TickCounter when
// the last read is kQueueRefreshSeconds old (a kiosk issues tickets meanwhile), and at once after
// each queue action; never per frame.
//
// Linking. A dossier received at this counter while `serving` is called is remembered in
// `dossier_codes` (for the ticket `linked_ticket_key`); "Xong", "Gọi số tiếp theo" and a ticket
// scan finish the ticket with them (queue::Finish) before anything else is called, because the
// core's CallNext/CallTicket finish the counter's ticket without dossiers. The list lives in memory
// only: a restart of the app in the middle of serving one citizen loses the link, not the dossiers.
struct QueuePanelModel {
  std::string counter;                         // the counter read ("" = the panel is hidden)
  std::optional<queue::Ticket> serving;        // the counter's called ticket (queue::CurrentTicket)
  std::vector<QueueLineCount> lines;           // queue::AreasForCounter, by letter
  std::vector<queue::Area> areas;              // every area, for "Chuyển" (transfer)
  std::vector<queue::PriorityGroup> priority_groups;  // names for a ticket's priority key
  bool groups_loaded = false;                  // read once (assets/queue/priority_groups.json)
  std::optional<Instant> loaded_at;            // the last read; unset = never read
  bool stale = true;                           // read at the next tick
  std::optional<Error> load_error;             // the last failed read (the panel says so)
  std::optional<Error> error;                  // the last refused queue action, in words on the panel
  std::string error_arg;                       // its {arg}: the ticket, area or day concerned
  int error_serial = 0;
  std::string notice_key;                      // "queue.notice.called", ... ("" = none)
  std::string notice_arg;                      // its {arg}: a ticket label
  std::string notice_area;                     // its {area}: where a ticket was transferred
  std::string linked_ticket_key;               // the ticket `dossier_codes` were received for
  std::vector<std::string> dossier_codes;      // at most queue::kMaxDossiersPerTicket, no repeats
};

inline constexpr int kQueueRefreshSeconds = 2;

// ---- following the journal (issue 15) ----------------------------------------------------------------

// What other stations write, as the app's JournalWatcher (live_journal.h) sees it: counter/main.cpp
// copies the watcher's snapshot here before each TickCounter. TickCounter reads the events past
// read_seq (at most kLiveReadEvents a tick) and marks stale what they touch: an event of a dossier the
// work list, a "queue." event the call panel. While the feed pushes (PostgreSQL) and is connected, that
// is how they refresh: the work list's kWorklistRefreshSeconds and the panel's kQueueRefreshSeconds
// clocks then apply only without a watcher, on SQLite, or while the feed is reconnecting. While it is
// reconnecting the shell shows LiveBanner's sentence.
struct LiveModel {
  bool watching = false;       // a watcher fills head_seq and status (false: the clocks alone)
  std::int64_t head_seq = 0;   // the journal's head as the feed last read it
  store::FeedStatus status;
  std::int64_t read_seq = -1;  // the events read up to here; -1 = not yet (set to head_seq at first)
  std::optional<Error> error;  // the last failed read of the journal (retried next tick)
};
inline constexpr int kLiveReadEvents = 500;

// True when the lists refresh on the feed's word alone (see LiveModel).
bool LivePushes(const LiveModel& live);

// ---- the model -------------------------------------------------------------------------------------

struct LoginModel {
  std::optional<Error> error;           // the last failed attempt, shown under the form
  int error_serial = 0;                 // +1 per failed attempt: the screen refocuses on a change
  std::optional<Instant> locked_until;  // set with an "account_locked" error, UTC
  std::string notice_key;               // string key of a one-line notice, "" for none
};

struct LockModel {
  bool is_locked = false;
  std::optional<Error> error;
  int error_serial = 0;
  std::optional<Instant> locked_until;
};

struct CounterModel {
  Lang lang = Lang::kVi;
  std::string station_name;   // e.g. "Quầy 3"
  std::string app_version;    // e.g. "0.1.0"
  LoginModel login;
  std::optional<SessionUser> session;  // set once signed in
  LockModel lock;
  std::optional<Instant> last_activity_at;  // the last input; the screen locks after the idle time
  int idle_lock_minutes = 10;               // from auth::AuthSettings at sign-in

  std::string screen = std::string(kScreenWorklist);
  std::string notice_key;     // a line in the top bar ("notice.scan_opened"), "" = none
  std::string notice_arg;     // its {arg}
  Tone notice_tone = Tone::kInfo;

  std::vector<std::string> recent_procedures;  // codes, most recent first (at most 9)
  IntakeModel intake;
  WorklistModel worklist;
  DossierModel dossier;
  PostalModel postal;
  SettingsModel settings;
  ScoreCardModel scorecard;
  SyncModel sync;
  QueuePanelModel queue;
  LiveModel live;
  OfflineModel offline;  // the station's own store in use while the center is unreachable (offline_station.h)
  ScannerDeviceModel scanner_device;
  FileBrowserModel browser;

  std::optional<FileJob> file_job;
  std::optional<PrintJob> print_job;
  OpenerModel opener;
};

// What applying actions needs from outside: the core's services and the time of the frame.
struct CounterBackend {
  Authenticator* auth = nullptr;  // required
  Station* station = nullptr;     // required once signed in
  Instant now{};                  // when the actions are applied (the frame's time)
  SyncRunner* sync = nullptr;     // optional: the background sync (nullptr in most tests)
};

// Applies one action to the model through the core. Errors are also recorded in the model where the
// screen shows them (login error, intake field, dossier form, ...) and returned for logs.
// Before sign-in only SubmitLogin, SwitchLanguage and ScanReceived do anything; while the screen is
// locked only SubmitUnlock, SignOut, SwitchLanguage (and scans, which only show a notice).
Status ApplyCounterAction(CounterModel& model, const CounterBackend& backend, const CounterAction& action);

// Once per frame, before drawing: collects finished jobs, locks after idle time, saves the draft,
// refreshes stale lists. `had_input`: the user pressed, clicked or typed since the last frame.
void TickCounter(CounterModel& model, const CounterBackend& backend, bool had_input);

// For tests and scripted runs: runs TickCounter until no job is pending or `timeout` passes.
// Returns false on timeout.
bool WaitForCounterJobs(CounterModel& model, const CounterBackend& backend,
                        std::chrono::milliseconds timeout = std::chrono::seconds(60));

bool HasPendingJobs(const CounterModel& model);

// True when the shell shows the queue call panel: the session may receive (Permission::kReceive) and
// the station has a queue counter (DeviceSettings::queue_counter).
bool QueuePanelShown(const CounterModel& model, const Station& station);

}  // namespace motcua::ui
