// A counter of a center whose database goes away (offline_station.h), over a real PostgreSQL server that the
// test kills and starts again: the counter opens offline on its own copy, receives a dossier under its
// offline slot and saves the receipt, says "Ngoại tuyến", retries with backoff, and when the server is back
// forwards every offline event once, the dossier at the center under the same code; a dossier changed at
// the center meanwhile is refused and shown with its code and why, never merged.
#include "ui_model/offline_station.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "support/pg_server.h"
#include "ui_model/kiosk_app.h"
#include "ui_model/kiosk_view.h"
#include "ui_model/shell_view.h"
#include "ui_model/station_fixture.h"

namespace motcua::ui {
namespace {

using motcua::testing::PgServer;
using testing::kOfficer;
using testing::StationFixture;

constexpr const char* kProcedure = "1.004222";  // a procedure of the shipped sample catalog

class OfflineCounter : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pg = PgServer::StartPrimary();
    ASSERT_TRUE(pg) << pg.error().Describe();
    pg_ = std::move(*pg);
    auto db = pg_->CreateDatabase();
    ASSERT_TRUE(db) << db.error().Describe();
    conninfo_ = *db;
    f_ = testing::MakeStation("2026-03-12 08:30", conninfo_);
    ASSERT_TRUE(f_);
  }

  // Closes the station and opens it again as the app does at start.
  void Reopen() {
    f_->auth.reset();
    f_->station.reset();
    auto opened = OpenCounterStation(
        {.data_dir = f_->dir.path(), .db_path = conninfo_, .assets_dir = MOTCUA_ASSETS_DIR}, f_->model.offline,
        f_->clock.Now());
    ASSERT_TRUE(opened) << opened.error().Describe();
    f_->station = std::move(*opened);
    f_->auth = std::make_unique<StoreAuthenticator>(*f_->station->store, f_->station->auth_settings);
  }

  // Retries the center after `seconds`, as the app's frame loop does; rebinds the authenticator on a switch.
  bool RetryAfter(int seconds) {
    f_->clock.Advance(std::chrono::seconds(seconds));
    const bool switched = RetryCenter(*f_->station, f_->model.offline, f_->clock.Now(), StationKind::kCounter);
    if (switched) f_->auth->Rebind(*f_->station->store);
    return switched;
  }

  std::string ShellNotice() { return MakeShellView(f_->model, f_->clock.Now()).notice_text; }

  // A kiosk's own data directory, with the center's keys as its installer puts them there.
  StationPaths KioskPaths() {
    for (const char* file : {"center.key", "center.chain-key"})
      std::filesystem::copy_file(f_->dir.path() / file, kiosk_dir_.path() / file);
    return {.data_dir = kiosk_dir_.path(), .db_path = conninfo_, .assets_dir = MOTCUA_ASSETS_DIR,
            .station_id = "kiosk-1"};
  }
  // What kiosk/main.cpp gives the kiosk model, over `kiosk`'s store as it is now.
  KioskBackend KioskBackendOf(Station& kiosk, const KioskSettings& settings) {
    return {.store = kiosk.store.get(), .desk = &kiosk.desk, .procedures = &kiosk.procedures,
            .index = &kiosk.catalog_index, .settings = settings,
            .actor = {"kiosk@kiosk-1", workflow::Role::kKiosk, "kiosk-1"}, .now = f_->clock.Now()};
  }
  // A receipt token of a dossier received at the center through the counter.
  std::string ReceivedToken() {
    f_->SignIn(kOfficer);
    const std::string code = testing::ReceiveThroughIntake(*f_, kProcedure);
    auto dossier = f_->station->store->GetDossier(code);
    EXPECT_TRUE(dossier && *dossier);
    if (!dossier || !*dossier) return "";
    auto token = workflow::ReceiptTokenFor(f_->station->desk, **dossier);
    EXPECT_TRUE(token);
    return token ? *token : "";
  }

  std::unique_ptr<PgServer> pg_;
  std::string conninfo_;
  std::unique_ptr<StationFixture> f_;
  motcua::testing::TempDir kiosk_dir_;
};

