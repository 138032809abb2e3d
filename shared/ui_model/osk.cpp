#include "ui_model/osk.h"

#include <string_view>

namespace motcua::ui {
namespace {

bool IsAsciiLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

OskKey Char(char32_t c) {
  // Only ASCII is placed on the keys, so the label is the character's single byte.
  return {OskKeyKind::kChar, std::string(1, static_cast<char>(c)), c, 1.0f};
}

OskKey Special(OskKeyKind kind, std::string_view label_key, float width_units) {
  return {kind, std::string(label_key), 0, width_units};
}

OskRow CharRow(std::string_view chars, bool shift) {
  OskRow row;
  for (char c : chars) {
    char32_t ch = static_cast<unsigned char>(c);
    if (shift && c >= 'a' && c <= 'z') ch = static_cast<char32_t>(c - 'a' + 'A');
    row.keys.push_back(Char(ch));
  }
  return row;
}

}  // namespace

std::vector<OskRow> OskRows(OskLayout layout, bool shift, bool allow_letters) {
  std::vector<OskRow> rows;
  if (layout == OskLayout::kTelex) {
    rows.push_back(CharRow("qwertyuiop", shift));
    rows.push_back(CharRow("asdfghjkl", shift));
    rows.push_back(CharRow("zxcvbnm,.", shift));
    rows.push_back({{Special(OskKeyKind::kShift, "osk.shift", 1.5f), Special(OskKeyKind::kLayoutSwitch, "osk.to_digits", 1.5f),
                     Special(OskKeyKind::kSpace, "osk.space", 4.0f), Special(OskKeyKind::kBackspace, "osk.backspace", 1.5f),
                     Special(OskKeyKind::kDone, "osk.done", 1.5f)}});
    return rows;
  }
  rows.push_back(CharRow("123", false));
  rows.push_back(CharRow("456", false));
  rows.push_back(CharRow("789", false));
  if (allow_letters) {
    // "." and "-" for codes (000.00.00.H56-261124-0001) and house numbers (12-14).
    rows.push_back(CharRow(".0-", false));
    rows.push_back({{Special(OskKeyKind::kLayoutSwitch, "osk.to_letters", 1.0f),
                     Special(OskKeyKind::kBackspace, "osk.backspace", 1.0f), Special(OskKeyKind::kDone, "osk.done", 1.0f)}});
  } else {
    rows.push_back({{Special(OskKeyKind::kClear, "osk.clear", 1.0f), Char(U'0'),
                     Special(OskKeyKind::kBackspace, "osk.backspace", 1.0f)}});
    rows.push_back({{Special(OskKeyKind::kDone, "osk.done", 3.0f)}});
  }
  return rows;
}

bool OskField::Press(const OskKey& key) {
  // Types `c` unless the text would grow past max_chars.
  auto type = [this](char32_t c) {
    text::TelexComposer next = composer;
    if (compose) {
      next.Type(c);
    } else if (c < 0x80) {
      // SetText never composes what it is given: appending through it types the key as it is.
      const char ascii = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
      next.SetText(next.Text() + ascii);
    }
    if (next.Length() > max_chars && next.Length() > composer.Length()) return false;
    const bool changed = next.Text() != composer.Text();
    composer = std::move(next);
    return changed;
  };
  switch (key.kind) {
    case OskKeyKind::kChar: {
      char32_t c = key.ch;
      if (c == 0) return false;
      const bool letter = IsAsciiLetter(c);
      if (letter && !allow_letters) return false;
      if (letter && shift && c >= 'a' && c <= 'z') c = c - 'a' + 'A';
      const bool typed = type(c);
      const bool dropped_shift = letter && typed && shift;
      if (dropped_shift) shift = false;
      return typed || dropped_shift;
    }
    case OskKeyKind::kSpace:
      return allow_letters && type(U' ');
    case OskKeyKind::kBackspace: {
      if (composer.Text().empty()) return false;
      composer.Backspace();
      return true;
    }
    case OskKeyKind::kShift:
      if (layout != OskLayout::kTelex) return false;
      shift = !shift;
      return true;
    case OskKeyKind::kLayoutSwitch:
      if (!allow_letters) return false;
      layout = layout == OskLayout::kTelex ? OskLayout::kDigits : OskLayout::kTelex;
      shift = false;
      return true;
    case OskKeyKind::kDone:
      if (done) return false;
      done = true;
      return true;
    case OskKeyKind::kClear:
      if (composer.Text().empty()) return false;
      composer.Clear();
      return true;
  }
  return false;
}

void OskField::SetText(std::string_view utf8) {
  composer.SetText(utf8);
  done = false;
}

}  // namespace motcua::ui
