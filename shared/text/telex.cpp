#include "text/telex.h"

#include <array>
#include <utility>

#include "common/text.h"

namespace motcua::text {
namespace {

// The twelve Vietnamese vowel letters, each with its six tones (none, sắc, huyền, hỏi, ngã, nặng), as
// precomposed (NFC) code points; [0] lower case, [1] upper case. Generated with Python's
// unicodedata.normalize("NFC", base + combining tone mark).
constexpr std::u32string_view kVowels[2][12] = {
    {U"aáàảãạ", U"ăắằẳẵặ", U"âấầẩẫậ", U"eéèẻẽẹ", U"êếềểễệ", U"iíìỉĩị", U"oóòỏõọ", U"ôốồổỗộ", U"ơớờởỡợ",
     U"uúùủũụ", U"ưứừửữự", U"yýỳỷỹỵ"},
    {U"AÁÀẢÃẠ", U"ĂẮẰẲẴẶ", U"ÂẤẦẨẪẬ", U"EÉÈẺẼẸ", U"ÊẾỀỂỄỆ", U"IÍÌỈĨỊ", U"OÓÒỎÕỌ", U"ÔỐỒỔỖỘ", U"ƠỚỜỞỠỢ",
     U"UÚÙỦŨỤ", U"ƯỨỪỬỮỰ", U"YÝỲỶỸỴ"},
};
// kVowels' rows as (ASCII base, mark index): mark 0 none, 1 hat, 2 breve, 3 horn (TelexComposer::Mark).
constexpr std::pair<char, int> kVowelKinds[12] = {{'a', 0}, {'a', 2}, {'a', 1}, {'e', 0}, {'e', 1}, {'i', 0},
                                                  {'o', 0}, {'o', 1}, {'o', 3}, {'u', 0}, {'u', 3}, {'y', 0}};
constexpr char32_t kDStroke[2] = {U'đ', U'Đ'};

// The vowel groups of Vietnamese syllables (after the u of qu and the i of gi), in modern spelling.
// Groups that need a final consonant (iê, uô, ươ, yê, uyê, oă, uâ, oo) are listed without it: the
// final is typed after them. Why a list: a mark or tone key is applied only when the vowels stay one
// of these, which keeps English words and typos from being rewritten.
constexpr std::u32string_view kVowelGroups[] = {
    U"a",   U"ă",   U"â",   U"e",   U"ê",   U"i",   U"o",   U"ô",   U"ơ",   U"u",   U"ư",   U"y",
    U"ai",  U"ao",  U"au",  U"âu",  U"ay",  U"ây",  U"eo",  U"êu",  U"ia",  U"iê",  U"iu",  U"oa",
    U"oă",  U"oe",  U"oi",  U"ôi",  U"ơi",  U"oo",  U"ua",  U"uâ",  U"uê",  U"ui",  U"uô",  U"uơ",
    U"uy",  U"ưa",  U"ưi",  U"ươ",  U"ưu",  U"yê",  U"iêu", U"oai", U"oay", U"oeo", U"uây", U"uôi",
    U"uya", U"uyê", U"uyu", U"ươi", U"ươu", U"yêu",
};

// Initial and final consonants, spelled with "D" for đ.
constexpr std::string_view kInitials[] = {"",  "b",  "c",  "ch", "d",   "D",  "g",  "gh", "gi", "h",
                                          "k", "kh", "l",  "m",  "n",   "ng", "ngh", "nh", "p", "ph",
                                          "qu", "r", "s",  "t",  "th",  "tr", "v",  "x"};
constexpr std::string_view kFinals[] = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"};

bool IsAsciiLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
char ToLower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
char ToUpper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
bool IsVowel(char base) {
  return base == 'a' || base == 'e' || base == 'i' || base == 'o' || base == 'u' || base == 'y';
}

int VowelKind(char base, int mark) {
  for (int k = 0; k < 12; ++k)
    if (kVowelKinds[k].first == base && kVowelKinds[k].second == mark) return k;
  return -1;
}

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// UTF-8 to code points; each byte of an invalid, overlong or surrogate sequence becomes U+FFFD.
std::u32string DecodeUtf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    int len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
    char32_t c = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
    bool ok = len > 0 && i + len <= s.size();
    for (int k = 1; ok && k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) ok = false;
      c = (c << 6) | (b & 0x3F);
    }
    constexpr char32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (ok && (c < kMin[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))) ok = false;
    if (!ok) {
      out.push_back(U'\uFFFD');
      ++i;
      continue;
    }
    out.push_back(c);
    i += static_cast<std::size_t>(len);
  }
  return out;
}

std::string EncodeUtf8(std::u32string_view cps) {
  std::string out;
  for (char32_t c : cps) AppendUtf8(out, c);
  return out;
}

}  // namespace

