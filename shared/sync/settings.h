// Where and how a station syncs (domain.md §4.1 configuration keys), kept in the store as one setting
// (kSyncSettingsKey, a JSON object, journaled like every setting). The password is never stored: only
// the path of a file that holds it, a file that must be private (mode 0600 or stricter) when read.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "store/store.h"

namespace motcua::sync {

inline constexpr const char* kSyncSettingsKey = "sync.provincial";

struct SyncSettings {
  std::string base_url;          // adapter_url: "https://dvc.tinh.gov.vn" (http only to loopback)
  std::string auth_path;         // auth_endpoint: "/api/auth/login"
  std::string integration_path;  // integration_endpoint
  std::string dstcode;           // the dstcode header
  std::string unit_code;         // madonvi
  std::string username;
  std::string password_file;     // absolute path of a 0600 file whose first line is the password
  std::string ca_file;           // "" = the system's CA store
  std::string file_base_url;     // where the province downloads scans: + SHA-256 (dvc MappingOptions;
                                 //   "" = no links: the portal then sees no digitized file)
  int batch_size = 50;           // records or steps per call, 1..100 (default 50)
  // A step counts as synced on time (indicator 1.4 in its 2026 wording, "đồng bộ đúng hạn") when the
  // server acknowledged it within this many minutes of the step. The portal's own limit is NOT FOUND
  // (domain.md §1.2); default 1440 (the same day and night).
  int on_time_minutes = 1440;
};

// Errors: kCorrupt/"bad_setting" (the stored JSON is not a settings object: edited by hand).
Result<SyncSettings> ParseSyncSettings(std::string_view json);
std::string WriteSyncSettings(const SyncSettings& settings);

// nullopt when the station was never configured.
Result<std::optional<SyncSettings>> LoadSyncSettings(store::Store& store);

// Everything configure checks before storing: the URL (sync/http.h CheckUrl), the paths begin with
// "/", the codes and user name are one line, 1 <= batch_size <= 100, and the password file can be read
// (ReadPassword). Errors: kInvalid naming the field.
Status CheckSyncSettings(const SyncSettings& settings);

// The first line of the password file. Errors: kInvalid/"cannot_read"; kInvalid/"password_file_not_private"
// when group or others may read it (the detail names the file and its mode, never the content);
// kInvalid/"empty_password".
Result<std::string> ReadPassword(const std::string& path);

}  // namespace motcua::sync
