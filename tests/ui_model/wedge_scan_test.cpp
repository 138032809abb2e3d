// Keyboard-wedge scan detection with realistic timings.
//
// Where the timings come from:
//  - Scanners: a USB HID keyboard sends one report per key press and one per release. Full-speed
//    devices are polled every 1 ms, low-speed ones every 10 ms at best (USB 2.0 spec §5.7.4), so a
//    scanner types one character every ~2 ms (fast) to ~20 ms (slow, low-speed, with Shift).
//    Under X11 + SDL the timestamps are SDL ticks taken when the app pumps its queue, so a burst may
//    also arrive as several characters with the same millisecond.
//  - People: "Observations on Typing from 136 Million Keystrokes" (Dhakal et al., CHI 2018) reports
//    a mean inter-key interval of about 239 ms and about 120 ms for the fastest group; single
//    bigrams of a fast typist can be ~40-60 ms, but not eight in a row.
#include "ui_model/wedge_scan.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace motcua::ui {
namespace {

// A fictional CCCD QR payload in the layout printed on real cards (number|old ID|name|birth date|
// sex|address|issue date), with the "|" separators and Vietnamese letters that make it unsafe for
// keyboard layouts (stack.md §6).
constexpr const char* kWedgeCccdQr =
    "079203001234|025123456|Nguyễn Thị Ánh Tuyết|12032003|Nữ|"
    "Số 12 Lê Lợi, Phường Bến Thành, Quận 1, TP. Hồ Chí Minh|15082021";
// A receipt token as a dossier code: agency code, date, sequence (domain.md §4 shape).
constexpr const char* kReceiptToken = "000.00.12.H56-250101-0001";

// Splits UTF-8 into code points, one string each (what SDL_TEXTINPUT delivers per key).
std::vector<std::string> CodePoints(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = 1;
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0xF0) n = 4;
    else if (b >= 0xE0) n = 3;
    else if (b >= 0xC0) n = 2;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

struct Recorder {
  WedgeScanDetector detector;
  std::vector<WedgeEvent> released;
  std::vector<WedgeEvent> swallowed;
  std::vector<std::string> scans;
  std::uint64_t next_tag = 1;
  std::int64_t now_ms = 1000;

  explicit Recorder(WedgeOptions options = {}) : detector(options) {}

