// Tests for catalog/catalog_json.h: parsing, canonical export, round trips, validation errors.
// Worked examples use real procedures of the sample catalog (source: the DVCQG page crawl recorded
// in /work/shared/data/tthc-research.json, see assets/catalog/README.md).
#include "catalog/catalog_json.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace motcua::catalog {
namespace {

using calendar::Duration;
using calendar::DurationUnit;
using namespace std::chrono_literals;

// 2.000635 as the sample catalog has it (components shortened to two).
constexpr const char* kBanSaoTrichLuc = R"json([
  {
    "code": "2.000635",
    "name": "Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh",
    "group": "hộ tịch",
    "field_name": "Hộ tịch",
    "level": "commune",
    "agency": "Ủy ban nhân dân cấp xã",
    "subject": "both",
    "processing": {"standard": null, "online": null, "no_due_date": false,
                   "as_published": "Không có thông tin (Trực tuyến, Dịch vụ bưu chính, Trực tiếp)"},
    "fees": [{"name": "Phí, lệ phí", "amount_vnd": 8000, "channel": "", "collected_when": "", "note": ""}],
    "components": [
      {"code": "TP1", "name": "Tờ khai cấp bản sao trích lục hộ tịch", "group": "Giấy tờ phải nộp",
       "originals": 1, "copies": 0, "shown_only": false, "required": true},
      {"code": "TP2", "name": "Giấy tờ tùy thân", "group": "Giấy tờ phải xuất trình",
       "originals": 1, "copies": 0, "shown_only": true, "required": true}
    ],
    "results": [{"name": "Bản sao Trích lục hộ tịch", "code": "", "paper_required": false}],
    "online_level": null,
    "postal_allowed": true,
    "legal_basis": ["123/2015/NĐ-CP"],
    "announced_on": null,
    "announcing_decision": "163/QĐ-BTP",
    "sources": ["DVCQG: https://dichvucong.gov.vn/"]
  }
])json";

Procedure Minimal(std::string code, std::string name) {
  Procedure p;
  p.code = std::move(code);
  p.name = std::move(name);
  return p;
}

// A catalog of `n` procedures as JSON, with `patch` applied to the last one's JSON object text
// (inserted before its closing brace).
std::string CatalogWithLast(int n, const std::string& patch) {
  std::string s = "[";
  for (int i = 0; i < n; ++i) {
    if (i) s += ",";
    s += R"({"code": "1.00000)" + std::to_string(i) + R"(", "name": "Thủ tục số )" + std::to_string(i) + "\"";
    if (i == n - 1 && !patch.empty()) s += ", " + patch;
    s += "}";
  }
  return s + "]";
}

void ExpectError(const Error& e, ErrorCode code, const std::string& field, const std::string& rule) {
  EXPECT_EQ(e.code, code) << e.Describe();
  EXPECT_EQ(e.field, field) << e.Describe();
  EXPECT_EQ(e.rule, rule) << e.Describe();
}

// ---- parsing ------------------------------------------------------------------------------------

TEST(ParseCatalogJson, ReadsEveryFieldOfARealProcedure) {
  auto r = ParseCatalogJson(kBanSaoTrichLuc);
  ASSERT_TRUE(r) << r.error().Describe();
  ASSERT_EQ(r->size(), 1u);
  const Procedure& p = (*r)[0];
  EXPECT_EQ(p.code, "2.000635");
  EXPECT_EQ(p.name, "Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh");
  EXPECT_EQ(p.level, Level::kCommune);
  EXPECT_EQ(p.subject, "both");
  EXPECT_FALSE(p.processing.standard.has_value());
  ASSERT_EQ(p.fees.size(), 1u);
  EXPECT_EQ(p.fees[0].amount_vnd, 8000);
  ASSERT_EQ(p.components.size(), 2u);
  EXPECT_TRUE(p.components[1].shown_only);
  EXPECT_EQ(p.results[0].name, "Bản sao Trích lục hộ tịch");
  EXPECT_FALSE(p.online_level_recorded);
  EXPECT_EQ(p.online_level, OnlineLevel::kNone);
  EXPECT_TRUE(p.postal_recorded);
  EXPECT_TRUE(p.postal_allowed);
  EXPECT_EQ(p.announcing_decision, "163/QĐ-BTP");
  EXPECT_FALSE(p.announced_on.has_value());
}

