// ParsePrinterTarget / FormatPrinterTarget (declared in print/escpos.h).
#include <arpa/inet.h>

#include <algorithm>
#include <cstdint>

#include "common/number_parse.h"
#include "print/escpos.h"

namespace motcua::print {
namespace {

Error BadTarget(std::string_view text, const std::string& why) {
  return Invalid("printer_target", "bad_printer_target", "\"" + std::string(text) + "\": " + why);
}

bool IsLanIpv4(const in_addr& a) {
  const std::uint32_t ip = ntohl(a.s_addr);
  return (ip >> 24) == 127 || (ip >> 24) == 10 || (ip >> 20) == (172u << 4 | 1) ||  // 172.16/12
         (ip >> 16) == (192u << 8 | 168) || (ip >> 16) == (169u << 8 | 254);
}

bool IsLanIpv6(const in6_addr& a) {
  static const in6_addr kLoopback = IN6ADDR_LOOPBACK_INIT;
  const std::uint8_t* b = a.s6_addr;
  return std::equal(b, b + 16, kLoopback.s6_addr) || (b[0] & 0xfe) == 0xfc ||  // fc00::/7
         (b[0] == 0xfe && (b[1] & 0xc0) == 0x80);                              // fe80::/10
}

Result<PrinterTarget> ParseTcp(std::string_view text, std::string_view rest) {
  PrinterTarget t;
  t.kind = PrinterKind::kTcp;
  std::string_view host, port;
  bool v6 = false;
  if (!rest.empty() && rest[0] == '[') {
    const auto close = rest.find(']');
    if (close == std::string_view::npos) return BadTarget(text, "an IPv6 address needs a closing ']'");
    host = rest.substr(1, close - 1);
    std::string_view after = rest.substr(close + 1);
    if (!after.empty() && after[0] != ':') return BadTarget(text, "only \":PORT\" may follow ']'");
    if (!after.empty()) port = after.substr(1);
    v6 = true;
  } else {
    const auto colon = rest.find(':');
    host = rest.substr(0, colon);
    if (colon != std::string_view::npos) {
      port = rest.substr(colon + 1);
      if (port.find(':') != std::string_view::npos)
        return BadTarget(text, "an IPv6 address must be written in brackets: tcp://[fe80::1]:9100");
    }
  }
  if (host.empty()) return BadTarget(text, "no host: write tcp://ADDRESS[:PORT]");
  if (rest.find('/') != std::string_view::npos) return BadTarget(text, "a tcp target has no path");

  if (v6) {
    in6_addr a6{};
    if (inet_pton(AF_INET6, std::string(host).c_str(), &a6) != 1)
      return BadTarget(text, "\"" + std::string(host) + "\" is not an IPv6 address");
    if (!IsLanIpv6(a6))
      return BadTarget(text, "not a loopback or LAN address (::1, fc00::/7, fe80::/10): a ticket printer is on the center's LAN");
  } else {
    if (host == "localhost") host = "127.0.0.1";
    in_addr a4{};
    if (inet_pton(AF_INET, std::string(host).c_str(), &a4) != 1)
      return BadTarget(text, "\"" + std::string(host) +
                                 "\" is not an IPv4 address: use the printer's address (a name lookup has no "
                                 "timeout and could hang the kiosk)");
    if (!IsLanIpv4(a4))
      return BadTarget(text, "not a loopback or LAN address (127/8, 10/8, 172.16/12, 192.168/16, 169.254/16): a "
                             "ticket printer is on the center's LAN");
  }
  t.host = std::string(host);

  if (!port.empty()) {
    const int value = ParseDigits<int>(port).value_or(0);  // 0: not a number
    if (value < 1 || value > 65535)
      return BadTarget(text, "port \"" + std::string(port) + "\" is not a number in 1..65535");
    t.port = value;
  } else if (rest.back() == ':') {
    return BadTarget(text, "empty port after ':'");
  }
  return t;
}

Result<std::string> AbsolutePath(std::string_view text, std::string_view path, const char* what) {
  if (path.empty() || path[0] != '/')
    return BadTarget(text, std::string(what) + " must be an absolute path (starting with '/')");
  if (path.find('\0') != std::string_view::npos) return BadTarget(text, "a path cannot hold a NUL byte");
  std::string out(path);
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

}  // namespace

Result<PrinterTarget> ParsePrinterTarget(std::string_view text) {
  if (text.empty()) return BadTarget(text, "empty: write tcp://ADDRESS[:PORT], file:/dev/usb/lp0 or pdf:/DIR");
  if (text.substr(0, 6) == "tcp://") return ParseTcp(text, text.substr(6));
  PrinterTarget t;
  if (text.substr(0, 5) == "file:") {
    std::string_view path = text.substr(5);
    if (path.substr(0, 3) == "///") path.remove_prefix(2);  // file:///dev/usb/lp0 (empty authority)
    t.kind = PrinterKind::kDevice;
    MOTCUA_ASSIGN_OR_RETURN(t.path, AbsolutePath(text, path, "a device file"));
    return t;
  }
  if (text.substr(0, 4) == "pdf:") {
    t.kind = PrinterKind::kPdf;
    MOTCUA_ASSIGN_OR_RETURN(t.path, AbsolutePath(text, text.substr(4), "the PDF directory"));
    return t;
  }
  if (text[0] == '/') {
    t.kind = PrinterKind::kDevice;
    MOTCUA_ASSIGN_OR_RETURN(t.path, AbsolutePath(text, text, "a device file"));
    return t;
  }
  return BadTarget(text, "unknown kind: write tcp://ADDRESS[:PORT], file:/dev/usb/lp0, /dev/usb/lp0 or pdf:/DIR");
}

std::string FormatPrinterTarget(const PrinterTarget& target) {
  switch (target.kind) {
    case PrinterKind::kTcp: {
      const bool v6 = target.host.find(':') != std::string::npos;
      return "tcp://" + (v6 ? "[" + target.host + "]" : target.host) + ":" + std::to_string(target.port);
    }
    case PrinterKind::kDevice: return "file:" + target.path;
    case PrinterKind::kPdf: return "pdf:" + target.path;
  }
  return {};
}

}  // namespace motcua::print
