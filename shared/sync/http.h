// One HTTP POST over libcurl (stack.md §9), with the limits a sync link needs: a connect timeout, an
// overall timeout and a low-speed abort (libcurl's defaults wait 300 s or forever), CURLOPT_NOSIGNAL
// (the worker runs on a thread), TLS verification always on for https (a CA file may be given, never
// switched off), and plain http only to a loopback address. Proxies from the environment are honoured
// except for loopback.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"

namespace motcua::sync {

struct HttpOptions {
  int connect_timeout_ms = 5000;   // default 5 s
  int timeout_ms = 20000;          // the whole exchange (default 20 s; below the 30 s lease)
  int low_speed_seconds = 10;      // abort when under 1 byte/s for this long (default 10 s)
  std::size_t max_reply_bytes = 4 << 20;  // a longer body is refused (default 4 MiB)
  std::string ca_file;             // "" = the system's CA store
};

struct HttpReply {
  long status = 0;
  std::string body;
  std::optional<Instant> date;     // the Date header, when there is one
  std::optional<int> retry_after;  // Retry-After in seconds (a delay or an HTTP date), when given
};

// POSTs over one libcurl handle kept between calls, so its connection (and on https its TLS session)
// is reused: a sync sends hundreds of calls in a row. Not for two threads at once.
class HttpClient {
 public:
  explicit HttpClient(HttpOptions options = {});
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Errors: kInvalid/"bad_url" (not http(s)), kInvalid/"insecure_url" (http to a host that is not
  // loopback); kUnavailable with rule "connect_failed", "timeout", "tls_failed", "reply_too_large",
  // "transfer_failed" (reset, truncated body). The detail names the host, never the body or a header.
  Result<HttpReply> Post(const std::string& url, const std::vector<std::string>& headers, const std::string& body);

 private:
  HttpOptions options_;
  void* handle_ = nullptr;  // CURL*
};

// One POST on a handle of its own (HttpClient::Post's errors).
Result<HttpReply> Post(const std::string& url, const std::vector<std::string>& headers, const std::string& body,
                       const HttpOptions& options);

// Whether `url` may be used: https anywhere, http only to localhost, 127.0.0.0/8 or [::1].
// Errors: kInvalid/"bad_url", kInvalid/"insecure_url".
Status CheckUrl(std::string_view url);

// An HTTP date (RFC 7231 IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT"). nullopt if it is not one.
std::optional<Instant> ParseHttpDate(std::string_view text);

}  // namespace motcua::sync