TEST(ParseCatalogJson, MissingKeysTakeTheDefaults) {
  auto r = ParseCatalogJson(R"([{"code": "1.001193", "name": "Thủ tục đăng ký khai sinh"}])");
  ASSERT_TRUE(r) << r.error().Describe();
  Procedure expected = Minimal("1.001193", "Thủ tục đăng ký khai sinh");
  EXPECT_EQ((*r)[0], expected);
  EXPECT_TRUE((*r)[0].postal_allowed);
  EXPECT_FALSE((*r)[0].postal_recorded);
}

TEST(ParseCatalogJson, ReadsEveryDurationUnit) {
  // Units as published: giờ (2.001159), ngày làm việc (1.004222), ngày (3.000333); tháng has no
  // example in the sample but is a published unit (domain.md §2.5).
  const struct {
    const char* text;
    Duration want;
  } cases[] = {{"1wh", {1, DurationUnit::kWorkingHours}},
               {"7wd", {7, DurationUnit::kWorkingDays}},
               {"10d", {10, DurationUnit::kCalendarDays}},
               {"1m", {1, DurationUnit::kMonths}},
               {"0wd", {0, DurationUnit::kWorkingDays}},
               {"9999d", {9999, DurationUnit::kCalendarDays}}};
  for (const auto& c : cases) {
    std::string json = CatalogWithLast(1, std::string(R"("processing": {"standard": ")") + c.text +
                                              R"(", "online": ")" + c.text + R"("})");
    auto r = ParseCatalogJson(json);
    ASSERT_TRUE(r) << c.text << ": " << r.error().Describe();
    EXPECT_EQ((*r)[0].processing.standard, c.want) << c.text;
    EXPECT_EQ((*r)[0].processing.online, c.want) << c.text;
  }
}

TEST(ParseCatalogJson, AcceptsTheDocumentForm) {
  auto r = ParseCatalogDocument(R"({"format": "motcua-catalog", "version": 1,
      "about": {"title": "t", "scope": "s", "generated_by": "g", "generated_from": "f",
                "sources": [{"id": "DVCQG", "title": "portal", "location": "x", "date": "2026-06-10", "procedures": 1}]},
      "procedures": [{"code": "1.001193", "name": "Thủ tục đăng ký khai sinh"}]})");
  ASSERT_TRUE(r) << r.error().Describe();
  EXPECT_EQ(r->about.scope, "s");
  ASSERT_EQ(r->about.sources.size(), 1u);
  EXPECT_EQ(r->about.sources[0].id, "DVCQG");
  EXPECT_EQ(r->about.sources[0].procedures, 1);
  EXPECT_EQ(r->procedures.size(), 1u);
}

TEST(ParseCatalogJson, NormalisesTextToNfc) {
  // "Đăng ký" typed with a combining breve (NFD, as some Mac and web input sends it).
  const std::string nfd = "\xC4\x90" "a\xCC\x86ng k\xC3\xBD";  // Đ a ◌̆ ng k ý
  const std::string nfc = "\xC4\x90\xC4\x83ng k\xC3\xBD";       // Đăng ký
  ASSERT_NE(nfd, nfc);
  auto r = ParseCatalogJson(R"([{"code": "1.004222", "name": ")" + nfd + R"(", "legal_basis": [")" + nfd +
                            R"("], "components": [{"code": "TP1", "name": ")" + nfd + R"("}]}])");
  ASSERT_TRUE(r) << r.error().Describe();
  EXPECT_EQ((*r)[0].name, nfc);
  EXPECT_EQ((*r)[0].legal_basis[0], nfc);
  EXPECT_EQ((*r)[0].components[0].name, nfc);
}

TEST(ParseCatalogJson, EmptyCatalogIsValid) {
  auto r = ParseCatalogJson("[]");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->empty());
}

// ---- errors -------------------------------------------------------------------------------------