struct TelexComposer::Syllable {
  std::size_t vowels_begin = 0;  // the first letter after the initial consonant
  std::size_t vowels_end = 0;    // one past the last vowel of the first run; == vowels_begin if none
  bool valid = false;            // allowed initial + allowed vowel group (non-empty) + allowed final
  bool initial_only = false;     // no vowel, and the letters are an allowed initial (or none)
};

// Splits the word at its first run of vowels. The u of "qu" and the i of "gi" belong to the initial
// when another vowel follows them ("quá", "già"), not otherwise ("gì" is g + i).
TelexComposer::Syllable TelexComposer::Parse(const std::vector<Letter>& word) {
  Syllable s;
  const std::size_t n = word.size();
  std::size_t i = 0;
  while (i < n && !IsVowel(word[i].base)) ++i;
  if (i == 1 && n > 2 && IsVowel(word[2].base) && word[1].mark == Mark::kNone &&
      ((word[0].base == 'q' && word[1].base == 'u') || (word[0].base == 'g' && word[1].base == 'i')))
    i = 2;
  std::size_t j = i;
  while (j < n && IsVowel(word[j].base)) ++j;
  s.vowels_begin = i;
  s.vowels_end = j;

  auto spell = [&](std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t k = from; k < to; ++k) out.push_back(word[k].mark == Mark::kStroke ? 'D' : word[k].base);
    return out;
  };
  auto listed = [](const auto& list, const std::string& s) {
    for (std::string_view x : list)
      if (x == s) return true;
    return false;
  };
  const bool initial_ok = listed(kInitials, spell(0, i));
  if (i == j) {
    s.initial_only = initial_ok && j == n;
    return s;
  }
  if (!initial_ok || !listed(kFinals, spell(j, n))) return s;
  // A typed vowel without its mark yet matches the marked one ("uo" may still become "ươ").
  for (std::u32string_view group : kVowelGroups) {
    if (group.size() != j - i) continue;
    bool match = true;
    for (std::size_t k = 0; match && k < group.size(); ++k) {
      int kind = -1;
      for (int v = 0; v < 12 && kind < 0; ++v)
        if (kVowels[0][v][0] == group[k]) kind = v;
      const Letter& l = word[i + k];
      match = kind >= 0 && kVowelKinds[kind].first == l.base &&
              (l.mark == Mark::kNone || static_cast<int>(l.mark) == kVowelKinds[kind].second);
    }
    if (match) {
      s.valid = true;
      break;
    }
  }
  return s;
}

int TelexComposer::PlaceTone(const std::vector<Letter>& word) {
  const Syllable s = Parse(word);
  const int b = static_cast<int>(s.vowels_begin);
  const int e = static_cast<int>(s.vowels_end);
  if (b == e) return -1;
  for (int i = e - 1; i >= b; --i)  // (1) the marked vowel, the later one of ươ
    if (word[i].mark != Mark::kNone) return i;
  if (e < static_cast<int>(word.size())) return e - 1;  // (2) a final consonant follows
  if (e - b == 1) return b;                             // (3)
  if (e - b == 2) {
    const char x = word[b].base, y = word[b + 1].base;
    const bool second = (x == 'o' && (y == 'a' || y == 'e')) || (x == 'u' && y == 'y');
    return second ? b + 1 : b;
  }
  return b + 1;
}

void TelexComposer::Undo(char key) {
  word_.push_back({ToLower(key), Mark::kNone, IsUpper(key), false, false});
  literal_ = true;
}

bool TelexComposer::ApplyTone(int tone, char key) {
  if (!Parse(word_).valid) return false;
  if (tone_ == tone) {
    tone_ = 0;
    tone_at_ = -1;
    Undo(key);
  } else {
    tone_ = tone;
  }
  return true;
}

bool TelexComposer::ApplyD(char key) {
  if (word_.empty() || word_[0].base != 'd') return false;
  if (word_[0].mark == Mark::kStroke) {
    word_[0].mark = Mark::kNone;
    Undo(key);
    return true;
  }
  std::vector<Letter> next = word_;
  next[0].mark = Mark::kStroke;
  const Syllable s = Parse(next);
  if (!s.valid && !s.initial_only) return false;
  word_ = std::move(next);
  return true;
}

