// The shipped sample catalog (assets/catalog/catalog.json, written by
// tools/catalog/convert_research.py): it loads, validates, is in canonical form, says where its data
// came from, and invents nothing: every fee amount and duration is traced back to the research file
// (/work/shared/data/tthc-research.json), and every paper's name and case to that file or to its
// dossier fixes (tthc-components-fixes.json beside it), when those files are present.
#include <gtest/gtest.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "catalog/catalog_json.h"
#include "common/text.h"

namespace motcua::catalog {
namespace {

const std::filesystem::path kCatalogPath = std::filesystem::path(MOTCUA_ASSETS_DIR) / "catalog" / "catalog.json";
const std::filesystem::path kResearchPath = "/work/shared/data/tthc-research.json";
const std::filesystem::path kFixesPath = "/work/shared/data/tthc-components-fixes.json";

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class SampleCatalog : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = LoadCatalogDocumentFile(kCatalogPath);
    ASSERT_TRUE(loaded) << loaded.error().Describe();
    doc_ = new CatalogDocument(std::move(*loaded));
  }
  static void TearDownTestSuite() { delete doc_; }
  static const Procedure& Get(const std::string& code) {
    for (const Procedure& p : doc_->procedures) {
      if (p.code == code) return p;
    }
    ADD_FAILURE() << code << " is not in the sample catalog";
    static const Procedure empty;
    return empty;
  }
  static CatalogDocument* doc_;
};
CatalogDocument* SampleCatalog::doc_ = nullptr;

TEST_F(SampleCatalog, HasAtLeastFortyValidProceduresWithUniqueNationalCodes) {
  ASSERT_GE(doc_->procedures.size(), 40u);
  std::set<std::string> codes;
  for (const Procedure& p : doc_->procedures) {
    EXPECT_TRUE(ValidateProcedure(p)) << ValidateProcedure(p).error().Describe();
    ASSERT_EQ(p.code.size(), 8u) << p.code;
    EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(p.code[0])) && p.code[1] == '.') << p.code;
    EXPECT_TRUE(codes.insert(p.code).second) << "duplicate " << p.code;
  }
}

TEST_F(SampleCatalog, IsInCanonicalForm) {
  // The converter writes exactly what CatalogDocumentToJson writes, so import/export is lossless.
  EXPECT_TRUE(CatalogDocumentToJson(*doc_) == ReadFile(kCatalogPath))
      << "re-run tools/catalog/convert_research.py, or fix the converter's key order";
}

TEST_F(SampleCatalog, SaysWhereItsDataCameFrom) {
  const CatalogAbout& a = doc_->about;
  EXPECT_NE(a.scope.find("NOT specific to Tuyên Quang"), std::string::npos) << a.scope;
  EXPECT_NE(a.generated_by.find("convert_research.py"), std::string::npos);
  ASSERT_FALSE(a.sources.empty());
  std::set<std::string> ids;
  for (const CatalogSource& s : a.sources) {
    EXPECT_FALSE(s.title.empty()) << s.id;
    EXPECT_FALSE(s.location.empty()) << s.id;
    EXPECT_FALSE(s.date.empty()) << s.id;
    EXPECT_GT(s.procedures, 0) << s.id;
    ids.insert(s.id);
  }
  EXPECT_TRUE(ids.count("DVCQG"));
  for (const Procedure& p : doc_->procedures) {
    ASSERT_FALSE(p.sources.empty()) << p.code;
    for (const std::string& s : p.sources) {
      EXPECT_TRUE(ids.count(s.substr(0, s.find(':')))) << p.code << ": " << s;
    }
  }
}

TEST_F(SampleCatalog, CoversTheMainGroups) {
  std::map<std::string, int> groups;
  for (const Procedure& p : doc_->procedures) ++groups[p.group];
  for (const char* g : {"hộ tịch", "chứng thực", "cư trú", "đất đai", "đăng ký kinh doanh", "xây dựng",
                        "lao động / việc làm", "lý lịch tư pháp", "giao thông"}) {
    EXPECT_GT(groups[g], 0) << g;
  }
}