TEST(ParseCatalogJson, BadDurationNamesProcedureAndPath) {
  auto r = ParseCatalogJson(CatalogWithLast(4, R"("processing": {"standard": "3 ngày"})"));
  ASSERT_FALSE(r);
  ExpectError(r.error(), ErrorCode::kInvalid, "procedures[3].processing.standard", "bad_duration");
  EXPECT_NE(r.error().detail.find("procedure 1.000003"), std::string::npos) << r.error().detail;
}

TEST(ParseCatalogJson, RejectsDuplicateCodes) {
  auto r = ParseCatalogJson(R"([{"code": "1.001193", "name": "A"}, {"code": "1.000656", "name": "B"},
                                {"code": "1.001193", "name": "C"}])");
  ASSERT_FALSE(r);
  ExpectError(r.error(), ErrorCode::kConflict, "procedures[2].code", "duplicate_code");
  EXPECT_NE(r.error().detail.find("procedures[0]"), std::string::npos) << r.error().detail;
}

TEST(ParseCatalogJson, ErrorTable) {
  const struct {
    std::string patch;  // added to procedures[1]
    ErrorCode code;
    std::string field;
    std::string rule;
  } cases[] = {
      {R"("fess": [])", ErrorCode::kInvalid, "procedures[1].fess", "unknown_key"},
      {R"("name": "")", ErrorCode::kInvalid, "procedures[1].name", "required"},
      {R"("name": 7)", ErrorCode::kInvalid, "procedures[1].name", "wrong_type"},
      {R"("level": "district")", ErrorCode::kInvalid, "procedures[1].level", "bad_enum"},
      {R"("subject": "people")", ErrorCode::kInvalid, "procedures[1].subject", "bad_enum"},
      {R"("online_level": "mot phan")", ErrorCode::kInvalid, "procedures[1].online_level", "bad_enum"},
      {R"("postal_allowed": "yes")", ErrorCode::kInvalid, "procedures[1].postal_allowed", "wrong_type"},
      {R"("announced_on": "2025-02-30")", ErrorCode::kInvalid, "procedures[1].announced_on", "bad_date"},
      {R"("processing": {"online": 3})", ErrorCode::kInvalid, "procedures[1].processing.online", "wrong_type"},
      {R"("processing": {"standard": "3wk"})", ErrorCode::kInvalid, "procedures[1].processing.standard",
       "bad_duration"},
      {R"("processing": {"standard": "3wd", "no_due_date": true})", ErrorCode::kInvalid,
       "procedures[1].processing.no_due_date", "no_due_date_with_duration"},
      {R"("processing": {"due": "3wd"})", ErrorCode::kInvalid, "procedures[1].processing.due", "unknown_key"},
      {R"("fees": [{"name": "Lệ phí", "amount_vnd": "8000"}])", ErrorCode::kInvalid,
       "procedures[1].fees[0].amount_vnd", "wrong_type"},
      {R"("fees": [{"name": "Lệ phí", "amount_vnd": 8000.5}])", ErrorCode::kInvalid,
       "procedures[1].fees[0].amount_vnd", "wrong_type"},
      {R"("fees": [{"name": "Lệ phí", "amount_vnd": -1}])", ErrorCode::kInvalid,
       "procedures[1].fees[0].amount_vnd", "negative_amount"},
      // Above INT64_MAX: too large, not a negative amount after wrapping (seen writing fuzz_catalog_json).
      {R"("fees": [{"name": "Lệ phí", "amount_vnd": 9223372036854775808}])", ErrorCode::kInvalid,
       "procedures[1].fees[0].amount_vnd", "wrong_type"},
      {R"("components": [{"code": "TP1", "name": "Tờ khai", "copies": 18446744073709551615}])", ErrorCode::kInvalid,
       "procedures[1].components[0].copies", "wrong_type"},
      {R"("fees": [{"name": "Lệ phí"}])", ErrorCode::kInvalid, "procedures[1].fees[0].amount_vnd", "required"},
      {R"("fees": [{"name": "", "amount_vnd": 0}])", ErrorCode::kInvalid, "procedures[1].fees[0].name", "required"},
      {R"("fees": [{"name": "Lệ phí", "amount_vnd": 0, "channel": "bưu điện"}])", ErrorCode::kInvalid,
       "procedures[1].fees[0].channel", "bad_enum"},
      {R"("fees": [{"name": "Lệ phí", "amount_vnd": 0, "collected_when": "later"}])", ErrorCode::kInvalid,
       "procedures[1].fees[0].collected_when", "bad_enum"},
      {R"("fees": {"name": "Lệ phí"})", ErrorCode::kInvalid, "procedures[1].fees", "wrong_type"},
      {R"("components": [{"code": "TP1", "name": "Tờ khai"}, {"code": "TP1", "name": "Giấy chứng sinh"}])",
       ErrorCode::kConflict, "procedures[1].components[1].code", "duplicate_code"},
      {R"("components": [{"name": "Tờ khai"}])", ErrorCode::kInvalid, "procedures[1].components[0].code",
       "required"},
      {R"("components": [{"code": "TP1", "name": "Tờ khai", "copies": -1}])", ErrorCode::kInvalid,
       "procedures[1].components[0].copies", "bad_count"},
      {R"("results": [{"name": ""}])", ErrorCode::kInvalid, "procedures[1].results[0].name", "required"},
      {R"("legal_basis": "123/2015/NĐ-CP")", ErrorCode::kInvalid, "procedures[1].legal_basis", "wrong_type"},
      {R"("sources": [1])", ErrorCode::kInvalid, "procedures[1].sources[0]", "wrong_type"},
  };
  for (const auto& c : cases) {
    auto r = ParseCatalogJson(CatalogWithLast(2, c.patch));
    ASSERT_FALSE(r) << "accepted: " << c.patch;
    SCOPED_TRACE(c.patch);
    ExpectError(r.error(), c.code, c.field, c.rule);
    EXPECT_NE(r.error().detail.find("procedure 1.000001"), std::string::npos) << r.error().detail;
  }
}

