// The counter's sync badge and sync screen (sync_view.h), the "Gửi lại" action, and the background
// runner (sync_runner.h), with no display. Badge states are built from snapshots written here; the
// parked list and the retry go through a real station's store.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "sync/settings.h"
#include "sync/state.h"
#include "ui_model/shell_view.h"
#include "ui_model/station_fixture.h"
#include "ui_model/sync_runner.h"
#include "ui_model/sync_view.h"

namespace motcua::ui {
namespace {

using testing::MakeStation;

// 2026-03-12 08:25 Vietnam time = 01:25 UTC.
const Instant kLastSuccess = FromUnixSeconds(1773278700);

SyncModel Configured(std::int64_t pending_dossiers) {
  SyncModel m;
  m.snapshot.emplace();
  m.snapshot->configured = true;
  m.snapshot->pending.dossiers = pending_dossiers;
  m.snapshot->pending.events = pending_dossiers * 2;
  m.snapshot->status.last_success_at = kLastSuccess;
  m.snapshot->serial = 1;
  return m;
}

TEST(SyncBadge, SaysCheckingBeforeTheRunnerPublished) {
  EXPECT_EQ(MakeSyncBadgeView(Lang::kVi, SyncModel{}, kLastSuccess).text, "Đang kiểm tra đồng bộ…");
}

TEST(SyncBadge, SaysNotConfiguredWithoutSettings) {
  SyncModel m;
  m.snapshot.emplace();
  const SyncBadgeView v = MakeSyncBadgeView(Lang::kVi, m, kLastSuccess);
  EXPECT_EQ(v.text, "Chưa cấu hình đồng bộ");
  EXPECT_EQ(v.tone, Tone::kNeutral);
  EXPECT_EQ(MakeSyncBadgeView(Lang::kEn, m, kLastSuccess).text, "Sync not configured");
}

TEST(SyncBadge, CountsPendingDossiersWithTheLastSuccess) {
  const SyncBadgeView v = MakeSyncBadgeView(Lang::kVi, Configured(3), kLastSuccess);
  EXPECT_EQ(v.text, "Đồng bộ: 3 hồ sơ chờ · lần cuối 12/03/2026 08:25");
  EXPECT_EQ(v.tone, Tone::kInfo);
  EXPECT_EQ(v.skew_text, "");
}

TEST(SyncBadge, SaysSyncedWhenNothingIsPending) {
  const SyncBadgeView v = MakeSyncBadgeView(Lang::kVi, Configured(0), kLastSuccess);
  EXPECT_EQ(v.text, "Đã đồng bộ · lần cuối 12/03/2026 08:25");
  EXPECT_EQ(v.tone, Tone::kSuccess);
  EXPECT_EQ(MakeSyncBadgeView(Lang::kEn, Configured(0), kLastSuccess).text, "Synced · last 12/03/2026 08:25");
}

TEST(SyncBadge, SaysOfflineWhenTheServerCannotBeReached) {
  SyncModel m = Configured(2);
  m.snapshot->status.offline = true;
  m.snapshot->status.last_error_rule = "connect_failed";
  const SyncBadgeView v = MakeSyncBadgeView(Lang::kVi, m, kLastSuccess);
  EXPECT_EQ(v.text, "Ngoại tuyến · Đồng bộ: 2 hồ sơ chờ · lần cuối 12/03/2026 08:25");
  EXPECT_EQ(v.tone, Tone::kWarning);
}

TEST(SyncBadge, NamesAnErrorThatIsNotAnOutage) {
  SyncModel m = Configured(1);
  m.snapshot->status.last_error_rule = "login_refused";
  const SyncBadgeView v = MakeSyncBadgeView(Lang::kVi, m, kLastSuccess);
  EXPECT_EQ(v.text, "Lỗi đồng bộ: máy chủ tỉnh từ chối đăng nhập · Đồng bộ: 1 hồ sơ chờ");
  EXPECT_EQ(v.tone, Tone::kDanger);
}

TEST(SyncBadge, CountsParkedRecords) {
  SyncModel m = Configured(0);
  m.snapshot->parked = {{"000.00.00.X00-260312-0001", "MaLinhVuc không hợp lệ", kLastSuccess}};
  EXPECT_EQ(MakeSyncBadgeView(Lang::kVi, m, kLastSuccess).text,
            "Đã đồng bộ · lần cuối 12/03/2026 08:25 · 1 hồ sơ bị từ chối");
}

// sync::kMaxSkewSeconds = 120: 120 s is within the limit, 121 s is not (either sign); minutes rounded.
TEST(SyncBadge, WarnsOfClockSkewOverTwoMinutesOnly) {
  const std::pair<std::int64_t, std::string> cases[] = {
      {0, ""},
      {120, ""},
      {-120, ""},
      {121, "Đồng hồ lệch 2 phút so với máy chủ tỉnh"},
      {-121, "Đồng hồ lệch 2 phút so với máy chủ tỉnh"},
      {150, "Đồng hồ lệch 3 phút so với máy chủ tỉnh"},
      {-3600, "Đồng hồ lệch 60 phút so với máy chủ tỉnh"},
  };
  for (const auto& [skew, text] : cases) {
    SyncModel m = Configured(0);
    m.snapshot->status.skew_seconds = skew;
    EXPECT_EQ(MakeSyncBadgeView(Lang::kVi, m, kLastSuccess).skew_text, text) << "skew " << skew << " s";
  }
}

TEST(SyncBadge, ShellCarriesTheBadge) {
  auto f = MakeStation();
  f->SignIn(testing::kOfficer);
  f->model.sync = Configured(4);
  EXPECT_EQ(MakeShellView(f->model, f->clock.Now()).sync.text, "Đồng bộ: 4 hồ sơ chờ · lần cuối 12/03/2026 08:25");
}

// ---- the parked list and "Gửi lại" ------------------------------------------------------------------

class SyncScreenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    f = MakeStation();
    f->SignIn(testing::kOfficer);
    code = testing::ReceiveThroughIntake(*f, "1.004222");
    // What the worker writes when the server refuses the record (sync/worker.h Park).
    ASSERT_TRUE(motcua::testing::WriteJournaled(*f->station->store, [&](store::WriteTx& tx) -> Status {
      sync::DossierSyncState state;
      state.code = code;
      state.parked = true;
      state.parked_message = "Trường MaLinhVuc không có trong danh mục lĩnh vực của tỉnh";
      state.parked_at = f->clock.Now();
      return sync::PutDossierState(tx, state, f->clock.Now());
    }));
    auto snapshot = ReadSyncSnapshot(*f->station->store);
    ASSERT_TRUE(snapshot.has_value()) << snapshot.error().Describe();
    f->model.sync.snapshot = *snapshot;
  }
  std::unique_ptr<testing::StationFixture> f;
  std::string code;
};

