// The kiosk's screens as plain data (style.md §4): every text translated and formatted, every decision
// (which tile is enabled, what the voice says) already taken. kiosk/screens/ draws them; tests/kiosk
// checks them with no display. Nothing here holds more of a citizen than the model does.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ui_model/kiosk_app.h"
#include "ui_model/osk.h"
#include "ui_model/tone.h"

namespace motcua::ui {

// The bar every screen shares: where you are, the way home and back, and the accessibility switches.
struct KioskChrome {
  std::string screen_key;         // KioskScreenKey: names the screenshot, --test output
  std::string center_name;        // the receiving unit ("Trung tâm Phục vụ hành chính công tỉnh ...")
  std::string title;              // the screen's title, large
  std::string clock_line;         // "08:30, Thứ Hai 07/12/2026"
  bool show_home = false;
  bool show_back = false;
  std::string home_label;         // "Trang chủ"
  std::string back_label;         // "Quay lại"
  std::string language_label;     // names the other language: "English" / "Tiếng Việt"
  Lang switch_to = Lang::kEn;
  std::string large_text_label;   // "Chữ to"
  bool large_text = false;
  std::string contrast_label;     // "Tương phản cao"
  bool high_contrast = false;
  std::string speech_label;       // "Đọc to"
  bool speech = false;
  std::string offline_line;       // KioskModel::offline: what works and what waits ("" = online)
  std::string message;            // a notice ("" = none), e.g. "Mã không hợp lệ"
  Tone message_tone = Tone::kInfo;
  std::string spoken;             // what the narrator says when the screen opens (title + key result)
  std::string idle_hint;          // "Màn hình tự về trang chủ sau 60 giây không chạm"
};

// A big tile or button that leads somewhere.
struct KioskTile {
  std::string id;        // stable id for tests and the item locator ("tile_check")
  std::string label;     // "Tra cứu hồ sơ"
  std::string detail;    // one line under it ("Quét mã QR trên giấy hẹn")
  KioskAction action;
  bool is_enabled = true;
  Tone tone = Tone::kNeutral;
  std::string badge;     // drawn large at the tile's left ("A": a queue area's letter); "" = none
};

// The on-screen keyboard under a screen's fields.
struct KeyboardView {
  OskLayout layout = OskLayout::kTelex;
  bool shift = false;
  bool allow_letters = true;  // false: a digits-only field (no ABC key)
  Lang lang = Lang::kVi;      // the control keys' labels (string-table keys osk.*) in this language
};

// One text box the keyboard can type into.
struct KioskTextBox {
  KioskField field = KioskField::kNone;
  std::string label;
  std::string text;         // what was typed (the PIN: bullets)
  std::string placeholder;
  bool is_focused = false;
  bool has_error = false;
};

struct KioskHomeView {
  KioskChrome chrome;
  std::string welcome;        // "Xin chào! Quý khách cần làm gì?"
  std::optional<KioskTile> queue_tile;  // "Lấy số thứ tự", full width above the others (when tickets print)
  std::vector<KioskTile> tiles;
  std::string camera_line;    // "" or "Camera chưa sẵn sàng: ..."
};

struct KioskGroupsView {
  KioskChrome chrome;
  std::vector<KioskTile> tiles;  // one per group: "Hộ tịch" / "19 thủ tục"
  KioskTile search;              // "Tìm theo tên"
};

struct KioskProcedureRow {
  std::string code;
  std::string name;
  std::string detail;  // "Giải quyết trong 3 ngày làm việc · Lệ phí 8.000 ₫"
};
struct KioskProceduresView {
  KioskChrome chrome;
  std::string heading;        // the group, or "Kết quả tìm kiếm: “khai sinh”"
  std::vector<KioskProcedureRow> rows;
  std::string empty_text;     // shown when rows is empty
};

struct KioskSearchView {
  KioskChrome chrome;
  KioskTextBox box;
  std::string submit_label;
  std::vector<KioskProcedureRow> preview;  // best hits while typing (at most 5)
  KeyboardView keyboard;
};

struct KioskSection {
  std::string heading;
  std::vector<std::string> lines;
};
struct KioskProcedureView {
  KioskChrome chrome;
  std::string name;
  std::string code_line;          // "Mã thủ tục: 1.001193 · Lĩnh vực: Hộ tịch"
  std::vector<KioskSection> sections;  // time, fees, papers by case, where, online, postal
  std::string qr_text;            // the portal page's address ("" = none)
  std::string qr_caption;         // "Quét bằng điện thoại để xem và nộp trực tuyến"
};

struct KioskCheckView {
  KioskChrome chrome;
  std::string scan_heading;       // "Đưa mã QR trên giấy hẹn trước camera"
  std::string scan_hint;
  std::string camera_line;        // camera state, "" when fine
  std::string type_heading;       // "Hoặc nhập mã hồ sơ và mã tra cứu"
  KioskTextBox code;
  KioskTextBox secret;
  std::string submit_label;
  bool submit_enabled = true;     // false while typed lookups are paused
  std::optional<KeyboardView> keyboard;
};

struct KioskTimelineRow {
  std::string when;   // "08:30 07/12/2026"
  std::string what;   // "Tiếp nhận hồ sơ"
};
struct KioskFeeRow {
  std::string name;
  std::string amount;
  std::string paid;   // "Đã nộp" / "Chưa nộp"
  bool is_paid = false;
};
struct KioskStatusView {
  KioskChrome chrome;
  std::string code_line;        // "Mã hồ sơ: 000.00.00.H56-261124-0001"
  std::string procedure;        // the procedure's name
  std::string applicant;        // "Người nộp: Nguyễn V** A**"
  std::string state_label;      // "Đang giải quyết"
  Tone state_tone = Tone::kInfo;
  std::string due_line;         // "Hẹn trả: 16:30, Thứ Sáu 11/12/2026"
  std::string late_line;        // "Hồ sơ đã quá hạn ..." ("" = on time)
  std::string next_heading;     // "Việc quý khách cần làm"
  std::vector<std::string> next_lines;
  std::vector<KioskTimelineRow> timeline;
  std::vector<KioskFeeRow> fees;
  std::vector<KioskTile> actions;  // rate, postal return, pay
};

struct KioskChoice {
  std::string label;
  bool is_selected = false;
};
struct KioskCriterionRow {
  std::string label;               // the criterion in plain words
  std::vector<KioskChoice> choices;  // 2, 1, 0 as "Tốt", "Bình thường", "Chưa tốt"
};
struct KioskRateView {
  KioskChrome chrome;
  std::string code_line;
  std::string overall_question;     // "Quý khách có hài lòng ...?"
  std::vector<KioskChoice> overall;  // index 0 = rất hài lòng (value 2), 1 = hài lòng, 2 = không hài lòng
  std::string criteria_heading;
  std::vector<KioskCriterionRow> criteria;
  KioskTextBox comment;
  std::string submit_label;
  std::optional<KeyboardView> keyboard;
};

struct KioskPostalView {
  KioskChrome chrome;
  std::string intro;           // what happens: the result comes by post to this address
  std::string postage_line;    // "Cước phí: 30.000 ₫, trả khi nhận" ("" = not configured)
  std::vector<KioskTextBox> boxes;  // name, phone, address
  std::string submit_label;
  std::optional<KeyboardView> keyboard;
};

struct KioskPayView {
  KioskChrome chrome;
  std::vector<KioskFeeRow> fees;
  std::string qr_payload;      // VietQR ("" = nothing to pay, or no account configured)
  std::string amount_line;     // "Số tiền: 8.000 ₫"
  std::string account_line;    // "Tài khoản: 1234567890 — UBND ..."
  std::string purpose_line;    // "Nội dung: 000.00.00.H56-261124-0001"
  std::string note;            // how to pay, or why the QR is not shown
};

struct KioskQueueAreasView {
  KioskChrome chrome;
  std::string intro;             // "Chọn lĩnh vực quý khách cần giải quyết"
  std::vector<KioskTile> tiles;  // one per active area: badge = letter, detail = "Đang chờ: 12 người"
  std::string empty_text;        // no area takes tickets now
};

struct KioskQueuePriorityView {
  KioskChrome chrome;
  std::string area_line;         // "Lĩnh vực: A — Tiếp nhận và trả kết quả"
  std::string question;          // "Quý khách có thuộc nhóm được ưu tiên không?"
  KioskTile none;                // "Không — lấy số thường"
  std::vector<KioskTile> groups; // one per priority group
  std::string note;              // priority is checked at the counter
};

struct KioskTicketView {
  KioskChrome chrome;
  std::string number_caption;    // "Số thứ tự của quý khách"
  std::string number;            // "A1023", drawn very large
  std::string area_line;
  std::string priority_line;     // "" = none
  std::string ahead_line;        // "Trước quý khách: 12 người"
  std::string wait_line;         // "Thời gian chờ dự kiến: khoảng 25 phút" ("" when nobody is ahead)
  std::string printed_line;      // "Mời nhận vé in bên dưới ..."
  KioskTile home;
};

struct KioskThanksView {
  KioskChrome chrome;
  std::string text;
  KioskTile home;
};

struct KioskPinView {
  KioskChrome chrome;
  KioskTextBox pin;
  KeyboardView keyboard;
};

struct KioskAdminView {
  KioskChrome chrome;
  std::vector<std::string> lines;  // station, settings summary (never the PIN hash)
  std::string exit_label;
};

// One builder per screen. `now` formats the clock and decides "late".
KioskChrome MakeKioskChrome(const KioskModel& m, const KioskBackend& b, std::string_view title_key);
KioskHomeView MakeKioskHomeView(const KioskModel& m, const KioskBackend& b);
KioskGroupsView MakeKioskGroupsView(const KioskModel& m, const KioskBackend& b);
KioskProceduresView MakeKioskProceduresView(const KioskModel& m, const KioskBackend& b);
KioskSearchView MakeKioskSearchView(const KioskModel& m, const KioskBackend& b);
KioskProcedureView MakeKioskProcedureView(const KioskModel& m, const KioskBackend& b);
KioskCheckView MakeKioskCheckView(const KioskModel& m, const KioskBackend& b);
KioskStatusView MakeKioskStatusView(const KioskModel& m, const KioskBackend& b);
KioskRateView MakeKioskRateView(const KioskModel& m, const KioskBackend& b);
KioskPostalView MakeKioskPostalView(const KioskModel& m, const KioskBackend& b);
KioskPayView MakeKioskPayView(const KioskModel& m, const KioskBackend& b);
KioskThanksView MakeKioskThanksView(const KioskModel& m, const KioskBackend& b);
KioskQueueAreasView MakeKioskQueueAreasView(const KioskModel& m, const KioskBackend& b);
KioskQueuePriorityView MakeKioskQueuePriorityView(const KioskModel& m, const KioskBackend& b);
KioskTicketView MakeKioskTicketView(const KioskModel& m, const KioskBackend& b);
KioskPinView MakeKioskPinView(const KioskModel& m, const KioskBackend& b);
KioskAdminView MakeKioskAdminView(const KioskModel& m, const KioskBackend& b);

// What the narrator says for the current screen (its chrome's `spoken`).
std::string KioskSpokenText(const KioskModel& m, const KioskBackend& b);

// "3 ngày làm việc" / "3 working days"; "Không quy định thời hạn" when there is none.
std::string DurationInWords(Lang lang, const catalog::ProcessingTime& time);

}  // namespace motcua::ui
