// motcua-provincial serve: runs the stand-in until SIGTERM or SIGINT (see main.cpp for the flags).
//
// Signals: SIGTERM and SIGINT are blocked before any thread starts (the server's threads inherit the
// mask) and taken with sigwait() here, so a signal never interrupts a handler half way; Stop() then
// lets running requests finish and their transactions commit.
#include <pthread.h>
#include <unistd.h>

#include <csignal>
#include <fstream>
#include <ostream>

#include "catalog/catalog_json.h"
#include "commands.h"
#include "common/files.h"
#include "server.h"

namespace motcua::provincial {
namespace {

constexpr std::int64_t kMaxPasswordFileBytes = 4096;

// The first line of the password file, without its line end. The password is never printed.
Result<std::string> ReadPassword(const std::string& path) {
  MOTCUA_ASSIGN_OR_RETURN(std::string text, ReadRegularFile(path, "password-file", kMaxPasswordFileBytes));
  std::string password = text.substr(0, text.find('\n'));
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (password.empty()) return Invalid("password-file", "empty", "the password file's first line is empty");
  return password;
}

// Written aside and renamed into place, so a reader never sees half a number.
Status WritePortFile(const std::string& path, int port) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream file(temporary, std::ios::trunc);
    file << port << "\n";
    if (!file.flush()) return Unavailable("port-file", "cannot_write", "cannot write " + temporary);
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0)
    return Unavailable("port-file", "cannot_write", "cannot rename " + temporary + " to " + path);
  return Ok();
}

struct ServeFlags {
  ServerOptions server;
  std::string port_file;  // "" = none
};

Result<ServeFlags> ParseServeFlags(Args& args) {
  ServeFlags f;
  MOTCUA_ASSIGN_OR_RETURN(std::string db, args.RequiredFlag("db"));
  f.server.db_path = db;
  MOTCUA_ASSIGN_OR_RETURN(std::string port, args.RequiredFlag("port"));
  MOTCUA_ASSIGN_OR_RETURN(long long port_number, ParseWhole(port, "port", 0, 65535));
  f.server.port = static_cast<int>(port_number);
  MOTCUA_ASSIGN_OR_RETURN(f.server.dstcode, args.RequiredFlag("dstcode"));
  MOTCUA_ASSIGN_OR_RETURN(f.server.credentials.user, args.RequiredFlag("user"));
  MOTCUA_ASSIGN_OR_RETURN(std::string password_file, args.RequiredFlag("password-file"));
  MOTCUA_ASSIGN_OR_RETURN(f.server.credentials.password, ReadPassword(password_file));
  MOTCUA_ASSIGN_OR_RETURN(auto host, args.Flag("host"));
  if (host) f.server.host = *host;
  MOTCUA_ASSIGN_OR_RETURN(auto auth_path, args.Flag("auth-path"));
  if (auth_path) f.server.auth_path = *auth_path;
  MOTCUA_ASSIGN_OR_RETURN(auto integration_path, args.Flag("integration-path"));
  if (integration_path) f.server.integration_path = *integration_path;
  MOTCUA_ASSIGN_OR_RETURN(auto ttl, args.Flag("session-ttl"));
  if (ttl) {
    MOTCUA_ASSIGN_OR_RETURN(long long seconds, ParseWhole(*ttl, "session-ttl", 1, 365LL * 24 * 3600));
    f.server.session_ttl = std::chrono::seconds(seconds);
  }
  MOTCUA_ASSIGN_OR_RETURN(auto offset, args.Flag("clock-offset-seconds"));
  if (offset) {
    constexpr long long kTenYears = 10LL * 366 * 24 * 3600;
    MOTCUA_ASSIGN_OR_RETURN(long long seconds, ParseWhole(*offset, "clock-offset-seconds", -kTenYears, kTenYears));
    f.server.clock_offset = std::chrono::seconds(seconds);
  }
  MOTCUA_ASSIGN_OR_RETURN(auto catalog_path, args.Flag("catalog"));
  if (catalog_path) {
    MOTCUA_ASSIGN_OR_RETURN(f.server.procedures, catalog::LoadCatalogFile(*catalog_path));
  }
  MOTCUA_ASSIGN_OR_RETURN(auto faults, args.Flags("fault"));
  if (faults.size() > 1) return Invalid("fault", "repeated", "give --fault once: one fault is armed at a time");
  if (!faults.empty()) {
    MOTCUA_ASSIGN_OR_RETURN(f.server.initial_fault, ParseFaultFlag(faults.front()));
  }
  MOTCUA_ASSIGN_OR_RETURN(auto port_file, args.Flag("port-file"));
  if (port_file) f.port_file = *port_file;
  MOTCUA_TRY(args.Done());
  if (!IsLoopbackHost(f.server.host))
    return Invalid("host", "not_loopback", "the stand-in serves loopback only (127.0.0.1, ::1), not " + f.server.host);
  return f;
}

}  // namespace

int RunServe(Args& args, std::ostream& out, std::ostream& err) {
  auto flags = ParseServeFlags(args);
  if (!flags) return ReportError(err, flags.error());

  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  // The address clients use: "localhost" is bound as 127.0.0.1, an IPv6 literal needs brackets.
  std::string host = flags->server.host == "localhost" ? "127.0.0.1" : flags->server.host;
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  auto server = ProvincialServer::Start(std::move(flags->server));
  if (!server) return ReportError(err, server.error());
  if (!flags->port_file.empty()) {
    if (auto written = WritePortFile(flags->port_file, (*server)->port()); !written)
      return ReportError(err, written.error());
  }
  out << "listening on " << host << ":" << (*server)->port() << std::endl;

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  (*server)->Stop();
  err << "motcua-provincial: stopped (" << (signal_number == SIGINT ? "SIGINT" : "SIGTERM") << ")" << std::endl;
  return kExitOk;
}

}  // namespace motcua::provincial
