// The shipped sample catalog (assets/catalog/catalog.json, written by
// tools/catalog/convert_research.py): it loads, validates, is in canonical form, says where its data
// came from, and invents nothing: every fee amount and duration is traced back to the research file
// (/work/shared/data/tthc-research.json), and every paper's name and case to that file or to its
// dossier fixes (tthc-components-fixes.json beside it), when those files are present.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

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

// ---- dossier papers: complete names, the right case ---------------------------------------------

// The papers of one case's checklist, as the kiosk and the counter list them: the case's own papers
// and those of every group catalog::AppliesToEveryCase accepts (none, "Giấy tờ phải nộp", ...).
// case_heading "" is the checklist when no case is chosen.
std::vector<std::string> ChecklistOfCase(const Procedure& p, const std::string& case_heading) {
  std::vector<std::string> names;
  for (const Component& c : p.components) {
    if (AppliesToEveryCase(c.group) || c.group == case_heading) names.push_back(c.name);
  }
  return names;
}

// The headings a citizen chooses between (groups that do not apply to every case), in catalog order.
std::vector<std::string> CaseHeadingsOf(const Procedure& p) {
  std::vector<std::string> cases;
  for (const Component& c : p.components) {
    if (!AppliesToEveryCase(c.group) && std::find(cases.begin(), cases.end(), c.group) == cases.end())
      cases.push_back(c.group);
  }
  return cases;
}

bool AnyStartsWith(const std::vector<std::string>& names, std::string_view prefix) {
  return std::any_of(names.begin(), names.end(), [&](const std::string& n) { return n.starts_with(prefix); });
}

bool EndsCut(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s.ends_with("…") || s.ends_with("...");
}

TEST_F(SampleCatalog, NoComponentNameOrCaseHeadingIsCut) {
  // The research file cut 341 names and 77 headings at ~200 characters, ending them in "…"; the
  // converter completes them from tthc-components-fixes.json (the portal's own page text).
  int cut = 0;
  for (const Procedure& p : doc_->procedures) {
    for (const Component& c : p.components) {
      if (EndsCut(c.name)) ADD_FAILURE() << p.code << " " << c.code << " name is cut: " << c.name;
      if (EndsCut(c.group)) ADD_FAILURE() << p.code << " " << c.code << " case heading is cut: " << c.group;
      cut += EndsCut(c.name) + EndsCut(c.group);
    }
  }
  EXPECT_EQ(cut, 0);
  // The check itself, on the two forms the research file used.
  EXPECT_TRUE(EndsCut("… thực hiện việc đăng ký khai sinh. …"));
  EXPECT_TRUE(EndsCut("… làm chủ hộ kinh doa ..."));
  EXPECT_FALSE(EndsCut("Giấy đề nghị đăng ký hộ kinh doanh;"));

  // Worked examples, as the portal prints them. 1.001193 TP2 was "... việc đăng ký khai sinh. …".
  const Procedure& khai_sinh = Get("1.001193");
  ASSERT_GE(khai_sinh.components.size(), 2u);
  EXPECT_EQ(khai_sinh.components[1].name,
            "Văn bản ủy quyền (được chứng thực) theo quy định của pháp luật trong trường hợp ủy quyền thực hiện "
            "việc đăng ký khai sinh. Trường hợp người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, "
            "em ruột của người ủy quyền thì văn bản ủy quyền không phải chứng thực.");
  // 2.000575 TP1's case was "(ii) Trường hợp ... làm chủ hộ kinh doa …".
  const Procedure& hkd = Get("2.000575");
  ASSERT_FALSE(hkd.components.empty());
  EXPECT_EQ(hkd.components[0].group,
            "(ii) Trường hợp thay đổi chủ hộ kinh doanh do các thành viên hộ gia đình đăng ký hộ kinh doanh ủy "
            "quyền cho một trong các thành viên còn lại làm chủ hộ kinh doanh thì Hồ sơ gồm các giấy tờ sau");
}

