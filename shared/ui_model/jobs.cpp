// Background jobs of the counter: scanning, importing, and rendering + printing forms. Each runs on
// its own std::async thread with copies of its inputs; the UI thread polls the future every frame
// (PollJobs) and applies the result. Nothing here touches the store from a worker. The opener of a
// printed PDF ("Mở") is a child process, spawned and reaped without waiting (OpenerModel).
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "digitize/file_store.h"
#include "print/form_pdf.h"
#include "scan/pages_pdf.h"
#include "ui_model/internal/counter_apply.h"

extern char** environ;

namespace motcua::ui::internal {
namespace {

namespace fs = std::filesystem;

template <class T>
bool IsReady(const std::future<T>& f) {
  return f.valid() && f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

struct PrintInput {
  RenderFn render;
  std::string path;
  std::string queue;
  print::CupsServer server;
  print::PrintOptions options;
  bool reuse_existing_file = false;  // a reprint: send the file already written
};

Result<std::string> ReadWhole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("path", "no_such_file", "cannot read " + path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

PrintJobResult RunPrint(const PrintInput& in) {
  PrintJobResult out;
  std::string bytes;
  Result<std::string> existing = in.reuse_existing_file ? ReadWhole(in.path) : Result<std::string>(std::string());
  if (in.reuse_existing_file && existing.has_value() && !existing->empty()) {
    bytes = std::move(existing).value();
  } else {
    Result<print::PdfDocument> pdf = in.render();
    if (!pdf.has_value()) {
      out.written = pdf.error();
      return out;
    }
    std::error_code ec;
    fs::create_directories(fs::path(in.path).parent_path(), ec);
    out.written = print::WriteFileAtomically(in.path, pdf->bytes);
    if (!out.written.has_value()) return out;
    bytes = std::move(pdf->bytes);
  }
  if (in.queue.empty()) return out;
  out.sent = print::PrintPdf(in.server, in.queue, bytes, in.options);
  return out;
}

std::string Stamp(Instant now, const char* format) {
  const LocalMinute local = ToLocalVn(now);
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day ymd(day);
  const std::chrono::hh_mm_ss<std::chrono::minutes> hm(local - day);
  const auto secs = ToUnixSeconds(now) % 60;
  char buf[40];
  std::snprintf(buf, sizeof buf, format, static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(hm.hours().count()),
                static_cast<int>(hm.minutes().count()), static_cast<int>(secs));
  return buf;
}

void LaunchPrint(PrintJob& job, const Station& station, bool reuse) {
  PrintInput in;
  in.render = job.render;
  in.path = job.pdf_path;
  in.queue = station.devices.printer_queue;
  in.server.address = station.devices.cups_server;
  in.options.title = job.title;
  in.options.wait_ms = station.devices.print_wait_ms;
  in.reuse_existing_file = reuse;
  job.phase = PrintPhase::kWorking;
  job.error.reset();
  job.cups_message.clear();
  job.queue = in.queue;
  job.cups_job_id = 0;
  job.is_saved = false;
  job.future = std::async(std::launch::async, [in = std::move(in)] { return RunPrint(in); });
}

Result<dossier::Attachment> ToAttachment(const digitize::StoredFile& f, std::string file_name) {
  dossier::Attachment a;
  a.sha256 = f.sha256;
  a.mime = f.mime;
  a.pages = f.pages;
  a.size_bytes = f.size_bytes;
  a.file_name = std::move(file_name);
  return a;
}

struct ScanInput {
  DeviceSettings devices;
  fs::path files_root;
  std::string title;
  std::shared_ptr<JobProgress> progress;
};

Result<dossier::Attachment> RunScan(const ScanInput& in) {
  scan::ScanOptions o;
  o.device_name = in.devices.scanner_device;
  o.resolution_dpi = in.devices.scan_dpi;
  o.color_mode = in.devices.scan_color ? scan::ColorMode::kColor : scan::ColorMode::kGray;
  o.source = in.devices.scan_source == "adf"          ? scan::ScanSource::kAdf
             : in.devices.scan_source == "adf_duplex" ? scan::ScanSource::kAdfDuplex
                                                      : scan::ScanSource::kFlatbed;
  std::shared_ptr<JobProgress> progress = in.progress;
  o.cancel_requested = [progress] { return progress->cancel.load(); };
  o.on_progress = [progress](const scan::ScanProgress& p) {
    progress->page = p.page;
    progress->bytes_read = p.bytes_read;
    progress->bytes_expected = p.bytes_expected;
  };
  MOTCUA_ASSIGN_OR_RETURN(std::vector<scan::ScannedPage> pages, scan::ScanPages(o));
  MOTCUA_ASSIGN_OR_RETURN(std::string pdf, scan::PagesToPdf(pages, {.title = in.title}));
  MOTCUA_ASSIGN_OR_RETURN(digitize::StoredFile stored, digitize::StoreBytes(in.files_root, pdf));
  return ToAttachment(stored, in.title + ".pdf");
}

struct ImportInput {
  std::vector<std::string> paths;
  fs::path files_root;
  std::string title;
};

Result<dossier::Attachment> RunImport(const ImportInput& in) {
  if (in.paths.empty()) return Invalid("file", "no_files", "choose at least one file");
  std::vector<std::string> contents;
  std::vector<std::string> mimes;
  for (const std::string& p : in.paths) {
    Result<std::string> bytes = ReadWhole(p);
    if (!bytes.has_value()) return Invalid("file", "unreadable_file", "cannot read " + p);
    MOTCUA_ASSIGN_OR_RETURN(std::string mime, digitize::DetectMime(*bytes));
    mimes.push_back(mime);
    contents.push_back(std::move(bytes).value());
  }
  std::string pdf;
  const bool any_pdf = std::find(mimes.begin(), mimes.end(), "application/pdf") != mimes.end();
  if (any_pdf) {
    // A PDF is kept exactly as the citizen brought it: never re-encoded, never merged.
    if (contents.size() != 1)
      return Invalid("file", "one_pdf_only", "import one PDF alone, or images (JPEG, PNG) as pages");
    pdf = std::move(contents.front());
  } else {
    std::vector<std::string_view> views(contents.begin(), contents.end());
    MOTCUA_ASSIGN_OR_RETURN(pdf, scan::ImagesToPdf(views, {.title = in.title}));
  }
  MOTCUA_ASSIGN_OR_RETURN(digitize::StoredFile stored, digitize::StoreBytes(in.files_root, pdf));
  const std::string name = in.paths.size() == 1 && any_pdf ? fs::path(in.paths.front()).filename().string()
                                                           : in.title + ".pdf";
  return ToAttachment(stored, name);
}

void DeliverFile(CounterModel& model, const CounterBackend& backend, FileJob& job) {
  Result<dossier::Attachment> file = job.result.get();
  if (file.has_value()) {
    file->added_by = model.session ? model.session->user_name : "";
    file->added_at = backend.now;
  }
  if (job.target.kind == FileTargetKind::kIntakeComponent)
    DeliverIntakeFile(model, backend, job.target, std::move(file));
  else
    DeliverDossierFile(model, backend, job.target, std::move(file));
}

void FinishPrint(PrintJob& job) {
  PrintJobResult r = job.future.get();
  if (!r.written.has_value()) {
    job.phase = PrintPhase::kFailed;
    job.error = r.written.error();
    return;
  }
  job.is_saved = true;
  if (!r.sent) {
    job.phase = PrintPhase::kSavedOnly;
    return;
  }
  if (!r.sent->has_value()) {
    job.phase = PrintPhase::kFailed;
    job.error = r.sent->error();
    return;
  }
  const print::PrintOutcome& o = r.sent->value();
  job.cups_message = o.state_message;
  job.cups_job_id = o.job_id;
  job.phase = o.kind == print::PrintOutcome::Kind::kPrinted ? PrintPhase::kPrinted : PrintPhase::kQueued;
}

// Reaps the openers that have ended; an unsuccessful exit becomes the opener error.
void PollOpeners(OpenerModel& o) {
  std::erase_if(o.running, [&o](const OpenerRun& run) {
    int status = 0;
    const pid_t done = ::waitpid(run.pid, &status, WNOHANG);
    if (done == 0) return false;  // still running
    if (done < 0) return true;    // ECHILD: reaped elsewhere; nothing to report
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    if (code != 0) {
      o.error = Unavailable("opener", "opener_failed", run.opener + " " + run.path + " exited with " + std::to_string(code));
      o.opener = run.opener;
      o.path = run.path;
      o.exit_code = code;
    }
    return true;
  });
}

}  // namespace

Status Apply(CounterModel& model, const CounterBackend&, const OpenPrintedPdf&) {
  OpenerModel& o = model.opener;
  o.error.reset();
  o.exit_code = 0;
  if (!model.print_job || !model.print_job->is_saved)
    return Invalid("print", "nothing_to_open", "no printed form has been saved in this session");
  const std::string path = model.print_job->pdf_path;
  const char* env = std::getenv("MOTCUA_OPENER");
  const std::string opener = env != nullptr && *env != '\0' ? env : kDefaultOpener;
  o.opener = opener;
  o.path = path;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    o.error = NotFound("path", "no_such_file", "the PDF " + path + " is gone");
    return *o.error;
  }
  std::vector<char*> argv = {const_cast<char*>(opener.c_str()), const_cast<char*>(path.c_str()), nullptr};
  // The viewer may outlive this session: it gets none of the counter's descriptors (database,
  // sockets) beyond stdin, stdout and stderr.
  posix_spawn_file_actions_t actions;
  ::posix_spawn_file_actions_init(&actions);
  ::posix_spawn_file_actions_addclosefrom_np(&actions, 3);
  pid_t pid = 0;
  // posix_spawnp reports a program that cannot be executed (ENOENT, EACCES) as its result (glibc >= 2.24).
  const int err = ::posix_spawnp(&pid, opener.c_str(), &actions, nullptr, argv.data(), environ);
  ::posix_spawn_file_actions_destroy(&actions);
  if (err != 0) {
    o.error = Unavailable("opener", "opener_not_found", "cannot start " + opener + ": " + std::strerror(err));
    return *o.error;
  }
  o.running.push_back({static_cast<int>(pid), opener, path});
  return Ok();
}

void StartPrint(CounterModel& model, const CounterBackend& backend, std::string form_key, std::string dossier_code,
                std::string stem, RenderFn render) {
  const Station& station = *backend.station;
  PrintJob job;
  job.form_key = std::move(form_key);
  job.dossier_code = std::move(dossier_code);
  fs::path path = station.FormsDir();
  if (!job.dossier_code.empty())
    path = path / job.dossier_code / (stem + ".pdf");
  else
    path = path / Stamp(backend.now, "%04d-%02u-%02u") / (Stamp(backend.now, "%04d%02u%02u-%02d%02d%02d-") + stem + ".pdf");
  job.pdf_path = path.string();
  job.title = stem + (job.dossier_code.empty() ? "" : " " + job.dossier_code);
  // A new print replaces the status line; an earlier job still running finishes on its own thread
  // (its future is waited for here only if it has not finished, which PrintPdf bounds by wait_ms).
  if (model.print_job && model.print_job->phase == PrintPhase::kWorking && model.print_job->future.valid())
    model.print_job->future.wait();
  job.render = std::move(render);
  model.print_job.emplace(std::move(job));
  LaunchPrint(*model.print_job, station, false);
}

Status Apply(CounterModel& model, const CounterBackend& backend, const ReprintLast&) {
  if (!model.print_job) return Invalid("print", "nothing_to_reprint", "no form was printed in this session");
  PrintJob& job = *model.print_job;
  if (job.phase == PrintPhase::kWorking) return Conflict("print", "print_busy", "the printer is still working");
  ++job.attempts;
  // The same file: the same dossier code and token. If writing it failed the first time, the
  // stored render function makes it again (a pure function of the same dossier).
  LaunchPrint(job, *backend.station, true);
  return Ok();
}

Status StartScan(CounterModel& model, const CounterBackend& backend, FileTarget target, std::string label) {
  if (model.file_job) return Conflict("scanner", "job_busy", "a scan or import is running");
  FileJob job;
  job.target = std::move(target);
  job.is_scan = true;
  job.label = label;
  ScanInput in{backend.station->devices, backend.station->desk.files_root, std::move(label), job.progress};
  job.result = std::async(std::launch::async, [in = std::move(in)] { return RunScan(in); });
  model.file_job.emplace(std::move(job));
  return Ok();
}

Status StartImport(CounterModel& model, const CounterBackend& backend, FileTarget target, std::string label,
                   std::vector<std::string> paths) {
  if (model.file_job) return Conflict("scanner", "job_busy", "a scan or import is running");
  if (paths.empty()) return Invalid("file", "no_files", "choose at least one file");
  FileJob job;
  job.target = std::move(target);
  job.is_scan = false;
  job.label = label;
  ImportInput in{std::move(paths), backend.station->desk.files_root, std::move(label)};
  job.result = std::async(std::launch::async, [in = std::move(in)] { return RunImport(in); });
  model.file_job.emplace(std::move(job));
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const BrowseFiles& a) {
  FileBrowserModel& b = model.browser;
  std::string dir = a.dir;
  if (dir.empty()) dir = backend.station->devices.import_dir;
  if (dir.empty()) {
    const char* home = std::getenv("HOME");
    dir = home != nullptr ? home : "/";
  }
  std::error_code ec;
  fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    b.error = Invalid("file", "unreadable_folder", "cannot list " + dir + ": " + ec.message());
    return *b.error;
  }
  std::vector<FileEntry> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const fs::directory_entry& e = *it;
    const std::string name = e.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code type_ec;
    if (e.is_directory(type_ec)) {
      entries.push_back({name, e.path().string(), true, 0});
      continue;
    }
    std::string ext = e.path().extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext != ".pdf" && ext != ".jpg" && ext != ".jpeg" && ext != ".png") continue;
    const auto size = e.file_size(type_ec);
    entries.push_back({name, e.path().string(), false, type_ec ? 0 : static_cast<std::int64_t>(size)});
  }
  std::sort(entries.begin(), entries.end(), [](const FileEntry& x, const FileEntry& y) {
    if (x.is_dir != y.is_dir) return x.is_dir;
    return x.name < y.name;
  });
  b.dir = fs::path(dir).lexically_normal().string();
  b.entries = std::move(entries);
  b.error.reset();
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend&, const CancelFileJob&) {
  if (model.file_job) model.file_job->progress->cancel = true;
  return Ok();
}

void PollJobs(CounterModel& model, const CounterBackend& backend) {
  if (model.file_job && IsReady(model.file_job->result)) {
    FileJob job = std::move(*model.file_job);
    model.file_job.reset();
    DeliverFile(model, backend, job);
  }
  if (model.print_job && model.print_job->phase == PrintPhase::kWorking && IsReady(model.print_job->future))
    FinishPrint(*model.print_job);
  if (!model.opener.running.empty()) PollOpeners(model.opener);
  SettingsModel& s = model.settings;
  if (IsReady(s.scanner_job)) {
    Result<std::vector<scan::ScannerInfo>> r = s.scanner_job.get();
    s.scanners_listed = true;
    if (r.has_value()) {
      s.scanners = std::move(r).value();
      s.scanner_error.reset();
    } else {
      s.scanner_error = r.error();
    }
  }
  if (IsReady(s.queue_job)) {
    Result<std::vector<print::QueueInfo>> r = s.queue_job.get();
    s.queues_listed = true;
    if (r.has_value()) {
      s.queues = std::move(r).value();
      s.queue_error.reset();
    } else {
      s.queue_error = r.error();
    }
  }
}

}  // namespace motcua::ui::internal
