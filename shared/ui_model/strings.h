// UI text for both apps: one table of keys, each with Vietnamese (the default) and English text.
// Screens never hold literal text; view builders look it up here and put the result in the view.
//
// Invariants, checked by tests/ui_model/strings_test.cpp:
//   (1) keys are unique and sorted; (2) every entry has non-empty Vietnamese and English text;
//   (3) all text is valid UTF-8 in NFC (the renderer draws NFD marks on top of each other, stack.md §4);
//   (4) a placeholder "{name}" in one language appears in the other.
// A missing key never crashes: Tr() returns the key in brackets, so the gap is visible on screen,
// and records it; tests build every view in both languages and fail if anything was recorded.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/number_format.h"
#include "common/result.h"

namespace motcua::ui {

enum class Lang { kVi, kEn };

struct UiString {
  std::string_view key;  // dotted, e.g. "login.password"
  std::string_view vi;   // Vietnamese, NFC
  std::string_view en;
};

// The whole table, sorted by key.
std::span<const UiString> AllStrings();

// The text for `key`, or nullptr when the table has no such key (nothing is recorded).
const char* FindString(Lang lang, std::string_view key);

// The text for `key`. A missing key returns "[key]" and is recorded for MissingKeys().
// The returned pointer stays valid for the life of the program.
const char* Tr(Lang lang, std::string_view key);

// Replaces each "{name}" in `text` by its value; unknown placeholders stay as they are.
// Tr(lang, "login.locked_until") + {{"time", "10:35"}} -> "... đến 10:35".
std::string FormatText(std::string_view text,
                       std::initializer_list<std::pair<std::string_view, std::string_view>> values);

// Keys that Tr() could not find since the last call, in order of first miss; clears the record.
std::vector<std::string> TakeMissingKeys();

// The screen text for an error from the core, looked up by (field, rule): first
// "error.<field>.<rule>", then "error.<rule>", then "error.code.<code>" (e.g. "error.code.unavailable").
// Never shows Error::detail, which is English for logs.
std::string ErrorMessage(Lang lang, const Error& error);

// "vi" / "en" (case-sensitive). Errors: kInvalid/"unknown_language" on field "lang".
Result<Lang> ParseLang(std::string_view code);
const char* LangCode(Lang lang);  // "vi" / "en"

// How numbers are written in `lang` (common/number_format.h): "28,68" in Vietnamese, "28.68" in English.
inline NumberStyle NumberStyleFor(Lang lang) { return lang == Lang::kVi ? NumberStyle::kVi : NumberStyle::kEn; }

}  // namespace motcua::ui