bool TelexComposer::ApplyW(char key) {
  const Syllable s = Parse(word_);
  const std::size_t b = s.vowels_begin, e = s.vowels_end;
  if (b == e) {  // a lone w is ư
    if (!s.initial_only) return false;
    word_.push_back({'u', Mark::kHorn, IsUpper(key), true, false});
    return true;
  }
  bool confirmed = false;  // "uwow": the second w only confirms the ơ that "uwo" already made
  for (std::size_t i = b; i < e; ++i)
    if (word_[i].auto_horn) {
      word_[i].auto_horn = false;
      confirmed = true;
    }
  if (confirmed) return true;
  bool marked = false;
  for (std::size_t i = b; i < e; ++i)
    marked = marked || word_[i].mark == Mark::kHorn || word_[i].mark == Mark::kBreve;
  if (marked) {  // a second w takes back every ư ơ ă
    const bool lone_w = word_.back().from_w;  // "ww" → "w", not "ww"
    for (std::size_t i = b; i < e; ++i) {
      Letter& l = word_[i];
      if (l.from_w) {
        l = {'w', Mark::kNone, l.upper, false, false};
        if (tone_at_ == static_cast<int>(i)) {  // a consonant carries no tone: "wfw" → "w"
          tone_ = 0;
          tone_at_ = -1;
        }
      }
      else if (l.mark == Mark::kHorn || l.mark == Mark::kBreve) l.mark = Mark::kNone;
    }
    if (lone_w) literal_ = true;
    else Undo(key);
    return true;
  }
  auto try_apply = [&](std::vector<Letter> next) {
    if (!Parse(next).valid) return false;
    word_ = std::move(next);
    return true;
  };
  for (std::size_t i = b; i + 1 < e; ++i) {
    if (word_[i].base != 'u' || word_[i + 1].base != 'o') continue;
    std::vector<Letter> next = word_;
    next[i + 1].mark = Mark::kHorn;
    // "uơ" when the o ends the word (thuở, huơ); ươ before a vowel or a final consonant.
    next[i].mark = i + 2 < word_.size() ? Mark::kHorn : Mark::kNone;
    if (try_apply(std::move(next))) return true;
  }
  for (std::size_t i = e; i-- > b;) {
    const char base = word_[i].base;
    if (base != 'a' && base != 'o' && base != 'u') continue;
    std::vector<Letter> next = word_;
    next[i].mark = base == 'a' ? Mark::kBreve : Mark::kHorn;
    if (try_apply(std::move(next))) return true;
  }
  return false;
}

bool TelexComposer::ApplyHat(char key) {
  const char base = ToLower(key);
  const Syllable s = Parse(word_);
  const std::size_t b = s.vowels_begin, e = s.vowels_end;
  for (std::size_t i = b; i < e; ++i)
    if (word_[i].base == base && word_[i].mark == Mark::kHat) {
      word_[i].mark = Mark::kNone;
      Undo(key);
      return true;
    }
  for (std::size_t i = e; i-- > b;) {
    if (word_[i].base != base) continue;
    std::vector<Letter> next = word_;
    next[i].mark = Mark::kHat;  // also turns ă into â and ơ into ô
    if (base == 'o' && i > b && next[i - 1].base == 'u' && next[i - 1].mark == Mark::kHorn)
      next[i - 1].mark = Mark::kNone;  // ươ + o → uô
    if (Parse(next).valid) {
      word_ = std::move(next);
      return true;
    }
  }
  return false;
}

void TelexComposer::AppendLetter(char key) {
  word_.push_back({ToLower(key), Mark::kNone, IsUpper(key), false, false});
  if (literal_) return;
  const std::size_t n = word_.size();
  if (word_[n - 1].base == 'o' && n >= 2 && word_[n - 2].base == 'u' && word_[n - 2].mark == Mark::kHorn) {
    word_[n - 1].mark = Mark::kHorn;  // "uwo" → "ươ"
    word_[n - 1].auto_horn = true;
  } else if (n >= 3 && word_[n - 3].base == 'u' && word_[n - 3].mark == Mark::kNone && word_[n - 2].base == 'o' &&
             word_[n - 2].mark == Mark::kHorn && n - 3 >= Parse(word_).vowels_begin) {
    word_[n - 3].mark = Mark::kHorn;  // "uơ" + a letter → "ươ" ("thuow" + "ng" → "thương")
  }
}

void TelexComposer::PlaceToneAgain() {
  if (tone_ == 0) return;
  // After an undo, the tone moves only while the word is a syllable ("xooofng" → "xoòng").
  if (literal_ && tone_at_ >= 0 && !Parse(word_).valid) return;
  if (const int at = PlaceTone(word_); at >= 0) tone_at_ = at;
}

