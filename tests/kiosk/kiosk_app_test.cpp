// The kiosk's model and views over a real station: a dossier received at the counter, looked up by its
// real receipt token or typed code, rated, registered for postal return, paid by VietQR; the idle reset
// and the administrator's PIN. No display (style.md §5).
#include <gtest/gtest.h>

#include <algorithm>

#include "codes/vietqr.h"
#include "kiosk/kiosk_fixture.h"
#include "rating/rating.h"

namespace motcua::ui::testing {
namespace {

bool AnyContains(const std::vector<std::string>& strings, std::string_view needle) {
  return std::any_of(strings.begin(), strings.end(),
                     [&](const std::string& s) { return s.find(needle) != std::string::npos; });
}

// A token with one character of its MAC changed: what a forger or a smudge makes.
std::string Forged(std::string token) {
  char& c = token.back();
  c = c == 'A' ? 'B' : 'A';
  return token;
}

TEST(KioskApp, ScanningAReceiptShowsItsStatusWithTheNameMaskedAndNothingPersonal) {
  auto k = MakeKiosk();
  ASSERT_TRUE(k->Do(OpenScreen{KioskScreen::kCheck}).has_value());
  ASSERT_TRUE(k->Do(Scanned{k->token}).has_value());
  EXPECT_EQ(k->model.citizen.screen, KioskScreen::kStatus);
  ASSERT_TRUE(k->model.citizen.status.has_value());
  EXPECT_EQ(k->model.citizen.status->dossier_code, k->code);

  const KioskStatusView v = MakeKioskStatusView(k->model, k->Backend());
  EXPECT_EQ(v.applicant, "Người nộp: Nguyễn T** H** N**");
  EXPECT_EQ(v.state_label, "Đã tiếp nhận");
  EXPECT_NE(v.due_line.find("Hẹn trả: "), std::string::npos);
  EXPECT_TRUE(v.late_line.empty());
  ASSERT_EQ(v.fees.size(), 1u);
  EXPECT_EQ(v.fees[0].paid, "Chưa nộp");
  // The spoken line reads the due date as words, never as 12/03/2026 (a fraction to espeak).
  EXPECT_NE(v.chrome.spoken.find("ngày 13 tháng 3 năm 2026"), std::string::npos) << v.chrome.spoken;

  const std::vector<std::string> all = k->EveryViewString();
  EXPECT_FALSE(AnyContains(all, kCitizenName));
  EXPECT_FALSE(AnyContains(all, kCitizenId));
  EXPECT_FALSE(AnyContains(all, "Hàng Bài"));  // the address
  EXPECT_FALSE(AnyContains(all, "Hồng Nhung"));
}

TEST(KioskApp, AForgedOrForeignCodeShowsOnlyInvalidCode) {
  auto k = MakeKiosk();
  for (const std::string& bad : {Forged(k->token), std::string(kCccdQr), std::string("MC1:garbage"), std::string("")}) {
    ASSERT_FALSE(k->Do(Scanned{bad}).has_value());
    EXPECT_EQ(k->model.citizen.screen, KioskScreen::kCheck);
    EXPECT_EQ(k->model.citizen.message_key, "kiosk.invalid_code");
    EXPECT_FALSE(k->model.citizen.status.has_value());
    EXPECT_EQ(MakeKioskCheckView(k->model, k->Backend()).chrome.message, "Mã không hợp lệ");
  }
}

TEST(KioskApp, TypedCodeAndSecretFindTheDossierInAnyCase) {
  auto k = MakeKiosk();
  ASSERT_TRUE(k->Do(OpenScreen{KioskScreen::kCheck}).has_value());
  EXPECT_EQ(k->model.citizen.focus, KioskField::kCode);
  std::string lower = k->code;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  k->Type(lower);
  ASSERT_TRUE(k->Do(FocusField{KioskField::kSecret}).has_value());
  k->Type(k->secret);
  ASSERT_TRUE(k->Do(SubmitTyped{}).has_value());
  EXPECT_EQ(k->model.citizen.screen, KioskScreen::kStatus);
}

TEST(KioskApp, FiveWrongTypedSecretsPauseTypingForAMinuteButNotScanning) {
  auto k = MakeKiosk();
  ASSERT_TRUE(k->Do(OpenScreen{KioskScreen::kCheck}).has_value());
  k->Type(k->code);
  ASSERT_TRUE(k->Do(FocusField{KioskField::kSecret}).has_value());
  const std::string wrong = k->secret == "2222" ? "3333" : "2222";
  k->Type(wrong);
  for (int i = 0; i < 5; ++i) {
    Status s = k->Do(SubmitTyped{});
    ASSERT_FALSE(s.has_value());
    EXPECT_EQ(s.error().rule, "invalid_token");
    EXPECT_EQ(k->model.citizen.message_key, "kiosk.invalid_code");
  }
  // The sixth try, even with the right secret, waits.
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(k->Do(PressKey{Key(OskKeyKind::kBackspace)}).has_value());
  k->Type(k->secret);
  Status paused = k->Do(SubmitTyped{});
  ASSERT_FALSE(paused.has_value());
  EXPECT_EQ(paused.error().rule, "typed_lookups_paused");
  EXPECT_EQ(k->model.citizen.message_key, "kiosk.typed_paused");
  EXPECT_FALSE(MakeKioskCheckView(k->model, k->Backend()).submit_enabled);
  // A scanned receipt still works during the pause.
  ASSERT_TRUE(k->Do(Scanned{k->token}).has_value());
  EXPECT_EQ(k->model.citizen.screen, KioskScreen::kStatus);
  // A minute later typing works again.
  k->counter->clock.Set(k->counter->clock.Now() + std::chrono::seconds(60));
  ASSERT_TRUE(k->Do(OpenScreen{KioskScreen::kCheck}).has_value());
  EXPECT_TRUE(k->Do(SubmitTyped{}).has_value());
}

TEST(KioskApp, ARatingGivenAtTheKioskIsRecordedOnceAsTheKiosks) {
  auto k = MakeKiosk();
  // Rating needs a verified receipt first.
  ASSERT_TRUE(k->Do(OpenScreen{KioskScreen::kRate}).has_value());
  EXPECT_EQ(k->model.citizen.screen, KioskScreen::kCheck);
  EXPECT_EQ(k->model.citizen.message_key, "kiosk.check.first");

  ASSERT_TRUE(k->Do(Scanned{k->token}).has_value());
  EXPECT_EQ(k->model.citizen.screen, KioskScreen::kRate);  // where the citizen was going
  EXPECT_FALSE(k->Do(SubmitRating{}).has_value());  // no overall answer yet
  EXPECT_EQ(k->model.citizen.message_key, "kiosk.rate.choose_overall");
  ASSERT_TRUE(k->Do(SetOverall{0}).has_value());
  ASSERT_TRUE(k->Do(SetCriterion{6, 0}).has_value());
  ASSERT_TRUE(k->Do(FocusField{KioskField::kComment}).has_value());
  k->Type("Chowf quas laau");
  EXPECT_EQ(k->model.citizen.rating.comment.Text(), "Chờ quá lâu");
  ASSERT_TRUE(k->Do(SubmitRating{}).has_value());
  EXPECT_EQ(k->model.citizen.screen, KioskScreen::kThanks);

  auto stored = rating::GetRating(*k->counter->station->store, k->code);
  ASSERT_TRUE(stored.has_value() && stored->has_value());
  EXPECT_EQ((*stored)->value, rating::RatingValue::kUnsatisfied);
  EXPECT_EQ((*stored)->source, rating::RatingSource::kKiosk);
  EXPECT_EQ((*stored)->recorded_by, "kiosk@kiosk-1");
  EXPECT_EQ((*stored)->criteria[6], 0);
  EXPECT_EQ((*stored)->comment, "Chờ quá lâu");

  // The same receipt again: rating is not offered, and a second one is refused politely.
  ASSERT_TRUE(k->Do(Scanned{k->token}).has_value());
  const KioskStatusView v = MakeKioskStatusView(k->model, k->Backend());
  ASSERT_FALSE(v.actions.empty());
  EXPECT_FALSE(v.actions[0].is_enabled);
  EXPECT_EQ(v.actions[0].label, "Đã đánh giá");
  ASSERT_TRUE(k->Do(OpenScreen{KioskScreen::kRate}).has_value());
  EXPECT_EQ(k->model.citizen.screen, KioskScreen::kStatus);
  EXPECT_EQ(k->model.citizen.message_key, "kiosk.rate.already");
}

TEST(KioskApp, PayShowsAVietQrForTheUnpaidFeeWithTheDossierCodeAsPurpose) {
  auto k = MakeKiosk();
  ASSERT_TRUE(k->Do(Scanned{k->token}).has_value());
  ASSERT_TRUE(k->Do(OpenScreen{KioskScreen::kPay}).has_value());
  KioskPayView none = MakeKioskPayView(k->model, k->Backend());
  EXPECT_TRUE(none.qr_payload.empty());
  EXPECT_EQ(none.note, "Kiosk này chưa nhận thanh toán qua VietQR: mời nộp tại quầy.");

  k->settings.bank_bin = "970415";
  k->settings.bank_account = "113366668888";
  k->settings.account_name = "UBND PHƯỜNG MINH XUÂN";
  const KioskPayView v = MakeKioskPayView(k->model, k->Backend());
  ASSERT_FALSE(v.qr_payload.empty());
  EXPECT_TRUE(codes::VerifyEmvCrc(v.qr_payload).has_value());
  EXPECT_NE(v.qr_payload.find(codes::PurposeForDossier(k->code)), std::string::npos);  // field 62.08
  EXPECT_NE(v.qr_payload.find("540510000"), std::string::npos);  // amount 10000
  EXPECT_EQ(v.amount_line, "Số tiền: 10.000 ₫");
}

TEST(KioskApp, IdleResetLeavesNothingOfTheLastCitizen) {
  auto k = MakeKiosk();
  ASSERT_TRUE(k->Do(Scanned{k->token}).has_value());
  ASSERT_TRUE(k->Do(ToggleLargeText{}).has_value());
  ASSERT_TRUE(k->Do(KioskSwitchLanguage{Lang::kEn}).has_value());
  ASSERT_TRUE(k->Do(OpenScreen{KioskScreen::kPostal}).has_value());
  k->Type("Nguyeenx Thij Hoongf Nhung");
  ASSERT_TRUE(k->Do(FocusField{KioskField::kPostalPhone}).has_value());
  k->Type("0912345678");

  EXPECT_FALSE(k->IdleFor(59));  // not yet
  EXPECT_EQ(k->model.citizen.screen, KioskScreen::kPostal);
  EXPECT_TRUE(k->IdleFor(1));    // 60 s without a touch

  const CitizenSession& c = k->model.citizen;
  EXPECT_EQ(c.screen, KioskScreen::kHome);
  EXPECT_TRUE(c.back.empty());
  EXPECT_FALSE(c.status.has_value());
  EXPECT_TRUE(c.proof_token.empty() && c.proof_code.empty() && c.proof_secret.empty());
  EXPECT_TRUE(c.postal.name.Text().empty() && c.postal.phone.Text().empty());
  EXPECT_EQ(c.lang, Lang::kVi);
  EXPECT_FALSE(c.large_text);
  const std::vector<std::string> all = k->EveryViewString();
  EXPECT_FALSE(AnyContains(all, k->code));
  EXPECT_FALSE(AnyContains(all, "Nguyễn T**"));
  EXPECT_FALSE(AnyContains(all, "Nhung"));
  EXPECT_FALSE(AnyContains(all, "0912345678"));
  // An untouched home screen is not "reset" again and again.
  EXPECT_FALSE(k->IdleFor(600));
}

TEST(KioskApp, TheHiddenGestureAsksForThePinAndOnlyTheRightPinLetsTheAdministratorOut) {
  auto k = MakeKiosk();
  const workflow::Actor admin{kAdmin, workflow::Role::kAdmin, "station-1"};
  ASSERT_TRUE(SaveKioskPin(*k->counter->station->store, admin, "482915", k->counter->clock.Now()).has_value());
  auto loaded = LoadKioskSettings(*k->counter->station->store);
  ASSERT_TRUE(loaded.has_value());
  k->settings = *loaded;
  EXPECT_NE(k->settings.admin_pin_hash.find("$argon2id$"), std::string::npos);

  ASSERT_TRUE(k->Do(HiddenGesture{}).has_value());
  EXPECT_EQ(k->model.citizen.screen, KioskScreen::kAdminPin);
  k->Type("123456");
  EXPECT_FALSE(k->Do(SubmitPin{}).has_value());
  EXPECT_EQ(k->model.citizen.screen, KioskScreen::kHome);  // a wrong PIN goes home, no hint
  EXPECT_FALSE(k->Do(AdminExit{}).has_value() && k->model.quit);

  ASSERT_TRUE(k->Do(HiddenGesture{}).has_value());
  k->Type("482915");
  ASSERT_TRUE(k->Do(SubmitPin{}).has_value());
  EXPECT_EQ(k->model.citizen.screen, KioskScreen::kAdmin);
  EXPECT_TRUE(k->model.citizen.pin.Text().empty());  // wiped once checked
  ASSERT_TRUE(k->Do(AdminExit{}).has_value());
  EXPECT_TRUE(k->model.quit);
}

TEST(KioskApp, AnOfficerCannotSetThePinAndAShortPinIsRefused) {
  auto k = MakeKiosk();
  const workflow::Actor officer{kOfficer, workflow::Role::kOfficer, "station-1"};
  const workflow::Actor admin{kAdmin, workflow::Role::kAdmin, "station-1"};
  EXPECT_EQ(SaveKioskPin(*k->counter->station->store, officer, "482915", k->counter->clock.Now()).error().rule,
            "not_allowed");
  EXPECT_EQ(SaveKioskPin(*k->counter->station->store, admin, "12a4", k->counter->clock.Now()).error().rule, "bad_pin");
  EXPECT_EQ(SaveKioskPin(*k->counter->station->store, admin, "123", k->counter->clock.Now()).error().rule, "bad_pin");
}

TEST(KioskApp, SearchingWithTheKeyboardIgnoresDiacritics) {
  auto k = MakeKiosk();
  ASSERT_TRUE(k->Do(OpenScreen{KioskScreen::kFields}).has_value());
  ASSERT_TRUE(k->Do(OpenScreen{KioskScreen::kSearch}).has_value());
  k->Type("khai sinh");
  const KioskSearchView preview = MakeKioskSearchView(k->model, k->Backend());
  ASSERT_FALSE(preview.preview.empty());
  ASSERT_TRUE(k->Do(SubmitSearch{}).has_value());
  const KioskProceduresView v = MakeKioskProceduresView(k->model, k->Backend());
  ASSERT_FALSE(v.rows.empty());
  EXPECT_NE(v.rows[0].name.find("khai sinh"), std::string::npos) << v.rows[0].name;
  EXPECT_EQ(v.heading, "Kết quả tìm kiếm: “khai sinh”");
}

TEST(KioskApp, AProcedurePageSaysTimeFeesPapersAndLinksThePortalPage) {
  auto k = MakeKiosk();
  ASSERT_TRUE(k->Do(OpenProcedure{"1.001193"}).has_value());
  const KioskProcedureView v = MakeKioskProcedureView(k->model, k->Backend());
  EXPECT_NE(v.name.find("khai sinh"), std::string::npos);
  EXPECT_EQ(v.qr_text, "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7");
  ASSERT_GE(v.sections.size(), 5u);
  EXPECT_EQ(v.sections[0].heading, "Thời hạn giải quyết");
  EXPECT_EQ(v.sections[1].heading, "Phí, lệ phí");
  EXPECT_FALSE(k->Do(OpenProcedure{"0.000000"}).has_value());
}

TEST(KioskApp, GroupsAreTheCatalogsKioskGroupingLargestFirst) {
  auto k = MakeKiosk();
  const std::vector<ProcedureGroup> groups = ProcedureGroups(k->counter->station->procedures);
  ASSERT_FALSE(groups.empty());
  EXPECT_EQ(groups[0].name, "Hộ tịch");
  EXPECT_EQ(groups[0].key, "hộ tịch");
  for (std::size_t i = 1; i < groups.size(); ++i) EXPECT_GE(groups[i - 1].count, groups[i].count);
}

TEST(KioskApp, EveryViewHasItsTextInBothLanguages) {
  auto k = MakeKiosk();
  TakeMissingKeys();
  for (KioskScreen s : {KioskScreen::kHome, KioskScreen::kFields, KioskScreen::kSearch, KioskScreen::kCheck}) {
    ASSERT_TRUE(k->Do(OpenScreen{s}).has_value());
    for (Lang lang : {Lang::kVi, Lang::kEn}) {
      k->model.citizen.lang = lang;
      (void)KioskSpokenText(k->model, k->Backend());
    }
  }
  ASSERT_TRUE(k->Do(Scanned{k->token}).has_value());
  ASSERT_TRUE(k->Do(OpenProcedure{"1.001193"}).has_value());
  (void)k->EveryViewString();
  for (Lang lang : {Lang::kVi, Lang::kEn}) {
    k->model.citizen.lang = lang;
    (void)MakeKioskProcedureView(k->model, k->Backend());
    (void)MakeKioskAdminView(k->model, k->Backend());
    (void)MakeKioskPinView(k->model, k->Backend());
    (void)MakeKioskGroupsView(k->model, k->Backend());
  }
  EXPECT_EQ(TakeMissingKeys(), std::vector<std::string>{});
}

TEST(KioskSettings, LoadsDefaultsAndRefusesBadValuesNamingTheKey) {
  auto k = MakeKiosk();
  store::Store& store = *k->counter->station->store;
  auto s = LoadKioskSettings(store);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->idle_seconds, 60);
  EXPECT_FALSE(s->HasVietQr());
  const workflow::Actor admin{kAdmin, workflow::Role::kAdmin, "station-1"};
  const Instant now = k->counter->clock.Now();
  EXPECT_TRUE(SaveKioskSetting(store, admin, "kiosk.idle_seconds", "90", now).has_value());
  EXPECT_TRUE(SaveKioskSetting(store, admin, "kiosk.bank_bin", "970415", now).has_value());
  EXPECT_TRUE(SaveKioskSetting(store, admin, "kiosk.bank_account", "113366668888", now).has_value());
  EXPECT_EQ(SaveKioskSetting(store, admin, "kiosk.idle_seconds", "5", now).error().rule, "out_of_range");
  EXPECT_EQ(SaveKioskSetting(store, admin, "kiosk.idle_seconds", "-90", now).error().rule, "bad_value");
  EXPECT_EQ(SaveKioskSetting(store, admin, "kiosk.bank_bin", "97041", now).error().field, "kiosk.bank_bin");
  EXPECT_EQ(SaveKioskSetting(store, admin, "kiosk.orientation", "sideways", now).error().rule, "bad_value");
  EXPECT_EQ(SaveKioskSetting(store, admin, "kiosk.nonsense", "1", now).error().rule, "unknown_setting");
  const workflow::Actor kiosk{"kiosk@kiosk-1", workflow::Role::kKiosk, "kiosk-1"};
  EXPECT_EQ(SaveKioskSetting(store, kiosk, "kiosk.idle_seconds", "90", now).error().rule, "not_allowed");
  s = LoadKioskSettings(store);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->idle_seconds, 90);
  EXPECT_TRUE(s->HasVietQr());
}

