#include "ui_model/shell_view.h"

#include <cstdio>

#include "print/forms.h"
#include "ui_model/live_journal.h"

namespace motcua::ui {
namespace {

std::string HourMinute(LocalMinute local) {
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::hh_mm_ss<std::chrono::minutes> hm(local - day);
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(hm.hours().count()),
                static_cast<int>(hm.minutes().count()));
  return buf;
}

std::string FormName(Lang lang, const std::string& form_key) { return Tr(lang, form_key); }

}  // namespace

std::string FormatWhen(Lang lang, Instant at) {
  const LocalMinute local = ToLocalVn(at);
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const unsigned weekday = std::chrono::weekday(day).iso_encoding();  // 1 = Monday .. 7 = Sunday
  return HourMinute(local) + ", " + Tr(lang, "day." + std::to_string(weekday)) + " " + FormatDmy(day);
}

std::string FormatShortWhen(Instant at) { return print::FormatShortDateTime(at); }

std::string FormatMoney(Lang lang, std::int64_t amount_vnd) {
  return FormatText(Tr(lang, "format.vnd"), {{"amount", FormatInteger(amount_vnd, NumberStyleFor(lang))}});
}

std::string StateLabel(Lang lang, dossier::State s) {
  return lang == Lang::kVi ? dossier::StateNameVi(s) : dossier::StateNameEn(s);
}

std::string UrgencyLabel(Lang lang, workflow::Urgency u) { return Tr(lang, UrgencyLabelKey(u)); }

std::string ScannerBanner(const ScannerDeviceModel& scanner, Lang lang) {
  const std::optional<Error>& trouble = scanner.refused ? scanner.refused : scanner.error;
  if (scanner.path.empty() || !trouble) return "";
  const char* text = FindString(lang, "scanner.device." + trouble->rule);
  return FormatText(text != nullptr ? text : Tr(lang, "scanner.device.device_error"), {{"path", scanner.path}});
}

