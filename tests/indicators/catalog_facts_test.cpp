// Tests for indicators/catalog_facts.h, on the shipped catalog (assets/catalog/catalog.json).
#include "indicators/catalog_facts.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "catalog/catalog_json.h"

namespace motcua::indicators {
namespace {

std::string ShippedCatalog() {
  std::ifstream in(std::string(MOTCUA_ASSETS_DIR) + "/catalog/catalog.json");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(FactsFromCatalog, ConvertsTheShippedCatalog) {
  const std::string text = ShippedCatalog();
  ASSERT_FALSE(text.empty());
  auto catalog = catalog::ParseCatalogDocument(text);
  ASSERT_TRUE(catalog.has_value()) << catalog.error().Describe();
  auto facts = ParseProcedureFile(text);
  ASSERT_TRUE(facts.has_value()) << facts.error().Describe();
  ASSERT_EQ(facts->size(), catalog->procedures.size());
  for (std::size_t i = 0; i < facts->size(); ++i) {
    const catalog::Procedure& p = catalog->procedures[i];
    const ProcedureFacts& f = (*facts)[i];
    SCOPED_TRACE(p.code);
    EXPECT_EQ(f.code, p.code);
    bool fee = false;
    for (const auto& x : p.fees) fee = fee || x.amount_vnd > 0;
    EXPECT_EQ(f.has_fee, fee);
    EXPECT_EQ(f.citizen_subject, p.subject == "citizen" || p.subject == "both");
    EXPECT_EQ(f.max_duration, p.processing.standard);
    EXPECT_FALSE(f.content_complete.has_value()) << "the catalog cannot tell";
  }
  // Thủ tục đăng ký khai sinh: citizens, free (fee 0), no published duration unit.
  EXPECT_EQ((*facts)[0].code, "1.001193");
  EXPECT_TRUE((*facts)[0].citizen_subject);
  EXPECT_FALSE((*facts)[0].has_fee);
}

TEST(FactsFromCatalog, MapsOnlineLevelsFeesAndResults) {
  catalog::Procedure p;
  p.code = "1.000001";
  p.name = "Cấp giấy phép xây dựng";
  p.online_level = catalog::OnlineLevel::kFull;
  p.fees = {catalog::Fee{.name = "Lệ phí", .amount_vnd = 0}, catalog::Fee{.name = "Phí", .amount_vnd = 75000}};
  p.results = {catalog::ResultDocument{.name = "Giấy phép", .paper_required = true}};
  p.subject = "organization";
  p.processing.standard = calendar::Duration{15, calendar::DurationUnit::kWorkingDays};
  const ProcedureFacts f = FactsFromCatalog(p);
  EXPECT_EQ(f.online_level, ProcedureFacts::OnlineLevel::kFull);
  EXPECT_TRUE(f.full_online_eligible);
  EXPECT_TRUE(f.has_fee);
  EXPECT_TRUE(f.paper_result_required);
  EXPECT_FALSE(f.citizen_subject);
  EXPECT_EQ(f.max_duration->amount, 15);
}

TEST(ParseProcedureFile, ReadsAFactsArrayAndReportsCatalogErrors) {
  auto facts = ParseProcedureFile(R"( [{"code": "1.000001", "has_fee": true}])");
  ASSERT_TRUE(facts.has_value());
  EXPECT_TRUE(facts->front().has_fee);
  auto bad = ParseProcedureFile(R"({"format": "motcua-catalog", "version": 1, "procedures": [{"code": "x"}]})");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalid);
  EXPECT_NE(bad.error().field.find("procedures[0]"), std::string::npos) << bad.error().Describe();
}

}  // namespace
}  // namespace motcua::indicators
