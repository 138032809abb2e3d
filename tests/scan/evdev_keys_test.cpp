// Decoding a HID scanner's evdev key events. The device-level test (a uinput device the reader grabs)
// cannot run here: neither this machine nor CI has /dev/uinput (no kernel module), so the decoding is a
// pure function tested with event sequences.
#include "scan/evdev_keys.h"

#include <gtest/gtest.h>
#include <linux/input-event-codes.h>

#include <string>
#include <vector>

namespace motcua::scan {
namespace {

constexpr KeyEvent Press(std::uint16_t code) { return {EV_KEY, code, 1}; }
constexpr KeyEvent Release(std::uint16_t code) { return {EV_KEY, code, 0}; }
constexpr KeyEvent Syn() { return {EV_SYN, SYN_REPORT, 0}; }
constexpr KeyEvent Msc(std::int32_t usage) { return {EV_MSC, MSC_SCAN, usage}; }

std::vector<std::string> Decode(const std::vector<KeyEvent>& events, EvdevKeyDecoder& d) {
  std::vector<std::string> out;
  for (const KeyEvent& e : events)
    if (std::optional<std::string> s = d.Feed(e)) out.push_back(*s);
  return out;
}

// "A|1" + Enter as `evtest` shows a USB HID scanner sending it: every key framed by MSC_SCAN (the HID usage)
// and SYN_REPORT, Shift held around the shifted keys.
TEST(EvdevKeyDecoder, DecodesARecordedScanWithShiftAndFraming) {
  const std::vector<KeyEvent> recorded = {
      Msc(0x700e1), Press(KEY_LEFTSHIFT), Syn(), Msc(0x70004), Press(KEY_A), Syn(), Msc(0x70004), Release(KEY_A), Syn(),
      Msc(0x70031), Press(KEY_BACKSLASH), Syn(), Msc(0x70031), Release(KEY_BACKSLASH), Syn(),
      Msc(0x700e1), Release(KEY_LEFTSHIFT), Syn(),
      Msc(0x7001e), Press(KEY_1), Syn(), Msc(0x7001e), Release(KEY_1), Syn(),
      Msc(0x70028), Press(KEY_ENTER), Syn(), Msc(0x70028), Release(KEY_ENTER), Syn(),
  };
  EvdevKeyDecoder d;
  EXPECT_EQ(Decode(recorded, d), std::vector<std::string>{"A|1"});
}

TEST(EvdevKeyDecoder, CapsLockInvertsShiftForLettersOnly) {
  EvdevKeyDecoder d;
  const std::vector<KeyEvent> events = {
      Press(KEY_CAPSLOCK), Release(KEY_CAPSLOCK), Press(KEY_H), Release(KEY_H), Press(KEY_RIGHTSHIFT), Press(KEY_I),
      Release(KEY_I), Press(KEY_1), Release(KEY_1), Release(KEY_RIGHTSHIFT), Press(KEY_2), Release(KEY_2),
      Press(KEY_CAPSLOCK), Release(KEY_CAPSLOCK), Press(KEY_KPENTER), Release(KEY_KPENTER)};
  EXPECT_EQ(Decode(events, d), std::vector<std::string>{"Hi!2"});
}

TEST(EvdevKeyDecoder, EmptyEnterIsNoScanAndOtherKeysTypeNothing) {
  EvdevKeyDecoder d;
  const std::vector<KeyEvent> events = {Press(KEY_ENTER), Release(KEY_ENTER), Press(KEY_F5), Press(KEY_LEFTCTRL),
                                        Press(KEY_KP7), Release(KEY_KP7), Release(KEY_LEFTCTRL), Press(KEY_UP),
                                        Press(KEY_ENTER)};
  EXPECT_EQ(Decode(events, d), std::vector<std::string>{"7"});
  // A partial scan dropped when the device goes away is not glued to the next.
  Decode({Press(KEY_LEFTSHIFT), Press(KEY_X)}, d);
  d.Reset();
  EXPECT_EQ(Decode({Press(KEY_X), Press(KEY_ENTER)}, d), std::vector<std::string>{"x"});
}

// A whole CCCD QR as a keyboard-mode scanner sends it: the fixture's card (tests/ui_model/station_fixture.h
// kCccdQr) with the letters a US layout cannot type already gone, which is what such a scanner delivers.
TEST(EvdevKeyDecoder, DecodesAStrippedCccdQrTypedKeyByKey) {
  const std::string text = "001190012345|012345678|Nguyn Th Hng Nhung|01011990|N|S 12 ph Hng Bi, Hon Kim, H Ni|15042021";
  // Type it the way a scanner does: Shift around each shifted key, every key pressed then released.
  std::vector<KeyEvent> events;
  for (char c : text) {
    std::uint16_t code = 0;
    bool shift = false;
    for (std::uint16_t k = 0; k < KEY_MAX && code == 0; ++k) {
      for (bool s : {false, true}) {
        if (UsKeyChar(k, s, false) == c) {
          code = k;
          shift = s;
          break;
        }
      }
    }
    ASSERT_NE(code, 0) << "no key types '" << c << "'";
    if (shift) events.push_back(Press(KEY_LEFTSHIFT));
    events.push_back(Press(code));
    events.push_back(Release(code));
    if (shift) events.push_back(Release(KEY_LEFTSHIFT));
    events.push_back(Syn());
  }
  events.push_back(Press(KEY_ENTER));
  EvdevKeyDecoder d;
  EXPECT_EQ(Decode(events, d), std::vector<std::string>{text});
}

}  // namespace
}  // namespace motcua::scan
