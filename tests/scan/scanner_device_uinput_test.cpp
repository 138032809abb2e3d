// An evdev (HID keyboard-mode) scanner read as its own device, fed by a real kernel input device made
// through /dev/uinput: the keys a scanner sends for a CCCD QR arrive as one scan, the device is grabbed
// (nobody else gets the keys), and unplugging and plugging back in is ridden out.
//
// Needs /dev/uinput (the uinput module) and the right to open it. CI's containers have neither, so the
// test command runs this binary in a throwaway VM (tools/vm/run_in_vm.sh, test hardware_uinput.in_vm);
// `ctest --preset hardware` runs it directly on a machine with uinput. It fails, never skips, without
// /dev/uinput: asked for, it must have run.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <libevdev/libevdev-uinput.h>
#include <libevdev/libevdev.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "scan/scanner_device.h"
#include "support/fixtures.h"

namespace motcua::scan {
namespace {

using namespace std::chrono_literals;

bool WaitUntil(const std::function<bool()>& done) {
  for (auto end = std::chrono::steady_clock::now() + 5s; !done();) {
    if (std::chrono::steady_clock::now() > end) return false;
    std::this_thread::sleep_for(10ms);
  }
  return true;
}

// A virtual keyboard-mode scanner: a uinput device with the keys a US-layout scanner uses.
class VirtualScanner {
 public:
  VirtualScanner() {
    libevdev* dev = libevdev_new();
    libevdev_set_name(dev, "motcua test scanner");
    libevdev_enable_event_type(dev, EV_KEY);
    for (unsigned code = KEY_ESC; code <= KEY_KPDOT; ++code) libevdev_enable_event_code(dev, EV_KEY, code, nullptr);
    libevdev_enable_event_code(dev, EV_KEY, KEY_KPENTER, nullptr);
    error_ = libevdev_uinput_create_from_device(dev, LIBEVDEV_UINPUT_OPEN_MANAGED, &uinput_);
    libevdev_free(dev);
  }
  ~VirtualScanner() {
    if (uinput_ != nullptr) libevdev_uinput_destroy(uinput_);
  }
  bool ok() const { return error_ == 0; }
  std::string why() const { return std::strerror(-error_); }
  std::string node() const { return libevdev_uinput_get_devnode(uinput_); }

  // Types ASCII text the way a US-layout scanner does (Shift for capitals and '|'), then Enter: one key
  // change per report, a report per millisecond as USB polls a HID device; paced = false sends them all at
  // once, faster than any scanner.
  void Scan(const std::string& text, bool paced = true) {
    paced_ = paced;
    for (char c : text) {
      const auto [code, shift] = KeyFor(c);
      ASSERT_NE(code, 0u) << "no key for '" << c << "'";
      if (shift) Key(KEY_LEFTSHIFT, 1);
      Key(code, 1);
      Key(code, 0);
      if (shift) Key(KEY_LEFTSHIFT, 0);
    }
    Key(KEY_ENTER, 1);
    Key(KEY_ENTER, 0);
  }

 private:
  void Key(unsigned code, int value) {
    libevdev_uinput_write_event(uinput_, EV_KEY, code, value);
    libevdev_uinput_write_event(uinput_, EV_SYN, SYN_REPORT, 0);
    if (paced_) std::this_thread::sleep_for(1ms);
  }
  static std::pair<unsigned, bool> KeyFor(char c) {
    static const char* kRow = "qwertyuiopasdfghjklzxcvbnm";
    static const unsigned kRowKeys[] = {KEY_Q, KEY_W, KEY_E, KEY_R, KEY_T, KEY_Y, KEY_U, KEY_I, KEY_O,
                                        KEY_P, KEY_A, KEY_S, KEY_D, KEY_F, KEY_G, KEY_H, KEY_J, KEY_K,
                                        KEY_L, KEY_Z, KEY_X, KEY_C, KEY_V, KEY_B, KEY_N, KEY_M};
    if (c >= '1' && c <= '9') return {KEY_1 + unsigned(c - '1'), false};
    if (c == '0') return {KEY_0, false};
    if (c == ' ') return {KEY_SPACE, false};
    if (c == '|') return {KEY_BACKSLASH, true};
    if (c == ',') return {KEY_COMMA, false};
    const bool upper = c >= 'A' && c <= 'Z';
    const char lower = upper ? char(c - 'A' + 'a') : c;
    for (int i = 0; kRow[i] != '\0'; ++i)
      if (kRow[i] == lower) return {kRowKeys[i], upper};
    return {0, false};
  }

