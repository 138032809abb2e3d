#include "ui_model/wedge_scan.h"

#include <algorithm>
#include <string_view>

#include "common/text.h"

namespace motcua::ui {
namespace {

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace

WedgeScanDetector::WedgeScanDetector(WedgeOptions options) : options_(options) {}

void WedgeScanDetector::Release(WedgeOutput& out) {
  for (WedgeEvent& e : held_) out.released.push_back(std::move(e));
  held_.clear();
  held_chars_ = 0;
}

WedgeOutput WedgeScanDetector::Feed(WedgeEvent event) {
  WedgeOutput out;
  event.at_ms = std::max(event.at_ms, last_seen_at_ms_);
  last_seen_at_ms_ = event.at_ms;
  const bool gap_exceeded =
      IsHolding() && event.at_ms - last_char_at_ms_ > options_.max_gap_ms;

  switch (event.key) {
    case WedgeKey::kText: {
      if (gap_exceeded) Release(out);
      held_chars_ += CountCodePoints(event.text);
      last_char_at_ms_ = event.at_ms;
      held_.push_back(std::move(event));
      if (held_chars_ > options_.max_chars) Release(out);
      break;
    }
    case WedgeKey::kEnter: {
      if (IsHolding() && !gap_exceeded &&
          held_chars_ >= static_cast<std::size_t>(options_.min_chars)) {
        std::string text;
        for (const WedgeEvent& e : held_)
          if (e.key == WedgeKey::kText) text += e.text;
        for (WedgeEvent& e : held_) out.swallowed.push_back(std::move(e));
        out.swallowed.push_back(std::move(event));
        held_.clear();
        held_chars_ = 0;
        out.scan = std::move(text);
      } else {
        Release(out);
        out.released.push_back(std::move(event));
      }
      break;
    }
    case WedgeKey::kNeutral: {
      if (IsHolding() && !gap_exceeded) {
        held_.push_back(std::move(event));
      } else {
        Release(out);
        out.released.push_back(std::move(event));
      }
      break;
    }
    case WedgeKey::kOther: {
      Release(out);
      out.released.push_back(std::move(event));
      break;
    }
  }
  return out;
}

WedgeOutput WedgeScanDetector::Poll(std::int64_t now_ms) {
  WedgeOutput out;
  if (IsHolding() && now_ms - last_char_at_ms_ > options_.max_gap_ms) Release(out);
  return out;
}

WedgeOutput WedgeScanDetector::Flush() {
  WedgeOutput out;
  Release(out);
  return out;
}

std::string UsLayoutText(std::int32_t keycode, bool shift, bool caps_lock) {
  // SDL marks keys with no character (F1, arrows, keypad) by setting bit 30 (SDLK_SCANCODE_MASK).
  constexpr std::int32_t kScancodeMask = 1 << 30;
  if (keycode < 0x20 || keycode == 0x7F || (keycode & kScancodeMask) != 0 || keycode > 0x10FFFF)
    return {};
  std::string out;
  if (keycode >= 'a' && keycode <= 'z') {
    char c = static_cast<char>(keycode);
    if (shift != caps_lock) c = static_cast<char>(c - 'a' + 'A');
    out += c;
    return out;
  }
  if (keycode < 0x80) {
    // US layout: the shifted character of each unshifted printable key.
    static constexpr std::string_view kPlain = "`1234567890-=[]\\;',./";
    static constexpr std::string_view kShifted = "~!@#$%^&*()_+{}|:\"<>?";
    char c = static_cast<char>(keycode);
    if (shift) {
      std::size_t at = kPlain.find(c);
      if (at != std::string_view::npos) c = kShifted[at];
    }
    out += c;
    return out;
  }
  AppendUtf8(out, static_cast<char32_t>(keycode));
  return out;
}

}  // namespace motcua::ui