TEST(ParseCatalogJson, BadCodeIsNamedBeforeAnythingElse) {
  const struct {
    const char* code;
    const char* rule;
  } cases[] = {{"1.00119", "bad_code"},  {"1.0011933", "bad_code"}, {"10.01193", "bad_code"},
               {"1,001193", "bad_code"}, {"a.001193", "bad_code"},  {"", "required"}};
  for (const auto& c : cases) {
    auto r = ParseCatalogJson(std::string(R"([{"code": ")") + c.code + R"(", "name": "X"}])");
    ASSERT_FALSE(r) << c.code;
    ExpectError(r.error(), ErrorCode::kInvalid, "procedures[0].code", c.rule);
  }
}

TEST(ParseCatalogJson, DocumentLevelErrors) {
  auto not_json = ParseCatalogJson(R"([{"code": "1.001193",)");
  ASSERT_FALSE(not_json);
  ExpectError(not_json.error(), ErrorCode::kInvalid, "", "bad_json");

  auto bad_utf8 = ParseCatalogJson("[{\"code\": \"1.001193\", \"name\": \"\xff\"}]");
  ASSERT_FALSE(bad_utf8);
  EXPECT_EQ(bad_utf8.error().rule, "bad_json");  // the JSON parser itself rejects ill-formed UTF-8

  auto scalar = ParseCatalogJson("42");
  ASSERT_FALSE(scalar);
  ExpectError(scalar.error(), ErrorCode::kInvalid, "", "wrong_type");

  auto version = ParseCatalogJson(R"({"format": "motcua-catalog", "version": 2, "procedures": []})");
  ASSERT_FALSE(version);
  ExpectError(version.error(), ErrorCode::kInvalid, "version", "unsupported_version");

  auto format = ParseCatalogJson(R"({"format": "other", "procedures": []})");
  ASSERT_FALSE(format);
  ExpectError(format.error(), ErrorCode::kInvalid, "format", "unsupported_format");

  auto missing = ParseCatalogJson(R"({"format": "motcua-catalog"})");
  ASSERT_FALSE(missing);
  ExpectError(missing.error(), ErrorCode::kInvalid, "procedures", "required");

  auto extra = ParseCatalogJson(R"({"procedures": [], "author": "x"})");
  ASSERT_FALSE(extra);
  ExpectError(extra.error(), ErrorCode::kInvalid, "author", "unknown_key");

  auto about = ParseCatalogJson(R"({"about": {"sources": [{"id": 1}]}, "procedures": []})");
  ASSERT_FALSE(about);
  ExpectError(about.error(), ErrorCode::kInvalid, "about.sources[0].id", "wrong_type");

  auto element = ParseCatalogJson(R"([{"code": "1.001193", "name": "A"}, "1.000656"])");
  ASSERT_FALSE(element);
  ExpectError(element.error(), ErrorCode::kInvalid, "procedures[1]", "wrong_type");
}

TEST(ParseCatalogJson, DeeplyNestedInputFailsWithoutCrashing) {
  const std::string open(200000, '['), close(200000, ']');
  auto unterminated = ParseCatalogJson(open);
  ASSERT_FALSE(unterminated);
  EXPECT_EQ(unterminated.error().rule, "bad_json");
  auto nested = ParseCatalogJson(open + close);
  ASSERT_FALSE(nested);
  ExpectError(nested.error(), ErrorCode::kInvalid, "procedures[0]", "wrong_type");
}

// ---- export and round trips ---------------------------------------------------------------------

TEST(CatalogToJson, WritesTheCanonicalForm) {
  Procedure p = Minimal("1.004222", "Đăng ký thường trú");
  p.group = "cư trú";
  p.level = Level::kCommune;
  p.processing.standard = Duration{7, DurationUnit::kWorkingDays};
  p.fees = {{"Phí, lệ phí", 20000, "counter", "", ""}};
  p.components = {{"TP1", "Tờ khai thay đổi thông tin cư trú", "", 1, 0, false, true}};
  p.online_level = OnlineLevel::kPartial;
  p.online_level_recorded = true;
  p.announced_on = LocalDate{std::chrono::year{2025} / 7 / 1};
  const std::string want = R"({
  "format": "motcua-catalog",
  "version": 1,
  "procedures": [
    {
      "code": "1.004222",
      "name": "Đăng ký thường trú",
      "group": "cư trú",
      "field_code": "",
      "field_name": "",
      "level": "commune",
      "agency": "",
      "subject": "",
      "processing": {
        "standard": "7wd",
        "online": null,
        "no_due_date": false,
        "as_published": ""
      },
      "fees": [
        {
          "name": "Phí, lệ phí",
          "amount_vnd": 20000,
          "channel": "counter",
          "collected_when": "",
          "note": ""
        }
      ],
      "fees_as_published": "",
      "components": [
        {
          "code": "TP1",
          "name": "Tờ khai thay đổi thông tin cư trú",
          "group": "",
          "originals": 1,
          "copies": 0,
          "shown_only": false,
          "required": true
        }
      ],
      "results": [],
      "online_level": "partial",
      "postal_allowed": null,
      "legal_basis": [],
      "announced_on": "2025-07-01",
      "announcing_decision": "",
      "sources": []
    }
  ]
}
)";
  EXPECT_EQ(CatalogToJson({p}), want);
}

