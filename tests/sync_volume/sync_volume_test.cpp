// A thousand dossiers with whole lives (supplements, apologies, payments, postal return, scans,
// results, refusals, ratings) synced to the provincial stand-in over loopback: its records equal the
// station's field by field, every step is there once, and the 766 figures it computes from what it
// received equal the station's own scorer for the same period.
#include <gtest/gtest.h>

#include <chrono>
#include <map>

#include "dvc/dossier_mapping.h"
#include "indicators/scorer.h"
#include "provincial_process.h"
#include "rating/rating.h"
#include "scoring/store_scoring.h"
#include "support/fixtures.h"
#include "sync/wire.h"
#include "sync/worker.h"

namespace motcua::sync {
namespace {

using dossier::Action;
using Json = nlohmann::json;
constexpr int kDossiers = 1000;
constexpr const char* kFiles = "https://hcc.example.gov.vn/files/";

class Station {
 public:
  explicit Station(const std::filesystem::path& dir) : desk_(testing::MakeTestDesk(dir)) {
    EXPECT_TRUE(testing::WriteJournaled(*desk_->store, [](store::WriteTx& tx) -> Status {
      for (catalog::Procedure p : {testing::ResidenceProcedure(), testing::HoursProcedure()}) {
        p.field_code = "TEST." + p.code;  // fictional, as a pull from the province would fill it
        if (p.field_name.empty()) p.field_name = "Lĩnh vực thử nghiệm";
        MOTCUA_TRY(tx.UpsertProcedure(p));
      }
      return Ok();
    }));
  }
  store::Store& store() { return *desk_->store; }

  // One dossier's life, chosen by i so that every kind of event occurs.
  void Live(int i) {
    workflow::IntakeRequest r = testing::SampleIntake(i % 4 == 3 ? "9.999001" : "1.004222");
    r.applicant.name = "Công dân " + std::to_string(i);
    if (i % 8 == 5) {
      r.delivery = dossier::Delivery::kPostal;
      r.delivery_address = "Tổ 5, phường Phan Thiết, tỉnh Tuyên Quang";
    }
    auto got = workflow::Receive(desk_->desk, officer(), r, Tick());
    ASSERT_TRUE(got) << i << ": " << got.error().Describe();
    const std::string code = got->dossier.code;
    switch (i % 8) {
      case 0: return;  // received, nothing more yet
      case 1: Act(code, Action::kTransfer), Act(code, Action::kStartProcessing), Act(code, Action::kMarkDone);
              Return(code); return;
      case 2: Act(code, Action::kTransfer);
              Act(code, Action::kRequestSupplement, Reason("Thiếu hợp đồng thuê nhà"));
              Act(code, Action::kReceiveSupplement), Act(code, Action::kMarkDone); return;
      case 3: {
        auto d = desk_->store->GetDossier(code);
        ASSERT_TRUE(d && *d && (*d)->due_at);
        // Two days later, moved to working time (a Saturday is refused).
        auto later = workflow::WorkingDueAtOrAfter(desk_->desk, *(*d)->due_at + std::chrono::hours(48));
        ASSERT_TRUE(later);
        ASSERT_TRUE(workflow::IssueApology(desk_->desk, officer(), code, *later, "Cần xác minh thêm", Tick()));
        Act(code, Action::kMarkDone);
        Return(code);
        return;
      }
      case 4: {
        Act(code, Action::kRequestPayment);
        workflow::ActionDetails paid;
        paid.paid_online = 1 + i % 2;
        Act(code, Action::kRecordPayment, paid);
        Act(code, Action::kMarkDone);
        return;
      }
      case 5: Act(code, Action::kMarkDone); return;  // postal return registered at intake
      case 6: Act(code, Action::kRefuse, Reason("Không thuộc thẩm quyền")); return;
      case 7: {
        dossier::Attachment scan{std::string(63, 'a') + char('0' + i % 10), "application/pdf", 1, 1000, "to-khai.pdf",
                                 officer().user, Tick()};
        ASSERT_TRUE(workflow::AttachComponentFile(desk_->desk, officer(), code, 0, scan, Tick()));
        dossier::ResultDocument result{"Thông báo kết quả", "", false, scan, false, officer().user, Tick()};
        ASSERT_TRUE(workflow::RecordResult(desk_->desk, officer(), code, result, Tick()));
        Act(code, Action::kMarkDone);
        Return(code);
        rating::NewRating rating;
        rating.dossier_code = code;
        rating.value = i % 16 == 7 ? rating::RatingValue::kVerySatisfied : rating::RatingValue::kSatisfied;
        ASSERT_TRUE(rating::RecordRating(*desk_->store, officer(), rating, Tick()));
        return;
      }
    }
  }
  std::vector<std::string> Codes() {
    store::DossierQuery q;
    q.limit = 100000;
    std::vector<std::string> out;
    auto rows = desk_->store->ListDossiers(q);
    EXPECT_TRUE(rows);
    if (rows)
      for (const auto& row : *rows) out.push_back(row.code);
    return out;
  }
  const workflow::Actor& officer() const { return desk_->officer; }
  Instant Tick() { return now_ += std::chrono::minutes(1); }

