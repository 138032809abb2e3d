#include "sync/reply.h"

#include <nlohmann/json.hpp>

#include "dvc/national_record.h"

namespace motcua::sync {
namespace {

using Json = nlohmann::json;

Error BadReply(std::string detail) { return Unavailable("reply", "bad_reply", std::move(detail)); }

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// A scalar as text: strings as they are, whole numbers in decimal; absent or null is "".
Result<std::string> Text(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::string();
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  if (it->is_number_unsigned()) return std::to_string(it->get<std::uint64_t>());
  return BadReply(std::string(key) + " is neither a string nor a whole number");
}

Result<Json> ParseJson(std::string_view text) {
  if (text.size() > kMaxReplyBytes) return BadReply("the reply is larger than 4 MiB");
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded()) return BadReply("the reply is not JSON");
  return j;
}

}  // namespace

bool Reply::AlreadyExists() const { return Contains(message, "đã tồn tại") || Contains(message, "da ton tai"); }

bool Reply::SessionRefused() const {
  if (error_code == "401" || error_code == "403") return true;
  for (std::string_view word : {"phiên", "Phiên", "session", "Session", "token"})
    if (Contains(message, word)) return true;
  return false;
}

Result<Reply> ParseReply(std::string_view body) {
  MOTCUA_ASSIGN_OR_RETURN(Json j, ParseJson(body));
  if (!j.is_object()) return BadReply("the reply is not a JSON object");
  Reply r;
  MOTCUA_ASSIGN_OR_RETURN(r.error_code, Text(j, "error_code"));
  MOTCUA_ASSIGN_OR_RETURN(r.message, Text(j, "message"));
  MOTCUA_ASSIGN_OR_RETURN(r.session, Text(j, "session"));
  MOTCUA_ASSIGN_OR_RETURN(r.dossier_code, Text(j, "MaHoSo"));
  MOTCUA_ASSIGN_OR_RETURN(std::string server_time, Text(j, "server_time"));
  if (!server_time.empty()) {
    auto at = dvc::ParseNationalDate(server_time, "server_time");
    if (!at) return BadReply("server_time is not a date: " + at.error().detail);
    r.server_time = *at;
  }
  if (r.error_code.empty()) return BadReply("the reply has no error_code");
  auto data = j.find("data");
  r.data_json = data == j.end() ? "null" : data->dump(-1, ' ', false, Json::error_handler_t::replace);
  return r;
}

Result<std::optional<std::vector<ServerStep>>> ParseLookup(std::string_view data_json) {
  MOTCUA_ASSIGN_OR_RETURN(Json j, ParseJson(data_json));
  if (j.is_null()) return std::optional<std::vector<ServerStep>>();
  if (!j.is_object()) return BadReply("TraCuuHoSo's data is not an object");
  std::vector<ServerStep> steps;
  auto list = j.find("QuaTrinhXuLy");
  if (list != j.end() && !list->is_null()) {
    if (!list->is_array()) return BadReply("QuaTrinhXuLy is not an array");
    for (const Json& item : *list) {
      if (!item.is_object()) return BadReply("a QuaTrinhXuLy item is not an object");
      ServerStep s;
      MOTCUA_ASSIGN_OR_RETURN(s.at, Text(item, "ThoiDiemXuLy"));
      MOTCUA_ASSIGN_OR_RETURN(s.status, Text(item, "TrangThai"));
      MOTCUA_ASSIGN_OR_RETURN(s.content, Text(item, "NoiDungXuLy"));
      steps.push_back(std::move(s));
    }
  }
  return std::optional<std::vector<ServerStep>>(std::move(steps));
}

Result<std::vector<ServerProcedure>> ParseProcedures(std::string_view data_json) {
  MOTCUA_ASSIGN_OR_RETURN(Json j, ParseJson(data_json));
  if (j.is_object()) j = Json::array({j});  // LayThuTuc answers one procedure
  if (!j.is_array()) return BadReply("the procedure list is not an array");
  std::vector<ServerProcedure> out;
  for (const Json& item : j) {
    if (!item.is_object()) return BadReply("a procedure is not an object");
    ServerProcedure p;
    MOTCUA_ASSIGN_OR_RETURN(p.code, Text(item, "MATTHC"));
    MOTCUA_ASSIGN_OR_RETURN(p.name, Text(item, "TENTTHC"));
    MOTCUA_ASSIGN_OR_RETURN(p.field_code, Text(item, "MALINHVUC"));
    MOTCUA_ASSIGN_OR_RETURN(p.field_name, Text(item, "TENLINHVUC"));
    auto fields = item.find("LINHVUCTHUCHIEN");
    if (fields != item.end() && fields->is_array() && !fields->empty() && fields->front().is_object()) {
      const Json& first = fields->front();
      if (p.field_code.empty()) {
        MOTCUA_ASSIGN_OR_RETURN(p.field_code, Text(first, "MALINHVUC"));
      }
      if (p.field_name.empty()) {
        MOTCUA_ASSIGN_OR_RETURN(p.field_name, Text(first, "TENLINHVUC"));
      }
    }
    if (p.code.empty()) return BadReply("a procedure has no MATTHC");
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace motcua::sync
