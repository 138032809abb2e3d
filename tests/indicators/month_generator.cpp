#include "indicators/month_generator.h"

#include <chrono>
#include <cstdio>

namespace motcua::indicators::testing {
namespace {

using namespace std::chrono;
using dvc::Channel;
using dvc::NationalRecord;
using dvc::NationalStatus;

Instant At(LocalDate d, int hour, int minute) {
  return Instant{d.time_since_epoch() + hours{hour} + minutes{minute} - kVietnamUtcOffset};
}

bool IsWeekday(LocalDate d) {
  const weekday wd{d};
  return wd != Saturday && wd != Sunday;
}

// Real procedure names (Vietnamese), cycled with a number when more are needed.
const char* const kProcedureNames[] = {
    "Đăng ký khai sinh", "Đăng ký kết hôn", "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
    "Cấp giấy phép xây dựng", "Đăng ký thường trú", "Cấp Phiếu lý lịch tư pháp",
    "Đăng ký thành lập hộ kinh doanh", "Đăng ký biến động quyền sử dụng đất", "Đăng ký khai tử",
    "Cấp bản sao trích lục hộ tịch", "Xác nhận tình trạng hôn nhân", "Cấp giấy phép lái xe",
    "Đăng ký hoạt động tín ngưỡng", "Cấp giấy chứng nhận đủ điều kiện kinh doanh thuốc",
    "Thẩm định thiết kế xây dựng", "Đăng ký nhận cha, mẹ, con",
};
const char* const kUnitNames[] = {"Sở Tư pháp", "Sở Xây dựng", "Sở Nông nghiệp và Môi trường",
                                  "UBND phường Minh Xuân", "UBND xã Yên Sơn", "Sở Y tế", "Công an tỉnh"};
const char* const kUnitKeys[] = {"STP", "SXD", "SNNMT", "PMX", "XYS", "SYT", "CAT"};
const char* const kApplicants[] = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Thu Dung",
                                   "Hoàng Đức Em", "Vũ Thị Giang", "Công ty TNHH Tân Trào"};

// Timeliness scenarios and their weights (percent of the population, roughly).
enum Scenario {
  kFinishedEarly, kFinishedAtDue, kFinishedLate, kSupplementSaves, kSupplementStillLate, kTwoSupplements,
  kPendingBeforeDue, kPendingAfterDue, kOpenNotDue, kOpenOverdue, kProcessedThenReturnedLate, kNoDueWithin,
  kNoDueOpenBeyond, kRefusedInTime, kWithdrawn, kScenarioCount
};
constexpr int kWeights[kScenarioCount] = {40, 2, 10, 6, 3, 2, 4, 2, 8, 6, 5, 4, 2, 3, 1};
constexpr const char* kScenarioNames[kScenarioCount] = {
    "finished_early", "finished_at_due", "finished_late", "supplement_saves", "supplement_still_late",
    "two_supplements", "pending_before_due", "pending_after_due", "open_not_due", "open_overdue",
    "processed_then_returned_late", "no_due_within", "no_due_open_beyond", "refused_in_time", "withdrawn"};

}  // namespace

std::uint64_t Rng::Next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
int Rng::Below(int n) { return n <= 1 ? 0 : int(Next() % std::uint64_t(n)); }
int Rng::Between(int lo, int hi) { return lo + Below(hi - lo + 1); }
bool Rng::Chance(int percent) { return Below(100) < percent; }

