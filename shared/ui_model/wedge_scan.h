// Keyboard-wedge scanner detection. A USB HID barcode/QR scanner "types" what it reads, so its
// keystrokes arrive mixed with the officer's own typing, whichever field has focus, or none.
// The detector tells the two apart by speed: a scanner emits one character every ~2-20 ms and ends
// with Enter; people type one every ~100-300 ms and even a fast typist cannot hold <= 50 ms per key
// for 8 keys in a row (see kWedge* in tests/ui_model/wedge_scan_test.cpp for the measured timings).
//
// It works as a hold-back queue in front of the UI:
//   - The shell feeds every keyboard event, in order, with its timestamp.
//   - A character starts (or extends) a *burst* and is held back. While the gap between characters
//     stays <= max_gap_ms the burst grows.
//   - Enter within max_gap_ms of a burst of >= min_chars characters completes a scan: the held events
//     (and the Enter) are swallowed and the text is handed back once.
//   - Anything else ends the burst and releases the held events unchanged and in order: a gap
//     longer than max_gap_ms (seen by Feed or by Poll), Enter after too few characters, another key
//     (arrows, Backspace, Tab, a shortcut, an auto-repeat), a mouse press (Flush), or max_chars.
// So human typing reaches the UI at most max_gap_ms late, and a scan never leaks into a field.
//
// Event kinds: kText carries the characters of one key press (UTF-8; an IME commit may carry
// several); kNeutral events (key releases, Shift, and key presses whose character arrives as a
// separate kText) neither start nor end a burst but keep their place in the queue.
//
// The scanned string is returned as typed (not NFC-normalised, not trimmed); parsers of CCCD QR and
// receipt tokens validate it. Timestamps are milliseconds on one monotonic clock (SDL ticks in
// the shell); the detector never reads a clock itself.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace motcua::ui {

enum class WedgeKey {
  kText,     // characters typed (text holds them)
  kEnter,    // Return or keypad Enter pressed
  kNeutral,  // key release, modifier press, or a press whose text comes as its own kText
  kOther,    // any other key press: ends a burst
};

struct WedgeEvent {
  std::int64_t at_ms = 0;        // monotonic milliseconds
  WedgeKey key = WedgeKey::kOther;
  std::string text;              // UTF-8, only for kText
  std::uint64_t tag = 0;         // the caller's handle for the original event; returned untouched
};

struct WedgeOptions {
  int min_chars = 8;              // default 8 code points: shorter bursts are typing (a receipt token
                                  // or a CCCD QR is far longer; a human 8-key run at 50 ms is not real)
  std::int64_t max_gap_ms = 50;   // default 50 ms between characters, and from the last one to Enter
  std::size_t max_chars = 4096;   // default 4096 code points: a longer burst is released as typing
};

struct WedgeOutput {
  std::vector<WedgeEvent> released;  // pass these to the UI now, in this order
  std::vector<WedgeEvent> swallowed; // the events that made up a recognised scan: never shown as
                                     // text, but a shell should still pass key *releases* on, so
                                     // that no key whose press got through stays down
  std::optional<std::string> scan;   // the scanned text, when a scan completed
};

class WedgeScanDetector {
 public:
  explicit WedgeScanDetector(WedgeOptions options = {});

  // Feeds one keyboard event. Events must come in order; an at_ms earlier than the previous one is
  // treated as equal to it (clocks from event queues can repeat a value but should not go back).
  WedgeOutput Feed(WedgeEvent event);

  // Releases a held burst whose last character is more than max_gap_ms before now_ms.
  WedgeOutput Poll(std::int64_t now_ms);

  // Releases everything held (call before a mouse press or when the window loses focus, so
  // typing lands where it was typed).
  WedgeOutput Flush();

  bool IsHolding() const { return !held_.empty(); }
  // When Poll would next release something; only meaningful while IsHolding().
  std::int64_t NextDeadlineMs() const { return last_char_at_ms_ + options_.max_gap_ms + 1; }

  const WedgeOptions& options() const { return options_; }

 private:
  void Release(WedgeOutput& out);

  WedgeOptions options_;
  std::deque<WedgeEvent> held_;
  std::size_t held_chars_ = 0;        // code points in held kText events
  std::int64_t last_char_at_ms_ = 0;  // time of the last held kText
  std::int64_t last_seen_at_ms_ = 0;  // latest timestamp fed, to keep time monotonic
};

// The character a key press types on a US layout, for the shell to build kText events when SDL
// text input is off (no field focused). `keycode` is an SDL keycode: for printable keys it is the
// Unicode code point of the unshifted character. Returns "" for non-printable keys.
// Why US: scanners are configured for the US layout by default, and Vietnamese stations use it.
std::string UsLayoutText(std::int32_t keycode, bool shift, bool caps_lock);

}  // namespace motcua::ui
