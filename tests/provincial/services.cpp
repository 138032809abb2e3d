#include "services.h"

#include <iostream>
#include <set>

#include "common/crypto.h"
#include "procedures.h"
#include "records_json.h"

namespace motcua::provincial {
namespace {

constexpr const char* kSyncRecords = "DongBoHoSoMC";
constexpr const char* kUpdateProgress = "CapNhatTienDoHoSoMC";
constexpr const char* kLookUpRecord = "TraCuuHoSo";
constexpr const char* kListProcedures = "LayDanhSachTTHC";
constexpr const char* kDescribeProcedure = "LayThuTuc";

// A string member, or "" when absent or not a string.
std::string StringOr(const Json& object, const char* key) {
  if (!object.is_object() || !object.contains(key) || !object[key].is_string()) return "";
  return object[key].get<std::string>();
}

// What a message calls a record or step: its MaHoSo, or its position when it has none.
std::string Label(const Json& item, std::size_t index) {
  const std::string code = StringOr(item, "MaHoSo");
  return code.empty() ? "thứ " + std::to_string(index + 1) : code;
}

Reply Rejected(const std::string& error_code, const std::string& message, const std::string& dossier_code) {
  Reply r = MakeReply(200, error_code, message);
  r.body["MaHoSo"] = dossier_code;
  return r;
}

std::string Describe(const FieldProblem& p) {
  return p.field.empty() ? p.problem : "trường " + p.field + " " + p.problem;
}

// "data": an array of 1..kMaxBatch items, else the reply refusing it.
std::optional<Reply> CheckBatch(const Json& request, const char* what) {
  if (!request.contains("data") || !request["data"].is_array() || request["data"].empty() ||
      request["data"].size() > kMaxBatch)
    return MakeReply(200, "-1",
                      std::string("Trường data phải là mảng từ 1 đến ") + std::to_string(kMaxBatch) + " " + what);
  return std::nullopt;
}

// Logs a database failure (English, for the operator; never a secret) and gives the reply.
Reply DatabaseFailure(const Error& e) {
  std::cerr << "motcua-provincial: " << e.Describe() << std::endl;
  return InternalErrorReply();
}

bool SameSecret(const std::string& a, const std::string& b) {
  const Sha256Digest da = Sha256(a), db = Sha256(b);
  return ConstantTimeEqual(std::string_view(reinterpret_cast<const char*>(da.data()), da.size()),
                           std::string_view(reinterpret_cast<const char*>(db.data()), db.size()));
}

}  // namespace

Reply MakeReply(int http_status, const std::string& error_code, const std::string& message) {
  return Reply{http_status, Json{{"error_code", error_code}, {"message", message}}};
}

Reply InternalErrorReply() { return MakeReply(500, "500", "Lỗi máy chủ nội bộ"); }

Reply Services::Login(const Json& request) {
  const bool ok = request.contains("username") && request["username"].is_string() && request.contains("password") &&
                  request["password"].is_string() &&
                  SameSecret(request["username"].get<std::string>(), credentials_.user) &&
                  SameSecret(request["password"].get<std::string>(), credentials_.password);
  stats_.Login(ok);
  if (!ok) return MakeReply(200, "-1", "Sai tên đăng nhập hoặc mật khẩu");
  Reply r = MakeReply(200, "0", "Đăng nhập thành công");
  r.body["session"] = sessions_.Open();
  return r;
}

Reply Services::Call(const Json& request, Instant now) {
  if (!request.contains("session") || !request["session"].is_string() ||
      !sessions_.IsValid(request["session"].get_ref<const std::string&>()))
    return MakeReply(401, "401", "Phiên làm việc không hợp lệ hoặc đã hết hạn");
  const std::string unit_code = StringOr(request, "madonvi");
  if (unit_code.empty()) return MakeReply(200, "-1", "Thiếu mã đơn vị (madonvi)");
  const std::string service = StringOr(request, "service");
  if (service.empty()) return MakeReply(200, "-1", "Thiếu tên dịch vụ (service)");
  const bool known = service == kSyncRecords || service == kUpdateProgress || service == kLookUpRecord ||
                     service == kListProcedures || service == kDescribeProcedure;
  stats_.Call(known ? service : "(không hỗ trợ)");  // unknown names lumped: a hostile client cannot grow the map
  if (service == kSyncRecords) return SyncRecords(request, unit_code, now);
  if (service == kUpdateProgress) return UpdateProgress(request, now);
  if (service == kLookUpRecord) return LookUpRecord(request);
  if (service == kDescribeProcedure) return DescribeProcedure(request);
  if (service == kListProcedures) {
    Reply r = MakeReply(200, "0", "Thành công");
    r.body["data"] = ProcedureList(procedures_);
    return r;
  }
  return MakeReply(200, "-1", "Dịch vụ " + service + " không được hỗ trợ");
}

Reply Services::SyncRecords(const Json& request, const std::string& unit_code, Instant now) {
  auto reject = [&](Reply r) {
    stats_.RejectedBatch();
    return r;
  };
  const std::string updating = StringOr(request, "isUpdating");
  if (updating != "True" && updating != "False")
    return reject(MakeReply(200, "-1", "Trường isUpdating phải là \"True\" hoặc \"False\""));
  const bool is_update = updating == "True";
  if (auto r = CheckBatch(request, "hồ sơ")) return reject(*r);
  const Json& data = request["data"];

  std::set<std::string> seen;
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (auto p = ValidateRecord(data[i]))
      return reject(Rejected("-1", "Hồ sơ " + Label(data[i], i) + ": " + Describe(*p), StringOr(data[i], "MaHoSo")));
    const std::string code = data[i]["MaHoSo"].get<std::string>();
    if (!seen.insert(code).second)
      return reject(Rejected("-1", "Hồ sơ " + code + " có hai lần trong cùng một lô", code));
  }