TEST(CatalogToJson, RoundTripsARealProcedure) {
  auto first = ParseCatalogJson(kBanSaoTrichLuc);
  ASSERT_TRUE(first) << first.error().Describe();
  const std::string text = CatalogToJson(*first);
  auto second = ParseCatalogJson(text);
  ASSERT_TRUE(second) << second.error().Describe();
  EXPECT_EQ(*second, *first);
  EXPECT_EQ(CatalogToJson(*second), text);
}

TEST(ProcedureToJson, RoundTripsAndNamesFieldsWithoutPrefix) {
  auto catalog = ParseCatalogJson(kBanSaoTrichLuc);
  ASSERT_TRUE(catalog);
  auto one = ParseProcedureJson(ProcedureToJson((*catalog)[0]));
  ASSERT_TRUE(one) << one.error().Describe();
  EXPECT_EQ(*one, (*catalog)[0]);

  auto bad = ParseProcedureJson(R"({"code": "1.001193", "name": "A", "processing": {"standard": "x"}})");
  ASSERT_FALSE(bad);
  ExpectError(bad.error(), ErrorCode::kInvalid, "processing.standard", "bad_duration");
}

// Random but valid procedures, including the awkward text JSON must escape.
Procedure RandomProcedure(std::mt19937& rng, int i) {
  static const std::string kTexts[] = {"Đăng ký khai sinh",      "Chứng thực \"bản sao\"", "a\\b",
                                       "tab\there",              "dòng 1\ndòng 2",         "",
                                       "Ủy ban nhân dân cấp xã", "control \x01 char",     "€ ₫ 漢字 😀"};
  auto text = [&] { return kTexts[rng() % std::size(kTexts)]; };
  auto nonempty = [&] {
    std::string t;
    while (t.empty()) t = text();
    return t;
  };
  auto duration = [&]() -> std::optional<Duration> {
    if (rng() % 3 == 0) return std::nullopt;
    return Duration{static_cast<int>(rng() % 10000), static_cast<DurationUnit>(rng() % 4)};
  };
  Procedure p;
  char code[16];
  std::snprintf(code, sizeof code, "%d.%06d", 1 + static_cast<int>(rng() % 3), i);
  p.code = code;
  p.name = nonempty();
  p.group = text();
  p.field_code = text();
  p.field_name = text();
  p.level = static_cast<Level>(rng() % 4);
  p.agency = text();
  static const char* kSubjects[] = {"", "citizen", "organization", "both"};
  p.subject = kSubjects[rng() % 4];
  p.processing.no_due_date = rng() % 5 == 0;
  if (!p.processing.no_due_date) {
    p.processing.standard = duration();
    p.processing.online = duration();
  }
  p.processing.as_published = text();
  static const char* kChannels[] = {"", "online", "counter", "postal"};
  static const char* kWhen[] = {"", "reception", "supplement", "result"};
  for (int f = 0, n = static_cast<int>(rng() % 3); f < n; ++f) {
    p.fees.push_back({nonempty(), static_cast<std::int64_t>(rng() % 3) * 4'000'000'000LL + static_cast<std::int64_t>(rng() % 1000000),
                      kChannels[rng() % 4], kWhen[rng() % 4], text()});
  }
  p.fees_as_published = text();
  for (int c = 0, n = static_cast<int>(rng() % 4); c < n; ++c) {
    p.components.push_back({"TP" + std::to_string(c + 1), nonempty(), text(), static_cast<int>(rng() % 3),
                            static_cast<int>(rng() % 3), rng() % 2 == 0, rng() % 2 == 0});
  }
  for (int r = 0, n = static_cast<int>(rng() % 3); r < n; ++r) p.results.push_back({nonempty(), text(), rng() % 2 == 0});
  p.online_level_recorded = rng() % 2 == 0;
  if (p.online_level_recorded) p.online_level = static_cast<OnlineLevel>(rng() % 3);
  p.postal_recorded = rng() % 2 == 0;
  if (p.postal_recorded) p.postal_allowed = rng() % 2 == 0;
  for (int l = 0, n = static_cast<int>(rng() % 3); l < n; ++l) p.legal_basis.push_back(text());
  if (rng() % 2) p.announced_on = LocalDate{std::chrono::days{19000 + rng() % 3000}};
  p.announcing_decision = text();
  for (int s = 0, n = static_cast<int>(rng() % 3); s < n; ++s) p.sources.push_back(text());
  return p;
}