TEST_F(OfflineCounter, ReceivesOfflineUnderItsSlotAndForwardsOnceWhenTheCenterIsBack) {
  ASSERT_FALSE(f_->model.offline.offline);
  ASSERT_TRUE(f_->station->own_store) << "a center's station keeps its own copy beside the center's store";
  EXPECT_TRUE(MakeShellView(f_->model, f_->clock.Now()).banner.empty());

  ASSERT_TRUE(pg_->Kill());
  Reopen();
  ASSERT_TRUE(f_->model.offline.offline);
  EXPECT_EQ(f_->model.offline.offline_slot, 9);
  EXPECT_EQ(f_->station->desk.settings.station_slot, 9);
  const ShellView shell = MakeShellView(f_->model, f_->clock.Now());
  EXPECT_NE(shell.banner.find("Ngoại tuyến"), std::string::npos) << shell.banner;
  EXPECT_EQ(shell.banner_tone, Tone::kWarning);

  f_->SignIn(kOfficer);  // from the station's copy of the accounts
  const std::string code = testing::ReceiveThroughIntake(*f_, kProcedure);
  ASSERT_FALSE(code.empty());
  EXPECT_NE(code.find("-9000"), std::string::npos) << code << ": the first code of offline slot 9";
  ASSERT_TRUE(f_->model.print_job);
  EXPECT_EQ(f_->model.print_job->phase, PrintPhase::kSavedOnly);
  EXPECT_TRUE(std::filesystem::exists(f_->model.print_job->pdf_path));

  // Not due yet, then due with the center still down: the backoff doubles.
  EXPECT_FALSE(RetryAfter(1));
  EXPECT_EQ(f_->model.offline.failed_tries, 1);
  EXPECT_FALSE(RetryAfter(kOfflineRetryFirstSeconds));
  EXPECT_EQ(f_->model.offline.failed_tries, 2);
  EXPECT_EQ(*f_->model.offline.next_try_at, f_->clock.Now() + std::chrono::seconds(2 * kOfflineRetryFirstSeconds));
  EXPECT_FALSE(f_->model.offline.error) << f_->model.offline.error->Describe();

  ASSERT_TRUE(pg_->Start());
  ASSERT_TRUE(RetryAfter(2 * kOfflineRetryFirstSeconds));
  EXPECT_FALSE(f_->model.offline.offline);
  EXPECT_FALSE(f_->station->is_offline());
  ASSERT_TRUE(f_->model.offline.forwarded);
  EXPECT_GT(f_->model.offline.forwarded->forwarded, 0);
  EXPECT_TRUE(f_->model.offline.forwarded->refused_dossiers.empty());
  EXPECT_NE(ShellNotice().find("Đã kết nối lại trung tâm"), std::string::npos) << ShellNotice();
  EXPECT_TRUE(MakeShellView(f_->model, f_->clock.Now()).banner.empty());

  auto at_center = f_->station->store->GetDossier(code);
  ASSERT_TRUE(at_center && *at_center) << "the dossier is at the center under the same code";
  EXPECT_EQ((*at_center)->code, code);
  auto check = f_->station->store->VerifyJournal();
  ASSERT_TRUE(check);
  EXPECT_TRUE(check->ok) << check->problem;
  auto again = store::ForwardOffline(*f_->station->own_store, *f_->station->store, "station-1", f_->clock.Now());
  ASSERT_TRUE(again) << again.error().Describe();
  EXPECT_EQ(again->forwarded, 0);
  // Signed in still, now against the center's accounts; the notice goes with DismissNotice.
  ASSERT_TRUE(f_->Do(DismissNotice{}));
  EXPECT_TRUE(ShellNotice().empty());
}

