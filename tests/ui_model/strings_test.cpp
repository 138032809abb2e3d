#include "ui_model/strings.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include "common/text.h"

namespace motcua::ui {
namespace {

std::set<std::string> Placeholders(std::string_view text) {
  std::set<std::string> out;
  const std::string s(text);
  const std::regex re("\\{([a-z_]+)\\}");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it)
    out.insert((*it)[1]);
  return out;
}

TEST(StringTable, KeysAreUniqueAndSorted) {
  const auto all = AllStrings();
  ASSERT_FALSE(all.empty());
  for (std::size_t i = 1; i < all.size(); ++i)
    EXPECT_LT(all[i - 1].key, all[i].key) << "at " << all[i].key;
}

TEST(StringTable, EveryEntryHasBothLanguages) {
  for (const UiString& s : AllStrings()) {
    EXPECT_FALSE(s.vi.empty()) << s.key;
    EXPECT_FALSE(s.en.empty()) << s.key;
    EXPECT_STREQ(FindString(Lang::kVi, s.key), std::string(s.vi).c_str());
    EXPECT_STREQ(FindString(Lang::kEn, s.key), std::string(s.en).c_str());
  }
}

TEST(StringTable, TextIsValidUtf8InNfc) {
  for (const UiString& s : AllStrings()) {
    for (std::string_view text : {s.vi, s.en}) {
      EXPECT_TRUE(IsValidUtf8(text)) << s.key;
      EXPECT_EQ(NormalizeNfc(text), text) << s.key << " is not NFC: ImGui would stack its marks";
    }
  }
}

TEST(StringTable, PlaceholdersMatchAcrossLanguages) {
  for (const UiString& s : AllStrings())
    EXPECT_EQ(Placeholders(s.vi), Placeholders(s.en)) << s.key;
}

TEST(StringTable, VietnameseIsTheLanguageNotACopyOfEnglish) {
  // Worked examples from the login screen as a Vietnamese officer reads it.
  EXPECT_STREQ(Tr(Lang::kVi, "login.title"), "Đăng nhập");
  EXPECT_STREQ(Tr(Lang::kVi, "login.user"), "Tên đăng nhập");
  EXPECT_STREQ(Tr(Lang::kVi, "login.password"), "Mật khẩu");
  EXPECT_STREQ(Tr(Lang::kEn, "login.password"), "Password");
  EXPECT_TRUE(TakeMissingKeys().empty());
}

TEST(Tr, MissingKeyIsShownInBracketsAndRecorded) {
  TakeMissingKeys();
  EXPECT_STREQ(Tr(Lang::kVi, "no.such.key"), "[no.such.key]");
  EXPECT_STREQ(Tr(Lang::kEn, "no.such.key"), "[no.such.key]");
  EXPECT_STREQ(Tr(Lang::kVi, "other.missing"), "[other.missing]");
  const std::vector<std::string> missing = TakeMissingKeys();
  EXPECT_EQ(missing, (std::vector<std::string>{"no.such.key", "other.missing"}));
  EXPECT_TRUE(TakeMissingKeys().empty()) << "TakeMissingKeys clears the record";
  // The bracketed text stays valid after the record is cleared, and a new miss is recorded again.
  EXPECT_STREQ(Tr(Lang::kVi, "no.such.key"), "[no.such.key]");
  EXPECT_EQ(TakeMissingKeys(), std::vector<std::string>{"no.such.key"});
}

TEST(FindString, ReturnsNullForMissingKeyWithoutRecording) {
  TakeMissingKeys();
  EXPECT_EQ(FindString(Lang::kVi, "no.such.key"), nullptr);
  EXPECT_TRUE(TakeMissingKeys().empty());
}

TEST(FormatText, ReplacesKnownPlaceholdersAndKeepsOthers) {
  EXPECT_EQ(FormatText("Có thể thử lại lúc {time}.", {{"time", "10:35"}}), "Có thể thử lại lúc 10:35.");
  EXPECT_EQ(FormatText("{a}-{b}-{a}", {{"a", "1"}, {"b", "2"}}), "1-2-1");
  EXPECT_EQ(FormatText("{unknown} {", {{"a", "1"}}), "{unknown} {");
  EXPECT_EQ(FormatText("", {}), "");
  EXPECT_EQ(FormatText(Tr(Lang::kVi, "format.vnd"), {{"amount", "50.000"}}), "50.000 ₫");
}

TEST(ErrorMessage, PrefersFieldRuleThenRuleThenCode) {
  EXPECT_EQ(ErrorMessage(Lang::kVi, Invalid("user_name", "required", "x")),
            "Vui lòng nhập tên đăng nhập.");
  EXPECT_EQ(ErrorMessage(Lang::kVi, Invalid("password", "required", "x")), "Vui lòng nhập mật khẩu.");
  EXPECT_EQ(ErrorMessage(Lang::kVi, Invalid("", "bad_credentials", "x")),
            "Tên đăng nhập hoặc mật khẩu không đúng.");
  EXPECT_EQ(ErrorMessage(Lang::kEn, Unavailable("db", "busy_unknown_rule", "x")),
            "The system is busy or disconnected. Please try again.");
}

TEST(ErrorMessage, NeverShowsTheEnglishDetail) {
  const Error e = Conflict("status", "no_text_for_this_rule", "SECRET DETAIL");
  for (Lang lang : {Lang::kVi, Lang::kEn})
    EXPECT_EQ(ErrorMessage(lang, e).find("SECRET"), std::string::npos);
}

TEST(ErrorMessage, HasTextForEveryErrorCode) {
  TakeMissingKeys();
  for (ErrorCode code : {ErrorCode::kInvalid, ErrorCode::kNotFound, ErrorCode::kConflict,
                         ErrorCode::kCorrupt, ErrorCode::kUnavailable}) {
    for (Lang lang : {Lang::kVi, Lang::kEn}) {
      const std::string text = ErrorMessage(lang, Error{code, "f", "r", "d"});
      EXPECT_FALSE(text.empty());
      EXPECT_NE(text.front(), '[') << ErrorCodeName(code);
    }
  }
  EXPECT_TRUE(TakeMissingKeys().empty());
}

TEST(ParseLang, AcceptsViAndEnOnly) {
  EXPECT_EQ(ParseLang("vi").value(), Lang::kVi);
  EXPECT_EQ(ParseLang("en").value(), Lang::kEn);
  const Result<Lang> bad = ParseLang("fr");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(bad.error().field, "lang");
  EXPECT_EQ(bad.error().rule, "unknown_language");
  EXPECT_FALSE(ParseLang("VI").has_value());
  EXPECT_STREQ(LangCode(Lang::kVi), "vi");
  EXPECT_STREQ(LangCode(Lang::kEn), "en");
}

}  // namespace
}  // namespace motcua::ui
