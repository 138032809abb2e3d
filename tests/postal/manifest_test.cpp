// Handover manifests through the real desk: filing time at signing (QĐ 45/2016/QĐ-TTg Art. 7), all-or-
// nothing signing, outbound results with token/code/parcel look-up, delivery, roles, the journal.
// Worked examples use the real 2026 calendar (assets/calendar) and the fixtures' procedures.
#include "postal/manifest.h"

#include <gtest/gtest.h>
#include <map>

#include "codes/receipt_token.h"
#include "postal/s10.h"
#include "support/fixtures.h"

namespace motcua::postal {
namespace {

using dossier::Action;
using dossier::State;
using motcua::testing::At;
using motcua::testing::SampleIntake;
using motcua::testing::TempDir;
using workflow::Actor;
using workflow::Role;

std::string Local(const std::optional<Instant>& t) { return t ? FormatLocalMinute(ToLocalVn(*t)) : "none"; }

// A valid UPU S10 number: "EB" + the 8-digit serial + its check digit + "VN".
using motcua::testing::S10;

class ManifestTest : public ::testing::Test {
 protected:
  void SetUp() override { t_ = motcua::testing::MakeTestDesk(dir_.path()); }

  const workflow::Desk& desk() { return t_->desk; }
  const Actor& officer() { return t_->officer; }

  Party PostalParty() { return {"Bưu điện tỉnh Tuyên Quang", "Trần Văn Bưu", "Bưu tá", "0912000111", "BT-0042", ""}; }
  Party CenterParty() { return {"", "Lê Thị Nhận", "Chuyên viên", "", "", ""}; }

  Manifest Create(Direction d, const char* when, const Actor* who = nullptr) {
    auto m = CreateManifest(desk(), who ? *who : officer(), d, PostalParty(), CenterParty(), At(when));
    EXPECT_TRUE(m) << m.error().Describe();
    return m ? *m : Manifest{};
  }
  Result<Manifest> AddInbound(const std::string& id, const std::string& parcel, workflow::IntakeRequest intake,
                              const char* when, const Actor* who = nullptr) {
    return AddInboundItem(desk(), who ? *who : officer(), id, {parcel, std::move(intake), ""}, settings_, At(when));
  }
  // A dossier received at the counter whose result goes by post, marked done; returns its code.
  workflow::IntakeResult DonePostalDossier(const char* received, const char* done,
                                           const std::string& procedure = "1.004222") {
    workflow::IntakeRequest r = SampleIntake(procedure);
    r.delivery = dossier::Delivery::kPostal;
    r.delivery_address = "Số 5, đường Quang Trung, phường Phan Thiết";
    r.received_at = At(received);
    auto got = workflow::Receive(desk(), officer(), r, At(received));
    EXPECT_TRUE(got) << got.error().Describe();
    auto marked = workflow::Apply(desk(), officer(), got->dossier.code, Action::kMarkDone, {}, At(done));
    EXPECT_TRUE(marked) << marked.error().Describe();
    return *got;
  }
  std::vector<store::JournalEvent> Events(const std::string& code = "") {
    return *t_->store->ReadJournal({.dossier_code = code});
  }

