// ParsePrinterTarget / FormatPrinterTarget (print/escpos.h): what a station's configuration may
// name as its ticket printer.
#include <gtest/gtest.h>

#include "print/escpos.h"

namespace motcua::print {
namespace {

TEST(ParsePrinterTarget, AcceptsLanPrintersDevicesAndPdfDirectories) {
  struct Case {
    const char* text;
    PrinterKind kind;
    const char* host;
    int port;
    const char* path;
    const char* canonical;
  } cases[] = {
      {"tcp://192.168.1.50:9100", PrinterKind::kTcp, "192.168.1.50", 9100, "", "tcp://192.168.1.50:9100"},
      {"tcp://192.168.1.50", PrinterKind::kTcp, "192.168.1.50", 9100, "", "tcp://192.168.1.50:9100"},  // default port
      {"tcp://10.0.0.7:9101", PrinterKind::kTcp, "10.0.0.7", 9101, "", "tcp://10.0.0.7:9101"},
      {"tcp://172.16.0.1:1", PrinterKind::kTcp, "172.16.0.1", 1, "", "tcp://172.16.0.1:1"},         // 172.16/12 low end
      {"tcp://172.31.255.254:65535", PrinterKind::kTcp, "172.31.255.254", 65535, "", "tcp://172.31.255.254:65535"},
      {"tcp://169.254.10.20", PrinterKind::kTcp, "169.254.10.20", 9100, "", "tcp://169.254.10.20:9100"},
      {"tcp://127.0.0.1:40000", PrinterKind::kTcp, "127.0.0.1", 40000, "", "tcp://127.0.0.1:40000"},
      {"tcp://localhost:9100", PrinterKind::kTcp, "127.0.0.1", 9100, "", "tcp://127.0.0.1:9100"},
      {"tcp://[::1]:9100", PrinterKind::kTcp, "::1", 9100, "", "tcp://[::1]:9100"},
      {"tcp://[fe80::1]", PrinterKind::kTcp, "fe80::1", 9100, "", "tcp://[fe80::1]:9100"},
      {"tcp://[fd00:1::5]:9100", PrinterKind::kTcp, "fd00:1::5", 9100, "", "tcp://[fd00:1::5]:9100"},
      {"file:/dev/usb/lp0", PrinterKind::kDevice, "", 9100, "/dev/usb/lp0", "file:/dev/usb/lp0"},
      {"file:///dev/usb/lp1", PrinterKind::kDevice, "", 9100, "/dev/usb/lp1", "file:/dev/usb/lp1"},
      {"/dev/usb/lp0", PrinterKind::kDevice, "", 9100, "/dev/usb/lp0", "file:/dev/usb/lp0"},
      {"/dev/ttyUSB0", PrinterKind::kDevice, "", 9100, "/dev/ttyUSB0", "file:/dev/ttyUSB0"},
      {"pdf:/var/lib/motcua/tickets", PrinterKind::kPdf, "", 9100, "/var/lib/motcua/tickets", "pdf:/var/lib/motcua/tickets"},
      {"pdf:/var/lib/motcua/tickets/", PrinterKind::kPdf, "", 9100, "/var/lib/motcua/tickets", "pdf:/var/lib/motcua/tickets"},
  };
  for (const auto& c : cases) {
    auto t = ParsePrinterTarget(c.text);
    ASSERT_TRUE(t.has_value()) << c.text << ": " << t.error().Describe();
    EXPECT_EQ(t->kind, c.kind) << c.text;
    EXPECT_EQ(t->host, c.host) << c.text;
    EXPECT_EQ(t->port, c.port) << c.text;
    EXPECT_EQ(t->path, c.path) << c.text;
    EXPECT_EQ(FormatPrinterTarget(*t), c.canonical) << c.text;
    auto again = ParsePrinterTarget(FormatPrinterTarget(*t));
    ASSERT_TRUE(again.has_value()) << c.canonical;
    EXPECT_EQ(again->host, t->host);
    EXPECT_EQ(again->port, t->port);
    EXPECT_EQ(again->path, t->path);
  }
}

TEST(ParsePrinterTarget, RejectsEverythingElseNamingTheRule) {
  struct Case {
    const char* text;
    const char* why;  // a phrase the detail must contain
  } cases[] = {
      {"", "empty"},
      {"lp0", "unknown kind"},
      {"usb://lp0", "unknown kind"},
      {"TCP://192.168.1.5", "unknown kind"},
      {"tcp://", "no host"},
      {"tcp://:9100", "no host"},
      {"tcp://printer.local:9100", "not an IPv4 address"},   // a name: lookups can hang
      {"tcp://8.8.8.8:9100", "not a loopback or LAN address"},
      {"tcp://172.32.0.1", "not a loopback or LAN address"},  // just above 172.16/12
      {"tcp://172.15.255.255", "not a loopback or LAN address"},
      {"tcp://192.169.0.1", "not a loopback or LAN address"},
      {"tcp://[2001:db8::1]:9100", "not a loopback or LAN address"},
      {"tcp://192.168.1.5:0", "1..65535"},
      {"tcp://192.168.1.5:65536", "1..65535"},
      {"tcp://192.168.1.5:91a0", "1..65535"},
      {"tcp://192.168.1.5:", "empty port"},
      {"tcp://192.168.1.5:9100/x", "no path"},
      {"tcp://fe80::1", "brackets"},
      {"tcp://[fe80::1", "closing"},
      {"tcp://[fe80::1]x", "only"},
      {"tcp://[zz::1]", "not an IPv6 address"},
      {"tcp://999.1.1.1", "not an IPv4 address"},
      {"file:dev/usb/lp0", "absolute"},
      {"file:", "absolute"},
      {"pdf:tickets", "absolute"},
      {"pdf:", "absolute"},
  };
  for (const auto& c : cases) {
    auto t = ParsePrinterTarget(c.text);
    ASSERT_FALSE(t.has_value()) << c.text;
    EXPECT_EQ(t.error().code, ErrorCode::kInvalid) << c.text;
    EXPECT_EQ(t.error().field, "printer_target") << c.text;
    EXPECT_EQ(t.error().rule, "bad_printer_target") << c.text;
    EXPECT_NE(t.error().detail.find(c.why), std::string::npos) << c.text << ": " << t.error().detail;
  }
}

}  // namespace
}  // namespace motcua::print