void TelexComposer::Type(char32_t key) {
  if (key == 0 || key > 0x10FFFF || (key >= 0xD800 && key <= 0xDFFF)) return;
  if (IsAsciiLetter(key)) {
    const char c = static_cast<char>(key);
    bool applied = false;
    const char lower = ToLower(c);
    // After an undo only tones still apply (to a word that is a syllable: "xooongf" → "xoòng").
    if (!literal_ || lower == 's' || lower == 'f' || lower == 'r' || lower == 'x' || lower == 'j' || lower == 'z') {
      switch (lower) {
        case 'z':
          applied = tone_ != 0;
          tone_ = 0;
          tone_at_ = -1;
          break;
        case 's': applied = ApplyTone(1, c); break;
        case 'f': applied = ApplyTone(2, c); break;
        case 'r': applied = ApplyTone(3, c); break;
        case 'x': applied = ApplyTone(4, c); break;
        case 'j': applied = ApplyTone(5, c); break;
        case 'd': applied = ApplyD(c); break;
        case 'w': applied = ApplyW(c); break;
        case 'a':
        case 'e':
        case 'o': applied = ApplyHat(c); break;
        default: break;
      }
    }
    if (!applied) AppendLetter(c);
    PlaceToneAgain();
    Render();
    return;
  }
  if (key < 0x80) {
    CommitWord();
    committed_.push_back(static_cast<char>(key));
    Render();
    return;
  }
  std::string text = text_;
  AppendUtf8(text, key);
  Resync(NormalizeNfc(text));
}

void TelexComposer::TypeKeys(std::string_view utf8_keys) {
  for (char32_t c : DecodeUtf8(utf8_keys)) Type(c);
}

void TelexComposer::Backspace() {
  if (text_.empty()) return;
  std::size_t end = text_.size() - 1;
  while (end > 0 && (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80) --end;
  Resync(NormalizeNfc(std::string_view(text_).substr(0, end)));
}

void TelexComposer::Clear() {
  committed_.clear();
  word_.clear();
  tone_ = 0;
  tone_at_ = -1;
  literal_ = false;
  text_.clear();
}

void TelexComposer::SetText(std::string_view utf8) { Resync(NormalizeNfc(EncodeUtf8(DecodeUtf8(utf8)))); }

std::size_t TelexComposer::Length() const { return CountCodePoints(text_); }

void TelexComposer::CommitWord() {
  Render();
  committed_ = text_;
  word_.clear();
  tone_ = 0;
  tone_at_ = -1;
  literal_ = false;
}

// Makes the trailing run of letters of `text` (NFC) the current word, with the tone where the text has
// it. A run holding two toned vowels is no Vietnamese word; it stays committed text.
void TelexComposer::Resync(std::string text) {
  const std::u32string cps = DecodeUtf8(text);
  std::vector<Letter> letters;  // built backwards
  int tone = 0, tone_from_end = -1, toned = 0;
  std::size_t start = cps.size();
  for (; start > 0; --start) {
    const char32_t c = cps[start - 1];
    Letter l;
    int t = 0;
    if (IsAsciiLetter(c)) {
      l = {ToLower(static_cast<char>(c)), Mark::kNone, IsUpper(static_cast<char>(c)), false, false};
    } else if (c == kDStroke[0] || c == kDStroke[1]) {
      l = {'d', Mark::kStroke, c == kDStroke[1], false, false};
    } else {
      bool found = false;
      for (int up = 0; up < 2 && !found; ++up)
        for (int k = 0; k < 12 && !found; ++k)
          if (const auto at = kVowels[up][k].find(c); at != std::u32string_view::npos) {
            l = {kVowelKinds[k].first, static_cast<Mark>(kVowelKinds[k].second), up == 1, false, false};
            t = static_cast<int>(at);
            found = true;
          }
      if (!found) break;
    }
    if (t != 0) {
      ++toned;
      tone = t;
      tone_from_end = static_cast<int>(letters.size());
    }
    letters.push_back(l);
  }
  Clear();
  if (toned > 1) {
    committed_ = std::move(text);
  } else {
    committed_ = EncodeUtf8(std::u32string_view(cps).substr(0, start));
    word_.assign(letters.rbegin(), letters.rend());
    tone_ = tone;
    tone_at_ = tone == 0 ? -1 : static_cast<int>(word_.size()) - 1 - tone_from_end;
  }
  Render();
}

void TelexComposer::Render() {
  text_ = committed_;
  for (std::size_t i = 0; i < word_.size(); ++i) {
    const Letter& l = word_[i];
    if (l.mark == Mark::kStroke) {
      AppendUtf8(text_, kDStroke[l.upper ? 1 : 0]);
    } else if (const int kind = VowelKind(l.base, static_cast<int>(l.mark)); kind >= 0) {
      const int tone = static_cast<int>(i) == tone_at_ ? tone_ : 0;
      AppendUtf8(text_, kVowels[l.upper ? 1 : 0][kind][tone]);
    } else {
      text_.push_back(l.upper ? ToUpper(l.base) : l.base);
    }
  }
}

std::string ComposeTelex(std::string_view keys) {
  TelexComposer composer;
  composer.TypeKeys(keys);
  return composer.Text();
}

}  // namespace motcua::text
