#include "sync/settings.h"

#include <sys/stat.h>

#include <cstdio>

#include <nlohmann/json.hpp>

#include "common/files.h"
#include "common/text.h"
#include "sync/http.h"

namespace motcua::sync {
namespace {

using Json = nlohmann::json;

Error BadSetting(std::string detail) { return Corrupt(kSyncSettingsKey, "bad_setting", std::move(detail)); }

Status ReadText(const Json& j, const char* key, std::string& out) {
  auto it = j.find(key);
  if (it == j.end()) return Ok();
  if (!it->is_string()) return BadSetting(std::string(key) + " is not a string");
  out = it->get<std::string>();
  return Ok();
}

Status ReadInt(const Json& j, const char* key, int& out) {
  auto it = j.find(key);
  if (it == j.end()) return Ok();
  if (!it->is_number_integer() || it->get<std::int64_t>() < 1 || it->get<std::int64_t>() > 1'000'000)
    return BadSetting(std::string(key) + " is not a whole number from 1 to 1000000");
  out = it->get<int>();
  return Ok();
}

}  // namespace

Result<SyncSettings> ParseSyncSettings(std::string_view text) {
  const Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return BadSetting("the stored value is not a JSON object");
  SyncSettings s;
  MOTCUA_TRY(ReadText(j, "url", s.base_url));
  MOTCUA_TRY(ReadText(j, "auth_path", s.auth_path));
  MOTCUA_TRY(ReadText(j, "integration_path", s.integration_path));
  MOTCUA_TRY(ReadText(j, "dstcode", s.dstcode));
  MOTCUA_TRY(ReadText(j, "madonvi", s.unit_code));
  MOTCUA_TRY(ReadText(j, "username", s.username));
  MOTCUA_TRY(ReadText(j, "password_file", s.password_file));
  MOTCUA_TRY(ReadText(j, "ca_file", s.ca_file));
  MOTCUA_TRY(ReadText(j, "file_base_url", s.file_base_url));
  MOTCUA_TRY(ReadInt(j, "batch_size", s.batch_size));
  MOTCUA_TRY(ReadInt(j, "on_time_minutes", s.on_time_minutes));
  return s;
}

std::string WriteSyncSettings(const SyncSettings& s) {
  const nlohmann::ordered_json j{
      {"url", s.base_url},         {"auth_path", s.auth_path}, {"integration_path", s.integration_path},
      {"dstcode", s.dstcode},      {"madonvi", s.unit_code},   {"username", s.username},
      {"password_file", s.password_file}, {"ca_file", s.ca_file}, {"file_base_url", s.file_base_url}, {"batch_size", s.batch_size},
      {"on_time_minutes", s.on_time_minutes},
  };
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Result<std::optional<SyncSettings>> LoadSyncSettings(store::Store& store) {
  MOTCUA_ASSIGN_OR_RETURN(auto text, store.GetSetting(kSyncSettingsKey));
  if (!text) return std::optional<SyncSettings>();
  MOTCUA_ASSIGN_OR_RETURN(SyncSettings s, ParseSyncSettings(*text));
  return std::optional<SyncSettings>(std::move(s));
}

Status CheckSyncSettings(const SyncSettings& s) {
  MOTCUA_TRY(CheckUrl(s.base_url));
  for (auto [path, field] : {std::pair{&s.auth_path, "auth_path"}, {&s.integration_path, "integration_path"}}) {
    if (path->empty() || path->front() != '/')
      return Invalid(field, "bad_path", std::string("--") + field + " must begin with /");
    MOTCUA_TRY(CheckTextLine(*path, field, kMaxLabelChars));
  }
  for (auto [value, field] : {std::pair{&s.dstcode, "dstcode"}, {&s.unit_code, "madonvi"}, {&s.username, "username"}}) {
    if (value->empty()) return Invalid(field, "required", std::string("--") + field + " is required");
    MOTCUA_TRY(CheckTextLine(*value, field, kMaxCodeChars));
  }
  if (s.batch_size < 1 || s.batch_size > 100) return Invalid("batch_size", "out_of_range", "batch size is 1 to 100");
  if (s.password_file.empty() || s.password_file.front() != '/')
    return Invalid("password_file", "bad_path", "--password-file must be an absolute path");
  if (auto password = ReadPassword(s.password_file); !password) return password.error();
  if (!s.ca_file.empty()) MOTCUA_TRY(ReadRegularFile(s.ca_file, "ca_file", kMaxJsonFileBytes));
  return Ok();
}

Result<std::string> ReadPassword(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    return Invalid("password_file", "cannot_read", "cannot read the password file " + path);
  if ((st.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", unsigned(st.st_mode & 07777));
    return Invalid("password_file", "password_file_not_private",
                   "the password file " + path + " has mode " + mode + ": make it 0600 (chmod 600 " + path + ")");
  }
  MOTCUA_ASSIGN_OR_RETURN(std::string text, ReadRegularFile(path, "password_file", 4096));
  text = text.substr(0, text.find_first_of("\r\n"));
  if (text.empty()) return Invalid("password_file", "empty_password", "the password file " + path + " is empty");
  return text;
}

}  // namespace motcua::sync
