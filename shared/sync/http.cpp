#include "sync/http.h"

#include <curl/curl.h>

#include <cctype>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>

#include "common/number_parse.h"

namespace motcua::sync {
namespace {

struct Transfer {
  std::string body;
  std::size_t max_bytes = 0;
  bool too_large = false;
  std::optional<Instant> date;
  std::optional<int> retry_after;
  Instant now{};
};

std::size_t OnBody(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  if (t->body.size() + n > t->max_bytes) {
    t->too_large = true;
    return 0;  // aborts the transfer (CURLE_WRITE_ERROR)
  }
  t->body.append(data, n);
  return n;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool HeaderIs(std::string_view line, std::string_view name, std::string_view& value) {
  if (line.size() <= name.size() || line[name.size()] != ':') return false;
  for (std::size_t i = 0; i < name.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(line[i])) != std::tolower(static_cast<unsigned char>(name[i])))
      return false;
  value = Trim(line.substr(name.size() + 1));
  return true;
}

std::size_t OnHeader(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::string_view line(data, size * count);
  std::string_view value;
  if (HeaderIs(line, "Date", value)) {
    t->date = ParseHttpDate(value);
  } else if (HeaderIs(line, "Retry-After", value)) {
    if (const std::optional<int> seconds = ParseDigits<int>(value, {.max_digits = 6})) {
      t->retry_after = *seconds;
    } else if (auto at = ParseHttpDate(value)) {
      t->retry_after = static_cast<int>(std::max<std::int64_t>(0, ToUnixSeconds(*at) - ToUnixSeconds(t->now)));
    }
  }
  return size * count;
}

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string HostOf(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
  if (!rest.empty() && rest.front() == '[') return std::string(rest.substr(0, rest.find(']') + 1));
  return std::string(rest.substr(0, rest.find(':')));
}

bool IsLoopback(std::string_view host) {
  if (host == "localhost" || host == "[::1]") return true;
  if (host.rfind("127.", 0) != 0) return false;
  int dots = 0;
  for (char c : host) {
    if (c == '.') ++dots;
    else if (c < '0' || c > '9') return false;
  }
  return dots == 3;
}

}  // namespace

Status CheckUrl(std::string_view url) {
  const bool https = url.rfind("https://", 0) == 0, http = url.rfind("http://", 0) == 0;
  if (!https && !http) return Invalid("url", "bad_url", "the provincial URL must begin with https://");
  const std::string host = HostOf(url);
  if (host.empty()) return Invalid("url", "bad_url", "the provincial URL names no host");
  if (http && !IsLoopback(host))
    return Invalid("url", "insecure_url", "plain http is refused for " + host + ": use https (http only to loopback)");
  return Ok();
}

std::optional<Instant> ParseHttpDate(std::string_view text) {
  // "Sun, 06 Nov 1994 08:49:37 GMT"
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  text = Trim(text);
  if (text.size() != 29 || text.substr(3, 2) != ", " || text.substr(25) != " GMT") return std::nullopt;
  auto number = [&](std::size_t at, std::size_t len, int& out) {
    const std::optional<int> v = ParseDigits<int>(text.substr(at, len));
    out = v.value_or(0);
    return v.has_value();
  };
  int day = 0, year = 0, hour = 0, minute = 0, second = 0, month = 0;
  for (int m = 0; m < 12; ++m)
    if (text.substr(8, 3) == kMonths[m]) month = m + 1;
  if (month == 0 || !number(5, 2, day) || !number(12, 4, year) || !number(17, 2, hour) ||
      !number(20, 2, minute) || !number(23, 2, second) || text[16] != ' ' || text[19] != ':' || text[22] != ':')
    return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{unsigned(month)},
                                        std::chrono::day{unsigned(day)}};
  if (!ymd.ok() || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  return Instant{std::chrono::sys_days{ymd}.time_since_epoch() + std::chrono::hours{hour} +
                 std::chrono::minutes{minute} + std::chrono::seconds{second}};
}

HttpClient::HttpClient(HttpOptions options) : options_(std::move(options)) {}

HttpClient::~HttpClient() {
  if (handle_) curl_easy_cleanup(static_cast<CURL*>(handle_));
}

Result<HttpReply> Post(const std::string& url, const std::vector<std::string>& headers, const std::string& body,
                       const HttpOptions& options) {
  return HttpClient(options).Post(url, headers, body);
}

Result<HttpReply> HttpClient::Post(const std::string& url, const std::vector<std::string>& headers,
                                   const std::string& body) {
  MOTCUA_TRY(CheckUrl(url));
  GlobalInit();
  if (!handle_) handle_ = curl_easy_init();
  if (!handle_) return Unavailable("http", "transfer_failed", "libcurl could not start a transfer");
  CURL* c = static_cast<CURL*>(handle_);
  curl_easy_reset(c);  // options from scratch; the connection cache stays
  const HttpOptions& options = options_;
  curl_slist* list = nullptr;
  for (const std::string& header : headers) list = curl_slist_append(list, header.c_str());
  list = curl_slist_append(list, "Content-Type: application/json; charset=utf-8");
  list = curl_slist_append(list, "Expect:");  // no 100-continue round trip on large batches
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_list(list, curl_slist_free_all);

  Transfer t;
  t.max_bytes = options.max_reply_bytes;
  t.now = SystemClock().Now();
  char error[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, long(options.connect_timeout_ms));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, long(options.timeout_ms));
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, long(options.low_speed_seconds));
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!options.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, options.ca_file.c_str());
  if (IsLoopback(HostOf(url))) curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
  curl_easy_setopt(c, CURLOPT_POST, 1L);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, header_list.get());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);

  const CURLcode rc = curl_easy_perform(c);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, nullptr);  // `error` ends with this call
  const std::string host = HostOf(url);
  auto why = [&] { return std::string(error[0] ? error : curl_easy_strerror(rc)); };
  if (t.too_large)
    return Unavailable("http", "reply_too_large",
                       host + " sent a reply over " + std::to_string(options.max_reply_bytes >> 20) + " MiB");
  switch (rc) {
    case CURLE_OK: break;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT: return Unavailable("http", "connect_failed", host + " cannot be reached: " + why());
    case CURLE_OPERATION_TIMEDOUT: return Unavailable("http", "timeout", host + " did not answer in time: " + why());
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE: return Unavailable("http", "tls_failed", host + ": " + why());
    default: return Unavailable("http", "transfer_failed", host + ": " + why());
  }
  HttpReply reply;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply.status);
  reply.body = std::move(t.body);
  reply.date = t.date;
  reply.retry_after = t.retry_after;
  return reply;
}

}  // namespace motcua::sync