TEST(KioskSettings, AProcedureWithoutAResearchedPortalPageUsesTheConfiguredAddress) {
  KioskSettings s;
  EXPECT_EQ(ProcedureUrl(s, "9.999001", {}),
            "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh.html?keyword=9.999001");
  s.procedure_url = "https://dichvucong.tuyenquang.gov.vn/tthc/{code}";
  EXPECT_EQ(ProcedureUrl(s, "1.000001", {"HP51: somewhere"}), "https://dichvucong.tuyenquang.gov.vn/tthc/1.000001");
}

}  // namespace
}  // namespace motcua::ui::testing

namespace motcua::ui::testing {
namespace {

TEST(KioskApp, PostalReturnIsRegisteredThroughTheWorkflowAndABadPhoneChangesNothing) {
  auto k = MakeKiosk();
  ASSERT_TRUE(k->Do(Scanned{k->token}).has_value());
  ASSERT_TRUE(k->Do(OpenScreen{KioskScreen::kPostal}).has_value());
  EXPECT_EQ(k->model.citizen.focus, KioskField::kPostalName);
  k->Type("Nguyeenx Thij Hoongf Nhung");
  ASSERT_TRUE(k->Do(FocusField{KioskField::kPostalPhone}).has_value());
  k->Type("0912");  // too short
  ASSERT_TRUE(k->Do(FocusField{KioskField::kPostalAddress}).has_value());
  k->Type("Soos 12 ddwowngf Traanf Phus");
  EXPECT_EQ(k->model.citizen.postal.address.Text(), "Số 12 đường Trần Phú");
  const std::int64_t events = k->counter->JournalCount();

  Status bad = k->Do(SubmitPostal{});
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().field, "phone");
  EXPECT_EQ(k->model.citizen.message_key, "kiosk.postal.error.bad_phone");
  EXPECT_EQ(k->model.citizen.focus, KioskField::kPostalPhone);
  EXPECT_EQ(k->model.citizen.postal.name.Text(), "Nguyễn Thị Hồng Nhung");  // nothing typed is lost
  EXPECT_EQ(k->counter->JournalCount(), events);

