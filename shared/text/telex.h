// Telex: Vietnamese text composed from plain Latin keystrokes, as Vietnamese IMEs do it (Unikey's and
// ibus-unikey's Telex mode). Used by the kiosk's on-screen keyboard (ui_model/osk.h) and by
// `motcua telex KEYS`; it has no UI and reads no clock. Written from the rules below, not derived from
// Unikey's engine (GPL-2.0-or-later, stack.md §6).
//
// State: the text is `committed` text plus the current word. Keys compose only the current word; any
// key that is not an ASCII letter (space, digit, punctuation) ends it. The word is held as letters
// (base letter, mark, case) plus one tone, so the tone can move when the vowels change.
//
// Keys inside a word (case of the key does not matter, the letter keeps its own case):
//   aa → â, ee → ê, oo → ô; aw → ă, ow → ơ, uw → ư; uow → ươ (uơ when nothing follows the o, as in
//     "thuowr" → "thuở", "huow" → "huơ"; a letter typed after "uơ" turns it into "ươ": "thuowng" →
//     "thương"); an "o" typed after "ư" gives "ươ" ("uwo" → "ươ", and a w typed next belongs to it:
//     "thuwowngf" → "thường"). The mark key need not follow its vowel: it marks the vowel of the
//     word it fits ("caan" and "cana" → "cân", "nguoiw" → "ngươi").
//   w with no vowel before it → ư, at the start of a word or after a Vietnamese initial consonant
//     ("w" → "ư", "nhw" → "như"); "ww" → "w".
//   d → đ when the word begins with d: "dd" → "đ", and also "did" → "đi" and "dongd" → "đong", as
//     Unikey does, so the stroke can be added after the rest of the word.
//   s f r x j → sắc, huyền, hỏi, ngã, nặng; another tone key replaces the tone; z removes it ("z" with
//     no tone is a letter).
//   Repeating a key undoes it and types it: "aaa" → "aa", "aww" → "aw", "ass" → "as", "ddd" → "dd",
//     "uoww" → "uow". After an undo the rest of the word is typed literally except for tones
//     (so "xooong" → "xoong", and "xooongf" → "xoòng").
// A key is applied only when the word, with the key applied, is still a Vietnamese syllable (a valid
// initial consonant, a vowel group Vietnamese uses, and a final c ch m n ng nh p t or none); otherwise
// the key is typed as a letter. So "https" and "email" + "s" stay as typed. The combination of
// tone and final consonant is not checked ("cafp" → "càp").
//
// Tone placement (modern style, the one the issue asks for, and Unikey's default "new style"):
//   (1) on the vowel with a mark (â ă ê ô ơ ư), the second if two (ươ: "người", "giữa");
//   (2) else, with a final consonant, on the last vowel ("hoàn", "huỳnh");
//   (3) else on the second vowel of oa, oe, uy ("hoà", "hoè", "thuý"), the middle of three vowels
//       ("khuỷu", "ngoẹo"), and the first of any other pair ("mía", "múa", "cháo").
//   The u of qu and the i of gi (before another vowel) are consonants: "quá", "già", but "gì".
// The tone is placed again after every key that changes the word, so it moves as the word grows.
//
// Backspace removes the last visible character (one code point of the NFC text) and the word before
// the cursor becomes composable again, as if the visible text had been typed: "người" + Backspace →
// "ngườ", then "i" → "người". SetText() starts from existing text the same way, keeping it unchanged
// until a key changes the last word (then its tone is placed by the rules above: "hòa" + "n" → "hoàn").
//
// Text() is always valid UTF-8 in NFC: letters are written precomposed, and other non-ASCII input
// (typed code points, SetText) is normalised. Invalid UTF-8 given to TypeKeys/SetText becomes U+FFFD.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::text {

class TelexComposer {
 public:
  // One keystroke. ASCII letters compose (see above); any other ASCII character ends the word and is
  // appended. A non-ASCII code point is appended as it is (NFC-normalised with the text before it);
  // a precomposed Vietnamese letter joins the current word. U+0000 and surrogates are ignored.
  void Type(char32_t key);
  // Each code point of `utf8_keys` through Type, in order.
  void TypeKeys(std::string_view utf8_keys);
  // Removes the last code point of Text(); nothing on empty text. The word now ending the text is
  // composable (see above).
  void Backspace();
  void Clear();
  // Replaces the text (NFC-normalised); its last word is composable.
  void SetText(std::string_view utf8);
  // The composed text, UTF-8 NFC.
  const std::string& Text() const { return text_; }
  // Text() in code points.
  std::size_t Length() const;

 private:
  enum class Mark : std::uint8_t { kNone, kHat, kBreve, kHorn, kStroke };  // â ê ô / ă / ơ ư / đ
  struct Letter {
    char base = 'a';         // lower-case ASCII letter
    Mark mark = Mark::kNone;
    bool upper = false;
    bool from_w = false;     // an ư typed as a lone w (a second w gives back "w")
    bool auto_horn = false;  // an ơ made by typing o after ư: a w typed next confirms it, not undoes
  };
  struct Syllable;           // how the word splits into initial, vowels and final (telex.cpp)
  static Syllable Parse(const std::vector<Letter>& word);
  static int PlaceTone(const std::vector<Letter>& word);

  bool ApplyTone(int tone, char key);
  bool ApplyD(char key);
  bool ApplyW(char key);
  bool ApplyHat(char key);
  void AppendLetter(char key);
  void Undo(char key);        // types `key` literally and stops composing this word
  void PlaceToneAgain();
  void CommitWord();
  void Resync(std::string text);
  void Render();

  std::string committed_;     // text before the current word, UTF-8 NFC
  std::vector<Letter> word_;  // the current word
  int tone_ = 0;              // 0 none, 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng
  int tone_at_ = -1;          // index in word_ of the letter carrying the tone; -1 when tone_ == 0
  bool literal_ = false;      // an undo happened: the rest of the word is typed as it is (but tones)
  std::string text_;          // committed_ + the rendered word
};

// `keys` typed into a fresh TelexComposer; its Text().
std::string ComposeTelex(std::string_view keys);

}  // namespace motcua::text