TEST_F(OfflineCounter, ADossierChangedAtTheCenterMeanwhileIsRefusedAndShownNotMerged) {
  ASSERT_TRUE(pg_->Kill());
  Reopen();
  ASSERT_TRUE(f_->model.offline.offline);
  f_->SignIn(kOfficer);
  const std::string code = testing::ReceiveThroughIntake(*f_, kProcedure);
  ASSERT_FALSE(code.empty());
  ASSERT_TRUE(pg_->Start());
  ASSERT_TRUE(RetryAfter(kOfflineRetryFirstSeconds));
  // At the center another officer moves it on; then the center is lost again and this counter changes it too.
  const workflow::Actor officer = f_->station->ActorFor(kOfficer, workflow::Role::kOfficer);
  ASSERT_TRUE(workflow::Apply(f_->station->desk, officer, code, dossier::Action::kTransfer, {.unit = "Phòng Tư pháp"},
                              f_->clock.Now()));
  ASSERT_TRUE(pg_->Kill());
  Reopen();
  ASSERT_TRUE(f_->model.offline.offline);
  ASSERT_TRUE(workflow::Apply(f_->station->desk, officer, code, dossier::Action::kTransfer, {.unit = "Công an xã"},
                              f_->clock.Now()));
  ASSERT_TRUE(pg_->Start());
  ASSERT_TRUE(RetryAfter(kOfflineRetryFirstSeconds));
  ASSERT_TRUE(f_->model.offline.forwarded);
  ASSERT_EQ(f_->model.offline.forwarded->refused_dossiers.size(), 1u);
  EXPECT_EQ(f_->model.offline.forwarded->refused_dossiers[0].rule, "changed_at_center");
  auto at_center = f_->station->store->GetDossier(code);
  ASSERT_TRUE(at_center && *at_center);
  EXPECT_EQ((*at_center)->processing_unit, "Phòng Tư pháp") << "never merged";
  const std::string notice = ShellNotice();
  EXPECT_NE(notice.find(code), std::string::npos) << notice;
  EXPECT_NE(notice.find("đã được sửa tại trung tâm"), std::string::npos) << notice;
  EXPECT_EQ(MakeShellView(f_->model, f_->clock.Now()).notice_tone, Tone::kDanger);
}

TEST_F(OfflineCounter, NoOfflineSlotMeansNoOfflineWork) {
  ASSERT_TRUE(motcua::testing::WriteJournaled(*f_->station->store, [](store::WriteTx& tx) -> Status {
    return tx.PutSetting("station.station-1.offline_slot", "0");  // the center's own slot
  }));
  Reopen();  // online: mirrors the bad slot
  ASSERT_TRUE(pg_->Kill());
  f_->auth.reset();
  f_->station.reset();
  auto opened = OpenCounterStation({.data_dir = f_->dir.path(), .db_path = conninfo_, .assets_dir = MOTCUA_ASSETS_DIR},
                                   f_->model.offline, f_->clock.Now());
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().field, "offline_slot");
  EXPECT_EQ(opened.error().rule, "offline_slot_shared");
  EXPECT_EQ(opened.error().detail.find("host="), std::string::npos) << "no connection string in messages";
}

