// Internal dossiers in the national shape: the fields the 766 scorer and the portal read.
#include "dvc/dossier_mapping.h"

#include <gtest/gtest.h>

#include "support/fixtures.h"
#include "workflow/desk.h"

namespace motcua::dvc {
namespace {

using dossier::Action;
using motcua::testing::At;

class MappingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = motcua::testing::MakeTestDesk(dir_.path());
    auto map = dossier::LoadStatusMap(std::string(MOTCUA_ASSETS_DIR) + "/dvc/status-map.json");
    ASSERT_TRUE(map);
    map_ = *map;
  }
  motcua::testing::TempDir dir_;
  std::unique_ptr<motcua::testing::TestDesk> t_;
  dossier::StatusMap map_;
};

TEST_F(MappingTest, AReceivedDossierCarriesItsDatesStatusAndChannel) {
  workflow::IntakeRequest r = motcua::testing::SampleIntake();
  r.channel = dossier::Channel::kPostal;
  r.delivery = dossier::Delivery::kPostal;
  r.delivery_address = "Tổ 1, phường Phan Thiết";
  r.received_at = At("2026-11-23 09:00");
  auto got = workflow::Receive(t_->desk, t_->officer, r, At("2026-11-23 09:00"));
  ASSERT_TRUE(got) << got.error().Describe();
  NationalRecord n = ToNationalRecord(got->dossier, map_);
  EXPECT_EQ(n.dossier_code, got->dossier.code);
  EXPECT_EQ(n.procedure_code, "1.004222");
  EXPECT_EQ(n.status, NationalStatus::kReceived);
  EXPECT_EQ(n.channel, Channel::kPostal);
  EXPECT_EQ(n.result_delivery, 1);
  EXPECT_EQ(n.applicant_kind, 1);
  EXPECT_EQ(FormatNationalDate(*n.received_at), "20261123090000");
  EXPECT_EQ(FormatNationalDate(*n.due_at), "20261202090000");
  EXPECT_FALSE(n.processed_at);
  EXPECT_EQ(n.UnitKey(), got->dossier.processing_unit);
}

TEST_F(MappingTest, AnApologyDoesNotMoveTheSyncedDueDateUnlessConfigured) {
  auto got = workflow::Receive(t_->desk, t_->officer, motcua::testing::SampleIntake(), At("2026-11-23 09:00"));
  auto redated = workflow::IssueApology(t_->desk, t_->officer, got->dossier.code, At("2026-12-09 09:00"), "Chờ xác minh",
                                        At("2026-11-30 10:00"));
  ASSERT_TRUE(redated);
  EXPECT_EQ(FormatNationalDate(*ToNationalRecord(*redated, map_).due_at), "20261202090000");
  EXPECT_EQ(FormatNationalDate(*ToNationalRecord(*redated, map_, {.send_redated_due = true}).due_at), "20261209090000");
}

TEST_F(MappingTest, DigitizationSupplementsAndResultsMapToTheirLists) {
  auto got = workflow::Receive(t_->desk, t_->officer, motcua::testing::SampleIntake("9.999001"), At("2026-11-23 09:00"));
  const std::string code = got->dossier.code;
  dossier::Attachment scan{std::string(64, 'a'), "application/pdf", 1, 100, "don.pdf"};
  ASSERT_TRUE(workflow::AttachComponentFile(t_->desk, t_->officer, code, 0, scan, At("2026-11-23 09:05")));
  ASSERT_TRUE(workflow::Apply(t_->desk, t_->officer, code, Action::kRequestSupplement, {.reason = "Thiếu chữ ký"},
                              At("2026-11-23 10:00")));
  ASSERT_TRUE(workflow::Apply(t_->desk, t_->officer, code, Action::kReceiveSupplement, {}, At("2026-11-24 10:00")));
  dossier::ResultDocument result{"Giấy chứng nhận thử nghiệm", "KQ.TEST.1", true,
                                 dossier::Attachment{std::string(64, 'b'), "application/pdf", 1, 100, "kq.pdf"}, true};
  ASSERT_TRUE(workflow::RecordResult(t_->desk, t_->officer, code, result, At("2026-11-24 11:00")));
  auto done = workflow::Apply(t_->desk, t_->officer, code, Action::kMarkDone, {}, At("2026-11-24 14:00"));
  ASSERT_TRUE(done);
  NationalRecord n = ToNationalRecord(*done, map_, {.file_base_url = "https://files.example/"});
  EXPECT_EQ(n.status, NationalStatus::kProcessed);
  EXPECT_EQ(FormatNationalDate(*n.processed_at), "20261124140000");
  ASSERT_EQ(n.documents.size(), 1u);  // TP2 is "shown only" in the fixture: nothing submitted
  EXPECT_TRUE(n.documents[0].digitized);
  EXPECT_EQ(n.documents[0].file_url, "https://files.example/" + std::string(64, 'a'));
  EXPECT_FALSE(n.has_digitized_components);  // scanned, not reused
  ASSERT_EQ(n.supplements.size(), 1u);
  EXPECT_EQ(FormatNationalDate(*n.supplements[0].requested_at), "20261123100000");
  EXPECT_EQ(FormatNationalDate(*n.supplements[0].answered_at), "20261124100000");
  ASSERT_EQ(n.results.size(), 1u);
  EXPECT_EQ(n.results[0].result_code, "KQ.TEST.1");
  EXPECT_FALSE(n.results[0].file_url.empty());
  ASSERT_EQ(n.fees.size(), 1u);
  EXPECT_EQ(n.fees[0].amount_vnd, 10000);
  // Written and read back through the national JSON, nothing is lost.
  auto back = ParseNationalRecord(WriteNationalRecord(n));
  ASSERT_TRUE(back) << back.error().Describe();
  EXPECT_EQ(back->dossier_code, n.dossier_code);
  EXPECT_EQ(back->documents.size(), 1u);
}

TEST_F(MappingTest, ReusedDataSetsTheReuseFlags) {
  auto got = workflow::Receive(t_->desk, t_->officer, motcua::testing::SampleIntake(), At("2026-11-23 09:00"));
  auto reused = workflow::MarkComponentReused(t_->desk, t_->officer, got->dossier.code, 1, "KQ.G07.000122", false,
                                              At("2026-11-23 09:05"));
  ASSERT_TRUE(reused);
  NationalRecord n = ToNationalRecord(*reused, map_);
  EXPECT_TRUE(n.has_digitized_components);
  EXPECT_EQ(n.documents[1].reuse, 2);
  EXPECT_EQ(n.documents[1].replacing_result_code, "KQ.G07.000122");
}

}  // namespace
}  // namespace motcua::dvc