TEST_F(SampleCatalog, PaperCountsAreTheOnesThePortalPrints) {
  // The research's parser read a name's last digits as the quantity ("…theo Mẫu số 18" + "1 bản
  // chính" became 181 originals; "năm 2024" + "0 bản chính" became 20240). The portal prints at most 2.
  for (const Procedure& p : doc_->procedures) {
    for (const Component& c : p.components) {
      EXPECT_LE(c.originals, 9) << p.code << " " << c.code << " " << c.name;
      EXPECT_LE(c.copies, 9) << p.code << " " << c.code << " " << c.name;
    }
  }
  struct Row {
    const char* code;
    std::size_t index;
    const char* name_ends;
    int originals, copies;
  };
  for (const Row& r : {Row{"1.013831", 6, "theo Mẫu số 18", 1, 1},    // was 181 originals
                       Row{"1.013833", 3, "theo Mẫu số 18", 1, 1},    // was 181 originals
                       Row{"1.013226", 3, "Luật Đất đai năm 2024", 0, 1},  // was 20240 originals
                       Row{"2.001583", 16, "Giấy đề nghị đăng ký doanh nghiệp - Mẫu 02", 1, 0}}) {  // was 21
    const Procedure& p = Get(r.code);
    ASSERT_LT(r.index, p.components.size()) << r.code;
    const Component& c = p.components[r.index];
    EXPECT_TRUE(c.name.ends_with(r.name_ends)) << r.code << " " << c.code << ": " << c.name;
    EXPECT_EQ(c.originals, r.originals) << r.code << " " << c.code;
    EXPECT_EQ(c.copies, r.copies) << r.code << " " << c.code;
  }
}

TEST_F(SampleCatalog, ThuongTruVehiclePapersAreUnderTheVehicleCaseNotOwnHome) {
  // 1.004222: the portal prints the vehicle papers under "... thuộc quyền sở hữu của mình" (its own
  // home heading, printed twice); the fixes file moves them to the vehicle case (NĐ 154/2024 wording,
  // see tthc-components-fixes.md). A citizen registering in their own home brings no vehicle papers.
  const Procedure& p = Get("1.004222");
  const std::string own_home = "Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình";
  const std::string vehicle =
      "Người sinh sống, người làm nghề lưu động trên phương tiện được đăng ký thường trú tại phương tiện";
  const std::vector<std::string> cases = CaseHeadingsOf(p);
  ASSERT_TRUE(std::find(cases.begin(), cases.end(), own_home) != cases.end()) << "no case " << own_home;
  ASSERT_TRUE(std::find(cases.begin(), cases.end(), vehicle) != cases.end()) << "no case " << vehicle;

  const std::vector<std::string> home_papers = ChecklistOfCase(p, own_home);
  EXPECT_TRUE(AnyStartsWith(home_papers, "Tờ khai thay đổi thông tin cư trú (mẫu CT01"));
  EXPECT_TRUE(AnyStartsWith(home_papers, "Thông tin chứng minh về chỗ ở hợp pháp"));
  for (const std::string& name : home_papers) {
    EXPECT_EQ(name.find("phương tiện"), std::string::npos) << "own-home case lists a vehicle paper: " << name;
  }

  const std::vector<std::string> vehicle_papers = ChecklistOfCase(p, vehicle);
  EXPECT_TRUE(AnyStartsWith(vehicle_papers, "Giấy chứng nhận đăng ký phương tiện và giấy chứng nhận an toàn kỹ thuật"));
  EXPECT_TRUE(AnyStartsWith(vehicle_papers,
                            "Văn bản xác nhận của Ủy ban nhân dân cấp xã về địa điểm phương tiện đăng ký đậu, đỗ"));
  EXPECT_FALSE(AnyStartsWith(vehicle_papers, "Thông tin chứng minh về chỗ ở hợp pháp"));
}