  libevdev_uinput* uinput_ = nullptr;
  int error_ = 0;
  bool paced_ = true;
};

// What a HID scanner can type of the fixture's CCCD QR: its letters without diacritics (the counter then
// flags the name for the officer, ui_model CardTextMayHaveLostDiacritics).
constexpr const char* kHidCccdQr = "001190012345|012345678|Nguyen Thi Hong Nhung|01011990|Nu|So 12 pho Hang Bai|15042021";

TEST(ScannerDeviceUinput, ReadsAHidScannerGrabbedAndRidesOutAnUnplug) {
  ASSERT_TRUE(std::filesystem::exists("/dev/uinput")) << "this suite needs /dev/uinput (modprobe uinput)";
  testing::TempDir dir;
  const std::filesystem::path link = dir / "usb-Scanner-event-kbd";
  auto virtual_scanner = std::make_unique<VirtualScanner>();
  ASSERT_TRUE(virtual_scanner->ok()) << "uinput: " << virtual_scanner->why();
  std::filesystem::create_symlink(virtual_scanner->node(), link);

  ScannerDevice scanner(ScannerDevice::Mode::kEvdev, link.string(), {.reconnect_ms = 50});
  ASSERT_TRUE(WaitUntil([&] { return scanner.state() == ScannerDevice::State::kConnected; }))
      << (scanner.last_error() ? scanner.last_error()->Describe() : "");

  // Grabbed: a second reader (the X server, another counter) cannot take the keys.
  const int other_fd = ::open(virtual_scanner->node().c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(other_fd, 0);
  libevdev* other = nullptr;
  ASSERT_EQ(libevdev_new_from_fd(other_fd, &other), 0);
  EXPECT_EQ(libevdev_grab(other, LIBEVDEV_GRAB), -EBUSY);
  libevdev_free(other);
  ::close(other_fd);

  virtual_scanner->Scan(kHidCccdQr);
  std::vector<Result<std::string>> got;
  ASSERT_TRUE(WaitUntil([&] {
    for (auto& r : scanner.TakeScans()) got.push_back(std::move(r));
    return !got.empty();
  }));
  ASSERT_EQ(got.size(), 1u);
  ASSERT_TRUE(got[0].has_value()) << got[0].error().Describe();
  EXPECT_EQ(*got[0], kHidCccdQr);

  // Faster than the kernel's buffer for the device holds (about 16 keys): the scan arrives whole or is
  // refused as "events_dropped", never with letters missing.
  virtual_scanner->Scan(kHidCccdQr, /*paced=*/false);
  got.clear();
  ASSERT_TRUE(WaitUntil([&] {
    for (auto& r : scanner.TakeScans()) got.push_back(std::move(r));
    return !got.empty();
  }));
  std::this_thread::sleep_for(100ms);
  for (auto& r : scanner.TakeScans()) got.push_back(std::move(r));
  for (const Result<std::string>& r : got) {
    if (r.has_value()) EXPECT_EQ(*r, kHidCccdQr);
    else EXPECT_EQ(r.error().rule, "events_dropped");
  }

  // Unplugged and plugged back in (a new node behind the same by-id link).
  virtual_scanner.reset();
  ASSERT_TRUE(WaitUntil([&] { return scanner.state() == ScannerDevice::State::kConnecting; }));
  virtual_scanner = std::make_unique<VirtualScanner>();
  ASSERT_TRUE(virtual_scanner->ok());
  std::filesystem::remove(link);
  std::filesystem::create_symlink(virtual_scanner->node(), link);
  ASSERT_TRUE(WaitUntil([&] { return scanner.connects() == 2; }));
  virtual_scanner->Scan("000 00 12 H56");
  got.clear();
  ASSERT_TRUE(WaitUntil([&] {
    for (auto& r : scanner.TakeScans()) got.push_back(std::move(r));
    return !got.empty();
  }));
  ASSERT_TRUE(got[0].has_value());
  EXPECT_EQ(*got[0], "000 00 12 H56");
}

}  // namespace
}  // namespace motcua::scan
