// The on-screen keyboard's model (issue 13: a kiosk has no physical keyboard): which keys each layout
// shows, and what pressing them does to the text being edited. No UI here; a screen draws OskRows()
// as touch buttons and passes each pressed key to OskField::Press.
//
// Layouts: kTelex, QWERTY letters composed into Vietnamese by text/telex.h ("nguyeenx" → "nguyễn");
// kDigits, a phone-style pad for phone numbers, ID numbers and codes.
// Widths: the widest row of a layout is 10 units (kTelex; its 9-key middle rows are centred as on a
// typewriter) or 3 units (kDigits, every row), so a screen sizes a unit as keyboard width / that.
// Labels: a kChar key's label is its character (UTF-8); every other key's label is a key of the UI
// string table (strings.h), drawn through Tr(), e.g. "osk.backspace", "osk.to_digits".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/telex.h"

namespace motcua::ui {

enum class OskLayout { kTelex, kDigits };
enum class OskKeyKind { kChar, kBackspace, kShift, kSpace, kLayoutSwitch, kDone, kClear };

struct OskKey {
  OskKeyKind kind = OskKeyKind::kChar;
  std::string label;          // kChar: the character; others: a string-table key (see above)
  char32_t ch = 0;            // kChar only: the character typed
  float width_units = 1.0f;   // default 1 unit (a letter key)
};

struct OskRow {
  std::vector<OskKey> keys;
};

// The rows of a layout.
//   kTelex:  q w e r t y u i o p / a s d f g h j k l / z x c v b n m , . /
//            shift(1.5) 123(1.5) space(4) backspace(1.5) done(1.5); `shift` gives capital letters.
//   kDigits: 1 2 3 / 4 5 6 / 7 8 9 / . 0 - / ABC backspace done; with allow_letters false (a digits-only
//            field) neither the separators nor ABC: clear 0 backspace / done(3).
std::vector<OskRow> OskRows(OskLayout layout, bool shift, bool allow_letters = true);

// The text being edited through the keyboard. Letters, space and punctuation go through a Telex
// composer in either layout (digits and punctuation simply end the word being composed), so a field
// can switch to digits for a house number and back without losing the word.
struct OskField {
  OskLayout layout = OskLayout::kTelex;  // default kTelex; a digits-only field should start in kDigits
  std::size_t max_chars = 100;   // default 100 code points; a key that would make the text longer is
                                 // ignored (a key that keeps or shortens it, e.g. a tone, still works)
  bool allow_letters = true;     // default true; false: a digits-only field (phone, ID number): letter
                                 // keys, space and the layout switch are ignored
  bool shift = false;            // one-shot shift: capitalises the next letter, then drops
  bool compose = true;           // default true: Telex composition; false: keys are typed as they are
                                 // (a dossier code, a lookup secret: "7KSF" must not become "7KSF" with
                                 // a tone), ASCII letters in capitals
  bool done = false;             // set when kDone is pressed; the screen then takes Text()
  text::TelexComposer composer;  // the text; change it through Press and SetText only

  // Applies one key. Returns true when something changed (the text, the layout, shift or done), false
  // for a key that was ignored or had no effect (Backspace on empty text, Clear on empty text).
  //   kChar: types key.ch (ASCII letters capitalised while shift is on, then shift drops);
  //   kSpace: types a space; kBackspace: removes the last character (IME-style, telex.h);
  //   kShift: toggles shift (kTelex only); kLayoutSwitch: kTelex <-> kDigits, shift off;
  //   kDone: done = true; kClear: empties the text.
  bool Press(const OskKey& key);
  // Starts editing existing text (a filled field): the text as given (NFC), done reset. Longer text
  // than max_chars is kept; keys then cannot make it longer.
  void SetText(std::string_view utf8);
  const std::string& Text() const { return composer.Text(); }
};

}  // namespace motcua::ui
