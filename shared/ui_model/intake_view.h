// The intake screen (tiếp nhận hồ sơ) as plain data: the applicant (from a CCCD scan or typed), the
// procedure picker (search + recently used), the checklist grouped by case, fees, channel, delivery,
// the live due date, and the outcome after confirming. counter/screens/intake.cpp draws it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ui_model/counter_app.h"
#include "ui_model/shell_view.h"
#include "ui_model/tone.h"

namespace motcua::ui {

enum class IntakeField {
  kNone, kIdNumber, kName, kPhone, kEmail, kAddress, kProcedure, kComponents, kDeliveryAddress,
  kReceivedAt, kReason, kScanner
};

struct ChoiceItem {
  int value = 0;          // the enum value (IdType, Channel, Delivery)
  std::string label;
  bool is_selected = false;
};

struct ProcedureHitView {
  std::string code;
  std::string name;
  std::string detail;     // "1.004222 · Công an cấp xã · 07 ngày làm việc"
  std::string shortcut;   // "Ctrl+1" for recent procedures, "" otherwise
};

struct CaseView {
  std::string group;      // the catalog's group text (the ToggleCase key)
  std::string label;      // shown; long case names are kept whole and wrapped by the screen
  bool is_chosen = false;
  bool is_every_case = false;  // "Giấy tờ phải nộp": always applies, no checkbox
};

struct ComponentRowView {
  int index = 0;                 // into the draft's components (the action's index)
  std::string name;
  std::string counts;            // "1 bản chính, 1 bản sao"
  std::string status;            // "Đã quét (2 trang)", "Chưa có", "Xuất trình", "Tái sử dụng KQ …"
  Tone tone = Tone::kNeutral;    // success when handed in, danger when flagged missing
  ComponentMode mode = ComponentMode::kMissing;
  bool is_required = true;
  bool is_flagged = false;       // missing after a refused confirm: drawn red
  bool is_scanning = false;      // the running scan or import is for this row
  std::string reused_result_code;
};

struct ComponentGroupView {
  CaseView heading;
  std::vector<ComponentRowView> rows;  // only when the case applies
};

struct FeeLineView {
  std::string name;
  std::string amount;
};

struct IntakeOutcomeView {
  std::string title;        // "Đã tiếp nhận hồ sơ"
  std::string code;         // the dossier code, large
  std::vector<std::string> lines;  // applicant, due date, warnings
  Tone tone = Tone::kSuccess;
  std::string next_label;   // "Hồ sơ tiếp theo (Enter)"
  std::string open_label;   // "Mở hồ sơ" ("" = none)
  std::optional<PrintPlaceView> print;  // where the receipt or slip went (printer or PDF), with "Mở"
};

struct IntakeView {
  std::string title;
  std::string manifest_line;     // "Hồ sơ qua bưu chính: biên bản IN-…, phiếu gửi EE…"; "" = counter
  std::string queue_line;        // "Số thứ tự: A001": the queue ticket this counter serves; "" = none
  std::optional<IntakeOutcomeView> outcome;  // set: show this instead of the form

  // applicant
  std::string applicant_title;
  std::string scan_hint;         // "Quét mã QR trên CCCD: thông tin tự điền"
  std::vector<ChoiceItem> id_types;
  std::string id_label, name_label, phone_label, email_label, address_label;
  std::string id_number, name, phone, email, address;
  std::string card_line;         // "Ngày sinh 15/04/1990 · Nam · từ mã QR CCCD"; "" if typed
  std::string card_warning;      // CheckCccdConsistency's advice; "" = none
  // A keyboard scan without Vietnamese letters (IntakeDraft::diacritics_unchecked): the warning, shown until the
  // name and address are corrected or confirmed with the button; "" = nothing to check.
  std::string diacritics_warning;
  std::string confirm_card_text_label;  // "Đúng như thẻ"
  std::string id_hint;           // live: "CCCD có 12 chữ số (đã nhập 11)"; "" = fine

  // procedure
  std::string procedure_title;
  std::string search_label;
  std::string search_hint;
  std::string query;
  std::vector<ProcedureHitView> hits;
  std::string recent_title;
  std::vector<ProcedureHitView> recent;
  bool has_procedure = false;
  ProcedureHitView procedure;    // the chosen one
  std::string change_procedure_label;
  std::string no_hits_text;

  // checklist
  std::string checklist_title;
  std::string cases_hint;        // "Chọn trường hợp của hồ sơ"
  std::vector<ComponentGroupView> groups;
  int next_missing = -1;         // the first missing component, where the selection goes
  std::string scan_label, import_label, shown_only_label, reuse_label, clear_label, import_hint,
      reuse_code_label;
  std::string checklist_summary; // "4/5 thành phần đã có"

  // fees, channel, delivery, due date
  std::string fees_title;
  std::vector<FeeLineView> fees;
  std::string fees_total;        // "" when there are no fees
  std::string channel_label;
  std::vector<ChoiceItem> channels;
  std::string received_at_label; // postal channel only
  std::string received_at_text;
  bool shows_received_at = false;
  std::string delivery_label;
  std::vector<ChoiceItem> deliveries;
  std::string delivery_address_label;
  std::string delivery_address;
  bool shows_delivery_address = false;
  std::string sets_label;
  int sets = 1;
  std::string due_line;          // "Hẹn trả: 08:30, Thứ Ba 17/03/2026 (07 ngày làm việc)"
  Tone due_tone = Tone::kInfo;   // warning when provisional, danger when the calendar cannot say

  // actions
  std::string confirm_label;     // "Tiếp nhận và in giấy hẹn (F10)"
  bool can_confirm = false;      // a procedure is chosen and nothing runs
  std::string supplement_label;  // "Thiếu giấy tờ: in phiếu bổ sung (Mẫu 02)"
  std::string refusal_label;     // "Từ chối: in phiếu từ chối (Mẫu 03)"
  std::string reason_label;
  std::string discard_label;
  std::string discard_confirm_text;
  std::string keys_hint;         // the shortcuts

  // errors and focus
  std::string error_text;        // "" = none; shown at error_field
  IntakeField error_field = IntakeField::kNone;
  int error_serial = 0;
  IntakeFocus focus = IntakeFocus::kNone;
  int focus_serial = 0;
  bool is_busy = false;          // a scan or import runs
};

IntakeView MakeIntakeView(const CounterModel& model, const Station& station, Instant now);

// Which field an error from the core or the scanner belongs to on this screen.
IntakeField IntakeFieldForError(const Error& e);

}  // namespace motcua::ui
