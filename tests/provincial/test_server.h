// Helpers for the stand-in's tests: a server started in-process on a free loopback port over a fresh
// database, an httplib client speaking the protocol to it, and the real binary run as a child process.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <httplib.h>

#include "samples.h"
#include "support/fixtures.h"
#include "server.h"
#include "validate.h"

namespace motcua::provincial::testing {

inline constexpr const char* kDstcode = "000.00.00.H60";  // a province root in QCVN-102 form (domain.md §4.4)
inline constexpr const char* kUser = "motcua-sync";
inline constexpr const char* kPassword = "Mật-khẩu-tỉnh-2026";
inline constexpr const char* kUnit = "000.00.12.H60";       // madonvi

// The core tests' temporary directory (tests/support/fixtures.h).
using ::motcua::testing::TempDir;

struct HttpReply {
  int status = 0;            // 0 = no reply (transport error)
  httplib::Error error = httplib::Error::Success;
  httplib::Headers headers;
  std::string body;
  Json json;                 // parsed body; discarded when not JSON
  // The reply's error_code ("0": success), "?" when absent, "(not JSON)" when the body was not JSON.
  std::string error_code() const { return json.is_object() ? json.value("error_code", "?") : "(not JSON)"; }
};

// The stand-in, running in this process for one test.
class TestServer {
 public:
  // `adjust` may change the options before the start (ttl, offset, fault, catalog, ...).
  explicit TestServer(const std::function<void(ServerOptions&)>& adjust = {});
  ~TestServer();

  int port() const { return server_ ? server_->port() : 0; }  // 0 when the start failed (already reported)
  const std::filesystem::path& db_path() const { return db_path_; }
  ProvincialServer& server() { return *server_; }

  // A client with short timeouts (read: `read_timeout`), no keep-alive.
  std::unique_ptr<httplib::Client> Client(std::chrono::milliseconds read_timeout = std::chrono::seconds(5)) const;
  // POST `body` (JSON) to `path` with the dstcode header (unless `with_dstcode` is false).
  HttpReply Post(const std::string& path, const Json& body, bool with_dstcode = true,
                 std::chrono::milliseconds read_timeout = std::chrono::seconds(5)) const;
  HttpReply PostRaw(const std::string& path, const std::string& body, const std::string& content_type,
                    bool with_dstcode = true) const;
  HttpReply Get(const std::string& path) const;
  HttpReply Delete(const std::string& path) const;

  // Logs in as kUser; fails the test (and returns "") on anything but success.
  std::string Login() const;
  // One integration call with a fresh session (or `session`), madonvi kUnit and `fields` added.
  HttpReply Call(const std::string& service, const Json& fields, const std::string& session = "",
                 std::chrono::milliseconds read_timeout = std::chrono::seconds(5)) const;
  // DongBoHoSoMC / CapNhatTienDoHoSoMC conveniences.
  HttpReply Sync(const std::vector<Json>& records, bool updating, const std::string& session = "") const;
  HttpReply Steps(const std::vector<Json>& steps, const std::string& session = "") const;
  // POST /admin/faults.
  void ArmFault(const Json& fault) const;
  Json Stats() const;

 private:
  TempDir dir_;
  std::filesystem::path db_path_;
  std::unique_ptr<ProvincialServer> server_;
  mutable std::string session_;  // reused by Call() when no session is given
};

// Runs build/bin/motcua-provincial with `args` to completion; stdin is /dev/null.
struct ToolResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
ToolResult RunTool(const std::vector<std::string>& args);

// build/bin/motcua-provincial serve ... as a child process, stdout read through a pipe.
class ChildServer {
 public:
  explicit ChildServer(const std::vector<std::string>& args);
  ~ChildServer();  // SIGKILLs it if still running
  // The first stdout line, waiting up to `timeout`; nullopt on EOF or timeout.
  std::optional<std::string> ReadLine(std::chrono::milliseconds timeout);
  // Sends `signal_number` and waits up to `timeout` for the exit; the exit code, or -1 (timeout or
  // killed by a signal).
  int StopWith(int signal_number, std::chrono::milliseconds timeout);
  std::string Stderr() const;

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  TempDir dir_;  // holds the stderr file
  std::string buffered_;
};

std::filesystem::path ToolPath();  // build/bin/motcua-provincial

}  // namespace motcua::provincial::testing
