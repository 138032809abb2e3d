// What the counter shows of the provincial sync (issue: "a sync badge in the shell — pending count,
// last success, 'Ngoại tuyến' when the server is unreachable, skew warning — and a supervisor screen
// listing parked records with the server's reason"). Built from the runner's snapshot in the model
// (CounterModel::sync); counter/screens/shell.cpp and counter/screens/sync.cpp draw them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ui_model/counter_app.h"
#include "ui_model/tone.h"

namespace motcua::ui {

// The shell's badge, one of (first that applies):
//   no snapshot yet           "Đang kiểm tra đồng bộ…"                 kNeutral
//   not configured            "Chưa cấu hình đồng bộ"                   kNeutral
//   offline                   "Ngoại tuyến · N hồ sơ chờ · lần cuối …"  kWarning
//   another error             "Lỗi đồng bộ: <why> · N hồ sơ chờ"        kDanger
//   pending > 0               "Đồng bộ: N hồ sơ chờ · lần cuối …"       kInfo
//   nothing pending           "Đã đồng bộ · lần cuối …"                 kSuccess
// plus "· K hồ sơ bị từ chối" when records are parked, and, apart, the skew warning when
// |skew| > sync::kMaxSkewSeconds (the station's times go to the province uncorrected: rule 5 says show it).
struct SyncBadgeView {
  std::string text;
  Tone tone = Tone::kNeutral;
  std::string skew_text;  // "Đồng hồ lệch 3 phút so với máy chủ tỉnh"; "" = within the limit or unknown
};

SyncBadgeView MakeSyncBadgeView(Lang lang, const SyncModel& sync, Instant now);

struct ParkedRowView {
  std::string code;
  std::string when_text;  // "12/03/2026 08:30" (Vietnam time); "" when unknown
  std::string message;    // the server's words
};

struct SyncScreenView {
  std::string title;                      // "Đồng bộ với hệ thống tỉnh"
  SyncBadgeView badge;
  std::vector<std::string> status_lines;  // pending detail, last success, last error
  std::string parked_heading;             // "Hồ sơ bị hệ thống tỉnh từ chối (2)"
  std::string parked_intro;               // what to do about them
  std::string code_label, when_label, message_label;
  std::vector<ParkedRowView> rows;        // by dossier code
  std::string empty_text;
  std::string resend_label;               // "Gửi lại"
  bool can_resend = false;                // the session has Permission::kResendSync
  std::string resend_hint;                // why the button is grey ("" when it is not)
  std::string error_text;                 // the last refused "Gửi lại"
  int error_serial = 0;
  std::string notice_text;                // "Hồ sơ … sẽ được gửi lại …"
};

SyncScreenView MakeSyncScreenView(const CounterModel& model, Instant now);

}  // namespace motcua::ui