  void Take(WedgeOutput out) {
    for (auto& e : out.released) released.push_back(std::move(e));
    for (auto& e : out.swallowed) swallowed.push_back(std::move(e));
    if (out.scan) scans.push_back(*out.scan);
  }
  void Feed(WedgeKey key, std::string text = {}) {
    Take(detector.Feed(WedgeEvent{now_ms, key, std::move(text), next_tag++}));
  }
  // Like the shell: before each event, let time pass and poll.
  void Wait(std::int64_t ms) {
    now_ms += ms;
    Take(detector.Poll(now_ms));
  }
  // One key as X11 + SDL deliver it with text input on: press (neutral), text, release (neutral).
  void Key(const std::string& text, std::int64_t gap_ms) {
    Wait(gap_ms);
    Feed(WedgeKey::kNeutral);
    Feed(WedgeKey::kText, text);
    Feed(WedgeKey::kNeutral);
  }
  void Type(const std::string& s, std::int64_t gap_ms) {
    for (const std::string& cp : CodePoints(s)) Key(cp, gap_ms);
  }
  std::string ReleasedText() const {
    std::string t;
    for (const auto& e : released)
      if (e.key == WedgeKey::kText) t += e.text;
    return t;
  }
  std::vector<std::uint64_t> ReleasedTags() const {
    std::vector<std::uint64_t> tags;
    for (const auto& e : released) tags.push_back(e.tag);
    return tags;
  }
};

std::vector<std::uint64_t> Iota(std::uint64_t first, std::uint64_t last) {
  std::vector<std::uint64_t> v;
  for (std::uint64_t t = first; t <= last; ++t) v.push_back(t);
  return v;
}

TEST(WedgeScanDetector, RecognisesReceiptTokenAtScannerSpeed) {
  Recorder r;
  r.Type(kReceiptToken, 4);
  r.Wait(4);
  r.Feed(WedgeKey::kEnter);
  ASSERT_EQ(r.scans.size(), 1u);
  EXPECT_EQ(r.scans[0], kReceiptToken);
  EXPECT_EQ(r.ReleasedText(), "") << "a scan must not leak into the focused field";
  EXPECT_EQ(r.released.size(), 1u) << "only the first key press, which was not held yet";
  EXPECT_EQ(r.swallowed.size(), 3 * std::string(kReceiptToken).size() + 1 - 1);
  EXPECT_FALSE(r.detector.IsHolding());
}

TEST(WedgeScanDetector, RecognisesCccdQrWithPipesAndVietnameseLetters) {
  Recorder r;
  r.Type(kWedgeCccdQr, 3);
  r.Wait(3);
  r.Feed(WedgeKey::kEnter);
  ASSERT_EQ(r.scans.size(), 1u);
  EXPECT_EQ(r.scans[0], kWedgeCccdQr);
  EXPECT_EQ(r.ReleasedText(), "");
}

TEST(WedgeScanDetector, RecognisesSlowLowSpeedScannerAtTwentyMsPerChar) {
  Recorder r;
  r.Type(kReceiptToken, 20);
  r.Wait(20);
  r.Feed(WedgeKey::kEnter);
  ASSERT_EQ(r.scans.size(), 1u);
  EXPECT_EQ(r.scans[0], kReceiptToken);
}

TEST(WedgeScanDetector, RecognisesBurstPumpedInOneBatchWithEqualTimestamps) {
  // A frame of 30 ms: everything typed meanwhile gets the same SDL tick.
  Recorder r;
  for (const std::string& cp : CodePoints(kReceiptToken)) r.Feed(WedgeKey::kText, cp);
  r.Feed(WedgeKey::kEnter);
  ASSERT_EQ(r.scans.size(), 1u);
  EXPECT_EQ(r.scans[0], kReceiptToken);
}

TEST(WedgeScanDetector, PassesHumanTypingThroughUnchangedAndInOrder) {
  Recorder r;
  const std::int64_t gaps_ms[] = {240, 180, 130, 260, 150, 120, 310, 200, 170, 140, 220, 190, 250};
  const std::string user = "nguyen.van.an";
  for (std::size_t i = 0; i < user.size(); ++i) r.Key(user.substr(i, 1), gaps_ms[i]);
  r.Wait(280);
  r.Feed(WedgeKey::kEnter);
  EXPECT_TRUE(r.scans.empty());
  EXPECT_EQ(r.ReleasedText(), user);
  EXPECT_EQ(r.ReleasedTags(), Iota(1, 3 * user.size() + 1));
  EXPECT_EQ(r.released.back().key, WedgeKey::kEnter);
}

TEST(WedgeScanDetector, HoldsHumanCharacterNoLongerThanMaxGap) {
  Recorder r;
  r.Key("a", 0);
  EXPECT_EQ(r.ReleasedText(), "");  // held: it could be the start of a scan
  r.Wait(50);
  EXPECT_EQ(r.ReleasedText(), "") << "50 ms is still within max_gap_ms";
  r.Wait(1);
  EXPECT_EQ(r.ReleasedText(), "a");
  EXPECT_EQ(r.detector.NextDeadlineMs(), 1000 + 50 + 1);
}

TEST(WedgeScanDetector, TreatsFastBigramThenEnterAsTyping) {
  Recorder r;
  r.Key("o", 200);
  r.Key("k", 40);
  r.Wait(45);
  r.Feed(WedgeKey::kEnter);
  EXPECT_TRUE(r.scans.empty());
  EXPECT_EQ(r.ReleasedText(), "ok");
  EXPECT_EQ(r.released.back().key, WedgeKey::kEnter);
}

TEST(WedgeScanDetector, NeedsMinCharsBeforeEnter) {
  Recorder seven;
  seven.Type("1234567", 3);
  seven.Wait(3);
  seven.Feed(WedgeKey::kEnter);
  EXPECT_TRUE(seven.scans.empty());
  EXPECT_EQ(seven.ReleasedText(), "1234567");

  Recorder eight;
  eight.Type("12345678", 3);
  eight.Wait(3);
  eight.Feed(WedgeKey::kEnter);
  ASSERT_EQ(eight.scans.size(), 1u);
  EXPECT_EQ(eight.scans[0], "12345678");
}

TEST(WedgeScanDetector, GapOfExactlyMaxGapKeepsTheBurstAndOneMoreSplitsIt) {
  Recorder at_limit;
  at_limit.Type("ABCD", 3);
  at_limit.Type("EFGH", 50);
  at_limit.Wait(50);
  at_limit.Feed(WedgeKey::kEnter);
  ASSERT_EQ(at_limit.scans.size(), 1u);
  EXPECT_EQ(at_limit.scans[0], "ABCDEFGH");

  Recorder over;
  over.Type("ABCD", 3);
  over.Type("E", 51);
  over.Type("FGH", 3);
  over.Wait(3);
  over.Feed(WedgeKey::kEnter);
  EXPECT_TRUE(over.scans.empty());
  EXPECT_EQ(over.ReleasedText(), "ABCDEFGH");
}

TEST(WedgeScanDetector, EnterOneMsTooLateIsReleasedAsTyping) {
  Recorder r;
  r.Type(kReceiptToken, 3);
  r.now_ms += 51;  // no Poll in between: Feed itself must see the gap
  r.Feed(WedgeKey::kEnter);
  EXPECT_TRUE(r.scans.empty());
  EXPECT_EQ(r.ReleasedText(), kReceiptToken);
  EXPECT_EQ(r.released.back().key, WedgeKey::kEnter);
}

TEST(WedgeScanDetector, SplitsHumanPrefixFromFollowingScan) {
  Recorder r;
  r.Type("ab", 180);  // the officer starts typing, then scans
  r.Wait(400);
  r.Type(kReceiptToken, 4);
  r.Wait(4);
  r.Feed(WedgeKey::kEnter);
  EXPECT_EQ(r.ReleasedText(), "ab");
  ASSERT_EQ(r.scans.size(), 1u);
  EXPECT_EQ(r.scans[0], kReceiptToken);
}

TEST(WedgeScanDetector, ReleasesBurstWithoutEnterWhenPolledAfterGap) {
  // A scanner configured with no Enter suffix: its text must still reach the field.
  Recorder r;
  r.Type(kReceiptToken, 4);
  EXPECT_EQ(r.ReleasedText(), "");
  r.Wait(51);
  EXPECT_EQ(r.ReleasedText(), kReceiptToken);
  EXPECT_TRUE(r.scans.empty());
}

TEST(WedgeScanDetector, OtherKeyEndsBurstAndKeepsOrder) {
  Recorder r;
  r.Type("12345", 3);
  r.Wait(3);
  r.Feed(WedgeKey::kOther);  // Backspace
  EXPECT_EQ(r.ReleasedText(), "12345");
  ASSERT_FALSE(r.released.empty());
  EXPECT_EQ(r.released.back().key, WedgeKey::kOther) << "the key comes after the text it ended";
  r.Type("678", 3);
  EXPECT_TRUE(r.detector.IsHolding()) << "a new burst starts after the other key";
}

TEST(WedgeScanDetector, NeutralEventsPassStraightThroughWhenNothingIsHeld) {
  Recorder r;
  r.Feed(WedgeKey::kNeutral);
  ASSERT_EQ(r.released.size(), 1u);
  EXPECT_FALSE(r.detector.IsHolding());
}

TEST(WedgeScanDetector, FlushReleasesEverythingHeld) {
  Recorder r;
  r.Type("12345", 3);
  r.Take(r.detector.Flush());
  EXPECT_EQ(r.ReleasedText(), "12345");
  EXPECT_FALSE(r.detector.IsHolding());
}

TEST(WedgeScanDetector, ReleasesBurstLongerThanMaxChars) {
  Recorder r(WedgeOptions{.max_chars = 16});
  r.Type("0123456789ABCDEF", 2);
  EXPECT_EQ(r.ReleasedText(), "");
  r.Type("G", 2);
  EXPECT_EQ(r.ReleasedText(), "0123456789ABCDEFG");
}

TEST(WedgeScanDetector, CountsCodePointsNotBytes) {
  // 7 Vietnamese letters are 14+ bytes but only 7 characters: not enough for a scan.
  Recorder r;
  r.Type("ĐặngỮữ", 3);
  r.Wait(3);
  r.Feed(WedgeKey::kEnter);
  EXPECT_TRUE(r.scans.empty());
}

TEST(WedgeScanDetector, ClampsTimestampsThatGoBackwards) {
  Recorder r;
  r.Type("1234", 3);
  r.now_ms -= 500;
  r.Type("5678", 0);
  r.Feed(WedgeKey::kEnter);
  ASSERT_EQ(r.scans.size(), 1u);
  EXPECT_EQ(r.scans[0], "12345678");
}

TEST(WedgeScanDetector, NeverTakesRandomHumanTypingForAScan) {
  const std::uint32_t seed = 20260501;
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> gap_ms(90, 600);  // 90 ms: faster than the fastest group's mean
  std::uniform_int_distribution<int> length(1, 40);
  std::uniform_int_distribution<int> letter('a', 'z');
  for (int trial = 0; trial < 1000; ++trial) {
    Recorder r;
    std::string typed;
    const int n = length(rng);
    for (int i = 0; i < n; ++i) {
      typed += static_cast<char>(letter(rng));
      r.Key(typed.substr(typed.size() - 1), gap_ms(rng));
    }
    r.Wait(gap_ms(rng));
    r.Feed(WedgeKey::kEnter);
    ASSERT_TRUE(r.scans.empty()) << "seed " << seed << " trial " << trial << " typed '" << typed << "'";
    ASSERT_EQ(r.ReleasedText(), typed) << "seed " << seed << " trial " << trial;
    ASSERT_EQ(r.ReleasedTags(), Iota(1, 3 * typed.size() + 1)) << "seed " << seed << " trial " << trial;
  }
}

TEST(WedgeScanDetector, AlwaysRecognisesRandomScannerBursts) {
  const std::uint32_t seed = 1729;
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> gap_ms(0, 30);
  std::uniform_int_distribution<int> length(8, 300);
  const std::vector<std::string> alphabet = CodePoints(
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz|-./:, "
      "ăâđêôơưĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ");
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  for (int trial = 0; trial < 1000; ++trial) {
    Recorder r;
    std::string text;
    const int n = length(rng);
    for (int i = 0; i < n; ++i) text += alphabet[pick(rng)];
    for (const std::string& cp : CodePoints(text)) r.Key(cp, gap_ms(rng));
    r.Wait(gap_ms(rng));
    r.Feed(WedgeKey::kEnter);
    ASSERT_EQ(r.scans.size(), 1u) << "seed " << seed << " trial " << trial << " text '" << text << "'";
    ASSERT_EQ(r.scans[0], text) << "seed " << seed << " trial " << trial;
    ASSERT_EQ(r.ReleasedText(), "") << "seed " << seed << " trial " << trial;
  }
}

TEST(UsLayoutText, MapsShiftedPunctuationAndLetters) {
  EXPECT_EQ(UsLayoutText('a', false, false), "a");
  EXPECT_EQ(UsLayoutText('a', true, false), "A");
  EXPECT_EQ(UsLayoutText('a', false, true), "A");
  EXPECT_EQ(UsLayoutText('a', true, true), "a");
  EXPECT_EQ(UsLayoutText('\\', true, false), "|");  // the CCCD QR separator
  EXPECT_EQ(UsLayoutText('1', true, false), "!");
  EXPECT_EQ(UsLayoutText('1', false, true), "1");   // caps lock does not shift digits
  EXPECT_EQ(UsLayoutText('-', false, false), "-");
  EXPECT_EQ(UsLayoutText(' ', false, false), " ");
}

TEST(UsLayoutText, EncodesUnicodeKeycodesAndDropsNonPrintableKeys) {
  EXPECT_EQ(UsLayoutText(0x1EC5, false, false), "ễ");
  EXPECT_EQ(UsLayoutText(0x0111, false, false), "đ");
  EXPECT_EQ(UsLayoutText((1 << 30) | 58, false, false), "");  // F1
  EXPECT_EQ(UsLayoutText('\r', false, false), "");
  EXPECT_EQ(UsLayoutText(0x7F, false, false), "");            // Delete
}

}  // namespace
}  // namespace motcua::ui
