// The provincial protocol's login and services, without HTTP: a parsed JSON request in, a reply out
// (HTTP status and JSON body). server.cpp puts them on the wire, adding the dstcode check, the Date
// header, "server_time" and faults. The contract is tests/provincial/README.md; domain.md §4.1-§4.3b
// is where it comes from.
//
// Replies (error_code always a string):
//   login     {"error_code":"0","message":"Đăng nhập thành công","session":TOKEN}
//             bad credentials: HTTP 200 {"error_code":"-1","message":"Sai tên đăng nhập hoặc mật khẩu"}
//   any call  without a live session: HTTP 401 {"error_code":"401",...}; madonvi missing or empty,
//             service missing or unknown: {"error_code":"-1",...}
//   DongBoHoSoMC, CapNhatTienDoHoSoMC: atomic batches of 1..100; the first problem found is the reply
//             and nothing of the batch is stored:
//               a bad field   {"error_code":"-1","message":"Hồ sơ <MaHoSo>: trường <Field> <problem>","MaHoSo":…}
//                             (a record without a usable MaHoSo is "Hồ sơ thứ <n>", its position, with
//                             "MaHoSo":""; a step is "Hồ sơ <MaHoSo>, bước thứ <n>: trường …", or
//                             "Bước thứ <n>: trường …" without a usable MaHoSo)
//               a MaHoSo twice in one batch of records  {"error_code":"-1","message":"Hồ sơ <M> có hai lần trong cùng một lô",…}
//               create of a stored MaHoSo   {"error_code":"3","message":"Hồ sơ <M> đã tồn tại","MaHoSo":…}
//               update, or a step, of an unknown one  {"error_code":"-1","message":"Hồ sơ <M> không tồn tại","MaHoSo":…}
//   a database failure: HTTP 500 {"error_code":"500","message":"Lỗi máy chủ nội bộ"} (nothing stored).
#pragma once

#include <string>
#include <vector>

#include "catalog/procedure.h"
#include "common/time.h"
#include "sessions.h"
#include "stats.h"
#include "storage.h"
#include "validate.h"

namespace motcua::provincial {

inline constexpr std::size_t kMaxBatch = 100;  // records or steps per call

struct Reply {
  int http_status = 200;
  Json body = Json::object();  // "server_time" is added by the server
};
// {"error_code": error_code, "message": message} with `http_status`; success replies use it too.
Reply MakeReply(int http_status, const std::string& error_code, const std::string& message);
// The reply of an internal failure (and of the http500 / fail_after_store faults: the same bytes).
Reply InternalErrorReply();

struct Credentials {
  std::string user;
  std::string password;  // never logged or printed
};

class Services {
 public:
  Services(Credentials credentials, std::vector<catalog::Procedure> procedures, ProvincialStore& store,
           SessionTable& sessions, Stats& stats)
      : credentials_(std::move(credentials)),
        procedures_(std::move(procedures)),
        store_(store),
        sessions_(sessions),
        stats_(stats) {}

  // `request` is the parsed body (a JSON object); `now` the server's clock, for stored times.
  Reply Login(const Json& request);
  Reply Call(const Json& request, Instant now);

 private:
  Reply SyncRecords(const Json& request, const std::string& unit_code, Instant now);
  Reply UpdateProgress(const Json& request, Instant now);
  Reply LookUpRecord(const Json& request);
  Reply DescribeProcedure(const Json& request);

  Credentials credentials_;
  std::vector<catalog::Procedure> procedures_;
  ProvincialStore& store_;
  SessionTable& sessions_;
  Stats& stats_;
};

}  // namespace motcua::provincial
