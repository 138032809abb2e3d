#include "seeded_center.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>

#include "auth/accounts.h"
#include "common/crypto.h"
#include "rating/rating.h"
#include "workflow/desk.h"

namespace motcua::reports::testing {
namespace {

using dossier::Action;
using motcua::testing::At;
using workflow::Actor;
using workflow::Role;
using std::chrono::hours;
using std::chrono::minutes;

// SplitMix64: the same sequence on every standard library.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int Below(int n) { return int(Next() % std::uint64_t(n)); }
  bool Chance(int percent) { return Below(100) < percent; }

 private:
  std::uint64_t state_;
};

const std::map<std::string, std::string>& Names() {
  static const std::map<std::string, std::string> names = {
      {"tn.an", "Nguyễn Văn An"},       {"tn.binh", "Trần Thị Bình"},    {"xl.minhxuan", "Hoàng Văn Xuân"},
      {"xl.phanthiet", "Lê Thị Thiết"}, {"xl.tuphap", "Phạm Minh Pháp"}, {"lanh.dao", "Đỗ Thị Lãnh"}};
  return names;
}

catalog::Procedure ProvinceProcedure() {
  catalog::Procedure p;
  p.code = "9.999003";
  p.name = "Thủ tục thử nghiệm cấp tỉnh có lệ phí";
  p.group = "thử nghiệm";
  p.level = catalog::Level::kProvince;
  p.agency = kTuPhap;
  p.subject = "citizen";
  p.processing.standard = calendar::Duration{10, calendar::DurationUnit::kWorkingDays};
  p.fees = {{"Lệ phí thử nghiệm cấp tỉnh", 50000, "", "reception", ""}};
  p.components = {{"TP1", "Đơn đề nghị", "", 1, 0, false, true}, {"TP2", "Bản sao giấy tờ", "", 0, 1, false, true}};
  p.results = {{"Văn bản trả lời", "", false}};
  p.sources = {"fictional test procedure"};
  return p;
}

dossier::Attachment FakeScan(int dossier, int part) {
  char sha[65];
  std::snprintf(sha, sizeof sha, "%032x%032x", dossier + 1, part + 1);
  return {sha, "application/pdf", 1, 1024, "scan.pdf", "", Instant{}};
}

const char* kFamily[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"};
const char* kGiven[] = {"Thị Hoa", "Văn Hùng", "Thị Lan", "Minh Đức", "Thu Hằng", "Quốc Bảo", "Ngọc Ánh", "Đình Khôi"};

// Working days of August and July 2026 in the real calendar (Saturday 22 August is a make-up day).
const int kAugustDays[] = {3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 17, 18, 19, 20, 21, 22, 24, 25, 26, 27};
const int kJulyDays[] = {1, 2, 3, 6, 7, 8, 9, 10, 13, 14, 15, 16, 17, 20, 21, 22, 23, 24};

Instant Day(int month, int day, int minutes_after_eight) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "2026-%02d-%02d 08:00", month, day);
  return At(buf) + minutes(minutes_after_eight);
}

}  // namespace

std::string DisplayName(const std::string& user) {
  auto it = Names().find(user);
  return it == Names().end() ? user : it->second;
}

