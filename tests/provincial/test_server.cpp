#include "test_server.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

extern char** environ;

namespace motcua::provincial::testing {
namespace {

std::string ReadWhole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

HttpReply ToReply(const httplib::Result& result) {
  HttpReply reply;
  reply.error = result.error();
  if (!result) return reply;
  reply.status = result->status;
  reply.headers = result->headers;
  reply.body = result->body;
  reply.json = Json::parse(reply.body, nullptr, false);
  return reply;
}

httplib::Headers DstcodeHeader(bool with) {
  httplib::Headers h;
  if (with) h.emplace("dstcode", kDstcode);
  return h;
}

}  // namespace

TestServer::TestServer(const std::function<void(ServerOptions&)>& adjust) : db_path_(dir_ / "provincial.db") {
  ServerOptions options;
  options.db_path = db_path_;
  options.dstcode = kDstcode;
  options.credentials = {kUser, kPassword};
  if (adjust) adjust(options);
  auto started = ProvincialServer::Start(std::move(options));
  if (!started) {
    ADD_FAILURE() << "the stand-in did not start: " << started.error().Describe();
    return;
  }
  server_ = std::move(*started);
}

TestServer::~TestServer() {
  if (server_) server_->Stop();
}

std::unique_ptr<httplib::Client> TestServer::Client(std::chrono::milliseconds read_timeout) const {
  auto client = std::make_unique<httplib::Client>("127.0.0.1", port());
  client->set_connection_timeout(std::chrono::seconds(2));
  client->set_read_timeout(read_timeout);
  client->set_write_timeout(std::chrono::seconds(5));
  return client;
}

HttpReply TestServer::Post(const std::string& path, const Json& body, bool with_dstcode,
                           std::chrono::milliseconds read_timeout) const {
  return ToReply(Client(read_timeout)->Post(path, DstcodeHeader(with_dstcode), body.dump(), "application/json"));
}

HttpReply TestServer::PostRaw(const std::string& path, const std::string& body, const std::string& content_type,
                              bool with_dstcode) const {
  return ToReply(Client()->Post(path, DstcodeHeader(with_dstcode), body, content_type));
}

HttpReply TestServer::Get(const std::string& path) const { return ToReply(Client()->Get(path)); }
HttpReply TestServer::Delete(const std::string& path) const { return ToReply(Client()->Delete(path)); }

std::string TestServer::Login() const {
  const HttpReply reply = Post("/api/auth/login", Json{{"username", kUser}, {"password", kPassword}});
  EXPECT_EQ(reply.status, 200) << reply.body;
  if (reply.status != 200 || !reply.json.is_object() || reply.json.value("error_code", "") != "0") {
    ADD_FAILURE() << "login failed: " << reply.body;
    return "";
  }
  return reply.json["session"].get<std::string>();
}

HttpReply TestServer::Call(const std::string& service, const Json& fields, const std::string& session,
                           std::chrono::milliseconds read_timeout) const {
  std::string token = session;
  if (token.empty()) {
    if (session_.empty()) session_ = Login();
    token = session_;
  }
  Json request{{"session", token}, {"madonvi", kUnit}, {"service", service}};
  for (const auto& [key, value] : fields.items()) request[key] = value;
  return Post("/api/integration", request, true, read_timeout);
}

HttpReply TestServer::Sync(const std::vector<Json>& records, bool updating, const std::string& session) const {
  return Call("DongBoHoSoMC", Json{{"isUpdating", updating ? "True" : "False"}, {"data", records}}, session);
}

HttpReply TestServer::Steps(const std::vector<Json>& steps, const std::string& session) const {
  return Call("CapNhatTienDoHoSoMC", Json{{"data", steps}}, session);
}

void TestServer::ArmFault(const Json& fault) const {
  const HttpReply reply = ToReply(Client()->Post("/admin/faults", fault.dump(), "application/json"));
  EXPECT_EQ(reply.status, 200) << reply.body;
}

Json TestServer::Stats() const { return Get("/admin/stats").json; }

std::filesystem::path ToolPath() { return std::filesystem::path(MOTCUA_BIN_DIR) / "motcua-provincial"; }

namespace {

// posix_spawn of the tool with stdin from /dev/null and the given stdout / stderr descriptors.
pid_t Spawn(const std::vector<std::string>& args, int stdout_fd, int stderr_fd) {
  std::vector<std::string> argv_storage{ToolPath().string()};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, stdout_fd, 1);
  posix_spawn_file_actions_adddup2(&actions, stderr_fd, 2);
  pid_t pid = -1;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

int ExitCode(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

}  // namespace

ToolResult RunTool(const std::vector<std::string>& args) {
  TempDir dir;
  const auto out_path = dir / "out", err_path = dir / "err";
  const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  ToolResult result;
  const pid_t pid = Spawn(args, out, err);
  close(out);
  close(err);
  if (pid < 0) {
    ADD_FAILURE() << "cannot start " << ToolPath();
    return result;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = ExitCode(status);
  result.out = ReadWhole(out_path);
  result.err = ReadWhole(err_path);
  return result;
}

ChildServer::ChildServer(const std::vector<std::string>& args) {
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
    ADD_FAILURE() << "pipe failed";
    return;
  }
  const int err = open((dir_ / "err").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  pid_ = Spawn(args, pipe_fds[1], err);
  close(pipe_fds[1]);
  close(err);
  stdout_fd_ = pipe_fds[0];
  if (pid_ < 0) ADD_FAILURE() << "cannot start " << ToolPath();
}

ChildServer::~ChildServer() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  if (stdout_fd_ >= 0) close(stdout_fd_);
}

std::optional<std::string> ChildServer::ReadLine(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (const std::size_t nl = buffered_.find('\n'); nl != std::string::npos) {
      std::string line = buffered_.substr(0, nl);
      buffered_.erase(0, nl + 1);
      return line;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::nullopt;
    pollfd p{stdout_fd_, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) return std::nullopt;
    char chunk[512];
    const ssize_t n = read(stdout_fd_, chunk, sizeof chunk);
    if (n <= 0) return std::nullopt;
    buffered_.append(chunk, static_cast<std::size_t>(n));
  }
}

int ChildServer::StopWith(int signal_number, std::chrono::milliseconds timeout) {
  if (pid_ <= 0) return -1;
  kill(pid_, signal_number);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return ExitCode(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return -1;
}

std::string ChildServer::Stderr() const { return ReadWhole(dir_ / "err"); }

}  // namespace motcua::provincial::testing