TEST_F(SyncScreenTest, ListsParkedRecordsWithTheServersReason) {
  const SyncScreenView v = MakeSyncScreenView(f->model, f->clock.Now());
  ASSERT_EQ(v.rows.size(), 1u);
  EXPECT_EQ(v.rows[0].code, code);
  EXPECT_EQ(v.rows[0].when_text, "12/03/2026 08:30");
  EXPECT_EQ(v.rows[0].message, "Trường MaLinhVuc không có trong danh mục lĩnh vực của tỉnh");
  EXPECT_EQ(v.parked_heading, "Hồ sơ bị hệ thống tỉnh từ chối (1)");
  EXPECT_EQ(v.resend_label, "Gửi lại");
}

TEST_F(SyncScreenTest, OfficerSeesTheListButMayNotResend) {
  const SyncScreenView v = MakeSyncScreenView(f->model, f->clock.Now());
  EXPECT_FALSE(v.can_resend);
  EXPECT_EQ(v.resend_hint, "Chỉ lãnh đạo hoặc quản trị viên được gửi lại.");
  const std::int64_t events = f->JournalCount();
  Status s = f->Do(ResendParkedRecord{code});
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().field, "role");
  EXPECT_EQ(s.error().rule, "not_allowed");
  EXPECT_EQ(f->JournalCount(), events);
  auto state = sync::LoadDossierState(*f->station->store, code);
  ASSERT_TRUE(state.has_value() && state->has_value());
  EXPECT_TRUE((*state)->parked);
}

TEST_F(SyncScreenTest, SupervisorResendDoesWhatSyncRetryDoes) {
  ASSERT_TRUE(f->Do(SignOut{}).has_value());
  f->SignIn(testing::kSupervisor);
  f->model.sync.snapshot = *ReadSyncSnapshot(*f->station->store);
  EXPECT_TRUE(MakeSyncScreenView(f->model, f->clock.Now()).can_resend);
  const std::int64_t events = f->JournalCount();
  Status s = f->Do(ResendParkedRecord{code});
  ASSERT_TRUE(s.has_value()) << s.error().Describe();
  auto state = sync::LoadDossierState(*f->station->store, code);
  ASSERT_TRUE(state.has_value() && state->has_value());
  EXPECT_FALSE((*state)->parked);
  EXPECT_TRUE((*state)->retry);
  EXPECT_EQ(f->JournalCount(), events + 1);
  auto journal = f->station->store->ReadJournal({.after_seq = events, .limit = 1});
  ASSERT_TRUE(journal.has_value()) << journal.error().Describe();
  ASSERT_EQ(journal->size(), 1u);
  EXPECT_EQ(journal->front().type, "sync.retry_requested");
  EXPECT_EQ(journal->front().dossier_code, code);
  EXPECT_EQ(journal->front().actor, testing::kSupervisor);
  const SyncScreenView v = MakeSyncScreenView(f->model, f->clock.Now());
  EXPECT_TRUE(v.rows.empty());  // gone from the list at once
  EXPECT_EQ(v.notice_text, "Hồ sơ " + code + " sẽ được gửi lại ở lần đồng bộ tới.");

  // A second press: nothing is parked any more.
  s = f->Do(ResendParkedRecord{code});
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().field, "code");
  EXPECT_EQ(s.error().rule, "not_parked");
  EXPECT_EQ(MakeSyncScreenView(f->model, f->clock.Now()).error_text, "Hồ sơ này không còn bị hệ thống tỉnh từ chối.");
}