  TempDir dir_;
  std::unique_ptr<motcua::testing::TestDesk> t_;
  PostalSettings settings_;
  Actor postal_{"buu.ta", Role::kPostal, "station-1"};
};

TEST_F(ManifestTest, PartiesRefuseControlCharacters) {
  const std::size_t before = Events().size();
  auto m = CreateManifest(desk(), postal_, Direction::kInbound, {"Bưu điện tỉnh", "Trần\rVăn Tá", "", "", "", ""}, {},
                          At("2026-11-27 15:40"));
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().field, "postal.representative");
  EXPECT_EQ(m.error().rule, "control_character");
  EXPECT_EQ(Events().size(), before);
}

// ---- inbound ---------------------------------------------------------------------------------

TEST_F(ManifestTest, FilingTimeIsTheSigningInstantAndTheDueDateRunsFromIt) {
  // The postal worker arrives Friday 2026-11-27 15:40; counting takes until 16:30, when both sign.
  // 1.004222 takes 7 working days: Mon 30/11 (1) ... Fri 4/12 (5), Mon 7/12 (6), Tue 8/12 (7):
  // due Tuesday 2026-12-08 16:30 (no holiday in between in the 2026 calendar).
  Manifest m = Create(Direction::kInbound, "2026-11-27 15:40");
  EXPECT_EQ(m.id, "IN-261127-0001");
  ASSERT_TRUE(AddInbound(m.id, "eb 000 717 618 hk", SampleIntake(), "2026-11-27 15:45"));
  workflow::IntakeRequest second = SampleIntake();
  second.applicant.name = "Phạm Văn Gửi";
  second.applicant.id_number = "008085001234";
  second.delivery = dossier::Delivery::kPostal;
  second.delivery_address = "Thôn Đồng Tâm, xã Hùng Lợi";
  ASSERT_TRUE(AddInbound(m.id, S10(12345678), second, "2026-11-27 16:10"));

  auto signed_ = SignManifest(desk(), officer(), m.id, {}, At("2026-11-27 16:30"));
  ASSERT_TRUE(signed_) << signed_.error().Describe();
  ASSERT_EQ(signed_->received.size(), 2u);
  for (const auto& r : signed_->received) {
    EXPECT_EQ(r.dossier.received_at, At("2026-11-27 16:30"));
    EXPECT_EQ(Local(r.dossier.due_at), "2026-12-08 16:30");
    EXPECT_EQ(r.dossier.channel, dossier::Channel::kPostal);
    auto token = codes::VerifyReceiptToken(r.receipt_token, desk().center_key);
    ASSERT_TRUE(token) << token.error().Describe();
    EXPECT_EQ(token->dossier_code, r.dossier.code);
  }
  EXPECT_EQ(signed_->received[0].dossier.code, "000.00.00.H56-261127-0001");
  EXPECT_EQ(signed_->received[1].dossier.delivery, dossier::Delivery::kPostal);

  auto stored = GetManifest(*t_->store, m.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->status, ManifestStatus::kSigned);
  EXPECT_EQ(stored->signed_at, At("2026-11-27 16:30"));
  EXPECT_EQ(stored->center.user, officer().user);
  EXPECT_EQ(stored->items[0].parcel_number, "EB000717618HK");
  EXPECT_EQ(stored->items[0].dossier_code, "000.00.00.H56-261127-0001");
  EXPECT_EQ(stored->items[1].dossier_code, "000.00.00.H56-261127-0002");

  // The parcel number is in the dossier's journal and on its timeline, and finds the dossier.
  auto events = Events("000.00.00.H56-261127-0001");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "dossier.received");
  EXPECT_NE(events[0].payload_json.find("EB000717618HK"), std::string::npos) << events[0].payload_json;
  EXPECT_NE(events[0].payload_json.find(m.id), std::string::npos);
  auto found = FindParcel(*t_->store, "EB000717618HK");
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->dossier_code, "000.00.00.H56-261127-0001");
  EXPECT_TRUE((*found)->signed_manifest);
  auto dossier = t_->store->GetDossier("000.00.00.H56-261127-0001");
  EXPECT_NE((*dossier)->steps.back().content.find("EB000717618HK"), std::string::npos);
}

TEST_F(ManifestTest, AReceiptAfterHoursStillFilesAtTheSigningInstant) {
  // Signed Friday 2026-11-27 17:20, after the afternoon close: received_at stays 17:20 (the legal
  // filing time), and the due date follows the calendar's rule for any receipt after hours.
  Manifest m = Create(Direction::kInbound, "2026-11-27 17:00");
  ASSERT_TRUE(AddInbound(m.id, S10(1), SampleIntake(), "2026-11-27 17:05"));
  auto signed_ = SignManifest(desk(), officer(), m.id, {}, At("2026-11-27 17:20"));
  ASSERT_TRUE(signed_) << signed_.error().Describe();
  const dossier::Dossier& d = signed_->received[0].dossier;
  EXPECT_EQ(d.received_at, At("2026-11-27 17:20"));
  auto direct = workflow::Receive(desk(), officer(), [&] {
    auto r = SampleIntake();
    r.received_at = At("2026-11-27 17:20");
    return r;
  }(), At("2026-11-27 17:20"));
  ASSERT_TRUE(direct);
  EXPECT_EQ(Local(d.due_at), Local(direct->dossier.due_at));
}

TEST_F(ManifestTest, SigningIsAllOrNothingAndNamesTheFailingItem) {
  Manifest m = Create(Direction::kInbound, "2026-11-27 15:00");
  ASSERT_TRUE(AddInbound(m.id, S10(11), SampleIntake(), "2026-11-27 15:01"));
  // Passes the checks at adding (procedure, applicant) but not the intake: an unknown component.
  workflow::IntakeRequest bad = SampleIntake();
  bad.components = std::vector<workflow::IntakeComponent>{{.code = "TP1"}, {.code = "TP2"}, {.code = "TP9"}};
  ASSERT_TRUE(AddInbound(m.id, S10(22), bad, "2026-11-27 15:02"));
  ASSERT_TRUE(AddInbound(m.id, S10(33), SampleIntake(), "2026-11-27 15:03"));
  const std::size_t journal_before = Events().size();

  auto failed = SignManifest(desk(), officer(), m.id, {}, At("2026-11-27 16:30"));
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().field, "items[1].components");
  EXPECT_EQ(failed.error().rule, "unknown_component");
  EXPECT_NE(failed.error().detail.find(S10(22)), std::string::npos) << failed.error().detail;
  // Nothing happened: no dossier, no event, the manifest is still a draft with no codes on it.
  EXPECT_EQ(*t_->store->CountDossiers(), 0);
  EXPECT_EQ(Events().size(), journal_before);
  auto still = GetManifest(*t_->store, m.id);
  EXPECT_EQ(still->status, ManifestStatus::kDraft);
  EXPECT_EQ(still->items[0].dossier_code, "");
  EXPECT_FALSE((*FindParcel(*t_->store, S10(11)))->signed_manifest);

  // Without the bad item the same manifest signs, and no code number was consumed by the failure.
  ASSERT_TRUE(RemoveItem(desk(), officer(), m.id, S10(22), At("2026-11-27 16:31")));
  auto ok = SignManifest(desk(), officer(), m.id, {}, At("2026-11-27 16:32"));
  ASSERT_TRUE(ok) << ok.error().Describe();
  EXPECT_EQ(ok->received[0].dossier.code, "000.00.00.H56-261127-0001");
  EXPECT_EQ(ok->received[1].dossier.code, "000.00.00.H56-261127-0002");
  EXPECT_EQ(*t_->store->CountDossiers(), 2);
  EXPECT_FALSE(*FindParcel(*t_->store, S10(22)));  // released by the removal
}

