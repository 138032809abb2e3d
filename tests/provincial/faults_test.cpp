// Every fault of faults.h as a client sees it, and whether the call was processed (checked with
// TraCuuHoSo afterwards). Delays are short so the whole binary stays fast. The connection-level
// faults (reset, truncated) are also read with a raw socket, which tells an RST from a FIN.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <thread>

#include "test_server.h"

namespace motcua::provincial {
namespace {

using Clock = std::chrono::steady_clock;
using testing::HttpReply;
using testing::kDstcode;
using testing::SampleRecord;
using testing::TestServer;


bool Stored(const TestServer& server, const std::string& code) {
  const HttpReply r = server.Call("TraCuuHoSo", Json{{"MaHoSo", code}});
  EXPECT_EQ(r.error_code(), "0") << r.body;
  return r.json.is_object() && r.json["data"].is_object();
}

// What a raw TCP client reads for one request: every byte until EOF or an error.
struct RawRead {
  std::string bytes;
  int error = 0;  // errno of the failed read (ECONNRESET for a reset); 0 for a clean EOF
};

RawRead RawPost(int port, const std::string& path, const std::string& body) {
  RawRead out;
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    out.error = errno;
    close(fd);
    return out;
  }
  const std::string request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\ndstcode: " +
                              kDstcode + "\r\nContent-Type: application/json\r\nContent-Length: " +
                              std::to_string(body.size()) + "\r\n\r\n" + body;
  (void)send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  const auto deadline = Clock::now() + std::chrono::seconds(5);
  char buffer[4096];
  while (Clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n < 0) {
      out.error = errno;
      break;
    }
    if (n == 0) break;
    out.bytes.append(buffer, static_cast<std::size_t>(n));
  }
  close(fd);
  return out;
}

// Content-Length of a raw reply, and the length of its body.
std::pair<std::size_t, std::size_t> DeclaredAndReceived(const std::string& reply) {
  const std::size_t end = reply.find("\r\n\r\n");
  const std::size_t at = reply.find("Content-Length: ");
  if (end == std::string::npos || at == std::string::npos) return {0, 0};
  return {std::stoul(reply.substr(at + 16)), reply.size() - end - 4};
}

std::string LoginBody() { return Json{{"username", testing::kUser}, {"password", testing::kPassword}}.dump(); }

TEST(Fault, Http500ForTheNextNCallsThenNormal) {
  TestServer server;
  const std::string session = server.Login();
  server.ArmFault(Json{{"fault", "http500"}, {"count", 2}});
  for (int i = 0; i < 2; ++i) {
    const HttpReply r = server.Sync({SampleRecord("A-1")}, false, session);
    EXPECT_EQ(r.status, 500);
    EXPECT_EQ(r.json["error_code"], "500");
    EXPECT_EQ(r.json["message"], "Lỗi máy chủ nội bộ");
  }
  EXPECT_FALSE(Stored(server, "A-1")) << "an http500 call is not processed";
  EXPECT_EQ(server.Sync({SampleRecord("A-1")}, false, session).error_code(), "0");
  const Json stats = server.Stats();
  EXPECT_EQ(stats["faults_fired"]["http500"], 2);
}

TEST(Fault, Http503CarriesRetryAfter) {
  TestServer server;
  server.ArmFault(Json{{"fault", "http503"}, {"retry_after", 7}});
  const HttpReply r = server.Post("/api/auth/login", Json::parse(LoginBody()));  // faults hit logins too
  EXPECT_EQ(r.status, 503);
  const auto retry_after = r.headers.find("Retry-After");
  ASSERT_NE(retry_after, r.headers.end());
  EXPECT_EQ(retry_after->second, "7");
  EXPECT_EQ(r.json["error_code"], "503");
  EXPECT_EQ(server.Post("/api/auth/login", Json::parse(LoginBody())).status, 200);
}

TEST(Fault, FiresBeforeTheDstcodeCheck) {
  TestServer server;
  server.ArmFault(Json{{"fault", "http500"}});
  EXPECT_EQ(server.Post("/api/auth/login", Json::parse(LoginBody()), /*with_dstcode=*/false).status, 500);
  EXPECT_EQ(server.Post("/api/auth/login", Json::parse(LoginBody()), false).status, 400);
}