// Worked examples, each as the research file records it.
TEST_F(SampleCatalog, WorkedExamples) {
  using calendar::Duration;
  using calendar::DurationUnit;
  // 1.004222 Đăng ký thường trú (DVCQG): 7 ngày làm việc; 20.000 đ at the counter, 10.000 đ online.
  const Procedure& thuong_tru = Get("1.004222");
  EXPECT_EQ(thuong_tru.name, "Đăng ký thường trú");
  EXPECT_EQ(thuong_tru.processing.standard, (Duration{7, DurationUnit::kWorkingDays}));
  EXPECT_FALSE(thuong_tru.processing.online);
  ASSERT_EQ(thuong_tru.fees.size(), 2u);
  EXPECT_EQ(thuong_tru.fees[0].channel, "counter");
  EXPECT_EQ(thuong_tru.fees[0].amount_vnd, 20000);
  EXPECT_EQ(thuong_tru.fees[1].channel, "online");
  EXPECT_EQ(thuong_tru.fees[1].amount_vnd, 10000);

  // 1.001193 khai sinh: the DVCQG table says "1" with no unit, so no duration; "Miễn phí" → 0 đ.
  const Procedure& khai_sinh = Get("1.001193");
  EXPECT_FALSE(khai_sinh.processing.standard);
  EXPECT_NE(khai_sinh.processing.as_published.find("1 (Trực tuyến"), std::string::npos)
      << khai_sinh.processing.as_published;
  ASSERT_EQ(khai_sinh.fees.size(), 1u);
  EXPECT_EQ(khai_sinh.fees[0].amount_vnd, 0);
  EXPECT_EQ(khai_sinh.components[0].code, "TP1");
  EXPECT_FALSE(khai_sinh.components[0].required);  // "Trường hợp trẻ em bị bỏ rơi ..."
  EXPECT_TRUE(khai_sinh.components[4].shown_only);  // group "Giấy tờ phải xuất trình"

  // 1.000656 khai tử: "Miễn phí" but the note says the HĐND sets the amount: no fee at all.
  EXPECT_TRUE(Get("1.000656").fees.empty());
  EXPECT_NE(Get("1.000656").fees_as_published.find("HĐND"), std::string::npos);

  // 1.001612 Đăng ký thành lập hộ kinh doanh: table "Không có thông tin"; the research flags
  // "03 ngày làm việc" (trình tự text, Hải Phòng QĐ 2831) as the usable value.
  EXPECT_EQ(Get("1.001612").processing.standard, (Duration{3, DurationUnit::kWorkingDays}));

  // 2.000986 liên thông khai sinh: "Tối đa 20 ngày làm việc" (research summary).
  EXPECT_EQ(Get("2.000986").processing.standard, (Duration{20, DurationUnit::kWorkingDays}));

  // 3.000346 Cấp giấy phép lái xe: 3 ngày at the counter and by post, 7 ngày online; lệ phí
  // 135.000 đ from the page's description (the fee column's "Miễn phí" is flagged as wrong).
  const Procedure& gplx = Get("3.000346");
  EXPECT_EQ(gplx.processing.standard, (Duration{3, DurationUnit::kCalendarDays}));
  EXPECT_EQ(gplx.processing.online, (Duration{7, DurationUnit::kCalendarDays}));
  ASSERT_EQ(gplx.fees.size(), 1u);
  EXPECT_EQ(gplx.fees[0].amount_vnd, 135000);

  // 2.001610 doanh nghiệp tư nhân: the online "100 VNĐ" is a data-entry error for 100.000 đ.
  ASSERT_EQ(Get("2.001610").fees.size(), 1u);
  EXPECT_EQ(Get("2.001610").fees[0].amount_vnd, 100000);

  // 1.012786 Cấp lại Giấy chứng nhận do bị mất: counter 20 and post 10 working days disagree.
  EXPECT_FALSE(Get("1.012786").processing.standard);
  EXPECT_FALSE(Get("1.012786").processing.online);

  // 2.001159 Thông báo lưu trú: "1 Giờ".
  EXPECT_EQ(Get("2.001159").processing.standard, (Duration{1, DurationUnit::kWorkingHours}));

  // 2.000815: online level from Đồng Nai QĐ 2770 ("một phần"); 2.000884: "không (chỉ trực tiếp)".
  EXPECT_TRUE(Get("2.000815").online_level_recorded);
  EXPECT_EQ(Get("2.000815").online_level, OnlineLevel::kPartial);
  EXPECT_TRUE(Get("2.000884").online_level_recorded);
  EXPECT_EQ(Get("2.000884").online_level, OnlineLevel::kNone);
  EXPECT_FALSE(Get("1.001193").online_level_recorded);

  // 3.000346 is one of the three "Cấp bộ" (central) procedures.
  EXPECT_EQ(gplx.level, Level::kCentral);
}