TEST_F(ManifestTest, AddingChecksWhatCanBeCheckedBeforeSigning) {
  Manifest m = Create(Direction::kInbound, "2026-11-27 15:00");
  auto bad_digit = AddInbound(m.id, "EB000717617HK", SampleIntake(), "2026-11-27 15:01");
  ASSERT_FALSE(bad_digit);
  EXPECT_EQ(bad_digit.error().field, "parcel_number");
  EXPECT_EQ(bad_digit.error().rule, "bad_check_digit");
  workflow::IntakeRequest no_proc = SampleIntake("9.000000");
  EXPECT_EQ(AddInbound(m.id, S10(1), no_proc, "2026-11-27 15:01").error().rule, "no_such_procedure");
  workflow::IntakeRequest bad_id = SampleIntake();
  bad_id.applicant.id_number = "00109012345";  // 11 digits
  auto id_error = AddInbound(m.id, S10(1), bad_id, "2026-11-27 15:01");
  EXPECT_EQ(id_error.error().field, "applicant.id_number");
  EXPECT_EQ(id_error.error().rule, "bad_cccd");
  workflow::IntakeRequest no_address = SampleIntake();
  no_address.delivery = dossier::Delivery::kPostal;
  EXPECT_EQ(AddInbound(m.id, S10(1), no_address, "2026-11-27 15:01").error().field, "delivery_address");

  ASSERT_TRUE(AddInbound(m.id, S10(1), SampleIntake(), "2026-11-27 15:02"));
  auto twice = AddInbound(m.id, "EB 00000001 " + S10(1).substr(10, 1) + " vn", SampleIntake(), "2026-11-27 15:03");
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_EQ(twice.error().rule, "parcel_already_listed");
  Manifest other = Create(Direction::kInbound, "2026-11-27 15:04");
  EXPECT_EQ(other.id, "IN-261127-0002");
  auto elsewhere = AddInbound(other.id, S10(1), SampleIntake(), "2026-11-27 15:05");
  EXPECT_EQ(elsewhere.error().rule, "parcel_already_listed");
  EXPECT_NE(elsewhere.error().detail.find(m.id), std::string::npos) << elsewhere.error().detail;

  Manifest out = Create(Direction::kOutbound, "2026-11-27 15:06");
  EXPECT_EQ(out.id, "OUT-261127-0001");
  EXPECT_EQ(AddInbound(out.id, S10(2), SampleIntake(), "2026-11-27 15:07").error().rule, "wrong_direction");
  EXPECT_EQ(AddInbound("IN-261127-0099", S10(2), SampleIntake(), "2026-11-27 15:07").error().rule, "no_such_manifest");
  EXPECT_EQ(SignManifest(desk(), officer(), other.id, {}, At("2026-11-27 15:08")).error().rule, "empty");

  ASSERT_TRUE(SignManifest(desk(), officer(), m.id, {}, At("2026-11-27 16:00")));
  auto late = AddInbound(m.id, S10(3), SampleIntake(), "2026-11-27 16:05");
  EXPECT_EQ(late.error().field, "status");
  EXPECT_EQ(late.error().rule, "not_a_draft");
  EXPECT_EQ(SignManifest(desk(), officer(), m.id, {}, At("2026-11-27 16:06")).error().rule, "not_a_draft");
}

TEST_F(ManifestTest, SigningNeedsBothRepresentativesNamed) {
  auto m = CreateManifest(desk(), officer(), Direction::kInbound, {}, {}, At("2026-11-27 15:00"));
  ASSERT_TRUE(m);
  EXPECT_EQ(m->center.organization, "Bộ phận một cửa thử nghiệm");  // the desk's receiving unit
  ASSERT_TRUE(AddInbound(m->id, S10(1), SampleIntake(), "2026-11-27 15:01"));
  EXPECT_EQ(SignManifest(desk(), officer(), m->id, {}, At("2026-11-27 15:02")).error().field, "postal.organization");
  auto named = CreateManifest(desk(), officer(), Direction::kInbound, {.organization = "Bưu điện tỉnh Tuyên Quang"}, {},
                              At("2026-11-27 15:00"));
  ASSERT_TRUE(named);
  m = named;
  ASSERT_TRUE(AddInbound(m->id, S10(2), SampleIntake(), "2026-11-27 15:01"));
  EXPECT_EQ(SignManifest(desk(), officer(), m->id, {}, At("2026-11-27 15:02")).error().field, "postal.representative");
  EXPECT_EQ(SignManifest(desk(), officer(), m->id, {.postal_representative = "Trần Văn Bưu"}, At("2026-11-27 15:02"))
                .error().field, "center.representative");
  auto ok = SignManifest(desk(), officer(), m->id,
                         {.postal_representative = "Trần Văn Bưu", .center_representative = "Lê Thị Nhận",
                          .postal_organization = "Bưu điện thành phố Tuyên Quang"},
                         At("2026-11-27 15:03"));
  ASSERT_TRUE(ok) << ok.error().Describe();
  EXPECT_EQ(ok->manifest.postal.representative, "Trần Văn Bưu");
  EXPECT_EQ(ok->manifest.postal.organization, "Bưu điện thành phố Tuyên Quang");  // the request wins
}