// ---- the runner ---------------------------------------------------------------------------------------

// Waits (at most 20 s) for the runner to publish a snapshot `ok` accepts.
template <class Pred>
std::optional<SyncSnapshot> WaitFor(const SyncRunner& runner, Pred ok) {
  for (int i = 0; i < 2000; ++i) {
    SyncSnapshot s = runner.Snapshot();
    if (s.serial > 0 && ok(s)) return s;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return std::nullopt;
}

// Sync settings naming a provincial server nobody answers (port 1), with the password file they need.
void ConfigureUnreachableProvince(testing::StationFixture& f) {
  const std::string password_file = (f.dir.path() / "sync-password").string();
  std::ofstream(password_file) << "mat-khau\n";
  ASSERT_EQ(::chmod(password_file.c_str(), 0600), 0);
  sync::SyncSettings settings{.base_url = "http://127.0.0.1:1",  // nothing listens on port 1
                              .auth_path = "/api/auth/login",
                              .integration_path = "/api/integration",
                              .dstcode = "DST",
                              .unit_code = "000.00.00.X00",
                              .username = "motcua",
                              .password_file = password_file};
  ASSERT_TRUE(motcua::testing::WriteJournaled(*f.station->store, [&](store::WriteTx& tx) {
    return tx.PutSetting(sync::kSyncSettingsKey, sync::WriteSyncSettings(settings));
  }));
}

TEST(SyncRunner, PublishesNotConfiguredAndStopsPromptly) {
  auto f = MakeStation();
  auto runner = std::make_unique<SyncRunner>(SyncRunnerOptions{.db_path = f->station->paths.db_path.string(),
                                                               .status_map = f->station->status_map});
  auto s = WaitFor(*runner, [](const SyncSnapshot&) { return true; });
  ASSERT_TRUE(s.has_value());
  EXPECT_FALSE(s->configured);
  EXPECT_FALSE(s->error.has_value()) << s->error->Describe();
  const auto start = std::chrono::steady_clock::now();
  runner.reset();  // in the middle of its 2 s wait
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(500));
}

TEST(SyncRunner, GoesOfflineWhenTheServerCannotBeReachedAndTheUiTakesTheSnapshot) {
  auto f = MakeStation();
  f->SignIn(testing::kOfficer);
  (void)testing::ReceiveThroughIntake(*f, "1.004222");
  ASSERT_NO_FATAL_FAILURE(ConfigureUnreachableProvince(*f));
  SyncRunner runner({.db_path = f->station->paths.db_path.string(),
                     .station_id = f->station->paths.station_id,
                     .status_map = f->station->status_map});
  auto s = WaitFor(runner, [](const SyncSnapshot& s) { return s.configured && s.status.offline; });
  ASSERT_TRUE(s.has_value()) << "the runner never reported the outage";
  EXPECT_EQ(s->pending.dossiers, 1);
  EXPECT_EQ(s->status.last_error_rule, "connect_failed");

  CounterBackend backend = f->Backend();
  backend.sync = &runner;
  TickCounter(f->model, backend, false);
  ASSERT_TRUE(f->model.sync.snapshot.has_value());
  const SyncBadgeView v = MakeSyncBadgeView(Lang::kVi, f->model.sync, f->clock.Now());
  EXPECT_EQ(v.text.rfind("Ngoại tuyến · Đồng bộ: 1 hồ sơ chờ", 0), 0u) << v.text;
}

// One syncer per database (sync_runner.h): of two runners on one configured station, exactly one holds
// the store lease; when it stops, the other takes it over at its next poll.
TEST(SyncRunner, OneRunnerHoldsTheLeaseAndAnotherTakesOverWhenItStops) {
  auto f = MakeStation();
  ASSERT_NO_FATAL_FAILURE(ConfigureUnreachableProvince(*f));
  auto options = [&] {
    return SyncRunnerOptions{.db_path = f->station->paths.db_path.string(),
                             .data_dir = f->station->paths.data_dir.string(),
                             .station_id = f->station->paths.station_id,
                             .status_map = f->station->status_map,
                             .poll = std::chrono::milliseconds(100)};
  };
  auto first = std::make_unique<SyncRunner>(options());
  auto second = std::make_unique<SyncRunner>(options());
  auto one_holds = [&] {
    for (int i = 0; i < 2000; ++i) {
      if (first && first->LeaseHeld() != second->LeaseHeld()) return true;
      if (!first && second->LeaseHeld()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  };
  ASSERT_TRUE(one_holds()) << "no runner (or both) took the lease";
  if (second->LeaseHeld()) std::swap(first, second);  // `first` is the holder
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // several polls: still one holder
  EXPECT_TRUE(first->LeaseHeld());
  EXPECT_FALSE(second->LeaseHeld());
  first.reset();
  const auto stopped = std::chrono::steady_clock::now();
  ASSERT_TRUE(one_holds()) << "the second runner never took over";
  EXPECT_LT(std::chrono::steady_clock::now() - stopped, std::chrono::seconds(5));
}

}  // namespace
}  // namespace motcua::ui