ShellView MakeShellView(const CounterModel& model, Instant now) {
  const Lang lang = model.lang;
  ShellView v;
  v.app_title = Tr(lang, "app.counter_title");
  if (model.session) {
    const SessionUser& u = *model.session;
    const char* role = FindString(lang, "role." + u.role);
    v.user_line = u.shown_name() + " — " + (role != nullptr ? role : u.role);
  }
  v.station_line = model.station_name;
  v.clock_text = FormatWhen(lang, now);
  for (const ScreenSpec& s : CounterScreens()) {
    if (!s.in_nav || !SessionCan(model.session, s.permission)) continue;
    v.tabs.push_back({std::string(s.key), Tr(lang, s.label_key), std::string(s.hotkey),
                      model.screen == s.key || (model.screen == kScreenDossier && s.key == kScreenWorklist)});
  }
  v.lock_label = Tr(lang, "shell.lock");
  v.sign_out_label = Tr(lang, "shell.sign_out");
  v.switch_language_label = Tr(lang, "login.switch_language");
  v.switch_to = lang == Lang::kVi ? Lang::kEn : Lang::kVi;
  v.dismiss_label = Tr(lang, "common.close");
  v.sync = MakeSyncBadgeView(lang, model.sync, now);
  v.queue_panel = MakeQueuePanelView(model);
  v.banner = LiveBanner(model.live.status, lang);
  const std::string offline_banner = OfflineBanner(model.offline, lang);
  if (model.offline.offline) {
    v.banner = offline_banner;
    v.banner_tone = Tone::kWarning;
  } else if (!offline_banner.empty()) {  // the center lost, and this counter cannot work without it
    v.banner += (v.banner.empty() ? "" : "\n") + offline_banner;
  }
  if (const std::string scanner = ScannerBanner(model.scanner_device, lang); !scanner.empty()) {
    if (v.banner.empty()) v.banner_tone = Tone::kWarning;  // the counter works on; scans can be typed
    v.banner += (v.banner.empty() ? "" : "\n") + scanner;
  }
  if (!model.notice_key.empty()) {
    v.notice_text = FormatText(Tr(lang, model.notice_key), {{"arg", model.notice_arg}});
    v.notice_tone = model.notice_tone;
  } else if (model.offline.forwarded) {
    v.notice_text = OfflineForwardText(model.offline, lang, &v.notice_tone);
  }

  if (model.file_job) {
    const FileJob& job = *model.file_job;
    JobLine line;
    const int page = job.progress->page.load();
    const std::int64_t read = job.progress->bytes_read.load();
    const std::int64_t expected = job.progress->bytes_expected.load();
    std::string percent;
    if (job.is_scan && expected > 0) {
      line.fraction = static_cast<float>(std::min<std::int64_t>(read, expected)) / static_cast<float>(expected);
      percent = std::to_string(static_cast<int>(line.fraction * 100.0f)) + "%";
    }
    if (job.progress->cancel.load())
      line.text = FormatText(Tr(lang, "job.cancelling"), {{"name", job.label}});
    else if (job.is_scan)
      line.text = FormatText(Tr(lang, page > 0 ? "job.scanning_page" : "job.scanning"),
                             {{"name", job.label}, {"page", std::to_string(page)}, {"percent", percent}});
    else
      line.text = FormatText(Tr(lang, "job.importing"), {{"name", job.label}});
    line.cancel_label = Tr(lang, "job.cancel");
    v.job = std::move(line);
  }

  if (model.print_job) {
    const PrintJob& job = *model.print_job;
    PrintLine line;
    const std::string form = FormName(lang, job.form_key);
    const std::string code = job.dossier_code.empty() ? "" : " " + job.dossier_code;
    switch (job.phase) {
      case PrintPhase::kWorking:
        line.text = FormatText(Tr(lang, "print.working"), {{"form", form}, {"code", code}});
        line.tone = Tone::kInfo;
        break;
      case PrintPhase::kPrinted:
        line.text = FormatText(Tr(lang, "print.printed"), {{"form", form}, {"code", code}});
        line.tone = Tone::kSuccess;
        break;
      case PrintPhase::kQueued:
        line.text = FormatText(Tr(lang, "print.queued"), {{"form", form}, {"code", code}});
        line.tone = Tone::kInfo;
        break;
      case PrintPhase::kSavedOnly:
        line.text = FormatText(Tr(lang, "print.saved_only"), {{"form", form}, {"code", code}});
        line.tone = Tone::kWarning;
        break;
      case PrintPhase::kFailed: {
        // Say why, in words an officer can act on (peers.md §4.4: a bare "print failed" hides it).
        std::string why = job.error ? ErrorMessage(lang, *job.error) : "";
        line.text = FormatText(Tr(lang, "print.failed"), {{"form", form}, {"code", code}, {"why", why}});
        line.tone = Tone::kDanger;
        break;
      }
    }
    line.path_text = FormatText(Tr(lang, "print.path"), {{"path", job.pdf_path}});
    line.can_reprint = job.phase != PrintPhase::kWorking;
    line.reprint_label = Tr(lang, job.phase == PrintPhase::kFailed ? "print.retry" : "print.reprint");
    v.print = std::move(line);
  }
  return v;
}