// ---- roles -----------------------------------------------------------------------------------

TEST_F(ManifestTest, PostalStaffMaySignAndDeliverButNeverReceiveDirectly) {
  // Receiving at the counter is not a postal permission.
  auto direct = workflow::Receive(desk(), postal_, SampleIntake(), At("2026-11-27 15:00"));
  ASSERT_FALSE(direct);
  EXPECT_EQ(direct.error().field, "role");
  EXPECT_EQ(direct.error().rule, "not_allowed");

  // The postal worker drafts and fills the manifest, then signs with the officer named.
  Manifest m = Create(Direction::kInbound, "2026-11-27 15:00", &postal_);
  ASSERT_TRUE(AddInbound(m.id, S10(5), SampleIntake(), "2026-11-27 15:01", &postal_));
  auto unnamed = SignManifest(desk(), postal_, m.id, {}, At("2026-11-27 15:30"));
  ASSERT_FALSE(unnamed);
  EXPECT_EQ(unnamed.error().field, "center.user");
  EXPECT_EQ(unnamed.error().rule, "missing");
  auto ok = SignManifest(desk(), postal_, m.id, {.center_user = "can.bo.b"}, At("2026-11-27 15:30"));
  ASSERT_TRUE(ok) << ok.error().Describe();
  const std::string code = ok->received[0].dossier.code;
  // The dossier is received by the officer named; the manifest event says who pressed the key.
  for (const auto& e : Events(code)) EXPECT_EQ(e.actor, "can.bo.b") << e.type;
  EXPECT_EQ(ok->received[0].dossier.steps[0].actor, "can.bo.b");
  auto all = Events();
  EXPECT_EQ(all.back().type, "postal.manifest_signed");
  EXPECT_EQ(all.back().actor, "buu.ta");
  EXPECT_NE(all.back().payload_json.find("\"on_behalf_of\":\"can.bo.b\""), std::string::npos) << all.back().payload_json;

  // Nor may the postal worker change a dossier's state outside a manifest.
  auto done = workflow::Apply(desk(), postal_, code, Action::kMarkDone, {}, At("2026-11-30 09:00"));
  EXPECT_EQ(done.error().rule, "not_allowed");
  auto returned = workflow::Apply(desk(), postal_, code, Action::kReturnResult, {.receiver_name = "x"},
                                  At("2026-11-30 09:00"));
  EXPECT_EQ(returned.error().rule, "not_allowed");
}

// ---- outbound --------------------------------------------------------------------------------

TEST_F(ManifestTest, ATokenForADossierNotDoneIsRefused) {
  workflow::IntakeRequest r = SampleIntake();
  r.delivery = dossier::Delivery::kPostal;
  r.delivery_address = "Số 5, đường Quang Trung";
  auto got = workflow::Receive(desk(), officer(), r, At("2026-11-23 09:00"));
  ASSERT_TRUE(got);
  Manifest m = Create(Direction::kOutbound, "2026-11-30 14:00");
  auto early = AddOutboundItem(desk(), officer(), m.id, {.lookup = got->receipt_token}, settings_, At("2026-11-30 14:01"));
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, ErrorCode::kConflict);
  EXPECT_EQ(early.error().field, "state");
  EXPECT_EQ(early.error().rule, "not_done");
  EXPECT_NE(early.error().detail.find("received"), std::string::npos);
  ASSERT_TRUE(workflow::Apply(desk(), officer(), got->dossier.code, Action::kMarkDone, {}, At("2026-11-30 14:02")));
  // A scanner with Caps Lock on types the token in lower case: still accepted.
  std::string lower = got->receipt_token;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto added = AddOutboundItem(desk(), officer(), m.id, {.lookup = lower}, settings_, At("2026-11-30 14:03"));
  ASSERT_TRUE(added) << added.error().Describe();
  EXPECT_EQ(added->items[0].dossier_code, got->dossier.code);
  EXPECT_EQ(added->items[0].delivery_address, "Số 5, đường Quang Trung");
}