// ---- traced back to the research file -----------------------------------------------------------

const char* UnitSuffixFor(const std::string& published_unit) {
  if (published_unit == "ngày làm việc") return "wd";
  if (published_unit == "ngày") return "d";
  if (published_unit == "giờ") return "wh";
  if (published_unit == "tháng") return "m";
  return "";
}

std::string WithDots(std::int64_t amount) {  // 135000 → "135.000"
  std::string digits = std::to_string(amount), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

class ResearchTrace : public SampleCatalog {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kResearchPath)) GTEST_SKIP() << kResearchPath << " is not on this machine";
    if (!std::filesystem::exists(kFixesPath)) GTEST_SKIP() << kFixesPath << " is not on this machine";
    research_ = nlohmann::json::parse(ReadFile(kResearchPath));
    for (const auto& r : research_) by_code_[r["ma_tthc"].get<std::string>()] = &r;
    fixes_doc_ = nlohmann::json::parse(ReadFile(kFixesPath));
    for (const auto& p : fixes_doc_["procedures"]) {
      for (const auto& item : p["items"]) fixes_[p["ma_tthc"].get<std::string>()][item["index"].get<std::size_t>()] = &item;
    }
  }
  // The fix for dossier.items[index] of procedure `code`, or nullptr.
  const nlohmann::json* FixFor(const std::string& code, std::size_t index) const {
    auto p = fixes_.find(code);
    if (p == fixes_.end()) return nullptr;
    auto f = p->second.find(index);
    return f == p->second.end() ? nullptr : f->second;
  }
  static std::string Text(const nlohmann::json& j) { return j.is_string() ? j.get<std::string>() : ""; }
  // The free texts a flagged value may be read from: conflicts and the summaries.
  static std::string FlaggedText(const nlohmann::json& r, const char* section) {
    std::string t = Text(r[section]["summary"]);
    for (const auto& c : r["conflicts"]) {
      for (const auto& v : c["values"]) t += "\n" + Text(v);
    }
    return t;
  }
  nlohmann::json research_;
  std::map<std::string, const nlohmann::json*> by_code_;
  nlohmann::json fixes_doc_;
  std::map<std::string, std::map<std::size_t, const nlohmann::json*>> fixes_;
};

TEST_F(ResearchTrace, KeepsEveryResearchedProcedureWithItsNameAndLevel) {
  std::size_t with_code_and_name = 0;
  for (const auto& r : research_) {
    if (!Text(r["ma_tthc"]).empty() && !Text(r["name"]).empty()) ++with_code_and_name;
  }
  EXPECT_EQ(doc_->procedures.size(), with_code_and_name);
  const std::map<std::string, Level> levels = {
      {"xã", Level::kCommune}, {"tỉnh", Level::kProvince}, {"both", Level::kBoth}, {"trung ương", Level::kCentral}};
  for (const Procedure& p : doc_->procedures) {
    ASSERT_TRUE(by_code_.count(p.code)) << p.code << " is not in the research file";
    const auto& r = *by_code_[p.code];
    EXPECT_EQ(p.name, NormalizeNfc(Text(r["name"]))) << p.code;
    EXPECT_EQ(p.level, levels.at(Text(r["level"]["value"]))) << p.code;
  }
}

