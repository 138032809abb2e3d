#include "server.h"

#include <arpa/inet.h>

#include <cctype>
#include <condition_variable>
#include <csignal>
#include <iostream>
#include <mutex>
#include <thread>

#include <httplib.h>

#include "common/crypto.h"
#include "fault_wire.h"
#include "server_clock.h"
#include "sessions.h"
#include "stats.h"
#include "storage.h"

namespace motcua::provincial {
namespace {

constexpr const char* kJsonType = "application/json";

// httplib routes are regular expressions; our paths are literal.
std::string LiteralPattern(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (std::string_view(".^$|()[]{}*+?\\").find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

bool IsLoopbackPeer(const std::string& address) {
  return address.starts_with("127.") || address == "::1" || address.starts_with("::ffff:127.");
}

// "application/json", any case, optionally followed by parameters ("; charset=utf-8").
bool IsJsonContentType(const std::string& value) {
  const std::string media = value.substr(0, value.find(';'));
  std::string trimmed;
  for (char c : media)
    if (c != ' ' && c != '\t') trimmed.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return trimmed == kJsonType;
}

Status CheckPath(const std::string& path, const char* field) {
  if (path.empty() || path[0] != '/' || path.starts_with("/admin") ||
      path.find_first_of(" \t\r\n?#") != std::string::npos)
    return Invalid(field, "bad_path", std::string(field) + " must start with \"/\", hold no spaces, \"?\" or \"#\", "
                                                        "and not be under /admin, got \"" + path + "\"");
  return Ok();
}

}  // namespace

bool IsLoopbackHost(const std::string& host) {
  if (host == "localhost") return true;
  in_addr v4{};
  if (inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (inet_pton(AF_INET6, host.c_str(), &v6) == 1) return IN6_IS_ADDR_LOOPBACK(&v6);
  return false;
}

struct ProvincialServer::Impl {
  explicit Impl(ServerOptions o)
      : options(std::move(o)), clock(options.clock_offset), sessions(options.session_ttl) {}

  ServerOptions options;
  ServerClock clock;
  std::unique_ptr<ProvincialStore> store;
  SessionTable sessions;
  Stats stats;
  FaultBoard faults;
  std::unique_ptr<Services> services;
  httplib::Server http;
  std::thread listener;
  int port = 0;

  std::mutex stop_mutex;
  std::condition_variable stop_cv;
  bool stopping = false;

  // Sleeps up to `duration`; false when the server is stopping.
  bool Wait(std::chrono::milliseconds duration) {
    std::unique_lock lock(stop_mutex);
    return !stop_cv.wait_for(lock, duration, [&] { return stopping; });
  }

  // The reply's body as sent: the JSON with "server_time" last.
  std::string Finish(Reply reply, Instant now) const {
    reply.body["server_time"] = FormatServerTime(now);
    return reply.body.dump(-1, ' ', false, Json::error_handler_t::replace);
  }

  void Send(httplib::Response& res, const Reply& reply, Instant now) const {
    res.status = reply.http_status;
    res.set_content(Finish(reply, now), kJsonType);
  }

  // Transport checks, then the protocol.
  Reply Process(const httplib::Request& req, bool login, Instant now) {
    if (req.get_header_value("dstcode") != options.dstcode) return MakeReply(400, "-1", "Thiếu hoặc sai dstcode");
    if (!IsJsonContentType(req.get_header_value("Content-Type")))
      return MakeReply(400, "-1", "Content-Type phải là application/json");
    const Json body = Json::parse(req.body, nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded()) return MakeReply(400, "-1", "Dữ liệu gửi lên không phải JSON UTF-8 hợp lệ");
    if (!body.is_object()) return MakeReply(400, "-1", "Dữ liệu gửi lên phải là một đối tượng JSON");
    return login ? services->Login(body) : services->Call(body, now);
  }

  void HandleProtocol(const httplib::Request& req, httplib::Response& res, bool login) {
    const Instant now = clock.Now();
    res.set_header("Date", FormatHttpDate(now));
    const std::optional<Fault> fault = faults.Take();
    if (fault) stats.FaultFired(FaultKindName(fault->kind));
    if (fault && fault->kind != FaultKind::kSlow && fault->kind != FaultKind::kFailAfterStore) {
      const FaultReplyBodies bodies{Finish(InternalErrorReply(), now),
                                    Finish(MakeReply(503, "503", "Hệ thống đang bận, vui lòng thử lại sau"), now)};
      WriteUnprocessedFault(*fault, req, res, bodies, [this](std::chrono::milliseconds d) { return Wait(d); });
      return;
    }
    Reply reply = Process(req, login, now);
    if (fault && fault->kind == FaultKind::kFailAfterStore) reply = InternalErrorReply();  // stored, then lost
    if (fault && fault->kind == FaultKind::kSlow) {
      res.status = reply.http_status;
      SetTrickledBody(res, Finish(reply, now), std::chrono::milliseconds(fault->EffectiveDelayMs()),
                      [this](std::chrono::milliseconds d) { return Wait(d); });
      return;
    }
    Send(res, reply, now);
  }

  void HandleArmFault(const httplib::Request& req, httplib::Response& res) {
    const Instant now = clock.Now();
    res.set_header("Date", FormatHttpDate(now));
    if (!IsLoopbackPeer(req.remote_addr)) return Send(res, MakeReply(403, "403", "Chỉ gọi được từ máy này"), now);
    auto fault = ParseFaultRequest(Json::parse(req.body, nullptr, false));
    if (!fault) return Send(res, MakeReply(400, "-1", "Lệnh không hợp lệ: " + fault.error().detail), now);
    Reply reply;
    if (fault->kind == FaultKind::kExpireSessions) {
      stats.FaultFired(FaultKindName(fault->kind));
      reply.body["expired_sessions"] = sessions.ExpireAll();
    } else {
      faults.Arm(*fault);
      reply.body["armed"] = FaultToJson(*fault);
    }
    Send(res, reply, now);
  }

  void AdminOnly(const httplib::Request& req, httplib::Response& res, const std::function<Reply()>& body) {
    const Instant now = clock.Now();
    res.set_header("Date", FormatHttpDate(now));
    if (!IsLoopbackPeer(req.remote_addr)) return Send(res, MakeReply(403, "403", "Chỉ gọi được từ máy này"), now);
    Send(res, body(), now);
  }

  void Routes() {
    http.set_tcp_nodelay(true);  // a fault's half body leaves at once (fault_wire.h)
    http.set_keep_alive_timeout(1);  // an idle connection never holds up Stop() for long
    http.set_payload_max_length(options.max_body_bytes);
    http.Post(LiteralPattern(options.auth_path),
              [this](const httplib::Request& req, httplib::Response& res) { HandleProtocol(req, res, true); });
    http.Post(LiteralPattern(options.integration_path),
              [this](const httplib::Request& req, httplib::Response& res) { HandleProtocol(req, res, false); });
    http.Post("/admin/faults",
              [this](const httplib::Request& req, httplib::Response& res) { HandleArmFault(req, res); });
    http.Delete("/admin/faults", [this](const httplib::Request& req, httplib::Response& res) {
      AdminOnly(req, res, [this] {
        faults.Clear();
        Reply r;
        r.body["cleared"] = true;
        return r;
      });
    });
    http.Get("/admin/stats", [this](const httplib::Request& req, httplib::Response& res) {
      AdminOnly(req, res, [this] { return Reply{200, stats.ToJson()}; });
    });
    // Replies httplib makes itself (no route, body too large, a malformed request) get the JSON error
    // shape and the Date header too. httplib calls this for every status >= 400, ours included, so it
    // leaves any reply that already has a body alone.
    http.set_error_handler(httplib::Server::HandlerWithResponse(
        [this](const httplib::Request&, httplib::Response& res) {
          if (!res.body.empty() || res.content_provider_) return httplib::Server::HandlerResponse::Unhandled;
          const Instant now = clock.Now();
          const std::string message = res.status == 404   ? "Không tìm thấy đường dẫn"
                                      : res.status == 413 ? "Dữ liệu gửi lên quá lớn"
                                                          : "Yêu cầu không hợp lệ";
          if (!res.has_header("Date")) res.set_header("Date", FormatHttpDate(now));
          res.set_content(Finish(MakeReply(res.status, std::to_string(res.status), message), now), kJsonType);
          return httplib::Server::HandlerResponse::Handled;
        }));
    http.set_exception_handler([this](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
      std::cerr << "motcua-provincial: a handler threw; replying HTTP 500" << std::endl;
      const Instant now = clock.Now();
      res.set_header("Date", FormatHttpDate(now));
      Send(res, InternalErrorReply(), now);
    });
  }
};

ProvincialServer::ProvincialServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

ProvincialServer::~ProvincialServer() { Stop(); }

int ProvincialServer::port() const { return impl_->port; }

void ProvincialServer::Stop() {
  {
    std::lock_guard lock(impl_->stop_mutex);
    impl_->stopping = true;
  }
  impl_->stop_cv.notify_all();
  impl_->http.stop();
  if (impl_->listener.joinable()) impl_->listener.join();
}

Result<std::unique_ptr<ProvincialServer>> ProvincialServer::Start(ServerOptions options) {
  if (!IsLoopbackHost(options.host))
    return Invalid("host", "not_loopback", "the stand-in serves loopback only (127.0.0.1, ::1), not " + options.host);
  if (options.dstcode.empty()) return Invalid("dstcode", "required", "--dstcode is required");
  if (options.credentials.user.empty()) return Invalid("user", "required", "--user is required");
  if (options.credentials.password.empty()) return Invalid("password", "required", "the password is empty");
  MOTCUA_TRY(CheckPath(options.auth_path, "auth_path"));
  MOTCUA_TRY(CheckPath(options.integration_path, "integration_path"));
  if (options.auth_path == options.integration_path)
    return Invalid("integration_path", "bad_path", "the auth and integration paths must differ");
  MOTCUA_TRY(InitCrypto());
  // A client that hangs up must not kill the server with SIGPIPE while a reply is being written.
  std::signal(SIGPIPE, SIG_IGN);

  auto impl = std::make_unique<Impl>(std::move(options));
  MOTCUA_ASSIGN_OR_RETURN(impl->store, ProvincialStore::Open(impl->options.db_path, /*create=*/true));
  impl->services = std::make_unique<Services>(impl->options.credentials, impl->options.procedures, *impl->store,
                                              impl->sessions, impl->stats);
  if (impl->options.initial_fault && impl->options.initial_fault->kind != FaultKind::kExpireSessions)
    impl->faults.Arm(*impl->options.initial_fault);  // (expire_sessions at start: there is no session yet)
  impl->Routes();

  const std::string host = impl->options.host == "localhost" ? "127.0.0.1" : impl->options.host;
  if (impl->options.port == 0) {
    impl->port = impl->http.bind_to_any_port(host);
  } else {
    impl->port = impl->http.bind_to_port(host, impl->options.port) ? impl->options.port : -1;
  }
  if (impl->port <= 0)
    return Unavailable("port", "cannot_bind",
                       "cannot listen on " + host + ":" + std::to_string(impl->options.port) + " (in use?)");
  // httplib 0.11.4 has no wait_until_ready (stack.md §10): listen in a thread, poll is_running().
  impl->listener = std::thread([server = &impl->http] { server->listen_after_bind(); });
  for (int i = 0; i < 5000 && !impl->http.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  if (!impl->http.is_running()) {
    impl->http.stop();
    impl->listener.join();
    return Unavailable("port", "cannot_bind", "the server did not start listening");
  }
  return std::unique_ptr<ProvincialServer>(new ProvincialServer(std::move(impl)));
}

}  // namespace motcua::provincial
