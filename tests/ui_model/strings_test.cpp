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

// Every (field, rule) the core can return on the counter's screens, from the contracts in the headers
// of codes/cccd.h, codes/receipt_token.h, workflow/desk.h, digitize/file_store.h, scan/sane_scanner.h,
// scan/pages_pdf.h, print/printer.h, print/form_pdf.h, postal/manifest.h, postal/parcel_number.h,
// auth/login.h and ui_model/station.h: each must have its own text in both languages (looked up as
// "error.<field>.<rule>" or "error.<rule>"), never the generic fallback for its error code.
TEST(ErrorMessage, EveryRuleTheCounterScreensMeetHasItsOwnText) {
  const std::pair<const char*, const char*> rules[] = {
      // CCCD QR (codes/cccd.h)
      {"cccd_qr", "empty"}, {"cccd_qr", "bad_utf8"}, {"cccd_qr", "too_few_fields"}, {"id", "id_not_digits"},
      {"id", "bad_id_length"}, {"old_id", "old_id_not_digits"}, {"old_id", "bad_old_id_length"},
      {"name", "empty_name"}, {"birth_date", "bad_date"}, {"issue_date", "bad_date"}, {"sex", "unknown_sex"},
      {"address", "empty_address"}, {"issue_date", "issued_before_birth"},
      // receipt tokens
      {"receipt_token", "not_a_receipt_token"}, {"receipt_token", "unsupported_version"},
      {"receipt_token", "truncated"}, {"receipt_token", "bad_format"}, {"receipt_token", "bad_dossier_code"},
      {"receipt_token", "bad_lookup_secret"}, {"receipt_token", "wrong_key"}, {"receipt_token", "bad_mac"},
      {"receipt_token", "secret_mismatch"},
      // intake (workflow::Receive, ValidateApplicant, the draft)
      {"procedure_code", "no_such_procedure"}, {"procedure_code", "missing"},
      {"procedure_code", "no_recent_procedure"}, {"applicant.name", "missing"}, {"applicant.name", "bad_utf8"},
      {"applicant.id_number", "bad_cccd"}, {"applicant.id_number", "bad_cmnd"},
      {"applicant.id_number", "bad_tax_code"}, {"applicant.id_number", "bad_passport"},
      {"applicant.id_number", "missing"}, {"applicant.phone", "bad_phone"}, {"applicant.email", "bad_email"},
      {"components", "missing_required_component"}, {"components", "unknown_component"},
      {"components", "duplicate_component"}, {"components", "bad_count"}, {"cases", "unknown_case"},
      {"delivery_address", "missing"}, {"received_at", "in_the_future"}, {"received_at", "bad_datetime"},
      {"calendar", "calendar_not_covering"}, {"sequence", "sequence_exhausted"}, {"role", "not_allowed"},
      {"sets", "bad_count"}, {"fees", "negative_amount"}, {"reused_result_code", "missing"},
      {"component", "no_such_component"}, {"component", "no_file"}, {"component", "nothing_missing"},
      {"reason", "missing"}, {"intake", "no_draft"},
      // lifecycle, apology, results
      {"code", "no_such_dossier"}, {"state", "transition_not_allowed"}, {"no_digital_result_reason", "missing"},
      {"receiver_name", "missing"}, {"apology_count", "apology_already_issued"}, {"new_due_at", "not_later"},
      {"new_due_at", "not_working_time"},
      {"new_due_at", "bad_datetime"}, {"due_at", "no_due_date"}, {"result_name", "missing"},
      {"apology_count", "no_apology"}, {"supplements", "no_supplement"}, {"code", "no_dossier_open"},
      // scanning and importing
      {"scanner", "no_scanner"}, {"device_name", "scanner_not_found"}, {"scanner", "scanner_busy"},
      {"scanner", "paper_jammed"}, {"scanner", "cover_open"}, {"source", "no_documents"},
      {"scanner", "scan_cancelled"}, {"scanner", "scanner_io_error"}, {"scanner", "scanner_access_denied"},
      {"scanner", "scanner_error"}, {"scanner", "sane_init_failed"}, {"source", "source_unsupported"},
      {"scanner", "too_many_pages"}, {"scanner", "page_too_large"}, {"scanner", "unsupported_frame"},
      {"scanner", "job_busy"}, {"scanner", "no_pages"}, {"scanner", "bad_page"}, {"scanner", "pdf_failed"},
      {"scanner", "jpeg_unsupported"}, {"file", "empty_file"}, {"file", "unsupported_file_type"},
      {"file", "unreadable_pdf"}, {"file", "encrypted_pdf"}, {"file", "write_failed"}, {"file", "no_files"},
      {"file", "unreadable_file"}, {"file", "one_pdf_only"}, {"file", "unreadable_folder"},
      {"files", "unsupported_image"}, {"files", "unreadable_image"},
      // printing
      {"queue", "bad_queue_name"}, {"server", "cups_unreachable"}, {"queue", "no_such_printer"},
      {"queue", "printer_stopped"}, {"queue", "printer_not_accepting"}, {"queue", "printer_unreachable"},
      {"job", "job_canceled"}, {"job", "job_aborted"}, {"queue", "submit_failed"},
      {"document", "empty_document"}, {"path", "unwritable_path"}, {"path", "write_failed"},
      {"path", "no_such_file"}, {"print", "nothing_to_reprint"}, {"print", "print_busy"},
      {"worklist", "empty"}, {"state", "unknown_state"},
      // postal
      {"manifest", "no_such_manifest"}, {"status", "not_a_draft"}, {"direction", "wrong_direction"},
      {"parcel_number", "missing"}, {"parcel_number", "bad_characters"}, {"parcel_number", "bad_check_digit"},
      {"parcel_number", "unknown_format"}, {"parcel_number", "parcel_already_listed"}, {"lookup", "missing"},
      {"lookup", "no_such_dossier"}, {"state", "not_done"}, {"delivery", "not_postal"},
      {"dossier_code", "already_on_manifest"}, {"item", "no_such_item"}, {"items", "empty"},
      {"postal.representative", "missing"}, {"center.representative", "missing"}, {"center.user", "missing"},
      {"status", "not_signed"}, {"delivery", "already_delivered"}, {"at", "before_signing"},
      {"at", "in_the_future"}, {"manifest", "no_manifest_open"},
      // settings and the session
      {"print_wait_ms", "out_of_range"}, {"scan_dpi", "out_of_range"}, {"printer_queue", "bad_queue_name"},
      {"scan_source", "bad_value"}, {"queue_counter", "too_long"}, {"queue_counter", "control_character"},
      {"queue_counter", "bad_utf8"}, {"profile", "unknown_profile"}, {"session", "not_signed_in"},
      {"session", "screen_locked"}, {"password", "required"}, {"user_name", "required"},
      {"", "bad_credentials"}, {"user_name", "account_locked"}, {"user_name", "account_disabled"},
  };
  for (const auto& [field, rule] : rules) {
    for (Lang lang : {Lang::kVi, Lang::kEn}) {
      const bool own = FindString(lang, std::string("error.") + field + "." + rule) != nullptr ||
                       FindString(lang, std::string("error.") + rule) != nullptr;
      EXPECT_TRUE(own) << field << "/" << rule << " (" << LangCode(lang) << ") falls back to the generic text";
    }
  }
  // A manifest item's error names the item, then says what is wrong with it.
  EXPECT_EQ(ErrorMessage(Lang::kVi, Invalid("items[1].applicant.id_number", "bad_cccd", "")),
            "Hồ sơ thứ 2 trong biên bản: Số CCCD phải có đúng 12 chữ số.");
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
