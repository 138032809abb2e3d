#include "scan/evdev_keys.h"

#include <linux/input-event-codes.h>

namespace motcua::scan {
namespace {

struct UsKey {
  std::uint16_t code;
  char plain;
  char shifted;
};

// The US layout's printing keys, main block and keypad.
constexpr UsKey kUsKeys[] = {
    {KEY_1, '1', '!'}, {KEY_2, '2', '@'}, {KEY_3, '3', '#'}, {KEY_4, '4', '$'}, {KEY_5, '5', '%'},
    {KEY_6, '6', '^'}, {KEY_7, '7', '&'}, {KEY_8, '8', '*'}, {KEY_9, '9', '('}, {KEY_0, '0', ')'},
    {KEY_MINUS, '-', '_'}, {KEY_EQUAL, '=', '+'}, {KEY_LEFTBRACE, '[', '{'}, {KEY_RIGHTBRACE, ']', '}'},
    {KEY_SEMICOLON, ';', ':'}, {KEY_APOSTROPHE, '\'', '"'}, {KEY_GRAVE, '`', '~'}, {KEY_BACKSLASH, '\\', '|'},
    {KEY_COMMA, ',', '<'}, {KEY_DOT, '.', '>'}, {KEY_SLASH, '/', '?'}, {KEY_SPACE, ' ', ' '}, {KEY_TAB, '\t', '\t'},
    {KEY_KP0, '0', '0'}, {KEY_KP1, '1', '1'}, {KEY_KP2, '2', '2'}, {KEY_KP3, '3', '3'}, {KEY_KP4, '4', '4'},
    {KEY_KP5, '5', '5'}, {KEY_KP6, '6', '6'}, {KEY_KP7, '7', '7'}, {KEY_KP8, '8', '8'}, {KEY_KP9, '9', '9'},
    {KEY_KPDOT, '.', '.'}, {KEY_KPMINUS, '-', '-'}, {KEY_KPPLUS, '+', '+'}, {KEY_KPASTERISK, '*', '*'},
    {KEY_KPSLASH, '/', '/'},
};

// Letters by key code: the rows of a US keyboard.
constexpr struct {
  std::uint16_t code;
  char letter;
} kUsLetters[] = {
    {KEY_Q, 'q'}, {KEY_W, 'w'}, {KEY_E, 'e'}, {KEY_R, 'r'}, {KEY_T, 't'}, {KEY_Y, 'y'}, {KEY_U, 'u'},
    {KEY_I, 'i'}, {KEY_O, 'o'}, {KEY_P, 'p'}, {KEY_A, 'a'}, {KEY_S, 's'}, {KEY_D, 'd'}, {KEY_F, 'f'},
    {KEY_G, 'g'}, {KEY_H, 'h'}, {KEY_J, 'j'}, {KEY_K, 'k'}, {KEY_L, 'l'}, {KEY_Z, 'z'}, {KEY_X, 'x'},
    {KEY_C, 'c'}, {KEY_V, 'v'}, {KEY_B, 'b'}, {KEY_N, 'n'}, {KEY_M, 'm'},
};

}  // namespace

char UsKeyChar(std::uint16_t code, bool shift, bool caps_lock) {
  for (const auto& l : kUsLetters)
    if (l.code == code) return (shift != caps_lock) ? static_cast<char>(l.letter - 'a' + 'A') : l.letter;
  for (const UsKey& k : kUsKeys)
    if (k.code == code) return shift ? k.shifted : k.plain;
  return '\0';
}

std::optional<std::string> EvdevKeyDecoder::Feed(const KeyEvent& e) {
  if (e.type != EV_KEY) return std::nullopt;
  const bool down = e.value != 0;  // press or repeat
  switch (e.code) {
    case KEY_LEFTSHIFT: left_shift_ = down; return std::nullopt;
    case KEY_RIGHTSHIFT: right_shift_ = down; return std::nullopt;
    case KEY_CAPSLOCK:
      if (e.value == 1) caps_lock_ = !caps_lock_;
      return std::nullopt;
    default: break;
  }
  if (!down) return std::nullopt;
  if (e.code == KEY_ENTER || e.code == KEY_KPENTER) {
    if (text_.empty()) return std::nullopt;
    std::string out;
    out.swap(text_);
    return out;
  }
  const char c = UsKeyChar(e.code, left_shift_ || right_shift_, caps_lock_);
  if (c != '\0' && text_.size() < max_chars_) text_.push_back(c);
  return std::nullopt;
}

void EvdevKeyDecoder::Reset() {
  text_.clear();
  left_shift_ = right_shift_ = caps_lock_ = false;
}

}  // namespace motcua::scan
