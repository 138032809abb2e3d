// Scanners read as their own device. Serial (CDC-ACM): the line splitter with worked byte sequences, and
// the reader over a real pseudo-terminal standing in for the device (stack.md §6): the test writes to the
// master as a scanner would, the ScannerDevice reads the slave through a by-id style symlink. Evdev: what
// is refused (a file, a terminal, no device); reading a real key device needs /dev/uinput, which CI does
// not have: scanner_device_uinput_test.cpp (label "hardware") does that where it exists.
#include "scan/scanner_device.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "support/fixtures.h"

namespace motcua::scan {
namespace {

using namespace std::chrono_literals;

// The fixture's CCCD QR (tests/ui_model/station_fixture.h kCccdQr), as a serial scanner sends it.
constexpr const char* kSerialCccdQr =
    "001190012345|012345678|Nguyễn Thị Hồng Nhung|01011990|Nữ|Số 12 phố Hàng Bài, Hoàn Kiếm, Hà Nội|15042021";

std::vector<std::string> LineTexts(const std::vector<Result<std::string>>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines) out.push_back(l.has_value() ? *l : "!" + l.error().rule);
  return out;
}

TEST(ScanLineSplitter, SplitsOnCrLfOrCrLfAcrossAnyByteBoundary) {
  const std::string stream = std::string(kSerialCccdQr) + "\r" + "MCQ:2026-12-07:A001\n" + "000.00.12.H56-250101-0001\r\n";
  // Every split point, including inside "ễ" (3 bytes): the lines come out whole.
  for (std::size_t cut = 0; cut <= stream.size(); ++cut) {
    ScanLineSplitter s;
    std::vector<Result<std::string>> lines = s.Feed(std::string_view(stream).substr(0, cut));
    for (auto& l : s.Feed(std::string_view(stream).substr(cut))) lines.push_back(std::move(l));
    EXPECT_EQ(LineTexts(lines), (std::vector<std::string>{kSerialCccdQr, "MCQ:2026-12-07:A001", "000.00.12.H56-250101-0001"}))
        << "cut at byte " << cut;
  }
}

TEST(ScanLineSplitter, RejectsInvalidUtf8AndGoesOnWithTheNextLine) {
  ScanLineSplitter s;
  // "Nguy\xE1\xBB" is "Nguyễn" cut inside its 3-byte "ễ"; "\xC3\x28" is a bad continuation; Latin-1 "Nguy\xEAn".
  std::vector<Result<std::string>> lines = s.Feed("Nguy\xE1\xBB\rA\xC3\x28\nNguy\xEAn\rOK-1234\r");
  ASSERT_EQ(lines.size(), 4u);
  for (int i = 0; i < 3; ++i) {
    ASSERT_FALSE(lines[i].has_value()) << i;
    EXPECT_EQ(lines[i].error().field, "scan");
    EXPECT_EQ(lines[i].error().rule, "bad_utf8");
  }
  ASSERT_TRUE(lines[3].has_value());
  EXPECT_EQ(*lines[3], "OK-1234");
}

TEST(ScanLineSplitter, OverlongLineIsDroppedUpToItsEnd) {
  ScanLineSplitter s(8);
  EXPECT_EQ(LineTexts(s.Feed("12345678")), std::vector<std::string>{});  // exactly the limit: still a line
  EXPECT_EQ(LineTexts(s.Feed("\r")), std::vector<std::string>{"12345678"});
  EXPECT_EQ(LineTexts(s.Feed("123456789abc\rnext\r")), (std::vector<std::string>{"!line_too_long", "next"}));
  s.Feed("partial");
  s.Reset();
  EXPECT_EQ(LineTexts(s.Feed("fresh\n")), std::vector<std::string>{"fresh"});
}

// A pseudo-terminal: the master is the "scanner", the slave is the device the app opens.
struct Pty {
  int master = -1;
  std::string slave;
};

Pty OpenPty() {
  Pty p;
  p.master = ::posix_openpt(O_RDWR | O_NOCTTY);
  if (p.master < 0 || ::grantpt(p.master) != 0 || ::unlockpt(p.master) != 0) return {};
  const char* name = ::ptsname(p.master);
  if (name == nullptr) return {};
  p.slave = name;
  return p;
}

// Points `link` at `target` atomically (a /dev/serial/by-id link does the same when the device returns).
void PointLink(const std::filesystem::path& link, const std::string& target) {
  const std::filesystem::path tmp = link.string() + ".new";
  std::filesystem::remove(tmp);
  std::filesystem::create_symlink(target, tmp);
  std::filesystem::rename(tmp, link);
}

bool WaitUntil(const std::function<bool()>& done, std::chrono::milliseconds limit = 5s) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(5ms);
  }
  return true;
}

void WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    ASSERT_GT(n, 0);
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

TEST(ScannerDevice, ReadsAVietnameseQrWrittenInPiecesIntact) {
  testing::TempDir dir;
  Pty pty = OpenPty();
  ASSERT_GE(pty.master, 0);
  const std::filesystem::path link = dir / "usb-Scanner-if00";
  PointLink(link, pty.slave);
  int wakes = 0;
  ScannerDevice scanner(ScannerDevice::Mode::kSerial, link.string(), {.reconnect_ms = 50, .on_scan = [&] { ++wakes; }});
  ASSERT_TRUE(WaitUntil([&] { return scanner.state() == ScannerDevice::State::kConnected; }));
  EXPECT_FALSE(scanner.last_error().has_value());

  // In pieces, as USB packets would split it: one cut inside "ễ" (bytes E1 BB 85), then the CR.
  const std::string qr = kSerialCccdQr;
  const std::size_t inside = qr.find("ễ") + 1;
  WriteAll(pty.master, qr.substr(0, inside));
  std::this_thread::sleep_for(20ms);
  WriteAll(pty.master, qr.substr(inside, 10));
  std::this_thread::sleep_for(20ms);
  WriteAll(pty.master, qr.substr(inside + 10) + "\r");
  std::vector<Result<std::string>> got;
  ASSERT_TRUE(WaitUntil([&] {
    for (auto& r : scanner.TakeScans()) got.push_back(std::move(r));
    return !got.empty();
  }));
  ASSERT_EQ(got.size(), 1u);
  ASSERT_TRUE(got[0].has_value()) << got[0].error().Describe();
  EXPECT_EQ(*got[0], kSerialCccdQr);
  EXPECT_GE(wakes, 1);

  // Invalid UTF-8 (a scanner left on a legacy code page) is reported, and the next scan still arrives.
  WriteAll(pty.master, "Nguy\xEAn\r" "001190012345\n");
  got.clear();
  ASSERT_TRUE(WaitUntil([&] {
    for (auto& r : scanner.TakeScans()) got.push_back(std::move(r));
    return got.size() >= 2;
  }));
  ASSERT_EQ(got.size(), 2u);
  ASSERT_FALSE(got[0].has_value());
  EXPECT_EQ(got[0].error().rule, "bad_utf8");
  ASSERT_TRUE(got[1].has_value());
  EXPECT_EQ(*got[1], "001190012345");
  ::close(pty.master);
}

TEST(ScannerDevice, ReconnectsWhenTheDeviceDisappearsAndComesBack) {
  testing::TempDir dir;
  Pty first = OpenPty();
  ASSERT_GE(first.master, 0);
  const std::filesystem::path link = dir / "usb-Scanner-if00";
  PointLink(link, first.slave);
  ScannerDevice scanner(ScannerDevice::Mode::kSerial, link.string(), {.reconnect_ms = 50});
  ASSERT_TRUE(WaitUntil([&] { return scanner.connects() == 1; }));

  // Unplugged mid-scan: the half line is dropped, never glued to the next scan.
  WriteAll(first.master, "001190012345|0123");
  std::this_thread::sleep_for(50ms);
  ::close(first.master);
  ASSERT_TRUE(WaitUntil([&] { return scanner.state() == ScannerDevice::State::kConnecting; }));
  ASSERT_TRUE(WaitUntil([&] { return scanner.last_error().has_value(); }));
  // While it is away the link points nowhere (the slave is gone): "no_device" while retrying.
  std::filesystem::remove(link);
  ASSERT_TRUE(WaitUntil([&] { return scanner.last_error() && scanner.last_error()->rule == "no_device"; }));
  EXPECT_EQ(scanner.last_error()->field, "path");

  // Plugged back in: a new device node behind the same link.
  Pty second = OpenPty();
  ASSERT_GE(second.master, 0);
  PointLink(link, second.slave);
  ASSERT_TRUE(WaitUntil([&] { return scanner.connects() == 2 && scanner.state() == ScannerDevice::State::kConnected; }));
  WriteAll(second.master, "Nguyễn Thị Hồng Nhung|2\r");
  std::vector<Result<std::string>> got;
  ASSERT_TRUE(WaitUntil([&] {
    for (auto& r : scanner.TakeScans()) got.push_back(std::move(r));
    return !got.empty();
  }));
  ASSERT_EQ(got.size(), 1u);
  ASSERT_TRUE(got[0].has_value());
  EXPECT_EQ(*got[0], "Nguyễn Thị Hồng Nhung|2");
  ::close(second.master);
}