TEST_F(ManifestTest, AForgedOrForeignTokenIsRefused) {
  auto d = DonePostalDossier("2026-11-23 09:00", "2026-11-30 09:00");
  Manifest m = Create(Direction::kOutbound, "2026-11-30 14:00");
  std::string forged = d.receipt_token;
  forged.back() = forged.back() == 'A' ? 'B' : 'A';
  EXPECT_EQ(AddOutboundItem(desk(), officer(), m.id, {.lookup = forged}, settings_, At("2026-11-30 14:01")).error().rule,
            "bad_mac");
  auto other_key = codes::MakeReceiptToken({d.dossier.code, d.dossier.lookup_secret}, std::string(32, 'z'));
  auto foreign = AddOutboundItem(desk(), officer(), m.id, {.lookup = *other_key}, settings_, At("2026-11-30 14:01"));
  EXPECT_EQ(foreign.error().field, "receipt_token");
  EXPECT_EQ(foreign.error().rule, "wrong_key");
  // A genuine token whose secret is not the stored dossier's (e.g. a dossier re-created in a restored
  // database) is refused too.
  auto stale = codes::MakeReceiptToken({d.dossier.code, d.dossier.lookup_secret == "2222" ? "3333" : "2222"},
                                       desk().center_key);
  EXPECT_EQ(AddOutboundItem(desk(), officer(), m.id, {.lookup = *stale}, settings_, At("2026-11-30 14:01")).error().rule,
            "secret_mismatch");
  EXPECT_EQ(AddOutboundItem(desk(), officer(), m.id, {.lookup = "000.00.00.H56-261123-0099"}, settings_,
                            At("2026-11-30 14:01")).error().rule, "no_such_dossier");
  EXPECT_EQ(AddOutboundItem(desk(), officer(), m.id, {.lookup = "  "}, settings_, At("2026-11-30 14:01")).error().field,
            "lookup");
}