// Issue 15: a counter that loses the center in the middle of a session goes offline without a restart. The F10
// that found the center gone refuses in words and keeps what was typed; the next F10 receives the dossier under
// the offline slot; when the center answers again the dossier reaches it with the same code, the officer still
// signed in throughout.
TEST_F(OfflineCounter, GoesOfflineInTheMiddleOfASessionAndBackWithoutARestart) {
  f_->SignIn(kOfficer);
  ASSERT_TRUE(pg_->Kill());
  ASSERT_TRUE(f_->Do(ScanReceived{testing::kCccdQr}));
  ASSERT_TRUE(f_->Do(PickProcedure{kProcedure}));
  for (int i : MissingComponents(f_->model.intake.draft))
    ASSERT_TRUE(f_->Do(SetComponentMode{i, ComponentMode::kShownOnly, ""}));
  const std::string typed_id = f_->model.intake.draft.id_number;
  Status lost = f_->Do(ConfirmIntake{});
  ASSERT_FALSE(lost) << "the center is down";
  EXPECT_EQ(lost.error().code, ErrorCode::kUnavailable) << lost.error().Describe();
  ASSERT_TRUE(f_->model.intake.error);
  EXPECT_NE(ErrorMessage(Lang::kVi, *f_->model.intake.error).find("ngoại tuyến"), std::string::npos)
      << ErrorMessage(Lang::kVi, *f_->model.intake.error);
  EXPECT_EQ(f_->model.intake.draft.id_number, typed_id) << "nothing typed is lost";

  const Error failed = lost.error();
  ASSERT_TRUE(FollowCenter(*f_->station, f_->model.offline, {}, &failed, f_->clock.Now(), StationKind::kCounter));
  f_->auth->Rebind(*f_->station->store);
  EXPECT_TRUE(f_->model.offline.offline);
  EXPECT_TRUE(f_->station->is_offline());
  EXPECT_EQ(f_->station->desk.settings.station_slot, 9);
  EXPECT_NE(MakeShellView(f_->model, f_->clock.Now()).banner.find("Ngoại tuyến"), std::string::npos);
  ASSERT_TRUE(f_->model.session) << "still signed in";

  Status received = f_->Do(ConfirmIntake{});
  ASSERT_TRUE(received) << received.error().Describe();
  f_->Wait();
  ASSERT_TRUE(f_->model.intake.outcome);
  const std::string code = f_->model.intake.outcome->dossier_code;
  EXPECT_NE(code.find("-9000"), std::string::npos) << code << ": the first code of offline slot 9";

  ASSERT_TRUE(pg_->Start());
  f_->clock.Advance(std::chrono::seconds(kOfflineRetryFirstSeconds));
  ASSERT_TRUE(FollowCenter(*f_->station, f_->model.offline, {}, nullptr, f_->clock.Now(), StationKind::kCounter));
  f_->auth->Rebind(*f_->station->store);
  EXPECT_FALSE(f_->model.offline.offline);
  auto at_center = f_->station->store->GetDossier(code);
  ASSERT_TRUE(at_center && *at_center) << "the dossier is at the center under the same code";
  ASSERT_TRUE(f_->Do(SignOut{})) << "the session goes on against the center's accounts";
}

// The change feed is the other sign: reconnecting for kGoOfflineAfterSeconds (a restart or a failover is
// ridden out on the center before that). Only an online station of a center goes offline.
TEST_F(OfflineCounter, AFeedReconnectingLongerThanTheGraceMeansTheCenterIsLost) {
  const Instant now = f_->clock.Now();
  store::FeedStatus feed{.state = store::FeedState::kReconnecting, .since = now - std::chrono::seconds(5)};
  EXPECT_FALSE(CenterLost(*f_->station, feed, nullptr, now));
  feed.since = now - std::chrono::seconds(kGoOfflineAfterSeconds);
  EXPECT_TRUE(CenterLost(*f_->station, feed, nullptr, now));
  const Error busy = Unavailable("database", "serialization_failure", "a lost race");
  EXPECT_FALSE(CenterLost(*f_->station, {}, &busy, now)) << "the store retries those; the center answered";

  auto one_machine = testing::MakeStation("2026-03-12 08:30");
  ASSERT_TRUE(one_machine);
  EXPECT_FALSE(CenterLost(*one_machine->station, feed, nullptr, now)) << "a SQLite station has nowhere to go";
}

