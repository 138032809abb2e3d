// The provincial adapter's replies (domain.md §4.1, §4.3b), read defensively: a reply is whatever came
// over the network, so anything malformed is an error the worker reports and retries, never a crash.
//
//   {"error_code": "0", "message": "...", "session": "...", "MaHoSo": "...", "server_time": "...",
//    "data": ...}
// error_code may be a string or a number; success is "0" (older servers "00"). A record that exists
// already is told by the message ("đã tồn tại", TD's sync: error_code 0, 3 or -3). No public source
// shows an expired-session code, so an auth failure is HTTP 401/403, or error_code 401/403, or a
// message about the session ("phiên", "session", "token"); the worker then logs in again once.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"

namespace motcua::sync {

inline constexpr std::size_t kMaxReplyBytes = 4 << 20;  // a longer reply is refused unread (4 MiB)

struct Reply {
  std::string error_code;              // as text: "0", "-1", "3"; "" when absent
  std::string message;                 // the server's words, verbatim (Vietnamese)
  std::string session;                 // a login's session token
  std::string dossier_code;            // "MaHoSo": the record the server refused, when it names one
  std::optional<Instant> server_time;  // "server_time" (yyyyMMddHHmmss, Vietnam time), when given
  std::string data_json;               // "data" as JSON text ("null" when absent)

  bool Succeeded() const { return error_code == "0" || error_code == "00"; }
  bool AlreadyExists() const;          // the message says the file exists ("đã tồn tại")
  bool SessionRefused() const;         // error_code 401/403, or a message about the session
};

// Errors: kUnavailable/"bad_reply" (not JSON, not an object, a field of the wrong type, over
// kMaxReplyBytes); the detail says what was wrong, never the body.
Result<Reply> ParseReply(std::string_view body);

// One step a server holds for a file (TraCuuHoSo's "QuaTrinhXuLy").
struct ServerStep {
  std::string at;       // ThoiDiemXuLy, as sent
  std::string status;   // TrangThai
  std::string content;  // NoiDungXuLy
};
// TraCuuHoSo's data: nullopt when the server has no such file, else its steps in order.
// Errors: kUnavailable/"bad_reply".
Result<std::optional<std::vector<ServerStep>>> ParseLookup(std::string_view data_json);

// LayDanhSachTTHC's and LayThuTuc's items (upper-case keys, §4.1).
struct ServerProcedure {
  std::string code;        // MATTHC
  std::string name;        // TENTTHC
  std::string field_code;  // MALINHVUC, or LINHVUCTHUCHIEN[0].MALINHVUC
  std::string field_name;  // TENLINHVUC
};
Result<std::vector<ServerProcedure>> ParseProcedures(std::string_view data_json);

}  // namespace motcua::sync