TEST_F(ManifestTest, ADossierCannotBeOnTwoOpenManifests) {
  auto d = DonePostalDossier("2026-11-23 09:00", "2026-11-30 09:00");
  Manifest first = Create(Direction::kOutbound, "2026-11-30 14:00");
  Manifest second = Create(Direction::kOutbound, "2026-11-30 14:01");
  ASSERT_TRUE(AddOutboundItem(desk(), officer(), first.id, {.lookup = d.dossier.code}, settings_, At("2026-11-30 14:02")));
  auto again = AddOutboundItem(desk(), officer(), second.id, {.lookup = d.dossier.code}, settings_, At("2026-11-30 14:03"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().field, "dossier_code");
  EXPECT_EQ(again.error().rule, "already_on_manifest");
  EXPECT_NE(again.error().detail.find(first.id), std::string::npos) << again.error().detail;
  EXPECT_EQ(AddOutboundItem(desk(), officer(), first.id, {.lookup = d.dossier.code}, settings_, At("2026-11-30 14:03"))
                .error().rule, "already_on_manifest");
  // Not awaiting dispatch while listed; cancelling the first frees it for the second.
  EXPECT_TRUE(ListAwaitingPostalDispatch(*t_->store)->empty());
  EXPECT_EQ(CancelManifest(desk(), officer(), first.id, " ", At("2026-11-30 14:04")).error().field, "reason");
  ASSERT_TRUE(CancelManifest(desk(), officer(), first.id, "Bưu tá không đến", At("2026-11-30 14:04")));
  EXPECT_EQ(ListAwaitingPostalDispatch(*t_->store)->size(), 1u);
  EXPECT_TRUE(AddOutboundItem(desk(), officer(), second.id, {.lookup = d.dossier.code}, settings_, At("2026-11-30 14:05")));
  EXPECT_EQ(RemoveItem(desk(), officer(), first.id, d.dossier.code, At("2026-11-30 14:06")).error().rule, "not_a_draft");
}

TEST_F(ManifestTest, OnlyResultsThatGoByPostAreHandedToThePostalWorker) {
  auto counter = workflow::Receive(desk(), officer(), SampleIntake(), At("2026-11-23 09:00"));
  ASSERT_TRUE(workflow::Apply(desk(), officer(), counter->dossier.code, Action::kMarkDone, {}, At("2026-11-30 09:00")));
  Manifest m = Create(Direction::kOutbound, "2026-11-30 14:00");
  auto refused = AddOutboundItem(desk(), officer(), m.id, {.lookup = counter->dossier.code}, settings_, At("2026-11-30 14:01"));
  EXPECT_EQ(refused.error().field, "delivery");
  EXPECT_EQ(refused.error().rule, "not_postal");
  EXPECT_TRUE(ListAwaitingPostalDispatch(*t_->store)->empty());
  Manifest in = Create(Direction::kInbound, "2026-11-30 14:02");
  auto d = DonePostalDossier("2026-11-23 09:00", "2026-11-30 09:00");
  EXPECT_EQ(AddOutboundItem(desk(), officer(), in.id, {.lookup = d.dossier.code}, settings_, At("2026-11-30 14:03"))
                .error().rule, "wrong_direction");
}

TEST_F(ManifestTest, OutboundSigningReturnsEveryDossierToThePostalWorker) {
  auto a = DonePostalDossier("2026-11-23 09:00", "2026-11-30 09:00");
  auto b = DonePostalDossier("2026-11-23 09:10", "2026-11-30 09:10", "9.999001");  // a paper result, not digitized
  Manifest m = Create(Direction::kOutbound, "2026-11-30 14:00");
  ASSERT_TRUE(AddOutboundItem(desk(), officer(), m.id, {.lookup = a.dossier.code, .parcel_number = S10(700)}, settings_,
                              At("2026-11-30 14:01")));
  auto no_reason = AddOutboundItem(desk(), officer(), m.id, {.lookup = b.receipt_token}, settings_, At("2026-11-30 14:02"));
  EXPECT_EQ(no_reason.error().field, "no_digital_result_reason");
  ASSERT_TRUE(AddOutboundItem(desk(), officer(), m.id,
                              {.lookup = b.receipt_token, .originals_returned = true,
                               .no_digital_result_reason = "Kết quả bản giấy có dấu đỏ"},
                              settings_, At("2026-11-30 14:02")));
  auto missing = SignManifest(desk(), officer(), m.id, {}, At("2026-11-30 14:10"));
  EXPECT_EQ(missing.error().field, "items[1].parcel_number");
  EXPECT_EQ(missing.error().rule, "missing");
  EXPECT_EQ(SetItemParcelNumber(desk(), officer(), m.id, b.dossier.code, "RR473124820GB", settings_,
                                At("2026-11-30 14:11")).error().rule, "bad_check_digit");
  ASSERT_TRUE(SetItemParcelNumber(desk(), officer(), m.id, b.dossier.code, "RR473124829GB", settings_,
                                  At("2026-11-30 14:11")));

  auto s = SignManifest(desk(), officer(), m.id, {}, At("2026-11-30 14:15"));
  ASSERT_TRUE(s) << s.error().Describe();
  ASSERT_EQ(s->returned.size(), 2u);
  for (const dossier::Dossier& d : s->returned) {
    EXPECT_EQ(d.state, State::kReturned);
    EXPECT_EQ(d.returned_at, At("2026-11-30 14:15"));
    ASSERT_TRUE(d.result_return);
    EXPECT_EQ(d.result_return->receiver_name, "Trần Văn Bưu");
    EXPECT_EQ(d.result_return->receiver_id, "BT-0042");
  }
  EXPECT_TRUE(s->returned[1].result_return->originals_returned);
  EXPECT_EQ(s->returned[1].result_return->no_digital_result_reason, "Kết quả bản giấy có dấu đỏ");
  EXPECT_EQ((*FindParcel(*t_->store, "RR473124829GB"))->dossier_code, b.dossier.code);
  EXPECT_EQ(ResolveDossierCode(desk(), "rr 473 124 829 gb").value_or(""), b.dossier.code);
}

TEST_F(ManifestTest, AResultIsFoundByTheParcelNumberItCameIn) {
  Manifest in = Create(Direction::kInbound, "2026-11-27 15:00");
  workflow::IntakeRequest r = SampleIntake();
  r.delivery = dossier::Delivery::kPostal;
  r.delivery_address = "Thôn Đồng Tâm, xã Hùng Lợi";
  ASSERT_TRUE(AddInbound(in.id, "EE471108151FR", r, "2026-11-27 15:01"));
  auto s = SignManifest(desk(), officer(), in.id, {}, At("2026-11-27 16:30"));
  ASSERT_TRUE(s);
  const std::string code = s->received[0].dossier.code;
  ASSERT_TRUE(workflow::Apply(desk(), officer(), code, Action::kMarkDone, {}, At("2026-12-03 10:00")));
  auto waiting = ListAwaitingPostalDispatch(*t_->store);
  ASSERT_EQ(waiting->size(), 1u);
  EXPECT_EQ((*waiting)[0].dossier_code, code);
  EXPECT_EQ((*waiting)[0].delivery_address, "Thôn Đồng Tâm, xã Hùng Lợi");
  Manifest out = Create(Direction::kOutbound, "2026-12-03 14:00");
  auto added = AddOutboundItem(desk(), officer(), out.id, {.lookup = "EE 471 108 151 FR", .parcel_number = S10(9)},
                               settings_, At("2026-12-03 14:01"));
  ASSERT_TRUE(added) << added.error().Describe();
  EXPECT_EQ(added->items[0].dossier_code, code);
  EXPECT_EQ(ResolveDossierCode(desk(), "EB999999999VN").error().rule, "no_such_dossier");
}

// ---- delivery --------------------------------------------------------------------------------

TEST_F(ManifestTest, DeliveryIsRecordedPerItemAfterFailedAttempts) {
  auto a = DonePostalDossier("2026-11-23 09:00", "2026-11-30 09:00");
  auto b = DonePostalDossier("2026-11-23 09:10", "2026-11-30 09:10");
  Manifest m = Create(Direction::kOutbound, "2026-11-30 14:00");
  ASSERT_TRUE(AddOutboundItem(desk(), officer(), m.id, {.lookup = a.dossier.code, .parcel_number = S10(801)}, settings_,
                              At("2026-11-30 14:01")));
  ASSERT_TRUE(AddOutboundItem(desk(), officer(), m.id, {.lookup = b.dossier.code, .parcel_number = S10(802)}, settings_,
                              At("2026-11-30 14:02")));
  EXPECT_EQ(RecordDelivery(desk(), postal_, m.id, S10(801), {.receiver_name = "x"}, At("2026-11-30 14:03"))
                .error().rule, "not_signed");
  ASSERT_TRUE(SignManifest(desk(), officer(), m.id, {}, At("2026-11-30 14:15")));

  EXPECT_EQ(RecordDelivery(desk(), postal_, m.id, S10(801), {.delivered = false}, At("2026-12-01 10:00")).error().field,
            "reason");
  EXPECT_EQ(RecordDelivery(desk(), postal_, m.id, S10(801), {}, At("2026-12-01 10:00")).error().field, "receiver_name");
  EXPECT_EQ(RecordDelivery(desk(), postal_, m.id, S10(801), {.receiver_name = "x", .at = At("2026-11-30 14:00")},
                           At("2026-12-01 10:00")).error().rule, "before_signing");
  EXPECT_EQ(RecordDelivery(desk(), postal_, m.id, S10(801), {.receiver_name = "x", .at = At("2026-12-02 10:00")},
                           At("2026-12-01 10:00")).error().rule, "in_the_future");
  EXPECT_EQ(RecordDelivery(desk(), postal_, m.id, "EB000000000VN", {.receiver_name = "x"}, At("2026-12-01 10:00"))
                .error().rule, "no_such_item");

  auto failed = RecordDelivery(desk(), postal_, m.id, S10(801), {.delivered = false, .reason = "Không có người nhận"},
                               At("2026-12-01 10:00"));
  ASSERT_TRUE(failed) << failed.error().Describe();
  EXPECT_EQ(failed->items[0].delivery.status, DeliveryStatus::kFailed);
  EXPECT_EQ(failed->items[0].delivery.failed_attempts, 1);
  EXPECT_EQ(failed->status, ManifestStatus::kSigned);
  auto first = RecordDelivery(desk(), postal_, m.id, b.dossier.code,
                              {.receiver_name = "Nguyễn Thị Thử", .at = At("2026-12-01 09:30")}, At("2026-12-01 10:05"));
  ASSERT_TRUE(first) << first.error().Describe();
  EXPECT_EQ(first->status, ManifestStatus::kSigned);
  auto retried = RecordDelivery(desk(), postal_, m.id, S10(801), {.receiver_name = "Nguyễn Văn Nhà (người thân)"},
                                At("2026-12-02 09:00"));
  ASSERT_TRUE(retried) << retried.error().Describe();
  EXPECT_EQ(retried->status, ManifestStatus::kDelivered);
  EXPECT_EQ(retried->closed_at, At("2026-12-02 09:00"));
  EXPECT_EQ(retried->items[0].delivery.failed_attempts, 1);
  EXPECT_EQ(retried->items[1].delivery.at, At("2026-12-01 09:30"));
  auto twice = RecordDelivery(desk(), postal_, m.id, S10(801), {.receiver_name = "x"}, At("2026-12-02 09:05"));
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_EQ(twice.error().rule, "already_delivered");

  auto events = Events(a.dossier.code);
  ASSERT_GE(events.size(), 2u);
  EXPECT_EQ(events[events.size() - 2].type, "dossier.delivery_failed");
  EXPECT_NE(events[events.size() - 2].payload_json.find("Không có người nhận"), std::string::npos);
  EXPECT_EQ(events.back().type, "dossier.result_delivered");
  EXPECT_EQ(events.back().actor, "buu.ta");
  auto d = t_->store->GetDossier(a.dossier.code);
  EXPECT_EQ((*d)->state, State::kReturned);
}

// ---- the journal -----------------------------------------------------------------------------

TEST_F(ManifestTest, TheJournalHasOneEventPerDossierChange) {
  Manifest in = Create(Direction::kInbound, "2026-11-27 15:00");
  workflow::IntakeRequest r = SampleIntake();
  r.delivery = dossier::Delivery::kPostal;
  r.delivery_address = "Thôn Đồng Tâm, xã Hùng Lợi";
  ASSERT_TRUE(AddInbound(in.id, S10(101), r, "2026-11-27 15:01"));
  ASSERT_TRUE(AddInbound(in.id, S10(102), r, "2026-11-27 15:02"));
  auto s = SignManifest(desk(), officer(), in.id, {}, At("2026-11-27 16:30"));
  ASSERT_TRUE(s);
  Manifest out = Create(Direction::kOutbound, "2026-12-03 14:00");
  int serial = 200;
  for (const auto& got : s->received) {
    ASSERT_TRUE(workflow::Apply(desk(), officer(), got.dossier.code, Action::kMarkDone, {}, At("2026-12-03 10:00")));
    ASSERT_TRUE(AddOutboundItem(desk(), officer(), out.id, {.lookup = got.receipt_token, .parcel_number = S10(serial++)},
                                settings_, At("2026-12-03 14:01")));
  }
  ASSERT_TRUE(SignManifest(desk(), postal_, out.id, {.center_user = "can.bo.a"}, At("2026-12-03 14:30")));
  ASSERT_TRUE(RecordDelivery(desk(), postal_, out.id, s->received[0].dossier.code, {.receiver_name = "Nguyễn Thị Thử"},
                             At("2026-12-04 09:00")));

  const std::vector<std::string> expected = {"dossier.received", "dossier.mark_done", "dossier.return_result",
                                             "dossier.result_delivered"};
  for (const auto& got : s->received) {
    auto events = Events(got.dossier.code);
    auto d = t_->store->GetDossier(got.dossier.code);
    // One event per change, and every change left one step on the dossier.
    EXPECT_EQ(events.size(), (*d)->steps.size());
    std::vector<std::string> types;
    for (const auto& e : events) types.push_back(e.type);
    if (&got == &s->received[0]) EXPECT_EQ(types, expected);
    else EXPECT_EQ(types, std::vector<std::string>(expected.begin(), expected.end() - 1));
  }
  std::map<std::string, int> manifest_events;
  for (const auto& e : Events())
    if (e.dossier_code.empty()) ++manifest_events[e.type];
  EXPECT_EQ(manifest_events["postal.manifest_created"], 2);
  EXPECT_EQ(manifest_events["postal.manifest_item_added"], 4);
  EXPECT_EQ(manifest_events["postal.manifest_signed"], 2);
  auto check = t_->store->VerifyJournal();
  ASSERT_TRUE(check);
  EXPECT_TRUE(check->ok) << check->problem;
}

// ---- queries ---------------------------------------------------------------------------------

TEST_F(ManifestTest, ListsManifestsByDirectionAndStatus) {
  Manifest a = Create(Direction::kInbound, "2026-11-27 15:00");
  Manifest b = Create(Direction::kInbound, "2026-11-27 15:01");
  Manifest c = Create(Direction::kOutbound, "2026-11-27 15:02");
  ASSERT_TRUE(AddInbound(a.id, S10(1), SampleIntake(), "2026-11-27 15:03"));
  ASSERT_TRUE(SignManifest(desk(), officer(), a.id, {}, At("2026-11-27 15:10")));
  auto inbound = ListManifests(*t_->store, {.direction = Direction::kInbound});
  ASSERT_TRUE(inbound);
  ASSERT_EQ(inbound->size(), 2u);
  EXPECT_EQ((*inbound)[0].id, a.id);  // newest change first
  auto drafts = ListManifests(*t_->store, {.status = ManifestStatus::kDraft});
  ASSERT_EQ(drafts->size(), 2u);
  auto outbound_drafts = ListManifests(*t_->store, {.direction = Direction::kOutbound, .status = ManifestStatus::kDraft});
  ASSERT_EQ(outbound_drafts->size(), 1u);
  EXPECT_EQ((*outbound_drafts)[0].id, c.id);
  EXPECT_EQ(GetManifest(*t_->store, "OUT-000000-0000").error().rule, "no_such_manifest");
  EXPECT_EQ(GetManifest(*t_->store, b.id)->items.size(), 0u);
}

TEST_F(ManifestTest, SettingsComeFromTheStore) {
  auto defaults = LoadPostalSettings(*t_->store);
  ASSERT_TRUE(defaults);
  EXPECT_TRUE(defaults->parcel_numbers.accept_s10);
  EXPECT_TRUE(defaults->parcel_numbers.other_formats.empty());
  auto put = [&](const char* key, const char* value) {
    ASSERT_TRUE(
        motcua::testing::WriteJournaled(*t_->store, [&](store::WriteTx& tx) { return tx.PutSetting(key, value); }));
  };
  put("postal.parcel_formats", "VTP-########, ##########");
  put("postal.accept_s10", "false");
  put("postal.organization", " Bưu điện tỉnh Tuyên Quang ");
  auto s = LoadPostalSettings(*t_->store);
  ASSERT_TRUE(s) << s.error().Describe();
  EXPECT_FALSE(s->parcel_numbers.accept_s10);
  EXPECT_EQ(s->parcel_numbers.other_formats, (std::vector<std::string>{"VTP-########", "##########"}));
  EXPECT_EQ(s->postal_organization, "Bưu điện tỉnh Tuyên Quang");
  // A configured operator format is accepted when adding.
  Manifest m = Create(Direction::kInbound, "2026-11-27 15:00");
  EXPECT_TRUE(AddInboundItem(desk(), officer(), m.id, {"vtp-12345678", SampleIntake(), ""}, *s, At("2026-11-27 15:01")));
  put("postal.parcel_formats", "[0-9]+");
  EXPECT_EQ(LoadPostalSettings(*t_->store).error().field, "postal.parcel_formats");
  put("postal.accept_s10", "yes");
  EXPECT_EQ(LoadPostalSettings(*t_->store).error().field, "postal.accept_s10");
}

TEST_F(ManifestTest, ManifestIdsFollowTheStationSlot) {
  std::filesystem::create_directories(dir_ / "slot3");
  auto desk3 = motcua::testing::MakeTestDesk(dir_ / "slot3", {.station_slot = 3});
  ASSERT_TRUE(desk3);
  auto m = CreateManifest(desk3->desk, officer(), Direction::kOutbound, PostalParty(), CenterParty(), At("2026-11-27 15:00"));
  ASSERT_TRUE(m) << m.error().Describe();
  EXPECT_EQ(m->id, "OUT-261127-3000");
}

}  // namespace
}  // namespace motcua::postal
