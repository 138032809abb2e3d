// Decoding a HID (keyboard-mode) scanner's key events, as Linux evdev reports them (struct input_event
// from /dev/input/by-id/*-event-kbd, read exclusively with EVIOCGRAB: stack.md §6), into scanned texts.
// Pure: no device, no clock. The device reader itself (libevdev, EVIOCGRAB, reconnect) is not written yet.
//
// Rules:
//   - Only EV_KEY events count; EV_SYN, EV_MSC (scan codes) and the rest are ignored.
//   - value 1 is a press, 0 a release, 2 an auto-repeat; a repeat types like a press (a scanner never
//     repeats, and a held key on a grabbed scanner is the scanner's to send).
//   - Shift (either) is tracked by press/release; Caps Lock toggles on each press and inverts Shift for
//     letters only, as on a real keyboard.
//   - Characters follow the US layout (scanners' factory default; stack.md §6 on layout mismatches): digits,
//     letters, space, and the punctuation keys with their shifted forms ("|" is Shift+Backslash).
//   - KEY_ENTER or KEY_KPENTER press ends a scan: the text so far is returned (an empty one is not a
//     scan). KEY_TAB types '\t' (some scanners end fields with it).
//   - Any other key press (function keys, arrows, Ctrl, Alt, keypad operators) types nothing and is
//     otherwise ignored. The keypad's digits type digits whatever Num Lock says (scanners that send
//     Alt+numpad codes are not supported: their codes are dropped, and the text will lack the letter).
// Like a keyboard wedge, this cannot carry Vietnamese letters: scans decoded here are ScanSource::kKeyboard.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace motcua::scan {

// The fields of struct input_event that matter (linux/input.h), so tests can write sequences as data.
struct KeyEvent {
  std::uint16_t type = 0;   // EV_KEY, EV_SYN, EV_MSC, ...
  std::uint16_t code = 0;   // KEY_A, KEY_LEFTSHIFT, KEY_ENTER, ...
  std::int32_t value = 0;   // EV_KEY: 0 release, 1 press, 2 repeat
};

class EvdevKeyDecoder {
 public:
  explicit EvdevKeyDecoder(std::size_t max_chars = 4096) : max_chars_(max_chars) {}

  // Feeds one event; returns the scanned text when it was a scan's Enter. A text longer than max_chars
  // (default 4096 bytes) keeps its first max_chars bytes.
  std::optional<std::string> Feed(const KeyEvent& e);

  // Drops a partial scan and the modifier state (the device went away).
  void Reset();

 private:
  std::size_t max_chars_;
  std::string text_;
  bool left_shift_ = false;
  bool right_shift_ = false;
  bool caps_lock_ = false;
};

// The character a key types on a US layout, or '\0' for none. Exposed for tests.
char UsKeyChar(std::uint16_t code, bool shift, bool caps_lock);

}  // namespace motcua::scan