// A counter whose offline slot is refused stays on the center, reconnecting, and says why it cannot go offline;
// the sentence clears once the center is not lost any more.
TEST_F(OfflineCounter, WithoutAnOfflineSlotTheCounterSaysWhyItStaysOnTheCenter) {
  ASSERT_TRUE(motcua::testing::WriteJournaled(*f_->station->store, [](store::WriteTx& tx) -> Status {
    return tx.PutSetting("station.station-1.offline_slot", "0");  // the center's own slot
  }));
  Reopen();  // mirrors the bad slot
  const Instant now = f_->clock.Now();
  const store::FeedStatus lost{.state = store::FeedState::kReconnecting, .since = now - std::chrono::minutes(1)};
  EXPECT_FALSE(FollowCenter(*f_->station, f_->model.offline, lost, nullptr, now, StationKind::kCounter));
  EXPECT_FALSE(f_->station->is_offline());
  ASSERT_TRUE(f_->model.offline.error);
  EXPECT_EQ(f_->model.offline.error->rule, "offline_slot_shared");
  const std::string banner = MakeShellView(f_->model, now).banner;
  EXPECT_NE(banner.find("không thể làm việc ngoại tuyến"), std::string::npos) << banner;
  EXPECT_FALSE(FollowCenter(*f_->station, f_->model.offline, {}, nullptr, now, StationKind::kCounter));
  EXPECT_FALSE(f_->model.offline.error);
}

// Issue 15, the kiosk: without the center it serves the catalog from its copy, tells a genuine receipt from a
// forged one (the MAC needs no database) without showing any status, and says live status is unavailable.
TEST_F(OfflineCounter, AnOfflineKioskLooksUpProceduresAndVerifiesReceiptsButShowsNoStatus) {
  const std::string token = ReceivedToken();
  ASSERT_FALSE(token.empty());
  const std::string code = f_->model.intake.outcome->dossier_code;
  const StationPaths paths = KioskPaths();
  OfflineModel offline;
  ASSERT_TRUE(OpenKioskStation(paths, offline, f_->clock.Now()));  // online: makes its copy
  EXPECT_FALSE(offline.offline);
  ASSERT_TRUE(pg_->Kill());
  auto opened = OpenKioskStation(paths, offline, f_->clock.Now());
  ASSERT_TRUE(opened) << opened.error().Describe();
  ASSERT_TRUE(offline.offline);
  Station& kiosk = **opened;
  auto settings = LoadKioskSettings(*kiosk.store);
  ASSERT_TRUE(settings) << settings.error().Describe();
  const KioskBackend backend = KioskBackendOf(kiosk, *settings);
  KioskModel model = MakeKioskModel(backend);
  model.offline = true;
  const KioskHomeView home = MakeKioskHomeView(model, backend);
  EXPECT_NE(home.chrome.offline_line.find("Ngoại tuyến"), std::string::npos) << home.chrome.offline_line;
  EXPECT_FALSE(home.queue_tile) << "no tickets offline";

  ASSERT_TRUE(ApplyKioskAction(model, backend, OpenProcedure{kProcedure}));
  EXPECT_EQ(model.citizen.screen, KioskScreen::kProcedure) << "the catalog is served from the copy";

  ASSERT_TRUE(ApplyKioskAction(model, backend, Scanned{token}));
  EXPECT_EQ(model.citizen.screen, KioskScreen::kCheck);
  EXPECT_FALSE(model.citizen.status) << "no status offline";
  EXPECT_EQ(model.citizen.message_key, "kiosk.offline.receipt_genuine");
  EXPECT_EQ(model.citizen.message_arg, code);

  std::string forged = token;
  forged.back() = forged.back() == 'A' ? 'B' : 'A';
  auto refused = ApplyKioskAction(model, backend, Scanned{forged});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().rule, "bad_mac");
  EXPECT_EQ(model.citizen.message_key, "kiosk.invalid_code");

  auto typed = ApplyKioskAction(model, backend, SubmitTyped{});
  ASSERT_FALSE(typed);
  EXPECT_EQ(typed.error().rule, "offline");
  EXPECT_EQ(model.citizen.message_key, "kiosk.offline.no_status");
}