  std::optional<Reply> refused;
  Status written = store_.Transaction(true, [&](Tx& tx) -> Status {
    for (const Json& record : data) {
      const std::string code = record["MaHoSo"].get<std::string>();
      MOTCUA_ASSIGN_OR_RETURN(bool exists, tx.HasRecord(code));
      if (!is_update && exists) {
        refused = Rejected("3", "Hồ sơ " + code + " đã tồn tại", code);
        return Ok();  // nothing written yet: the commit is empty
      }
      if (is_update && !exists) {
        refused = Rejected("-1", "Hồ sơ " + code + " không tồn tại", code);
        return Ok();
      }
    }
    for (const Json& record : data) {
      const std::string code = record["MaHoSo"].get<std::string>();
      const std::string body = record.dump(-1, ' ', false, Json::error_handler_t::replace);
      MOTCUA_TRY(is_update ? tx.ReplaceRecord(code, unit_code, body, now) : tx.InsertRecord(code, unit_code, body, now));
    }
    return Ok();
  });
  if (!written) return DatabaseFailure(written.error());
  if (refused) return reject(*refused);
  const auto n = static_cast<std::int64_t>(data.size());
  stats_.Stored(is_update ? 0 : n, is_update ? n : 0, 0, 0);
  return MakeReply(200, "0", "Đồng bộ thành công " + std::to_string(n) + " hồ sơ");
}

Reply Services::UpdateProgress(const Json& request, Instant now) {
  auto reject = [&](Reply r) {
    stats_.RejectedBatch();
    return r;
  };
  if (auto r = CheckBatch(request, "bước")) return reject(*r);
  const Json& data = request["data"];
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (auto p = ValidateStep(data[i]))
    {
      const std::string code = StringOr(data[i], "MaHoSo");
      const std::string n = std::to_string(i + 1);
      const std::string who = code.empty() ? "Bước thứ " + n : "Hồ sơ " + code + ", bước thứ " + n;
      return reject(Rejected("-1", who + ": " + Describe(*p), code));
    }
  }

  std::optional<Reply> refused;
  std::int64_t duplicates = 0;
  Status written = store_.Transaction(true, [&](Tx& tx) -> Status {
    for (const Json& step : data) {
      const std::string code = step["MaHoSo"].get<std::string>();
      MOTCUA_ASSIGN_OR_RETURN(bool exists, tx.HasRecord(code));
      if (!exists) {
        refused = Rejected("-1", "Hồ sơ " + code + " không tồn tại", code);
        return Ok();
      }
    }
    for (const Json& step : data) {
      const std::string code = step["MaHoSo"].get<std::string>();
      // Sorted keys: the same step sent with its keys in another order is still the same step.
      const std::string canonical = nlohmann::json(step).dump(-1, ' ', false, Json::error_handler_t::replace);
      MOTCUA_ASSIGN_OR_RETURN(bool repeated, tx.HasStep(code, canonical));
      if (repeated) ++duplicates;
      MOTCUA_TRY(tx.AppendStep(code, step.dump(-1, ' ', false, Json::error_handler_t::replace), canonical, now));
    }
    return Ok();
  });
  if (!written) return DatabaseFailure(written.error());
  if (refused) return reject(*refused);
  const auto n = static_cast<std::int64_t>(data.size());
  stats_.Stored(0, 0, n, duplicates);
  return MakeReply(200, "0", "Cập nhật tiến độ thành công " + std::to_string(n) + " bước");
}

Reply Services::LookUpRecord(const Json& request) {
  const std::string code = StringOr(request, "MaHoSo");
  if (code.empty()) return MakeReply(200, "-1", "Thiếu MaHoSo");
  std::optional<StoredRecord> found;
  Status read = store_.Transaction(false, [&](Tx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(found, tx.LoadRecord(code));
    return Ok();
  });
  if (!read) return DatabaseFailure(read.error());
  if (!found) {
    Reply r = MakeReply(200, "0", "Không tìm thấy hồ sơ");
    r.body["data"] = nullptr;
    return r;
  }
  auto record = RecordWithSteps(*found);
  if (!record) return DatabaseFailure(record.error());
  Reply r = MakeReply(200, "0", "Thành công");
  r.body["data"] = std::move(*record);
  return r;
}

Reply Services::DescribeProcedure(const Json& request) {
  std::optional<Json> detail = ProcedureDetail(procedures_, StringOr(request, "MaTTHC"));
  if (!detail) return MakeReply(200, "-1", "Không tìm thấy thủ tục");
  Reply r = MakeReply(200, "0", "Thành công");
  r.body["data"] = std::move(*detail);
  return r;
}

}  // namespace motcua::provincial