GeneratedMonth GenerateMonth(const GeneratorOptions& o) {
  GeneratedMonth g;
  Rng rng(o.seed);
  g.period = MonthPeriod(o.year, o.month);
  const LocalDate first = g.period.from;
  const LocalDate last = g.period.to;
  const int month_days = int((last - first).count()) + 1;
  auto day = [&](int n) { return first + days{n - 1}; };  // n = 1..month_days
  // A working day of the month with day number in [lo, hi] (falls forward to the next weekday).
  auto workday_in = [&](int lo, int hi) {
    LocalDate d = day(rng.Between(lo, std::min(hi, month_days)));
    while (!IsWeekday(d)) d += days{1};
    return d;
  };

  // Units.
  const int unit_count = std::max(1, o.units);
  for (int u = 0; u < unit_count; ++u)
    g.unit_keys.push_back(u < 7 ? kUnitKeys[u] : "DV" + std::to_string(u));
  auto unit_name = [&](int u) { return u < 7 ? std::string(kUnitNames[u]) : "Đơn vị " + std::to_string(u); };

  // Procedures.
  for (int i = 0; i < o.procedures; ++i) {
    ProcedureFacts p;
    char code[16];
    std::snprintf(code, sizeof code, "2.%06d", 1000 + i);
    p.code = code;
    p.name = kProcedureNames[i % 16];
    if (i >= 16) p.name += " (" + std::to_string(i / 16 + 1) + ")";
    const int level = rng.Below(10);
    p.online_level = level < 3 ? ProcedureFacts::OnlineLevel::kNone
                     : level < 7 ? ProcedureFacts::OnlineLevel::kPartial
                                 : ProcedureFacts::OnlineLevel::kFull;
    p.full_online_eligible = p.online_level == ProcedureFacts::OnlineLevel::kFull ||
                             (p.online_level == ProcedureFacts::OnlineLevel::kPartial && rng.Chance(20));
    p.has_fee = rng.Chance(40);
    p.paper_result_required = rng.Chance(50);
    p.citizen_subject = rng.Chance(70);
    const int dur = rng.Below(5);
    p.max_duration = dur == 4 ? calendar::Duration{15, calendar::DurationUnit::kCalendarDays}
                              : calendar::Duration{3 + 3 * dur, calendar::DurationUnit::kWorkingDays};
    p.unit_codes.push_back(g.unit_keys[std::size_t(i % unit_count)]);
    if (unit_count > 1 && rng.Chance(25)) p.unit_codes.push_back(g.unit_keys[std::size_t((i + 1) % unit_count)]);

    // Publicity: 40% announced in the first 20 days (so 1.2's deadline also falls in the period).
    ProcedureTruth t;
    if (rng.Chance(40)) {
      LocalDate a = workday_in(1, 20);
      p.announced_on = a;
      t.announced_in_period = true;
      if (rng.Chance(85)) {
        t.has_legal_date = true;
        t.announced_on_time = rng.Chance(70);
        // 20 calendar days leave >= 5 working days; 2 do not.
        p.legal_effective_on = a + days{t.announced_on_time ? 20 : 2};
      }
      t.publicize_in_population = true;
      t.publicized_on_time = rng.Chance(75);
      p.publicized_on = a + days{t.publicized_on_time ? 1 : 15};
    } else if (rng.Chance(50)) {
      p.announced_on = first - days{120};  // long ago: in neither 1.1 nor 1.2
      p.legal_effective_on = first - days{90};
      p.publicized_on = first - days{119};
    }
    const int content = rng.Below(20);
    if (content < 18) p.content_complete = true;
    else if (content == 18) p.content_complete = false;
    g.procedures.push_back(std::move(p));
    g.procedure_truth.push_back(t);
  }

  // PAKN per unit: the first unit has none (the zero-PAKN rule).
  for (int u = 0; u < unit_count; ++u) {
    PaknCounts c;
    if (u > 0) {
      c.total = rng.Between(1, 8);
      c.on_time = rng.Between(0, int(c.total));
      c.satisfied = rng.Between(0, int(c.total));
      c.about_procedures = rng.Between(0, int(c.total));
      c.about_staff = c.total - c.about_procedures;
    }
    g.pakn_by_unit[g.unit_keys[std::size_t(u)]] = c;
  }
  g.certified_copies = CertifiedCopyCounts{7, 9};

  int weight_total = 0;
  for (int w : kWeights) weight_total += w;

  g.records.reserve(std::size_t(o.dossiers));
  g.truth.reserve(std::size_t(o.dossiers));
  for (int i = 0; i < o.dossiers; ++i) {
    NationalRecord r;
    DossierTruth t;
    const int pi = rng.Below(int(g.procedures.size()));
    const ProcedureFacts& p = g.procedures[std::size_t(pi)];
    const std::string& unit = p.unit_codes[std::size_t(rng.Below(int(p.unit_codes.size())))];
    int unit_index = 0;
    for (int u = 0; u < unit_count; ++u)
      if (g.unit_keys[std::size_t(u)] == unit) unit_index = u;
    t.unit = unit;
    t.procedure = pi;
    const bool paper = p.paper_result_required;

    r.procedure_code = p.code;
    r.procedure_name = o.names ? p.name : "TTHC";
    r.field_code = "G09-" + std::to_string(pi % 5);
    r.field_name = o.names ? "Lĩnh vực " + std::to_string(pi % 5) : "LV";
    r.applicant_kind = rng.Chance(85) ? 1 : 2;
    r.applicant_name = o.names ? kApplicants[rng.Below(7)] : "A";
    r.applicant_id_number = "0012" + std::to_string(10000000 + rng.Below(89999999));
    r.processing_unit = o.names ? unit_name(unit_index) : unit;

    // Which part of the month's data the record is.
    const int kind = rng.Below(100);
    Instant received{};
    LocalDate received_day{};
    const int k = rng.Between(2, 10);  // days from receipt to NgayHenTra
    bool finished = false;
    if (kind < 3) {
      // Registered online, never received: seen (submitted in the period), not in the population.
      r.status = NationalStatus::kRegistered;
      r.submitted_at = At(workday_in(1, month_days), rng.Between(8, 20), rng.Below(60));
      r.channel = Channel::kOnline;
      t.seen_in_period = true;
    } else if (kind < 4) {
      // Not received (refused at the desk), but NgayTiepNhan is set: the status still excludes it.
      r.status = NationalStatus::kNotReceived;
      received = At(workday_in(1, month_days), rng.Between(8, 16), rng.Below(60));
      r.submitted_at = received - minutes{30};
      r.received_at = received;
      r.refused_at = received + minutes{20};
      t.seen_in_period = true;
    } else if (kind < 7) {
      // Received in the previous month (carried over): neither seen nor in the population.
      received = At(first - days{rng.Between(3, 25)}, 9, rng.Below(60));
      r.submitted_at = received - hours{1};
      r.received_at = received;
      r.due_at = received + days{k};
      r.status = rng.Chance(50) ? NationalStatus::kProcessing : NationalStatus::kProcessed;
      if (r.status == NationalStatus::kProcessed) r.processed_at = received + days{1};
    } else if (kind < 9) {
      // Submitted on the last evening, received the next month.
      r.submitted_at = At(last, 20, rng.Below(60));
      received = At(last + days{rng.Between(1, 3)}, 8, 0);
      r.received_at = received;
      r.due_at = received + days{k};
      r.status = NationalStatus::kReceived;
    } else {
      // In the population: draw a timeliness scenario.
      t.in_population = true;
      t.seen_in_period = true;
      int pick = rng.Below(weight_total), sc = 0;
      while (pick >= kWeights[sc]) pick -= kWeights[sc++];
      if (sc == kNoDueOpenBeyond && !(p.max_duration->unit == calendar::DurationUnit::kWorkingDays &&
                                      p.max_duration->amount <= 6))
        sc = kNoDueWithin;  // needs a short duration to be clearly overdue by the period's end
      t.scenario = kScenarioNames[sc];
      switch (sc) {
        case kPendingBeforeDue: received_day = workday_in(1, month_days - 6); break;
        case kPendingAfterDue: received_day = workday_in(1, 15); break;
        case kOpenNotDue: received_day = workday_in(17, month_days); break;
        case kOpenOverdue: received_day = workday_in(1, 17); break;
        case kNoDueOpenBeyond: received_day = workday_in(1, 7); break;
        default: received_day = workday_in(1, month_days); break;
      }
      received = At(received_day, rng.Between(7, 15), rng.Below(60));
      r.received_at = received;
      r.submitted_at = received - minutes{rng.Between(5, 600)};
      Instant due = At(received_day + days{k}, 17, 0);
      r.due_at = due;
      auto between = [&](Instant a, Instant b, int lo_pct, int hi_pct) {
        return a + seconds{(b - a).count() * rng.Between(lo_pct, hi_pct) / 100};
      };
      auto supplement = [&](Instant asked, std::optional<Instant> answered) {
        dvc::SupplementRequest s;
        s.id = "BS" + std::to_string(r.supplements.size() + 1);
        s.requested_by = "Cán bộ thụ lý";
        s.content = "Bổ sung bản sao giấy tờ";
        s.requested_at = asked;
        s.answered_at = answered;
        s.status = answered ? "2" : "1";
        r.supplements.push_back(std::move(s));
      };
      switch (sc) {
        case kFinishedEarly: {
          const Instant end = between(received, due, 10, 90);
          const int form = rng.Below(10);
          if (form < 5) {
            r.processed_at = end;
            r.returned_at = end + days{rng.Between(1, 2)};
            r.status = NationalStatus::kReturned;
          } else if (form < 8) {
            r.processed_at = end;
            r.status = NationalStatus::kProcessed;
          } else {
            r.returned_at = end;
            r.status = NationalStatus::kReturned;
          }
          t.on_time = true;
          finished = true;
          break;
        }
        case kFinishedAtDue:
          r.processed_at = due;  // the boundary: NgayKetThucXuLy == NgayHenTra is on time
          r.status = NationalStatus::kProcessed;
          t.on_time = true;
          finished = true;
          break;
        case kFinishedLate:
          r.processed_at = due + minutes{rng.Between(60, 5 * 24 * 60)};
          r.returned_at = *r.processed_at + days{1};
          r.status = NationalStatus::kReturned;
          t.on_time = false;
          finished = true;
          break;
        case kSupplementSaves: {
          // One answered request of s days; finished s/2 days late: on time once s is subtracted.
          if (k < 4) {
            due = At(received_day + days{4}, 17, 0);
            r.due_at = due;
          }
          const int s = rng.Between(2, 5);
          const Instant asked = received + days{1};
          supplement(asked, asked + days{s});
          r.processed_at = due + hours{12 * s};
          r.status = NationalStatus::kProcessed;
          t.on_time = true;
          finished = true;
          break;
        }
        case kSupplementStillLate: {
          const int s = rng.Between(2, 5);
          const Instant asked = received + days{1};
          supplement(asked, asked + days{s});
          r.processed_at = due + days{s + 1};
          r.status = NationalStatus::kProcessed;
          t.on_time = false;
          finished = true;
          break;
        }
        case kTwoSupplements: {
          due = At(received_day + days{10}, 17, 0);
          r.due_at = due;
          const Instant a1 = received + hours{1};
          supplement(a1, a1 + days{1});
          const Instant a2 = a1 + days{1} + hours{1};
          supplement(a2, a2 + days{1});
          r.processed_at = a2 + days{1} + hours{1};
          r.status = NationalStatus::kProcessed;
          t.on_time = false;  // more than one request: overdue whatever the dates
          finished = true;
          break;
        }
        case kPendingBeforeDue:
          supplement(received + days{1}, std::nullopt);
          r.status = NationalStatus::kSupplementRequested;
          t.on_time = true;
          break;
        case kPendingAfterDue:
          supplement(due + days{1}, std::nullopt);
          r.status = NationalStatus::kSupplementRequested;
          t.on_time = false;
          break;
        case kOpenNotDue:
          due = At(last + days{rng.Between(1, 10)}, 17, 0);
          r.due_at = due;
          r.status = rng.Chance(80) ? NationalStatus::kProcessing : NationalStatus::kReceived;
          t.on_time = true;
          break;
        case kOpenOverdue:
          r.status = rng.Chance(80) ? NationalStatus::kProcessing : NationalStatus::kFinancialObligation;
          t.on_time = false;
          break;
        case kProcessedThenReturnedLate:
          r.processed_at = due - hours{2};
          r.returned_at = due + days{2};
          r.status = NationalStatus::kReturned;
          t.on_time = true;  // "Đã xử lý xong" is preferred over "Đã trả kết quả"
          finished = true;
          break;
        case kNoDueWithin:
          r.due_at.reset();
          r.processed_at = received + hours{1};
          r.status = NationalStatus::kProcessed;
          t.on_time = true;
          finished = true;
          break;
        case kNoDueOpenBeyond:
          r.due_at.reset();
          r.status = NationalStatus::kProcessing;
          t.on_time = false;
          break;
        case kRefusedInTime:
          r.refused_at = between(received, due, 20, 80);
          r.status = NationalStatus::kStopped;
          t.on_time = true;
          break;
        case kWithdrawn:
          r.processed_at = received + days{1};
          r.status = NationalStatus::kWithdrawalRequested;
          t.on_time = true;
          break;
      }
    }

    // Dossier code: <agency>-YYMMDD-NNNN, with a global sequence so that it is unique.
    {
      const LocalDate d = r.received_at ? LocalDateVn(*r.received_at) : LocalDateVn(*r.submitted_at);
      const year_month_day ymd{d};
      char buf[64];
      std::snprintf(buf, sizeof buf, "000.00.%02d.H56-%02d%02u%02u-%04d", unit_index + 1, int(ymd.year()) % 100,
                    unsigned(ymd.month()), unsigned(ymd.day()), i + 1);
      r.dossier_code = buf;
    }

    // Channel.
    if (r.status != NationalStatus::kRegistered) {
      const int online_pct = p.online_level == ProcedureFacts::OnlineLevel::kFull      ? 55
                             : p.online_level == ProcedureFacts::OnlineLevel::kPartial ? 30
                                                                                       : 0;
      const int c = rng.Below(100);
      r.channel = c < online_pct ? Channel::kOnline
                  : c < online_pct + 5 ? Channel::kPostal
                  : rng.Chance(10) ? Channel::kUnknown  // null: counted as direct
                                   : Channel::kDirect;
    }
    r.result_delivery = r.channel == Channel::kPostal ? 1 : 0;
    t.online = r.channel == Channel::kOnline;

    // Submitted components.
    const int docs = rng.Between(1, 3);
    bool all_have_files = true;
    bool any_live = false;
    for (int d = 0; d < docs; ++d) {
      dvc::SubmittedDocument doc;
      doc.attachment_id = std::to_string(i) + "-" + std::to_string(d);
      doc.name = o.names ? "Tờ khai " + std::to_string(d + 1) : "TK";
      doc.component_code = "TP" + std::to_string(d + 1);
      if (rng.Chance(3)) {
        doc.is_deleted = true;  // a removed attachment: ignored
      } else {
        any_live = true;
        if (rng.Chance(93)) doc.file_url = "https://dvc.tuyenquang.gov.vn/f/" + std::to_string(i) + "/" + std::to_string(d);
        else all_have_files = false;
        doc.digitized = rng.Chance(8);
        doc.from_citizen_store = !doc.file_url.empty() && rng.Chance(6);
        doc.reuse = rng.Chance(5) ? 1 : 0;
        t.reused = t.reused || doc.digitized;
        t.from_store = t.from_store || doc.from_citizen_store;
      }
      r.documents.push_back(std::move(doc));
    }
    const bool components_ok = all_have_files && any_live;
    r.has_digitized_components = rng.Chance(15);
    t.reused = t.reused || r.has_digitized_components;

    // Results: only dossiers finished normally (processed or returned) may have an e-result.
    if (finished && rng.Chance(75)) {
      dvc::ResultDocument res;
      res.name = o.names ? "Giấy chứng nhận" : "KQ";
      res.document_id = "KQ" + std::to_string(i);
      res.file_url = "https://dvc.tuyenquang.gov.vn/kq/" + std::to_string(i);
      if (rng.Chance(90)) res.result_code = "KQ.G09." + std::to_string(100000 + pi);
      t.eresult = true;
      t.online_counts = t.online && (!paper || !res.result_code.empty());
      r.results.push_back(std::move(res));
    }
    if (!t.eresult) t.online_counts = t.online && !paper;
    t.digitized = components_ok && (!paper || t.eresult);

    // Fees and payment.
    if (p.has_fee) {
      const int f = rng.Below(100);
      if (f < 5) {
        r.fees.push_back(dvc::FeeLine{"Lệ phí", "LP01", 1, 0, 1});  // exempt: Gia 0
      } else if (f < 8) {
        // no fee line synced: the catalog's fee still makes it an obligation
      } else {
        r.fees.push_back(dvc::FeeLine{"Lệ phí", "LP01", 1, 10000 * rng.Between(1, 10), 1});
        if (rng.Chance(20)) r.fees.push_back(dvc::FeeLine{"Phí thẩm định", "P02", 1, 50000, 1});
      }
      t.fee_obligation = f >= 5;
      t.any_fee_line = f >= 8;
      if (t.fee_obligation && rng.Chance(t.online ? 80 : 45)) r.online_payment = rng.Chance(70) ? 1 : 2;
    }
    if (r.online_payment == 0 && rng.Chance(1)) r.online_payment = 3;  // "other": not an online payment
    t.paid_online = r.online_payment == 1 || r.online_payment == 2;

    // Population data, ratings, sync.
    r.vneid_authenticated = rng.Chance(40);
    t.citizen_data = r.vneid_authenticated || t.from_store;
    r.local.emplace();
    r.local->unit_code = unit;
    const int sync = rng.Below(100);
    if (sync < 3) r.local->synced = false;
    else if (sync < 70) r.local->synced = true;  // else unknown: came from the sync, so synced
    t.synced = sync >= 3;
    r.local->rating_unsatisfied = rng.Chance(3);
    r.local->has_pakn = rng.Chance(2);
    r.local->result_in_citizen_store = t.eresult && rng.Chance(10);
    t.from_store = t.from_store || r.local->result_in_citizen_store;
    t.unsatisfied = r.local->rating_unsatisfied;
    t.pakn = r.local->has_pakn;
    t.full_online_eligible = p.full_online_eligible;
    t.full_online = p.full_online_eligible && t.online && p.online_level == ProcedureFacts::OnlineLevel::kFull;

    g.records.push_back(std::move(r));
    g.truth.push_back(std::move(t));
  }
  return g;
}

}  // namespace motcua::indicators::testing