  ASSERT_TRUE(k->Do(PressKey{Key(OskKeyKind::kClear)}).has_value());
  k->Type("0912345678");
  ASSERT_TRUE(k->Do(SubmitPostal{}).has_value());
  EXPECT_EQ(k->model.citizen.screen, KioskScreen::kThanks);
  auto d = k->counter->station->store->GetDossier(k->code);
  ASSERT_TRUE(d.has_value() && d->has_value());
  EXPECT_EQ((*d)->delivery, dossier::Delivery::kPostal);
  EXPECT_EQ((*d)->delivery_address, "Số 12 đường Trần Phú");
  EXPECT_EQ(k->counter->JournalCount(), events + 1);
  ASSERT_TRUE(k->model.citizen.status.has_value());
  EXPECT_EQ(k->model.citizen.status->delivery, dossier::Delivery::kPostal);
  // The status page now offers to change the address, and shows none of it.
  const KioskStatusView v = MakeKioskStatusView(k->model, k->Backend());
  ASSERT_GE(v.actions.size(), 2u);
  EXPECT_EQ(v.actions[1].label, "Đổi địa chỉ nhận qua bưu chính");
  for (const std::string& line : v.next_lines) EXPECT_EQ(line.find("Trần Phú"), std::string::npos);
}

}  // namespace
}  // namespace motcua::ui::testing