TEST(ScannerDevice, BadOptionsAreReportedAndNothingIsOpened) {
  ScannerDevice no_path(ScannerDevice::Mode::kSerial, "", {});
  ASSERT_TRUE(no_path.last_error().has_value());
  EXPECT_EQ(no_path.last_error()->rule, "missing");
  ScannerDevice bad_baud(ScannerDevice::Mode::kSerial, "/dev/null", {.baud = 12345});
  ASSERT_TRUE(bad_baud.last_error().has_value());
  EXPECT_EQ(bad_baud.last_error()->field, "baud");
  EXPECT_EQ(bad_baud.last_error()->rule, "bad_baud");
  EXPECT_EQ(bad_baud.connects(), 0);
}

TEST(ScannerDevice, AFileThatIsNoSerialDeviceIsRefused) {
  testing::TempDir dir;
  const std::filesystem::path plain = dir / "not-a-tty";
  { std::FILE* f = std::fopen(plain.c_str(), "w"); ASSERT_NE(f, nullptr); std::fclose(f); }
  ScannerDevice scanner(ScannerDevice::Mode::kSerial, plain.string(), {.reconnect_ms = 50});
  ASSERT_TRUE(WaitUntil([&] { return scanner.last_error().has_value(); }));
  EXPECT_EQ(scanner.last_error()->rule, "not_a_scanner");
  EXPECT_EQ(scanner.connects(), 0);
}

// Evdev mode refuses what is not a key device, saying which, and keeps retrying (the right device may be
// plugged in behind the same by-id path later).
TEST(ScannerDevice, EvdevRefusesAFileATerminalAndAMissingDevice) {
  testing::TempDir dir;
  const std::filesystem::path plain = dir / "not-an-input-device";
  { std::FILE* f = std::fopen(plain.c_str(), "w"); ASSERT_NE(f, nullptr); std::fclose(f); }
  ScannerDevice file(ScannerDevice::Mode::kEvdev, plain.string(), {.reconnect_ms = 50});
  ASSERT_TRUE(WaitUntil([&] { return file.last_error().has_value(); }));
  EXPECT_EQ(file.last_error()->field, "path");
  EXPECT_EQ(file.last_error()->rule, "not_a_scanner");
  EXPECT_NE(file.last_error()->detail.find("not an input device"), std::string::npos) << file.last_error()->detail;

  Pty pty = OpenPty();  // a serial scanner's node given to evdev mode by mistake
  ASSERT_GE(pty.master, 0);
  const std::filesystem::path link = dir / "usb-Scanner-if00";
  PointLink(link, pty.slave);
  ScannerDevice tty(ScannerDevice::Mode::kEvdev, link.string(), {.reconnect_ms = 50});
  ASSERT_TRUE(WaitUntil([&] { return tty.last_error().has_value(); }));
  EXPECT_EQ(tty.last_error()->rule, "not_a_scanner");
  ::close(pty.master);

  ScannerDevice missing(ScannerDevice::Mode::kEvdev, (dir / "usb-Gone-event-kbd").string(), {.reconnect_ms = 50});
  ASSERT_TRUE(WaitUntil([&] { return missing.last_error().has_value(); }));
  EXPECT_EQ(missing.last_error()->rule, "no_device");
  EXPECT_EQ(missing.state(), ScannerDevice::State::kConnecting);
  EXPECT_EQ(file.connects() + tty.connects() + missing.connects(), 0);

  ScannerDevice no_path(ScannerDevice::Mode::kEvdev, "", {});
  ASSERT_TRUE(no_path.last_error().has_value());
  EXPECT_EQ(no_path.last_error()->rule, "missing");
}

TEST(FindScannerDevices, ListsSerialLinksAndNodesThenKeyboardInterfaces) {
  testing::TempDir dev;
  for (const char* p : {"serial/by-id/usb-Honeywell_1900-if00", "ttyACM0", "ttyS0", "ttyUSB0",
                        "input/by-id/usb-Zebra_DS2208-event-kbd", "input/by-id/usb-Logitech_Mouse-event-mouse",
                        "input/by-id/usb-Zebra_DS2208-if01-event-joystick"}) {
    std::filesystem::create_directories((dev / p).parent_path());
    std::FILE* f = std::fopen((dev / p).c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fclose(f);
  }
  std::vector<std::string> got;
  for (const FoundScannerDevice& d : FindScannerDevices(dev.path().string()))
    got.push_back((d.mode == ScannerDevice::Mode::kSerial ? "serial " : "evdev ") +
                  std::filesystem::relative(d.path, dev.path()).string());
  EXPECT_EQ(got, (std::vector<std::string>{"serial serial/by-id/usb-Honeywell_1900-if00", "serial ttyACM0",
                                           "evdev input/by-id/usb-Zebra_DS2208-event-kbd"}));
  testing::TempDir empty;
  EXPECT_TRUE(FindScannerDevices(empty.path().string()).empty());
}

}  // namespace
}  // namespace motcua::scan
