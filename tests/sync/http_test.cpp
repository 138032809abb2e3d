// The libcurl client against a real cpp-httplib server on loopback: status, headers, limits, refusals.
#include "sync/http.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <thread>

namespace motcua::sync {
namespace {

class HttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.Post("/echo", [](const httplib::Request& req, httplib::Response& res) {
      res.set_header("Date", "Mon, 07 Dec 2026 01:02:03 GMT");
      res.set_content(req.get_header_value("dstcode") + "|" + req.body, "application/json");
    });
    server_.Post("/busy", [](const httplib::Request&, httplib::Response& res) {
      res.status = 503;
      res.set_header("Retry-After", "7");
      res.set_content("{}", "application/json");
    });
    server_.Post("/huge", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(5 << 20, 'x'), "application/json");
    });
    server_.Post("/slow", [](const httplib::Request&, httplib::Response& res) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1500));
      res.set_content("{}", "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  void TearDown() override {
    server_.stop();
    thread_.join();
  }
  std::string Url(const char* path) { return "http://127.0.0.1:" + std::to_string(port_) + path; }

  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

TEST_F(HttpTest, PostsTheBodyWithTheHeadersAndReadsTheDate) {
  auto r = Post(Url("/echo"), {"dstcode: H56"}, R"({"tên":"Nguyễn"})", {});
  ASSERT_TRUE(r) << r.error().Describe();
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, R"(H56|{"tên":"Nguyễn"})");
  ASSERT_TRUE(r->date);
  EXPECT_EQ(FormatInstantUtc(*r->date), "2026-12-07T01:02:03Z");
}

TEST_F(HttpTest, RetryAfterIsRead) {
  auto r = Post(Url("/busy"), {}, "{}", {});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503);
  EXPECT_EQ(r->retry_after, 7);
}

TEST_F(HttpTest, AnOversizedReplyIsRefused) {
  HttpOptions o;
  o.max_reply_bytes = 1 << 20;
  auto r = Post(Url("/huge"), {}, "{}", o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().rule, "reply_too_large");
}

TEST_F(HttpTest, ASlowServerTimesOut) {
  HttpOptions o;
  o.timeout_ms = 300;
  auto r = Post(Url("/slow"), {}, "{}", o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().rule, "timeout");
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
}

TEST_F(HttpTest, NobodyListeningIsConnectFailed) {
  const std::string url = Url("/echo");
  server_.stop();
  thread_.join();
  thread_ = std::thread([] {});
  auto r = Post(url, {}, "{}", {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().rule, "connect_failed");
}

TEST(HttpUrlTest, PlainHttpOnlyToLoopback) {
  EXPECT_TRUE(CheckUrl("https://dvc.tuyenquang.gov.vn"));
  EXPECT_TRUE(CheckUrl("http://127.0.0.1:8080"));
  EXPECT_TRUE(CheckUrl("http://localhost:1"));
  EXPECT_TRUE(CheckUrl("http://[::1]:80/x"));
  EXPECT_EQ(CheckUrl("http://dvc.tuyenquang.gov.vn").error().rule, "insecure_url");
  EXPECT_EQ(CheckUrl("http://127.0.0.1.evil.example").error().rule, "insecure_url");
  EXPECT_EQ(CheckUrl("http://user@10.0.0.5/").error().rule, "insecure_url");
  EXPECT_EQ(CheckUrl("ftp://127.0.0.1").error().rule, "bad_url");
  EXPECT_EQ(CheckUrl("https://").error().rule, "bad_url");
}

TEST(HttpDateTest, ImfFixdateOnly) {
  ASSERT_TRUE(ParseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT"));
  EXPECT_EQ(FormatInstantUtc(*ParseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT")), "1994-11-06T08:49:37Z");
  EXPECT_FALSE(ParseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT"));
  EXPECT_FALSE(ParseHttpDate("Sun, 31 Feb 1994 08:49:37 GMT"));
  EXPECT_FALSE(ParseHttpDate("Sun, 06 Nov 1994 25:49:37 GMT"));
}

}  // namespace
}  // namespace motcua::sync