std::optional<PrintPlaceView> MakePrintPlaceView(const CounterModel& model, std::string_view form_key,
                                                 std::string_view dossier_code) {
  if (!model.print_job || model.print_job->form_key != form_key || model.print_job->dossier_code != dossier_code)
    return std::nullopt;
  const Lang lang = model.lang;
  const PrintJob& job = *model.print_job;
  const std::string job_number = std::to_string(job.cups_job_id);
  PrintPlaceView v;
  switch (job.phase) {
    case PrintPhase::kWorking:
      v.text = job.queue.empty() ? Tr(lang, "print.place.saving")
                                 : FormatText(Tr(lang, "print.place.sending"), {{"queue", job.queue}});
      break;
    case PrintPhase::kPrinted:
    case PrintPhase::kQueued:
      v.text = FormatText(Tr(lang, job.phase == PrintPhase::kPrinted ? "print.place.printed" : "print.place.queued"),
                          {{"queue", job.queue}, {"job", job_number}});
      v.tone = job.phase == PrintPhase::kPrinted ? Tone::kSuccess : Tone::kInfo;
      v.path_text = FormatText(Tr(lang, "print.path"), {{"path", job.pdf_path}});
      break;
    case PrintPhase::kSavedOnly:
      v.text = FormatText(Tr(lang, "print.place.saved"), {{"path", job.pdf_path}});
      break;
    case PrintPhase::kFailed: {
      const std::string why = job.error ? ErrorMessage(lang, *job.error) : "";
      v.text = job.is_saved ? FormatText(Tr(lang, "print.place.failed"), {{"why", why}, {"path", job.pdf_path}})
                            : FormatText(Tr(lang, "print.place.not_saved"), {{"why", why}});
      v.tone = Tone::kDanger;
      break;
    }
  }
  if (job.is_saved) v.open_label = Tr(lang, "print.open");
  const OpenerModel& o = model.opener;
  if (o.error && o.path == job.pdf_path)
    v.open_error = FormatText(Tr(lang, "print.open." + o.error->rule),
                              {{"path", o.path}, {"opener", o.opener}, {"code", std::to_string(o.exit_code)}});
  return v;
}

FileBrowserView MakeFileBrowserView(const CounterModel& model) {
  const Lang lang = model.lang;
  const FileBrowserModel& b = model.browser;
  FileBrowserView v;
  v.title = Tr(lang, "files.title");
  v.dir = b.dir;
  const std::size_t slash = b.dir.find_last_of('/');
  if (!b.dir.empty() && b.dir != "/") v.parent = slash == 0 ? "/" : b.dir.substr(0, slash);
  v.up_label = Tr(lang, "files.up");
  for (const FileEntry& e : b.entries) {
    FileBrowserEntryView ev;
    ev.path = e.path;
    ev.is_dir = e.is_dir;
    if (e.is_dir) {
      ev.label = e.name + "/";
    } else {
      const std::int64_t kib = (e.size_bytes + 1023) / 1024;
      ev.label = e.name + " (" + std::to_string(kib) + " KB)";
    }
    v.entries.push_back(std::move(ev));
  }
  v.path_label = Tr(lang, "files.path");
  v.import_label = Tr(lang, "files.import");
  v.cancel_label = Tr(lang, "common.cancel");
  v.hint = Tr(lang, "files.hint");
  v.empty_text = Tr(lang, "files.empty");
  if (b.error) v.error_text = ErrorMessage(lang, *b.error);
  return v;
}

LockView MakeLockView(const CounterModel& model, Instant now) {
  const Lang lang = model.lang;
  LockView v;
  v.title = Tr(lang, "lock.title");
  if (model.session)
    v.user_line = model.session->shown_name() + " (" + model.session->user_name + ")";
  v.explanation = FormatText(Tr(lang, "lock.explanation"), {{"minutes", std::to_string(model.idle_lock_minutes)}});
  v.password_label = Tr(lang, "login.password");
  v.unlock_label = Tr(lang, "lock.unlock");
  v.sign_out_label = Tr(lang, "shell.sign_out");
  v.hint = Tr(lang, "lock.hint");
  v.error_serial = model.lock.error_serial;
  if (model.lock.error) {
    v.error_text = ErrorMessage(lang, *model.lock.error);
    if (model.lock.error->rule == "account_locked" && model.lock.locked_until && *model.lock.locked_until > now)
      v.error_text += " " + FormatText(Tr(lang, "login.locked_until"),
                                       {{"time", HourMinute(ToLocalVn(*model.lock.locked_until))}});
  }
  return v;
}

}  // namespace motcua::ui