TEST_F(SampleCatalog, UntitledTableRowsAreInEveryCasesChecklist) {
  // Rows the portal prints in its untitled table ("--") are common to the whole procedure; the
  // research had given them the previous table's heading ("Lưu ý", a case), so a citizen who did not
  // choose that case was never asked for the declaration form.
  struct Row {
    const char* code;
    const char* paper;         // the "--" row
    std::size_t cases_at_least;  // case headings the procedure has besides the every-case groups
  };
  for (const Row& r : {
           // Hộ tịch: "Tờ khai ..." had been filed under "Lưu ý".
           Row{"1.001193", "Tờ khai đăng ký khai sinh theo mẫu", 0},
           Row{"1.000894", "Tờ khai đăng ký kết hôn theo mẫu", 0},
           // HKD: the main form had been filed under "Trường hợp ủy quyền thực hiện thủ tục ...".
           Row{"1.001612", "Giấy đề nghị đăng ký hộ kinh doanh", 1},
       }) {
    const Procedure& p = Get(r.code);
    const std::vector<std::string> cases = CaseHeadingsOf(p);
    EXPECT_GE(cases.size(), r.cases_at_least) << r.code;
    for (const std::string& heading : cases) {
      EXPECT_NE(heading, "Lưu ý") << r.code << ": a note heading is offered as a case";
    }
    std::vector<std::string> every_choice = cases;
    every_choice.push_back("");  // no case chosen
    for (const std::string& heading : every_choice) {
      EXPECT_TRUE(AnyStartsWith(ChecklistOfCase(p, heading), r.paper))
          << r.code << ": \"" << r.paper << "\" is missing from the checklist of case \"" << heading << "\"";
    }
  }
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
  // the corrected counts. The n-th such row is paper TPn; the list shows them case by case
  // (convert_research.py), so they are found by code.
  for (const Procedure& p : doc_->procedures) {
    const auto& r = *by_code_[p.code];
    std::size_t n = 0, index = 0;
    for (const auto& item : r["dossier"]["items"]) {
      const nlohmann::json* fix = FixFor(p.code, index++);
      if (item.value("is_note_row", false)) continue;
      const std::string code = "TP" + std::to_string(++n);
      const auto found = std::find_if(p.components.begin(), p.components.end(),
                                      [&](const Component& x) { return x.code == code; });
      ASSERT_NE(found, p.components.end()) << p.code << " " << code;
      const Component& c = *found;
      std::string name = Text(item["name"]), group = Text(item["group"]);
      nlohmann::json quantity = item["quantity"];
      if (fix) {
        name = Text((*fix)["name_full"]);
        group = (*fix)["group_corrected"].is_string() ? Text((*fix)["group_corrected"]) : Text((*fix)["group_full"]);
        if (group == "--") group = "";
        if (fix->contains("quantity_corrected")) quantity = (*fix)["quantity_corrected"];
      }
      EXPECT_EQ(c.name, NormalizeNfc(std::string(Trim(name)))) << p.code << " " << c.code;
      EXPECT_EQ(c.group, NormalizeNfc(std::string(Trim(group)))) << p.code << " " << c.code;
      EXPECT_EQ(c.originals, quantity.value("ban_chinh", 0)) << p.code << " " << c.code;
      EXPECT_EQ(c.copies, quantity.value("ban_sao", 0)) << p.code << " " << c.code;
    }
    EXPECT_EQ(p.components.size(), n) << p.code;
  }
}

TEST_F(ResearchTrace, EveryFixNamesARowOfTheResearchFile) {
  std::size_t fixes = 0;
  for (const auto& [code, rows] : fixes_) {
    ASSERT_TRUE(by_code_.count(code)) << code;
    for (const auto& [index, fix] : rows) {
      EXPECT_LT(index, (*by_code_[code])["dossier"]["items"].size()) << code;
      ++fixes;
    }
  }
  EXPECT_EQ(fixes, 702u);  // tthc-components-fixes.md: 69 procedures, 702 item entries
}

}  // namespace
}  // namespace motcua::catalog
