#include "ui_model/strings.h"

#include <algorithm>
#include <array>
#include <deque>
#include <mutex>

namespace motcua::ui {
namespace {

// Sorted by key (byte order). Vietnamese first: it is what the stations show by default.
// Literals are plain "..." (UTF-8 source), never u8"..." (stack.md §4: char8_t does not convert).
constexpr std::array kStrings = {
    UiString{"app.counter_title", "Bộ phận Một cửa — Tiếp nhận và trả kết quả",
             "One-stop desk — Intake and results"},
    UiString{"common.cancel", "Hủy", "Cancel"},
    UiString{"common.close", "Đóng", "Close"},
    UiString{"common.confirm", "Xác nhận", "Confirm"},
    UiString{"error.account_disabled", "Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ quản trị viên.",
             "This account is disabled. Please contact the administrator."},
    UiString{"error.account_locked", "Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần.",
             "The account is locked after too many failed attempts."},
    UiString{"error.auth_backend_missing",
             "Chưa kết nối được dịch vụ xác thực. Vui lòng liên hệ quản trị viên.",
             "The sign-in service is not connected. Please contact the administrator."},
    UiString{"error.bad_credentials", "Tên đăng nhập hoặc mật khẩu không đúng.",
             "Wrong user name or password."},
    UiString{"error.code.conflict", "Không thể thực hiện thao tác này ở trạng thái hiện tại.",
             "This action is not allowed in the current state."},
    UiString{"error.code.corrupt", "Dữ liệu bị hỏng. Vui lòng báo quản trị viên.",
             "The data is damaged. Please tell the administrator."},
    UiString{"error.code.invalid", "Dữ liệu nhập không hợp lệ.", "The input is not valid."},
    UiString{"error.code.not_found", "Không tìm thấy dữ liệu.", "Nothing was found."},
    UiString{"error.code.unavailable", "Hệ thống đang bận hoặc mất kết nối. Vui lòng thử lại.",
             "The system is busy or disconnected. Please try again."},
    UiString{"error.password.required", "Vui lòng nhập mật khẩu.", "Please enter your password."},
    UiString{"error.user_name.required", "Vui lòng nhập tên đăng nhập.",
             "Please enter your user name."},
    UiString{"format.vnd", "{amount} ₫", "{amount} VND"},
    UiString{"lang.en", "English", "English"},
    UiString{"lang.vi", "Tiếng Việt", "Tiếng Việt"},
    UiString{"login.busy", "Đang kiểm tra…", "Checking…"},
    UiString{"login.hint", "Nhấn Enter để đăng nhập, Tab để chuyển ô.",
             "Press Enter to sign in, Tab to move between fields."},
    UiString{"login.locked_until", "Có thể thử lại lúc {time}.", "You can try again at {time}."},
    UiString{"login.password", "Mật khẩu", "Password"},
    UiString{"login.scan_needs_login", "Đã nhận mã quét. Vui lòng đăng nhập trước khi quét hồ sơ.",
             "A code was scanned. Please sign in before scanning dossiers."},
    UiString{"login.signed_in", "Đã đăng nhập: {name} — {role}.", "Signed in: {name} — {role}."},
    UiString{"login.station", "Máy trạm: {station}", "Station: {station}"},
    UiString{"login.submit", "Đăng nhập", "Sign in"},
    UiString{"login.subtitle", "Phần mềm tiếp nhận và trả kết quả hồ sơ thủ tục hành chính",
             "Intake and return of administrative procedure dossiers"},
    UiString{"login.switch_language", "English", "Tiếng Việt"},
    UiString{"login.title", "Đăng nhập", "Sign in"},
    UiString{"login.user", "Tên đăng nhập", "User name"},
    UiString{"login.version", "Phiên bản {version}", "Version {version}"},
    UiString{"role.admin", "Quản trị hệ thống", "Administrator"},
    UiString{"role.officer", "Cán bộ tiếp nhận và trả kết quả", "Intake and return officer"},
    UiString{"role.postal", "Nhân viên bưu chính", "Postal staff"},
    UiString{"role.supervisor", "Lãnh đạo, giám sát", "Supervisor"},
    UiString{"urgency.due_soon", "Còn 1 ngày làm việc", "Due within 1 working day"},
    UiString{"urgency.due_today", "Đến hạn hôm nay", "Due today"},
    UiString{"urgency.on_track", "Trong hạn", "On track"},
    UiString{"urgency.overdue", "Quá hạn", "Overdue"},
};

struct MissingRecord {
  std::mutex mutex;
  std::vector<std::string> keys;       // in order of first miss, for TakeMissingKeys
  std::deque<std::string> bracketed;   // "[key]" texts handed out; a deque keeps c_str() stable
};

MissingRecord& Missing() {
  static MissingRecord record;
  return record;
}

const UiString* Lookup(std::string_view key) {
  auto it = std::lower_bound(kStrings.begin(), kStrings.end(), key,
                             [](const UiString& s, std::string_view k) { return s.key < k; });
  if (it == kStrings.end() || it->key != key) return nullptr;
  return &*it;
}

}  // namespace

std::span<const UiString> AllStrings() { return kStrings; }

const char* FindString(Lang lang, std::string_view key) {
  const UiString* s = Lookup(key);
  if (s == nullptr) return nullptr;
  // Every literal in the table is NUL-terminated, so data() is a C string.
  return lang == Lang::kEn ? s->en.data() : s->vi.data();
}

const char* Tr(Lang lang, std::string_view key) {
  if (const char* text = FindString(lang, key)) return text;
  MissingRecord& m = Missing();
  std::lock_guard lock(m.mutex);
  std::string shown = "[" + std::string(key) + "]";
  for (const std::string& b : m.bracketed)
    if (b == shown) {
      if (std::find(m.keys.begin(), m.keys.end(), key) == m.keys.end()) m.keys.emplace_back(key);
      return b.c_str();
    }
  m.keys.emplace_back(key);
  m.bracketed.push_back(std::move(shown));
  return m.bracketed.back().c_str();
}

std::string FormatText(std::string_view text,
                       std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '{') {
      std::size_t close = text.find('}', i + 1);
      if (close != std::string_view::npos) {
        std::string_view name = text.substr(i + 1, close - i - 1);
        const auto* hit = std::find_if(values.begin(), values.end(),
                                       [&](const auto& kv) { return kv.first == name; });
        if (hit != values.end()) {
          out += hit->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

std::vector<std::string> TakeMissingKeys() {
  MissingRecord& m = Missing();
  std::lock_guard lock(m.mutex);
  std::vector<std::string> out;
  out.swap(m.keys);
  return out;
}

std::string ErrorMessage(Lang lang, const Error& error) {
  if (!error.field.empty() && !error.rule.empty()) {
    if (const char* t = FindString(lang, "error." + error.field + "." + error.rule)) return t;
  }
  if (!error.rule.empty()) {
    if (const char* t = FindString(lang, "error." + error.rule)) return t;
  }
  return Tr(lang, std::string("error.code.") + ErrorCodeName(error.code));
}

Result<Lang> ParseLang(std::string_view code) {
  if (code == "vi") return Lang::kVi;
  if (code == "en") return Lang::kEn;
  return Invalid("lang", "unknown_language",
                 "language must be vi or en, got '" + std::string(code) + "'");
}

const char* LangCode(Lang lang) { return lang == Lang::kEn ? "en" : "vi"; }

}  // namespace motcua::ui