// A kiosk that finds the center gone in the middle of the day goes offline without a restart (its copy holds
// no officer's account: a public machine), refuses tickets, and shows statuses again once the center answers.
TEST_F(OfflineCounter, AKioskGoesOfflineWhenALookupFindsTheCenterGoneAndBackWhenItAnswers) {
  const std::string token = ReceivedToken();
  ASSERT_FALSE(token.empty());
  OfflineModel offline;
  auto opened = OpenKioskStation(KioskPaths(), offline, f_->clock.Now());
  ASSERT_TRUE(opened) << opened.error().Describe();
  Station& kiosk = **opened;
  auto settings = LoadKioskSettings(*kiosk.store);
  ASSERT_TRUE(settings) << settings.error().Describe();
  KioskBackend backend = KioskBackendOf(kiosk, *settings);
  KioskModel model = MakeKioskModel(backend);

  ASSERT_TRUE(pg_->Kill());
  Status lost = ApplyKioskAction(model, backend, Scanned{token});
  ASSERT_FALSE(lost);
  ASSERT_TRUE(KioskFollowCenter(model, backend, kiosk, offline, &lost.error()));
  ASSERT_TRUE(model.offline);
  EXPECT_EQ(backend.store, kiosk.store.get());
  EXPECT_EQ(model.citizen.screen, KioskScreen::kHome) << "the citizen's session starts again";
  auto accounts = kiosk.store->CountRecords({.kind = auth::kUserRecordKind});
  ASSERT_TRUE(accounts) << accounts.error().Describe();
  EXPECT_EQ(*accounts, 0) << "a kiosk never holds the officers' accounts";
  ASSERT_TRUE(ApplyKioskAction(model, backend, Scanned{token}));
  EXPECT_EQ(model.citizen.message_key, "kiosk.offline.receipt_genuine");
  EXPECT_FALSE(model.citizen.status);
  Status ticket = ApplyKioskAction(model, backend, OpenScreen{KioskScreen::kQueueAreas});
  ASSERT_FALSE(ticket);
  EXPECT_EQ(ticket.error().rule, "offline");
  EXPECT_EQ(model.citizen.message_key, "kiosk.offline.no_ticket");

  ASSERT_TRUE(pg_->Start());
  f_->clock.Advance(std::chrono::seconds(kOfflineRetryFirstSeconds));
  backend.now = f_->clock.Now();
  ASSERT_TRUE(ApplyKioskAction(model, backend, OpenScreen{KioskScreen::kFields}));
  EXPECT_FALSE(KioskFollowCenter(model, backend, kiosk, offline, nullptr)) << "never in the middle of a citizen";
  ASSERT_TRUE(ApplyKioskAction(model, backend, GoHome{}));
  ASSERT_TRUE(KioskFollowCenter(model, backend, kiosk, offline, nullptr));
  ASSERT_FALSE(model.offline);
  ASSERT_TRUE(ApplyKioskAction(model, backend, Scanned{token}));
  ASSERT_TRUE(model.citizen.status) << "the status again, from the center";
}

TEST(ReadOfflineSlot, RefusesMissingOutOfRangeAndSharedSlots) {
  motcua::testing::TempDir dir;
  auto st = store::OpenSqliteStore((dir.path() / "s.db").string());
  ASSERT_TRUE(st);
  auto put = [&](const std::string& k, const std::string& v) {
    ASSERT_TRUE(motcua::testing::WriteJournaled(**st, [&](store::WriteTx& tx) -> Status { return tx.PutSetting(k, v); }));
  };
  EXPECT_EQ(ReadOfflineSlot(**st, "s1").error().rule, "offline_slot_missing");
  put("slot_count", "10");
  put("station.s1.offline_slot", "10");
  EXPECT_EQ(ReadOfflineSlot(**st, "s1").error().rule, "out_of_range");
  put("station.s1.offline_slot", "x");
  EXPECT_EQ(ReadOfflineSlot(**st, "s1").error().rule, "bad_setting");
  put("station.s1.offline_slot", "9");
  EXPECT_EQ(*ReadOfflineSlot(**st, "s1"), 9);
  put("station.s2.offline_slot", "9");
  EXPECT_EQ(ReadOfflineSlot(**st, "s1").error().rule, "offline_slot_shared");
  put("station.s2.offline_slot", "8");
  EXPECT_EQ(*ReadOfflineSlot(**st, "s1"), 9);
}

}  // namespace
}  // namespace motcua::ui