TEST(CatalogToJson, RandomCatalogsRoundTrip) {
  constexpr unsigned kSeed = 20260611;
  std::mt19937 rng(kSeed);
  for (int round = 0; round < 200; ++round) {
    std::vector<Procedure> procedures;
    for (int i = 0, n = static_cast<int>(rng() % 5); i < n; ++i) {
      procedures.push_back(RandomProcedure(rng, round * 10 + i));
      ASSERT_TRUE(ValidateProcedure(procedures.back()))
          << "seed " << kSeed << " round " << round << ": " << ValidateProcedure(procedures.back()).error().Describe();
    }
    const std::string text = CatalogToJson(procedures);
    auto back = ParseCatalogJson(text);
    ASSERT_TRUE(back) << "seed " << kSeed << " round " << round << ": " << back.error().Describe() << "\n" << text;
    EXPECT_EQ(*back, procedures) << "seed " << kSeed << " round " << round << "\n" << text;
    EXPECT_EQ(CatalogToJson(*back), text) << "seed " << kSeed << " round " << round;
  }
}

// ---- validation of procedures built in code -----------------------------------------------------

TEST(ValidateProcedure, AcceptsAMinimalProcedure) {
  EXPECT_TRUE(ValidateProcedure(Minimal("1.001193", "Thủ tục đăng ký khai sinh")));
}