TEST(Fault, TimeoutSendsNothingUntilTheClientGivesUp) {
  TestServer server;
  const std::string session = server.Login();
  server.ArmFault(Json{{"fault", "timeout"}, {"delay_ms", 1500}});
  const auto start = Clock::now();
  const HttpReply r = server.Call("DongBoHoSoMC", Json{{"isUpdating", "False"}, {"data", Json::array({SampleRecord("A-1")})}}, session,
                                  std::chrono::milliseconds(300));
  const auto waited = Clock::now() - start;
  EXPECT_EQ(r.status, 0) << r.body;
  EXPECT_EQ(r.error, httplib::Error::Read);
  EXPECT_GE(waited, std::chrono::milliseconds(250));
  EXPECT_LT(waited, std::chrono::milliseconds(1400)) << "the client's own timeout ended it";
  EXPECT_FALSE(Stored(server, "A-1"));
}

TEST(Fault, TimeoutClosesWithoutAReplyAfterItsDelay) {
  TestServer server;
  server.ArmFault(Json{{"fault", "timeout"}, {"delay_ms", 300}});
  const auto start = Clock::now();
  const testing::HttpReply r = server.Post("/api/auth/login", Json::parse(LoginBody()), true, std::chrono::seconds(3));
  EXPECT_GE(Clock::now() - start, std::chrono::milliseconds(280));
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.error, httplib::Error::Success);
}

TEST(Fault, ResetSendsHalfTheBodyThenAnRst) {
  TestServer server;
  server.ArmFault(Json{{"fault", "reset"}, {"count", 2}});
  const RawRead raw = RawPost(server.port(), "/api/auth/login", LoginBody());
  EXPECT_EQ(raw.error, ECONNRESET) << raw.bytes;
  ASSERT_TRUE(raw.bytes.starts_with("HTTP/1.1 200")) << raw.bytes;
  const auto [declared, received] = DeclaredAndReceived(raw.bytes);
  EXPECT_GT(declared, 0u);
  EXPECT_EQ(received, declared / 2);
  const HttpReply r = server.Post("/api/auth/login", Json::parse(LoginBody()));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.error, httplib::Error::Read);
}

TEST(Fault, TruncatedDeclaresMoreThanItSendsThenCloses) {
  TestServer server;
  server.ArmFault(Json{{"fault", "truncated"}, {"count", 2}});
  const RawRead raw = RawPost(server.port(), "/api/auth/login", LoginBody());
  EXPECT_EQ(raw.error, 0) << "a clean close, not a reset";
  const auto [declared, received] = DeclaredAndReceived(raw.bytes);
  EXPECT_GT(declared, received);
  EXPECT_GT(received, 0u);
  const HttpReply r = server.Post("/api/auth/login", Json::parse(LoginBody()));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.error, httplib::Error::Read);
}

TEST(Fault, SlowTricklesACompleteReplyAndProcesses) {
  TestServer server;
  const std::string session = server.Login();
  server.ArmFault(Json{{"fault", "slow"}, {"delay_ms", 500}});
  const auto start = Clock::now();
  const HttpReply r = server.Sync({SampleRecord("A-1")}, false, session);
  EXPECT_GE(Clock::now() - start, std::chrono::milliseconds(400));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.error_code(), "0") << r.body;
  EXPECT_TRUE(Stored(server, "A-1"));
}

TEST(Fault, InvalidJsonIsA200ThatDoesNotParse) {
  TestServer server;
  const std::string session = server.Login();
  server.ArmFault(Json{{"fault", "invalid_json"}});
  const HttpReply r = server.Sync({SampleRecord("A-1")}, false, session);
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(r.json.is_discarded()) << r.body;
  EXPECT_FALSE(r.body.empty());
  EXPECT_FALSE(Stored(server, "A-1"));
}

TEST(Fault, HugeIsTenMebibytes) {
  TestServer server;
  server.ArmFault(Json{{"fault", "huge"}});
  const HttpReply r = server.Post("/api/auth/login", Json::parse(LoginBody()));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body.size(), kHugeBodyBytes);
  EXPECT_TRUE(r.json.is_discarded());
}