TEST_F(ResearchTrace, EveryFeeAmountIsPublished) {
  for (const Procedure& p : doc_->procedures) {
    const auto& r = *by_code_[p.code];
    for (const Fee& f : p.fees) {
      bool found = false;
      for (const auto& pub : r["fees"]["published"]) {
        for (const auto& row : pub.value("by_channel", nlohmann::json::array())) {
          if (f.amount_vnd == 0 && Text(row["label"]) == "Miễn phí") found = true;
          if (row["amount"].is_number_integer() && row["amount"].get<std::int64_t>() == f.amount_vnd &&
              Text(row["currency"]) == "VND") {
            found = true;
          }
        }
      }
      if (!found && f.amount_vnd > 0) found = FlaggedText(r, "fees").find(WithDots(f.amount_vnd) + " đồng") != std::string::npos;
      EXPECT_TRUE(found) << p.code << ": fee " << f.amount_vnd << " đ is not in the research record";
    }
  }
}

TEST_F(ResearchTrace, EveryDurationIsPublishedWithItsUnit) {
  for (const Procedure& p : doc_->procedures) {
    const auto& r = *by_code_[p.code];
    for (const auto* d : {&p.processing.standard, &p.processing.online}) {
      if (!*d) continue;
      const int n = (*d)->amount;
      const std::string suffix = calendar::DurationUnitSuffix((*d)->unit);
      bool found = false;
      for (const auto& pub : r["processing_time"]["published"]) {
        auto rows = pub.contains("by_channel") ? pub["by_channel"] : nlohmann::json::array({pub});
        for (const auto& row : rows) {
          if (row["value"].is_number_integer() && row["value"].get<int>() == n && UnitSuffixFor(Text(row["unit"])) == suffix) {
            found = true;
          }
        }
      }
      if (!found && suffix == "wd") {
        char two[8];
        std::snprintf(two, sizeof two, "%02d", n);
        const std::string text = FlaggedText(r, "processing_time");
        found = text.find(std::string(two) + " ngày làm việc") != std::string::npos ||
                text.find(std::to_string(n) + " ngày làm việc") != std::string::npos;
      }
      EXPECT_TRUE(found) << p.code << ": duration " << calendar::FormatDuration(**d)
                         << " is not in the research record";
    }
  }
}

TEST_F(ResearchTrace, ComponentsAreTheDossierRowsThatAreNotNotes) {
  // Name, case and counts of each paper are the research row's, or where tthc-components-fixes.json
  // fixes that row (by its index among all dossier items, note rows included), the fix's: the full
  // name, the corrected case ("--" = every case, written as no group) else the full heading, and
  // the corrected counts.
  for (const Procedure& p : doc_->procedures) {
    const auto& r = *by_code_[p.code];
    std::size_t n = 0, index = 0;
    for (const auto& item : r["dossier"]["items"]) {
      const nlohmann::json* fix = FixFor(p.code, index++);
      if (item.value("is_note_row", false)) continue;
      ASSERT_LT(n, p.components.size()) << p.code;
      const Component& c = p.components[n++];
      std::string name = Text(item["name"]), group = Text(item["group"]);
      nlohmann::json quantity = item["quantity"];
      if (fix) {
        name = Text((*fix)["name_full"]);
        group = (*fix)["group_corrected"].is_string() ? Text((*fix)["group_corrected"]) : Text((*fix)["group_full"]);
        if (group == "--") group = "";
        if (fix->contains("quantity_corrected")) quantity = (*fix)["quantity_corrected"];
      }
      EXPECT_EQ(c.code, "TP" + std::to_string(n)) << p.code;
      EXPECT_EQ(c.name, NormalizeNfc(std::string(Trim(name)))) << p.code << " " << c.code;
      EXPECT_EQ(c.group, NormalizeNfc(std::string(Trim(group)))) << p.code << " " << c.code;
      EXPECT_EQ(c.originals, quantity.value("ban_chinh", 0)) << p.code << " " << c.code;
      EXPECT_EQ(c.copies, quantity.value("ban_sao", 0)) << p.code << " " << c.code;
    }
    EXPECT_EQ(p.components.size(), n) << p.code;
  }
}

}  // namespace
}  // namespace motcua::catalog
