// The provincial stand-in's HTTP server (cpp-httplib, loopback only): the transport half of the
// contract in tests/provincial/README.md. services.h answers the calls; this file adds
//   - the dstcode header check (HTTP 400), the Content-Type and JSON checks (HTTP 400);
//   - the HTTP Date header (IMF-fixdate, GMT) on every reply and "server_time" (yyyyMMddHHmmss,
//     Vietnam time) in every JSON reply, both from the server's clock plus its offset;
//   - faults on command (faults.h) and the admin endpoints, loopback callers only, no dstcode:
//       POST /admin/faults {"fault":KIND,"count":N,"retry_after":S,"delay_ms":D}, DELETE /admin/faults,
//       GET /admin/stats.
// Requests run on httplib's thread pool; the store serialises its transactions, so concurrent calls
// are safe. Stop() wakes any fault that is waiting and returns once every handler has finished.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog/procedure.h"
#include "common/result.h"
#include "common/time.h"
#include "faults.h"
#include "services.h"

namespace motcua::provincial {

struct ServerOptions {
  std::filesystem::path db_path;                 // the SQLite file, created when missing (required)
  std::string host = "127.0.0.1";                // a loopback address: 127.0.0.0/8, ::1 or "localhost"
  int port = 0;                                  // 0 = any free port (see ProvincialServer::port())
  std::string dstcode;                           // the value every call's "dstcode" header must carry (required)
  Credentials credentials;                       // the one account that may log in (required)
  std::string auth_path = "/api/auth/login";     // login
  std::string integration_path = "/api/integration";  // every service
  std::chrono::seconds session_ttl{600};         // a session's life from login (default: 600 s)
  std::chrono::seconds clock_offset{0};          // added to the system clock (default: 0; a skewed server)
  std::vector<catalog::Procedure> procedures;    // LayDanhSachTTHC / LayThuTuc (default: none)
  std::optional<Fault> initial_fault;            // armed at start (--fault)
  std::size_t max_body_bytes = 16u << 20;        // larger requests get HTTP 413 (default: 16 MiB)
};

// Is `host` one this server may bind: a 127.x.x.x or ::1 literal, or "localhost".
bool IsLoopbackHost(const std::string& host);

class ProvincialServer {
 public:
  // Opens the database, binds and starts serving. Errors: kInvalid "host"/"not_loopback",
  // "dstcode"/"required", "user"/"required", "password"/"required", "auth_path"|"integration_path"/
  // "bad_path" (must start with "/", differ, and not be under /admin); the store's errors;
  // kUnavailable "port"/"cannot_bind".
  static Result<std::unique_ptr<ProvincialServer>> Start(ServerOptions options);
  ~ProvincialServer();  // Stop()s
  ProvincialServer(const ProvincialServer&) = delete;
  ProvincialServer& operator=(const ProvincialServer&) = delete;

  int port() const;
  // Stops accepting, wakes waiting faults, and waits for every handler. Idempotent.
  void Stop();

 private:
  struct Impl;
  explicit ProvincialServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace motcua::provincial