TEST(Fault, ExpireSessionsEndsEverySessionAtOnce) {
  TestServer server;
  const std::string first = server.Login(), second = server.Login();
  const HttpReply armed = server.Post("/admin/faults", Json{{"fault", "expire_sessions"}, {"count", 5}});
  EXPECT_EQ(armed.status, 200);
  EXPECT_EQ(armed.json["expired_sessions"], 2);
  EXPECT_EQ(server.Call("TraCuuHoSo", Json{{"MaHoSo", "A"}}, first).status, 401);
  EXPECT_EQ(server.Call("TraCuuHoSo", Json{{"MaHoSo", "A"}}, second).status, 401);
  const std::string fresh = server.Login();  // the count is ignored: nothing stays armed
  EXPECT_EQ(server.Call("TraCuuHoSo", Json{{"MaHoSo", "A"}}, fresh).status, 200);
}

TEST(Fault, FailAfterStoreStoresThenAnswers500) {
  TestServer server;
  const std::string session = server.Login();
  server.ArmFault(Json{{"fault", "fail_after_store"}});
  const HttpReply r = server.Sync({SampleRecord("A-1")}, false, session);
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.substr(0, r.body.find("\"server_time\"")),
            R"({"error_code":"500","message":"Lỗi máy chủ nội bộ",)")
      << "the same bytes as http500: the client cannot tell them apart";
  EXPECT_TRUE(Stored(server, "A-1")) << "it landed";
  // The client's retry of the create meets "đã tồn tại" (and then sends an update, domain.md §4.3b).
  const HttpReply retry = server.Sync({SampleRecord("A-1")}, false, session);
  EXPECT_EQ(retry.error_code(), "3");
  EXPECT_EQ(server.Stats()["records_created"], 1);
}

TEST(Fault, DeleteClearsTheArmedFault) {
  TestServer server;
  server.ArmFault(Json{{"fault", "http500"}, {"count", 5}});
  const HttpReply cleared = server.Delete("/admin/faults");
  EXPECT_EQ(cleared.status, 200);
  EXPECT_EQ(cleared.json["cleared"], true);
  EXPECT_EQ(server.Post("/api/auth/login", Json::parse(LoginBody())).status, 200);
}

TEST(Fault, ArmedAtStartFromTheOptions) {
  TestServer server([](ServerOptions& o) { o.initial_fault = ParseFaultFlag("http503:2").value(); });
  EXPECT_EQ(server.Post("/api/auth/login", Json::parse(LoginBody())).status, 503);
  EXPECT_EQ(server.Post("/api/auth/login", Json::parse(LoginBody())).status, 503);
  EXPECT_EQ(server.Post("/api/auth/login", Json::parse(LoginBody())).status, 200);
}

TEST(Fault, AdminRefusesMalformedCommands) {
  TestServer server;
  for (const Json& body : {Json{{"fault", "lag"}}, Json{{"count", 1}}, Json{{"fault", "http500"}, {"count", 0}},
                           Json{{"fault", "http500"}, {"count", "2"}}, Json{{"fault", "timeout"}, {"delay_ms", -1}}}) {
    SCOPED_TRACE(body.dump());
    const HttpReply r = server.Post("/admin/faults", body, /*with_dstcode=*/false);
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.error_code(), "-1");
  }
  EXPECT_EQ(server.Post("/api/auth/login", Json::parse(LoginBody())).status, 200) << "nothing armed";
}

TEST(Fault, FlagParsesKindAndCount) {
  EXPECT_EQ(ParseFaultFlag("reset").value().count, 1);
  EXPECT_EQ(ParseFaultFlag("slow:3").value().count, 3);
  EXPECT_EQ(ParseFaultFlag("slow:3").value().kind, FaultKind::kSlow);
  EXPECT_EQ(ParseFaultFlag("lag").error().rule, "unknown_fault");
  EXPECT_EQ(ParseFaultFlag("http500:0").error().rule, "bad_count");
  EXPECT_EQ(ParseFaultFlag("http500:x").error().rule, "bad_count");
}

TEST(Fault, StopWakesAWaitingTimeout) {
  auto server = std::make_unique<TestServer>();
  server->ArmFault(Json{{"fault", "timeout"}});  // the default delay, 30 s
  std::thread caller([&] { (void)server->Post("/api/auth/login", Json::parse(LoginBody()), true, std::chrono::seconds(40)); });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const auto start = Clock::now();
  server->server().Stop();
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(3));
  caller.join();
}

}  // namespace
}  // namespace motcua::provincial