std::unique_ptr<SeededCenter> SeedCenter(const std::filesystem::path& dir, const SeedOptions& options) {
  auto c = std::make_unique<SeededCenter>();
  c->t = motcua::testing::MakeTestDesk(dir);
  if (!c->t) return nullptr;
  c->now = At("2026-08-27 10:00");
  c->units = {kPhanThiet, kMinhXuan, kTuPhap};
  std::sort(c->units.begin(), c->units.end());
  auto map = dossier::LoadStatusMap(std::filesystem::path(MOTCUA_ASSETS_DIR) / "dvc" / "status-map.json");
  if (!map) {
    ADD_FAILURE() << map.error().Describe();
    return nullptr;
  }
  c->status_map = *map;
  store::Store& store = *c->t->store;
  const workflow::Desk& desk = c->t->desk;
  bool failed = false;
  auto check = [&](const auto& result, const std::string& what) {
    if (!result.has_value()) {
      ADD_FAILURE() << what << ": " << result.error().Describe();
      failed = true;
    }
    return result.has_value();
  };

  if (!check(motcua::testing::WriteJournaled(store, [](store::WriteTx& tx) { return tx.UpsertProcedure(ProvinceProcedure()); }),
             "procedure"))
    return nullptr;

  // Accounts with display names (cheap argon2id: tests only).
  (void)InitCrypto();
  const auth::AuthSettings fast{.argon2_opslimit = auth::kArgon2OpsMin, .argon2_memlimit_bytes = auth::kArgon2MemMinBytes};
  auto admin = auth::BootstrapAdmin(store, {"quan.tri", "Quản Trị Viên", Role::kAdmin, ""}, "Quản-trị-2026!",
                                    At("2026-07-01 07:30"), fast);
  if (!check(admin, "bootstrap")) return nullptr;
  const Actor admin_actor{"quan.tri", Role::kAdmin, "station-1"};
  for (const auto& [user, name] : Names()) {
    const Role role = user == "lanh.dao" ? Role::kSupervisor : Role::kOfficer;
    if (!check(auth::AddUser(store, admin_actor, {user, name, role, ""}, "Mật-khẩu-2026!", At("2026-07-01 07:40"), fast),
               "add user " + user))
      return nullptr;
  }

  const Actor desk_officers[] = {{"tn.an", Role::kOfficer, "station-1"}, {"tn.binh", Role::kOfficer, "station-2"}};
  const std::map<std::string, Actor> unit_officer = {{kMinhXuan, {"xl.minhxuan", Role::kOfficer, "station-3"}},
                                                     {kPhanThiet, {"xl.phanthiet", Role::kOfficer, "station-4"}},
                                                     {kTuPhap, {"xl.tuphap", Role::kOfficer, "station-5"}}};
  const Actor kiosk{"kiosk-1", Role::kOfficer, "kiosk-1"};
  const Actor supervisor{"lanh.dao", Role::kSupervisor, "station-9"};
  const Instant now = c->now;

  Rng rng(options.seed);
  const int total = options.july_dossiers + options.august_dossiers;
  for (int i = 0; i < total && !failed; ++i) {
    DossierTruth t;
    t.in_august = i >= options.july_dossiers;
    const int u = rng.Below(10);
    t.unit = u < 4 ? kMinhXuan : u < 7 ? kPhanThiet : kTuPhap;
    t.procedure_code = t.unit == kTuPhap ? "9.999003" : rng.Chance(60) ? "1.004222" : "9.999001";
    t.fee = t.procedure_code != "1.004222";
    const bool paper_result = t.procedure_code == "9.999001";
    if (t.in_august) {
      const int day = kAugustDays[rng.Below(int(std::size(kAugustDays)))];
      t.received_at = Day(8, day, day == 27 ? rng.Below(80) : rng.Below(420));
    } else {
      t.received_at = Day(7, kJulyDays[rng.Below(int(std::size(kJulyDays)))], rng.Below(300));
    }
    const Actor& front = desk_officers[rng.Below(2)];
    const Actor& officer = unit_officer.at(t.unit);

    workflow::IntakeRequest req = motcua::testing::SampleIntake(t.procedure_code);
    req.received_at = t.received_at;
    req.processing_unit = t.unit;
    req.channel = rng.Chance(25) ? dossier::Channel::kOnline : dossier::Channel::kCounter;
    char id[16];
    std::snprintf(id, sizeof id, "0010901%05d", i);
    req.applicant.id_number = id;
    req.applicant.name = std::string(kFamily[rng.Below(8)]) + " " + kGiven[rng.Below(8)];
    t.applicant_name = req.applicant.name;
    auto received = workflow::Receive(desk, front, req, t.received_at);
    if (!check(received, "receive #" + std::to_string(i))) break;
    const dossier::Dossier d = received->dossier;
    t.code = d.code;
    t.original_due_at = d.original_due_at;
    t.current_due_at = d.due_at;
    const Instant r = t.received_at;
    const Instant due = *d.due_at;

    t.components_digitized = rng.Chance(70);
    if (t.components_digitized)
      for (std::size_t k = 0; k < d.components.size(); ++k)
        if (!d.components[k].shown_only)
          check(workflow::AttachComponentFile(desk, front, t.code, int(k), FakeScan(i, int(k)), r + minutes(5)),
                "scan " + t.code);

    auto apply = [&](const Actor& who, Action a, const workflow::ActionDetails& details, Instant at) {
      return check(workflow::Apply(desk, who, t.code, a, details, at), std::string(dossier::ActionKey(a)) + " " + t.code);
    };
    auto finish = [&](Instant done_at, bool allow_return) {
      t.result_digitized = rng.Chance(60);
      if (t.result_digitized) {
        dossier::ResultDocument result;
        result.name = d.results.at(0).name;
        result.file = FakeScan(i, 99);
        check(workflow::RecordResult(desk, officer, t.code, result, done_at - minutes(5)), "result " + t.code);
      }
      apply(officer, Action::kMarkDone, {}, done_at);
      t.finished = true;
      t.finished_at = done_at;
      if (allow_return && done_at + hours(2) <= now && rng.Chance(70)) {
        workflow::ActionDetails back{.receiver_name = t.applicant_name};
        if (paper_result && !t.result_digitized) back.no_digital_result_reason = "Kết quả giấy, chưa số hóa";
        apply(front, Action::kReturnResult, back, done_at + hours(2));
        t.returned = true;
      }
      if (done_at + hours(3) <= now && rng.Chance(45)) {
        rating::NewRating rate;
        rate.dossier_code = t.code;
        t.unsatisfied = rng.Chance(25);
        rate.value = t.unsatisfied ? rating::RatingValue::kUnsatisfied
                                   : (rng.Chance(50) ? rating::RatingValue::kSatisfied : rating::RatingValue::kVerySatisfied);
        rate.has_complaint = rng.Chance(10);
        t.rated = check(rating::RecordRating(store, kiosk, rate, done_at + hours(3)), "rating " + t.code);
      }
    };

    if (!t.in_august) {
      // July: taken up at once, finished the same day, returned.
      t.hold = Hold::kUnitOfficer;
      apply(front, Action::kTransfer, {}, r + minutes(30));
      apply(officer, Action::kStartProcessing, {}, r + minutes(60));
      finish(r + hours(2), true);
      c->truth.push_back(std::move(t));
      continue;
    }

    const int h = rng.Below(100);
    t.hold = h < 65 ? Hold::kUnitOfficer : h < 75 ? Hold::kLateTakeover : h < 85 ? Hold::kDesk : Hold::kHandedOver;
    if (r + minutes(100) > now) t.hold = Hold::kDesk;  // received this morning: nothing else has happened yet
    if (t.hold != Hold::kDesk) apply(front, Action::kTransfer, {}, r + minutes(30));

    if (t.hold == Hold::kUnitOfficer) {
      apply(officer, Action::kStartProcessing, {}, r + minutes(60));
      if (t.fee) {
        const int pay = rng.Below(100);
        if (pay < 70) {
          const int paid_online = pay < 40 ? 1 + rng.Below(2) : 0;
          t.paid = true;
          t.paid_online = paid_online != 0;
          apply(officer, Action::kRequestPayment, {}, r + minutes(70));
          apply(officer, Action::kRecordPayment, {.paid_online = paid_online}, r + minutes(80));
        }
      }
      const int o = rng.Below(100);
      enum { kOnTime, kLate, kOpen, kSupplement } outcome = o < 55 ? kOnTime : o < 75 ? kLate : o < 95 ? kOpen : kSupplement;
      Instant done_at{};
      if (outcome == kOnTime) {
        done_at = std::min(due - minutes(30), now - minutes(30));
        if (done_at < r + minutes(100)) outcome = kOpen;
      } else if (outcome == kLate) {
        done_at = due + hours(1 + rng.Below(48));
        if (done_at > now - minutes(30)) outcome = kOpen;
      }
      if (outcome == kSupplement) {
        apply(officer, Action::kRequestSupplement, {.reason = "Thiếu giấy tờ", .items = {"Bản sao giấy tờ"}},
              r + minutes(90));
        t.paused = true;
      } else if (outcome == kOpen) {
        const Instant apology_at = due - hours(1);
        if (apology_at > r + minutes(90) && apology_at <= now && rng.Chance(30)) {
          t.apology = check(workflow::IssueApology(desk, officer, t.code, due + hours(72), "Chờ xác minh", apology_at),
                            "apology " + t.code);
          if (t.apology) t.current_due_at = due + hours(72);
        }
      } else {
        finish(done_at, true);
      }
    } else if (t.hold == Hold::kLateTakeover) {
      const Instant start = due + hours(1);
      if (start <= now - minutes(60)) {
        apply(officer, Action::kStartProcessing, {}, start);
        if (start + minutes(30) <= now - minutes(20)) finish(start + minutes(30), false);
        t.expected_officer = officer.user;
      }
    }

    t.late_now = t.finished ? *t.finished_at > due : (!t.paused && due < now);
    if (t.late_now) {
      switch (t.hold) {
        case Hold::kUnitOfficer: t.expected_officer = officer.user; break;
        case Hold::kLateTakeover: break;  // set above when someone took it over
        case Hold::kDesk: t.expected_officer = front.user; break;
        case Hold::kHandedOver: t.expected_officer.clear(); break;
      }
    } else {
      t.expected_officer.clear();
    }
    c->truth.push_back(std::move(t));
  }
  if (failed) return nullptr;

  // The supervisor's PAKN counts for August.
  const rating::PaknMonth pakn[] = {
      {.unit = kMinhXuan, .year = 2026, .month = 8, .received = 4, .on_time = 4},
      {.unit = kPhanThiet, .year = 2026, .month = 8, .received = 6, .on_time = 5, .unsatisfied = 1},
      {.unit = kTuPhap, .year = 2026, .month = 8, .received = 3, .on_time = 3, .repeated = 1}};
  for (const auto& p : pakn)
    if (!check(rating::RecordPaknCounts(store, supervisor, p, now), "pakn")) return nullptr;
  return c;
}

}  // namespace motcua::reports::testing