TEST(ValidateProcedure, RejectsTextThatIsNotNfcOrNotUtf8) {
  Procedure nfd = Minimal("1.001193", "\xC4\x90" "a\xCC\x86ng k\xC3\xBD");
  auto s = ValidateProcedure(nfd);
  ASSERT_FALSE(s);
  ExpectError(s.error(), ErrorCode::kInvalid, "name", "not_nfc");

  Procedure bytes = Minimal("1.001193", "ok");
  bytes.components = {{"TP1", "\xff", "", 1, 0, false, true}};
  s = ValidateProcedure(bytes);
  ASSERT_FALSE(s);
  ExpectError(s.error(), ErrorCode::kInvalid, "components[0].name", "bad_utf8");
}

TEST(ValidateProcedure, RejectsOutOfRangeEnumsAndDurations) {
  Procedure p = Minimal("1.001193", "ok");
  p.level = static_cast<Level>(9);
  ExpectError(ValidateProcedure(p).error(), ErrorCode::kInvalid, "level", "bad_enum");
  p = Minimal("1.001193", "ok");
  p.processing.online = Duration{-1, DurationUnit::kWorkingDays};
  ExpectError(ValidateProcedure(p).error(), ErrorCode::kInvalid, "processing.online", "bad_duration");
  p.processing.online = Duration{10000, DurationUnit::kWorkingDays};
  ExpectError(ValidateProcedure(p).error(), ErrorCode::kInvalid, "processing.online", "bad_duration");
}

TEST(CatalogToJson, NeverThrowsOnInvalidUtf8) {
  Procedure p = Minimal("1.001193", "bad \xff byte");
  std::string text;
  EXPECT_NO_THROW(text = CatalogToJson({p}));
  EXPECT_NE(text.find("bad \xEF\xBF\xBD byte"), std::string::npos);  // U+FFFD
}

// ---- files --------------------------------------------------------------------------------------

class CatalogFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("motcua_catalog_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path Write(const std::string& name, const std::string& text) {
    auto path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  std::filesystem::path dir_;
};

TEST_F(CatalogFileTest, LoadsWhatWasWritten) {
  auto catalog = ParseCatalogJson(kBanSaoTrichLuc);
  ASSERT_TRUE(catalog);
  auto loaded = LoadCatalogFile(Write("c.json", CatalogToJson(*catalog)));
  ASSERT_TRUE(loaded) << loaded.error().Describe();
  EXPECT_EQ(*loaded, *catalog);
}

TEST_F(CatalogFileTest, MissingFileIsNotFound) {
  auto r = LoadCatalogFile(dir_ / "nope.json");
  ASSERT_FALSE(r);
  ExpectError(r.error(), ErrorCode::kNotFound, "path", "file_not_found");
}

TEST_F(CatalogFileTest, DirectoryIsUnreadable) {
  auto r = LoadCatalogFile(dir_);
  ASSERT_FALSE(r);
  ExpectError(r.error(), ErrorCode::kUnavailable, "path", "file_unreadable");
}

TEST_F(CatalogFileTest, ParseErrorsPassThrough) {
  auto r = LoadCatalogFile(Write("bad.json", CatalogWithLast(4, R"("processing": {"standard": "3"})")));
  ASSERT_FALSE(r);
  ExpectError(r.error(), ErrorCode::kInvalid, "procedures[3].processing.standard", "bad_duration");
}

}  // namespace
}  // namespace motcua::catalog