 private:
  static workflow::ActionDetails Reason(const char* text) {
    workflow::ActionDetails d;
    d.reason = text;
    d.items = {"Hợp đồng thuê nhà"};
    return d;
  }
  void Act(const std::string& code, Action a, workflow::ActionDetails details = {}) {
    auto d = workflow::Apply(desk_->desk, officer(), code, a, details, Tick());
    ASSERT_TRUE(d) << code << " " << dossier::ActionKey(a) << ": " << d.error().Describe();
  }
  void Return(const std::string& code) {
    workflow::ActionDetails r;
    r.receiver_name = "Nguyễn Văn An";
    r.receiver_id = "001203012345";
    r.no_digital_result_reason = "Kết quả giấy theo quy định";
    Act(code, Action::kReturnResult, r);
  }
  std::unique_ptr<testing::TestDesk> desk_;
  Instant now_ = testing::At("2026-12-01 07:30");
};

TEST(SyncVolumeTest, AThousandWholeLivesReachTheProvinceAndItsFiguresEqualTheStations) {
  testing::TempDir dir;
  Station station(dir.path());
  for (int i = 0; i < kDossiers; ++i) station.Live(i);
  if (HasFatalFailure()) return;
  auto map = dossier::LoadStatusMap(std::filesystem::path(MOTCUA_ASSETS_DIR) / "dvc" / "status-map.json");
  ASSERT_TRUE(map);
  testing::ProvincialProcess server(dir.path());
  ASSERT_TRUE(server.running());
  SyncSettings settings = server.Settings();
  settings.file_base_url = kFiles;
  Worker worker(station.store(), *map, settings, server.Password());
  const auto started = std::chrono::steady_clock::now();
  auto drained = worker.Drain();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  ASSERT_TRUE(drained) << drained.error().Describe();
  EXPECT_TRUE(drained->idle);
  EXPECT_EQ(drained->parked, 0);
  std::printf("[ sync volume ] %d dossiers: %lld files and %lld steps acknowledged in %.2f s\n", kDossiers,
              static_cast<long long>(drained->files_acked), static_cast<long long>(drained->steps_acked), seconds);

  // Field by field, every step once.
  const Json records = server.Records();
  ASSERT_TRUE(records.is_array());
  std::map<std::string, Json> remote;
  for (const Json& r : records) EXPECT_TRUE(remote.emplace(r["MaHoSo"].get<std::string>(), r).second);
  const auto codes = station.Codes();
  ASSERT_EQ(remote.size(), codes.size());
  dvc::MappingOptions mapping;
  mapping.file_base_url = kFiles;
  for (const std::string& code : codes) {
    auto d = station.store().GetDossier(code);
    ASSERT_TRUE(d) << code << ": " << d.error().Describe();
    ASSERT_TRUE(*d) << code;
    std::vector<CapNote> notes;
    Json local = Json::parse(WireRecord(dvc::ToNationalRecord(**d, *map, mapping), notes));
    Json theirs = remote[code];
    const Json steps = theirs["QuaTrinhXuLy"];
    theirs.erase("QuaTrinhXuLy");
    ASSERT_EQ(theirs, local) << code;
    EXPECT_EQ(steps.size(), (*d)->steps.size()) << code;
  }
  EXPECT_EQ(server.Stats()["duplicate_steps"], 0);

  // The same 766 figures from both sides. Ratings are all satisfied: an unsatisfied rating is a local
  // fact with no field in the national record (domain.md §8), so the province cannot see it.
  const indicators::Period period = indicators::MonthPeriod(2026, 12);
  auto local = scoring::LoadNationalRecords(station.store(), *map, period, mapping);
  ASSERT_TRUE(local);
  auto theirs_records = dvc::ParseNationalRecords(records.dump());
  ASSERT_TRUE(theirs_records) << theirs_records.error().Describe();
  auto ours = indicators::Score(*local, {}, period);
  auto province = indicators::Score(*theirs_records, {}, period);
  ASSERT_TRUE(ours && province);
  for (std::size_t k = 0; k < ours->center.indicators.size(); ++k) {
    const auto& a = ours->center.indicators[k];
    const auto& b = province->center.indicators[k];
    EXPECT_EQ(a.numerator, b.numerator) << a.code;
    EXPECT_EQ(a.denominator, b.denominator) << a.code;
    EXPECT_EQ(a.points, b.points) << a.code;
  }
  EXPECT_EQ(ours->center.total_points, province->center.total_points);
  std::printf("[ sync volume ] 766 total: station %.2f, province %.2f; 1.4 %lld/%lld\n", ours->center.total_points,
              province->center.total_points, static_cast<long long>(ours->center.indicators[3].numerator),
              static_cast<long long>(ours->center.indicators[3].denominator));
}

}  // namespace
}  // namespace motcua::sync
