#include "provincial_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include <httplib.h>

#include "support/fixtures.h"

namespace motcua::testing {

namespace {
const std::string kBin = std::string(MOTCUA_BIN_DIR) + "/motcua-provincial";
}

ProvincialProcess::ProvincialProcess(const std::filesystem::path& dir, std::vector<std::string> extra) : dir_(dir) {
  const std::string password_file = (dir_ / "provincial.password").string();
  std::ofstream(password_file) << Password() << "\n";
  ::chmod(password_file.c_str(), 0600);
  const std::string port_file = (dir_ / "provincial.port").string();
  std::filesystem::remove(port_file);
  std::vector<std::string> args = {kBin,          "serve",  "--db",         (dir_ / "provincial.db").string(),
                                   "--port",      "0",      "--dstcode",    "H56",
                                   "--user",      "motcua", "--password-file", password_file,
                                   "--port-file", port_file};
  args.insert(args.end(), extra.begin(), extra.end());
  pid_ = ::fork();
  if (pid_ == 0) {
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::execv(kBin.c_str(), argv.data());
    ::_exit(127);
  }
  for (int i = 0; i < 500 && port_ == 0; ++i) {
    std::ifstream in(port_file);
    int port = 0;
    if (in >> port && port > 0) port_ = port;
    else std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

ProvincialProcess::~ProvincialProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
}

void ProvincialProcess::Kill() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    port_ = 0;
  }
}

sync::SyncSettings ProvincialProcess::Settings() const {
  sync::SyncSettings s;
  s.base_url = "http://127.0.0.1:" + std::to_string(port_);
  s.auth_path = "/api/auth/login";
  s.integration_path = "/api/integration";
  s.dstcode = "H56";
  s.unit_code = "000.00.00.H56";
  s.username = "motcua";
  s.password_file = (dir_ / "provincial.password").string();
  return s;
}

bool ProvincialProcess::Fault(const std::string& kind, int count, int delay_ms, int retry_after) {
  httplib::Client c("127.0.0.1", port_);
  nlohmann::json body{{"fault", kind}, {"count", count}};
  if (delay_ms) body["delay_ms"] = delay_ms;
  if (retry_after) body["retry_after"] = retry_after;
  auto r = c.Post("/admin/faults", body.dump(), "application/json");
  return r && r->status == 200;
}

void ProvincialProcess::ClearFaults() {
  httplib::Client c("127.0.0.1", port_);
  c.Delete("/admin/faults");
}

nlohmann::json ProvincialProcess::Stats() {
  httplib::Client c("127.0.0.1", port_);
  auto r = c.Get("/admin/stats");
  if (!r || r->status != 200) return nlohmann::json();
  return nlohmann::json::parse(r->body, nullptr, false);
}

nlohmann::json ProvincialProcess::Records() {
  auto out = RunCommand({kBin, "records", "--db", (dir_ / "provincial.db").string()});
  return nlohmann::json::parse(out.out, nullptr, false);
}

}  // namespace motcua::testing
