#include "ui_model/osk.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace motcua::ui {
namespace {

// The key for `ch` (or of `kind`) among the rows a screen would draw now; fails the test if absent.
const OskKey* FindKey(const std::vector<OskRow>& rows, OskKeyKind kind, char32_t ch = 0) {
  for (const OskRow& row : rows)
    for (const OskKey& key : row.keys)
      if (key.kind == kind && (kind != OskKeyKind::kChar || key.ch == ch)) return &key;
  return nullptr;
}

std::vector<OskRow> RowsFor(const OskField& f) { return OskRows(f.layout, f.shift, f.allow_letters); }

bool PressKind(OskField& f, OskKeyKind kind);

// Presses the keys a citizen would tap for `chars` (ASCII, space for the space bar) on the rows the
// field shows at each step, shift first for a capital; returns how many key presses (not counting
// shift) changed something.
int Tap(OskField& f, std::string_view chars) {
  int changed = 0;
  for (char c : chars) {
    if (c >= 'A' && c <= 'Z' && !f.shift) PressKind(f, OskKeyKind::kShift);
    const auto rows = RowsFor(f);
    const OskKey* key = c == ' ' ? FindKey(rows, OskKeyKind::kSpace) : FindKey(rows, OskKeyKind::kChar, static_cast<char32_t>(c));
    if (key == nullptr) {
      ADD_FAILURE() << "no key '" << c << "' on the current layout";
      continue;
    }
    changed += f.Press(*key) ? 1 : 0;
  }
  return changed;
}

bool PressKind(OskField& f, OskKeyKind kind) {
  const auto rows = RowsFor(f);
  const OskKey* key = FindKey(rows, kind);
  if (key == nullptr) {
    ADD_FAILURE() << "no such key on the current layout";
    return false;
  }
  return f.Press(*key);
}

std::string RowChars(const OskRow& row) {
  std::string s;
  for (const OskKey& k : row.keys)
    if (k.kind == OskKeyKind::kChar) s += k.label;
  return s;
}

float RowUnits(const OskRow& row) {
  float units = 0;
  for (const OskKey& k : row.keys) units += k.width_units;
  return units;
}

TEST(OskRows, TelexLayoutIsQwertyWithABottomRowOfControls) {
  const auto rows = OskRows(OskLayout::kTelex, false);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(RowChars(rows[0]), "qwertyuiop");
  EXPECT_EQ(RowChars(rows[1]), "asdfghjkl");
  EXPECT_EQ(RowChars(rows[2]), "zxcvbnm,.");
  std::vector<OskKeyKind> bottom;
  for (const OskKey& k : rows[3].keys) bottom.push_back(k.kind);
  EXPECT_EQ(bottom, (std::vector<OskKeyKind>{OskKeyKind::kShift, OskKeyKind::kLayoutSwitch, OskKeyKind::kSpace,
                                             OskKeyKind::kBackspace, OskKeyKind::kDone}));
  EXPECT_FLOAT_EQ(RowUnits(rows[0]), 10.0f);
  EXPECT_FLOAT_EQ(RowUnits(rows[1]), 9.0f);
  EXPECT_FLOAT_EQ(RowUnits(rows[2]), 9.0f);
  EXPECT_FLOAT_EQ(RowUnits(rows[3]), 10.0f);
  for (const OskKey& k : rows[3].keys) EXPECT_EQ(k.label.rfind("osk.", 0), 0u) << k.label;  // string-table keys
  const auto upper = OskRows(OskLayout::kTelex, true);
  EXPECT_EQ(RowChars(upper[0]), "QWERTYUIOP");
  EXPECT_EQ(RowChars(upper[2]), "ZXCVBNM,.");
}

TEST(OskRows, DigitsLayoutIsAPhonePad) {
  const auto rows = OskRows(OskLayout::kDigits, false);
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(RowChars(rows[0]), "123");
  EXPECT_EQ(RowChars(rows[1]), "456");
  EXPECT_EQ(RowChars(rows[2]), "789");
  EXPECT_EQ(RowChars(rows[3]), ".0-");  // a dossier code's separators
  for (const OskRow& row : rows) EXPECT_FLOAT_EQ(RowUnits(row), 3.0f);
  EXPECT_NE(FindKey(rows, OskKeyKind::kLayoutSwitch), nullptr);
  EXPECT_NE(FindKey(rows, OskKeyKind::kDone), nullptr);
  // A digits-only field has no way to letters.
  const auto digits_only = OskRows(OskLayout::kDigits, false, false);
  EXPECT_EQ(FindKey(digits_only, OskKeyKind::kLayoutSwitch), nullptr);
  EXPECT_NE(FindKey(digits_only, OskKeyKind::kClear), nullptr);
  for (const OskRow& row : digits_only) EXPECT_FLOAT_EQ(RowUnits(row), 3.0f);
}

TEST(OskField, ComposesTelexFromKeyPresses) {
  OskField f;
  EXPECT_EQ(Tap(f, "nguyeenx"), 8);
  EXPECT_EQ(f.Text(), "nguyễn");
  Tap(f, " vawn an");
  EXPECT_EQ(f.Text(), "nguyễn văn an");
}

TEST(OskField, ShiftCapitalisesOneLetter) {
  OskField f;
  EXPECT_TRUE(PressKind(f, OskKeyKind::kShift));
  EXPECT_TRUE(f.shift);
  EXPECT_EQ(OskRows(f.layout, f.shift)[0].keys[0].label, "Q");  // the screen shows capitals now
  Tap(f, "N");
  EXPECT_FALSE(f.shift);  // one-shot
  Tap(f, "guyeenx");
  EXPECT_EQ(f.Text(), "Nguyễn");
  // A lower-case key pressed while shift is on is capitalised too (rows drawn before the shift).
  f.SetText("");
  f.shift = true;
  EXPECT_TRUE(f.Press(OskKey{OskKeyKind::kChar, "d", U'd'}));
  Tap(f, "d");
  EXPECT_EQ(f.Text(), "Đ");
  // Shift twice is off again.
  EXPECT_TRUE(PressKind(f, OskKeyKind::kShift));
  EXPECT_TRUE(PressKind(f, OskKeyKind::kShift));
  EXPECT_FALSE(f.shift);
}

TEST(OskField, IgnoresKeysBeyondMaxCharsButStillComposes) {
  OskField f{.max_chars = 3};
  Tap(f, "vie");
  EXPECT_EQ(f.Text(), "vie");
  EXPECT_TRUE(Tap(f, "e") == 1);   // ee → ê keeps the length: allowed at the cap
  EXPECT_EQ(f.Text(), "viê");
  EXPECT_EQ(Tap(f, "t"), 0);       // would be a fourth character
  EXPECT_EQ(f.Text(), "viê");
  EXPECT_EQ(Tap(f, "j"), 1);       // a tone adds no character
  EXPECT_EQ(f.Text(), "việ");
  EXPECT_EQ(Tap(f, " "), 0);
  EXPECT_EQ(f.Text(), "việ");
  EXPECT_EQ(Tap(f, "j"), 0);       // undoing would add the j as a letter: refused, the tone stays
  EXPECT_EQ(f.Text(), "việ");
  // A longer pre-filled value is kept; keys just cannot make it longer.
  f.SetText("Nguyễn");
  EXPECT_EQ(f.Text(), "Nguyễn");
  EXPECT_EQ(Tap(f, "a"), 0);
  EXPECT_TRUE(PressKind(f, OskKeyKind::kBackspace));
  EXPECT_EQ(f.Text(), "Nguyễ");
}

TEST(OskField, DigitsOnlyFieldTakesDigitsOnly) {
  OskField f{.layout = OskLayout::kDigits, .max_chars = 10, .allow_letters = false};
  EXPECT_EQ(Tap(f, "091234567890"), 10);
  EXPECT_EQ(f.Text(), "0912345678");
  EXPECT_FALSE(f.Press(OskKey{OskKeyKind::kChar, "a", U'a'}));
  EXPECT_FALSE(f.Press(OskKey{OskKeyKind::kSpace, "osk.space"}));
  EXPECT_FALSE(f.Press(OskKey{OskKeyKind::kLayoutSwitch, "osk.to_letters"}));
  EXPECT_EQ(f.layout, OskLayout::kDigits);
  EXPECT_EQ(f.Text(), "0912345678");
}

TEST(OskField, BackspaceEditsTheComposedText) {
  OskField f;
  Tap(f, "nguoiwf");
  EXPECT_EQ(f.Text(), "người");
  EXPECT_TRUE(PressKind(f, OskKeyKind::kBackspace));
  EXPECT_EQ(f.Text(), "ngườ");
  Tap(f, "i");
  EXPECT_EQ(f.Text(), "người");
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(PressKind(f, OskKeyKind::kBackspace));
  EXPECT_EQ(f.Text(), "");
  EXPECT_FALSE(PressKind(f, OskKeyKind::kBackspace));  // nothing left to remove
}

TEST(OskField, LayoutSwitchKeepsTheTextAndComposingGoesOn) {
  OskField f;
  Tap(f, "Soos ");
  EXPECT_TRUE(PressKind(f, OskKeyKind::kLayoutSwitch));
  EXPECT_EQ(f.layout, OskLayout::kDigits);
  Tap(f, "12");
  EXPECT_TRUE(PressKind(f, OskKeyKind::kLayoutSwitch));
  EXPECT_EQ(f.layout, OskLayout::kTelex);
  Tap(f, " dduwowngf");
  EXPECT_EQ(f.Text(), "Số 12 đường");
  // The switch drops shift.
  f.shift = true;
  EXPECT_TRUE(PressKind(f, OskKeyKind::kLayoutSwitch));
  EXPECT_FALSE(f.shift);
  EXPECT_EQ(FindKey(OskRows(f.layout, f.shift), OskKeyKind::kShift), nullptr);  // no shift on the digits pad ...
  EXPECT_FALSE(f.Press(OskKey{OskKeyKind::kShift, "osk.shift"}));  // ... and none applies there
}

TEST(OskField, DoneAndClear) {
  OskField f;
  Tap(f, "hoaf");
  EXPECT_TRUE(PressKind(f, OskKeyKind::kDone));
  EXPECT_TRUE(f.done);
  EXPECT_EQ(f.Text(), "hoà");
  EXPECT_FALSE(PressKind(f, OskKeyKind::kDone));  // already done
  f.SetText("Hà Nội");                            // editing again resets done
  EXPECT_FALSE(f.done);
  f.layout = OskLayout::kDigits;
  f.allow_letters = false;  // the clear key is on the digits-only pad (a phone number, a PIN)
  EXPECT_TRUE(PressKind(f, OskKeyKind::kClear));
  EXPECT_EQ(f.Text(), "");
  EXPECT_FALSE(PressKind(f, OskKeyKind::kClear));
}

}  // namespace
}  // namespace motcua::ui

namespace motcua::ui {
namespace {

TEST(OskField, AFieldWithoutCompositionTypesKeysAsTheyAreInCapitals) {
  OskField secret;
  secret.compose = false;
  secret.max_chars = 4;
  for (char32_t c : std::u32string(U"7ksfx")) {
    OskKey k;
    k.ch = c;
    secret.Press(k);
  }
  EXPECT_EQ(secret.Text(), "7KSF");  // no tone from s or f, and the fifth key is refused
  OskKey back;
  back.kind = OskKeyKind::kBackspace;
  secret.Press(back);
  EXPECT_EQ(secret.Text(), "7KS");
}

}  // namespace
}  // namespace motcua::ui
