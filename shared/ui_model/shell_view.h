// What every signed-in screen shares (the top bar: tabs, user, lock, language, notices; the bottom
// bar: the running scan and the last print with its reprint), the lock screen, and the formatting
// helpers the view builders use. Plain data (style.md §4); counter/screens/shell.cpp draws it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ui_model/counter_app.h"
#include "ui_model/sync_view.h"
#include "ui_model/tone.h"

namespace motcua::ui {

// ---- formatting (Vietnam time) -----------------------------------------------------------------------

// "08:30, Thứ Ba 17/03/2026" / "08:30, Tuesday 17/03/2026".
std::string FormatWhen(Lang lang, Instant at);
// "12/03/2026 08:30".
std::string FormatShortWhen(Instant at);
// "1.250.000 ₫" / "1,250,000 VND".
std::string FormatMoney(Lang lang, std::int64_t amount_vnd);
// The localized name of a dossier state.
std::string StateLabel(Lang lang, dossier::State s);
// "Đã quá hạn", ... (urgency.*).
std::string UrgencyLabel(Lang lang, workflow::Urgency u);

// ---- the shell -----------------------------------------------------------------------------------------

struct NavTab {
  std::string key;      // ScreenSpec::key
  std::string label;    // "Tiếp nhận"
  std::string hotkey;   // "F2"
  bool is_current = false;
};

struct JobLine {
  std::string text;         // "Đang quét: Tờ khai … trang 1 (42%)"
  float fraction = -1.0f;   // 0..1, or -1 when unknown
  std::string cancel_label;
};

struct PrintLine {
  std::string text;           // "Đã in Giấy tiếp nhận (Mẫu 01) 000…-0001." / why it failed
  Tone tone = Tone::kInfo;
  std::string path_text;      // "Tệp PDF: /var/lib/motcua/forms/…/mau01.pdf"
  bool can_reprint = false;
  std::string reprint_label;  // "In lại (F8)"
};

// Where the last printed form went, for the screen that printed it (the intake's outcome after F10):
// the printer queue and CUPS job number, or the PDF's path, and a button that opens the PDF.
struct PrintPlaceView {
  std::string text;         // "Đã gửi máy in quay3, lệnh số 42." / "Đã lưu PDF: /…/mau01.pdf" / why not
  Tone tone = Tone::kInfo;
  std::string path_text;    // "Tệp PDF: /…/mau01.pdf" beside a printer's text; "" when text names the path
  std::string open_label;   // "Mở" once the PDF is saved (OpenPrintedPdf); "" = no button
  std::string open_error;   // why the last "Mở" of this file failed, in words; "" = none
};

// The place of model.print_job when it is `form_key` ("form.receipt") for `dossier_code` ("" for
// slips with no dossier); nullopt when nothing was printed or the last print was something else.
std::optional<PrintPlaceView> MakePrintPlaceView(const CounterModel& model, std::string_view form_key,
                                                 std::string_view dossier_code);

// The queue call panel under the top bar (counter_app.h QueuePanelModel), for an officer at a station
// with a queue counter. Its buttons act on the counter's served ticket through the core.
struct QueueTransferOption {
  std::string area;    // TransferTicket::to_area, "B"
  std::string label;   // "B · Đất đai - Xây dựng"
};

struct QueuePanelView {
  std::string counter_text;     // "Quầy 5"
  std::string serving_title;    // "Đang phục vụ:"
  std::string ticket_label;     // "A001"; "" = no ticket called
  std::string ticket_detail;    // "Ưu tiên: Người cao tuổi · đã chờ 12 phút · 1 hồ sơ đã nhận"
  bool is_priority = false;
  std::string idle_text;        // "Chưa gọi số nào." when no ticket is called
  std::string waiting_text;     // "Đang chờ: A 3 (1 ưu tiên) · B 0"
  std::string next_label;       // "Gọi số tiếp theo (F12)"
  std::string recall_label;     // "Gọi lại (F11)"
  std::string no_show_label;    // "Vắng mặt"
  std::string transfer_label;   // "Chuyển…"
  std::string finish_label;     // "Xong"
  bool has_ticket = false;      // recall, no-show, transfer and finish need a called ticket
  std::string transfer_title;   // "Chuyển số A001 sang khu vực:"
  std::vector<QueueTransferOption> transfer_to;  // every area but the ticket's, by letter
  std::string cancel_label;
  std::string message_text;     // the last action's result or refusal, in words; "" = none
  Tone message_tone = Tone::kInfo;
};

// The panel, or nullopt when it is hidden (no queue counter at this station, or a role that may not
// receive). Pure: reads only the model (the last LoadQueuePanel).
std::optional<QueuePanelView> MakeQueuePanelView(const CounterModel& model);
// A queue error in words: "queue.error.<field>.<rule>", then "queue.error.<rule>", then ErrorMessage's
// text; {arg} is the ticket, area or day concerned.
std::string QueueErrorText(Lang lang, const Error& error, std::string_view arg);

struct ShellView {
  std::string app_title;
  std::string user_line;       // "Nguyễn Văn An — Cán bộ tiếp nhận và trả kết quả"
  std::string station_line;    // "Quầy 3"
  std::string clock_text;      // "08:30, Thứ Ba 17/03/2026"
  std::vector<NavTab> tabs;    // only the tabs the role may open
  std::string lock_label;      // "Khóa (Ctrl+L)"
  std::string sign_out_label;
  std::string switch_language_label;
  Lang switch_to = Lang::kEn;
  std::string banner;          // the center's database unreachable: OfflineBanner while the station works
                               //   on its own store, else LiveBanner; "" = connected
  Tone banner_tone = Tone::kDanger;  // kWarning for the offline banner: work goes on, nothing is lost
  std::string notice_text;     // "" = none; else the notice, or else what the last forwarding of offline
                               //   work did (OfflineForwardText), until DismissNotice
  Tone notice_tone = Tone::kInfo;
  std::string dismiss_label;
  std::optional<JobLine> job;
  std::optional<PrintLine> print;
  SyncBadgeView sync;          // the bottom bar's sync state (sync_view.h)
  std::optional<QueuePanelView> queue_panel;  // under the top bar; nullopt = hidden
};

ShellView MakeShellView(const CounterModel& model, Instant now);

// The code scanner device's trouble in a sentence ("scanner.device.<rule>" with {path}), or "" while it is
// connected and its last scan was taken. A refused scan is said before a lost device: it is what the
// officer just did.
std::string ScannerBanner(const ScannerDeviceModel& scanner, Lang lang);

// ---- the file picker (import a PDF, JPEG or PNG) ----------------------------------------------------------

struct FileBrowserEntryView {
  std::string label;   // "Hồ sơ scan/" or "to-khai.pdf (120 KB)"
  std::string path;
  bool is_dir = false;
};

struct FileBrowserView {
  std::string title;        // "Chọn tệp để nhập"
  std::string dir;
  std::string parent;       // "" at the root
  std::string up_label;
  std::vector<FileBrowserEntryView> entries;
  std::string path_label;   // for typing a path instead
  std::string import_label;
  std::string cancel_label;
  std::string hint;         // several images become the pages of one PDF, in the order picked
  std::string empty_text;
  std::string error_text;
};

FileBrowserView MakeFileBrowserView(const CounterModel& model);

// ---- the lock screen -------------------------------------------------------------------------------------

struct LockView {
  std::string title;           // "Màn hình đã khóa"
  std::string user_line;       // "Nguyễn Văn An (nguyen.van.an)"
  std::string explanation;     // why it locked, and that the draft is kept
  std::string password_label;
  std::string unlock_label;
  std::string sign_out_label;
  std::string error_text;
  int error_serial = 0;
  std::string hint;
};

LockView MakeLockView(const CounterModel& model, Instant now);

}  // namespace motcua::ui
