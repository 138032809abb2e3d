#include "indicators/scorer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>
#include <unordered_map>

namespace motcua::indicators {
namespace {

using namespace std::chrono;
using dvc::Channel;
using dvc::NationalRecord;
using dvc::NationalStatus;

constexpr int Idx(IndicatorId id) { return static_cast<int>(id); }

// Procedure-level flags gathered from the dossiers of one card.
enum ProcFlag : std::uint8_t {
  kSeen = 1,            // a dossier of it in the period (received, or submitted when not received)
  kOnlineDossier = 2,   // ... filed online (3.2)
  kFeeDataSynced = 4,   // ... with a synced fee line ≠ 0 (3.5 X)
  kOnlinePaid = 8,      // ... paid online (3.5b)
  kCitizenData = 16,    // ... using population data (4.5a)
};

// The indicators whose losses are dossiers (the others lose procedures, or are tracking only).
constexpr IndicatorId kDossierLossIndicators[] = {
    IndicatorId::k1_4, IndicatorId::k2_1, IndicatorId::k3_3, IndicatorId::k3_4, IndicatorId::k3_6, IndicatorId::k4_1,
    IndicatorId::k4_2, IndicatorId::k4_3, IndicatorId::k4_4, IndicatorId::k4_5b, IndicatorId::k5_4};

struct Acc {
  std::int64_t received = 0;
  std::int64_t progress_den = 0, progress_num = 0;
  std::int64_t completed = 0, completed_minutes = 0;
  std::int64_t synced = 0;
  std::int64_t online_num = 0;
  std::int64_t full_online_den = 0, full_online_num = 0;
  std::int64_t fee_den = 0, paid_num = 0;
  std::int64_t eresult_den = 0, eresult_num = 0;
  std::int64_t digitized_num = 0;
  std::int64_t reused_num = 0;
  std::int64_t store_num = 0;
  std::int64_t citizen_num = 0;
  std::int64_t satisfied_num = 0;
  std::vector<std::uint8_t> proc_flags;  // per catalog procedure
  std::array<std::int64_t, kIndicatorCount> loss_counts{};
  std::array<std::vector<Loss>, kIndicatorCount> losses;
};

struct CardBuild {
  std::string key;
  std::string label;
  Acc acc;
};

// ---------------------------------------------------------------------------------------------
// Time helpers.

Instant LocalDayStart(LocalDate d) { return Instant{d.time_since_epoch() - kVietnamUtcOffset}; }

bool DefaultWorkingDay(LocalDate d) {
  const weekday wd{d};
  return wd != Saturday && wd != Sunday;
}

struct WorkingDays {
  const std::function<bool(LocalDate)>* fn = nullptr;
  bool operator()(LocalDate d) const { return fn && *fn ? (*fn)(d) : DefaultWorkingDay(d); }
};

// How far the working-day helpers look: a calendar with no working day in this many days is broken.
constexpr int kMaxCalendarSteps = 100000;

Error NoWorkingDay(LocalDate from) {
  return Invalid("is_working_day", "no_working_day",
                 "the working calendar has no working day within " + std::to_string(kMaxCalendarSteps) + " days of " +
                     FormatLocalDate(from));
}

// The n-th working day after (before) d; nullopt when the calendar has none within kMaxCalendarSteps days.
std::optional<LocalDate> AddWorkingDays(LocalDate d, int n, const WorkingDays& is_working) {
  for (int step = 0; n > 0; ++step) {
    if (step == kMaxCalendarSteps) return std::nullopt;
    d += days{1};
    if (is_working(d)) --n;
  }
  return d;
}

std::optional<LocalDate> SubtractWorkingDays(LocalDate d, int n, const WorkingDays& is_working) {
  for (int step = 0; n > 0; ++step) {
    if (step == kMaxCalendarSteps) return std::nullopt;
    d -= days{1};
    if (is_working(d)) --n;
  }
  return d;
}

// The deadline of a procedure's maximum duration counted from `start` (2.1 without NgayHenTra).
// Working days end at the end of the n-th working day after the receipt day (Civil Code Art. 147:
// a period in days starts the day after the event); working hours are taken as whole working days of
// 8 hours, rounded up (TD CaculateTime.cs: 1 working day = 8 h). An hour-exact rule belongs to
// calendar/deadline.h; callers wanting it can sync NgayHenTra instead.
std::optional<Instant> DurationDeadline(Instant start, const calendar::Duration& d, const WorkingDays& is_working) {
  const LocalDate day = LocalDateVn(start);
  switch (d.unit) {
    case calendar::DurationUnit::kCalendarDays:
      return start + days{d.amount};
    case calendar::DurationUnit::kMonths: {
      const year_month_day ymd{day};
      const year_month ym = year_month{ymd.year(), ymd.month()} + months{d.amount};
      year_month_day target = ym / ymd.day();
      if (!target.ok()) target = year_month_day_last{target.year(), month_day_last{target.month()}};
      return start + (local_days{target} - day);
    }
    case calendar::DurationUnit::kWorkingDays:
    case calendar::DurationUnit::kWorkingHours: {
      const int n = d.unit == calendar::DurationUnit::kWorkingDays ? d.amount : (d.amount + 7) / 8;
      const std::optional<LocalDate> last = AddWorkingDays(day, n, is_working);
      if (!last) return std::nullopt;
      return LocalDayStart(*last + days{1}) - seconds{1};
    }
  }
  return start;
}

bool InRange(Instant t, Instant start, Instant end_exclusive) { return t >= start && t < end_exclusive; }

// ---------------------------------------------------------------------------------------------
// Record predicates.

bool HasElectronicResult(const NationalRecord& r) {
  for (const auto& d : r.results)
    if (!d.file_url.empty()) return true;
  return false;
}
// 3.3: "có mã kết quả + đường links kết quả" (MaKetQua, DuongDanTepTinKetQua).
bool HasCodedElectronicResult(const NationalRecord& r) {
  for (const auto& d : r.results)
    if (!d.file_url.empty() && !d.result_code.empty()) return true;
  return false;
}
// 4.2 part (1): an attachment on each (non-deleted) submitted component, and at least one component.
bool ComponentsDigitized(const NationalRecord& r) {
  bool any = false;
  for (const auto& d : r.documents) {
    if (d.is_deleted) continue;
    if (d.file_url.empty()) return false;
    any = true;
  }
  return any;
}
bool Reused(const NationalRecord& r, ScoringSettings::ReuseEvidence evidence) {
  if (evidence == ScoringSettings::ReuseEvidence::kDigitizedFlags) {
    if (r.has_digitized_components) return true;
    for (const auto& d : r.documents)
      if (!d.is_deleted && d.digitized) return true;
    return false;
  }
  for (const auto& d : r.documents)
    if (!d.is_deleted && (d.reuse == 1 || d.reuse == 2 || !d.replacing_result_code.empty())) return true;
  return false;
}
bool FromCitizenStore(const NationalRecord& r) {
  if (r.local && r.local->result_in_citizen_store) return true;
  for (const auto& d : r.documents)
    if (!d.is_deleted && d.from_citizen_store) return true;
  return false;
}
bool UsesCitizenData(const NationalRecord& r, const std::vector<std::string>& population_codes) {
  if (r.vneid_authenticated) return true;
  for (const auto& d : r.documents)
    if (!d.is_deleted && d.from_citizen_store) return true;
  for (const auto& c : r.connected_databases)
    for (const auto& p : population_codes)
      if (c == p) return true;
  return false;
}
bool AnyFeeLine(const NationalRecord& r) {
  for (const auto& f : r.fees)
    if (f.amount_vnd != 0) return true;
  return false;
}
// 3.6's denominator: dossiers of procedures with a fee in the CSDL, minus those whose synced fee
// lines all have Gia 0. Without catalog facts, a synced fee line ≠ 0 shows the obligation.
bool HasFeeObligation(const NationalRecord& r, const ProcedureFacts* p) {
  const bool procedure_fee = p ? p->has_fee : AnyFeeLine(r);
  if (!procedure_fee) return false;
  if (r.fees.empty()) return true;
  return AnyFeeLine(r);
}
bool PaidOnline(const NationalRecord& r) { return r.online_payment == 1 || r.online_payment == 2; }

bool IsSynced(const NationalRecord& r, const ScoringSettings& s) {
  if (s.sync_counting == ScoringSettings::SyncCounting::kSyncedOnTime) {
    if (r.local && r.local->synced_on_time) return *r.local->synced_on_time;
    if (r.local && r.local->synced && !*r.local->synced) return false;
    return s.assume_synced_when_unknown;
  }
  if (r.local && r.local->synced) return *r.local->synced;
  return s.assume_synced_when_unknown;
}

// ---------------------------------------------------------------------------------------------
// Points.

std::optional<double> ZeroScore(ZeroDenominator z, double max_points) {
  switch (z) {
    case ZeroDenominator::kNoScore: return std::nullopt;
    case ZeroDenominator::kZeroPoints: return 0.0;
    case ZeroDenominator::kFullPoints: return max_points;
  }
  return std::nullopt;
}

// Fills ratio and (unrounded) points by the indicator's rule.
void SetRatio(Indicator& ind, std::int64_t num, std::int64_t den, ZeroDenominator zero) {
  ind.numerator = num;
  ind.denominator = den;
  if (den > 0) {
    ind.ratio = double(num) / double(den);
    ind.points = PointsFor(ind, *ind.ratio);
  } else {
    ind.ratio.reset();
    ind.points = ZeroScore(zero, ind.max_points);
  }
}

void Track(Indicator& ind, std::int64_t num, std::int64_t den) {
  ind.numerator = num;
  ind.denominator = den;
  if (den > 0) ind.ratio = double(num) / double(den);
  ind.points.reset();
}

void AppendNote(std::string& note, const std::string& text) {
  if (!note.empty()) note += "; ";
  note += text;
}

// ---------------------------------------------------------------------------------------------
// The scorer.

class Scorer {
 public:
  Scorer(const ScoreInput& in, std::shared_ptr<const RuleSet> rules)
      : in_(in), s_(in.settings), rules_(std::move(rules)), records_(*in.records), working_{&in.is_working_day} {
    start_ = LocalDayStart(in.period.from);
    end_ = LocalDayStart(in.period.to + days{1});
    judge_at_ = end_ - seconds{1};
    if (s_.unfinished_judged_at == ScoringSettings::UnfinishedJudgedAt::kEarlierOfPeriodEndAndNow && in.now &&
        *in.now < judge_at_)
      judge_at_ = *in.now;
    facts_index_.reserve(in.procedures.size() * 2);
    for (std::size_t i = 0; i < in.procedures.size(); ++i) facts_index_.emplace(in.procedures[i].code, int(i));
  }

  // JudgeTimeliness; a calendar that cannot answer is kept as the report's error (the dossier counts late).
  TimelinessVerdict Judge(const NationalRecord& r, const TimelinessContext& ctx) {
    Result<TimelinessVerdict> v = JudgeTimeliness(r, ctx, s_);
    if (v.has_value()) return *v;
    if (!calendar_error_) calendar_error_ = v.error();
    TimelinessVerdict late;
    late.reason = LossReason::kOverMaxDuration;
    return late;
  }

  Result<ScoreReport> Run() {
    ScoreReport report;
    report.rules = rules_;
    report.period = in_.period;
    report.grouping = in_.grouping;
    report.settings = s_;
    center_.acc.proc_flags.assign(in_.procedures.size(), 0);
    if (s_.collect_losses) {
      // Each record loses each indicator at most once, so records_.size() entries always suffice:
      // the lists never regrow, and pages never written are never touched (the reservation is
      // address space; bench_indicators showed regrowth and page faults costing more than the scoring).
      for (IndicatorId id : kDossierLossIndicators) center_.acc.losses[Idx(id)].reserve(records_.size());
      if (in_.grouping != Grouping::kCenter) group_of_.assign(records_.size(), kNoCard);
    }

    // Each record's arrays live in their own heap blocks, which the hardware prefetcher cannot
    // follow: ask for those of a record a few places ahead (perf: the first touch of TaiLieuNop,
    // DanhSachLePhi and DanhSachGiayToKetQua was a third of the scoring pass).
    constexpr std::size_t kAhead = 8;
    for (std::size_t i = 0; i < records_.size(); ++i) {
      if (i + kAhead < records_.size()) {
        const NationalRecord& next = records_[i + kAhead];
        __builtin_prefetch(next.documents.data());
        __builtin_prefetch(next.fees.data());
        __builtin_prefetch(next.results.data());
      }
      Visit(std::uint32_t(i));
    }
    if (s_.collect_losses) SpreadLosses();

    // Procedure cards exist for every catalog procedure too (publicity is per procedure).
    if (in_.grouping == Grouping::kProcedure)
      for (const auto& p : in_.procedures) {
        CardBuild& c = cards_[CardIndex(p.code)];
        if (c.label.empty()) c.label = p.name;
      }

    report.center = Finish(center_, CardKind::kCenter, nullptr);
    if (in_.grouping != Grouping::kCenter) {
      std::vector<std::size_t> order(cards_.size());
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
      std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return cards_[a].key < cards_[b].key; });
      report.breakdown.reserve(cards_.size());
      for (std::size_t i : order)
        report.breakdown.push_back(Finish(cards_[i],
                                          in_.grouping == Grouping::kUnit ? CardKind::kUnit : CardKind::kProcedure,
                                          &report.center));
    }
    if (calendar_error_) return *calendar_error_;
    return report;
  }

 private:
  enum class CardKind { kCenter, kUnit, kProcedure };

  const ProcedureFacts* Facts(const std::string& code, int* index) const {
    auto it = facts_index_.find(code);
    if (it == facts_index_.end()) {
      *index = -1;
      return nullptr;
    }
    *index = it->second;
    return &in_.procedures[std::size_t(it->second)];
  }

  // The card for a unit or procedure key; keys are views into the records or the catalog, which
  // outlive the scoring.
  std::size_t CardIndex(std::string_view key) {
    auto it = card_index_.find(key);
    if (it != card_index_.end()) return it->second;
    cards_.emplace_back();
    CardBuild& c = cards_.back();
    c.key = std::string(key);
    c.acc.proc_flags.assign(in_.procedures.size(), 0);
    card_index_.emplace(key, cards_.size() - 1);
    return cards_.size() - 1;
  }

  // The center's lists are written here, in record order; a unit's or procedure's lists are copied
  // from them afterwards (SpreadLosses), at their exact sizes counted here.
  void AddLoss(CardBuild* const* cards, int n, IndicatorId id, std::uint32_t index, LossReason reason) {
    if (!s_.collect_losses) return;
    auto& list = center_.acc.losses[Idx(id)];
    MOTCUA_ASSERT(list.size() < list.capacity(), "a dossier indicator missing from kDossierLossIndicators");
    list.push_back(Loss{index, reason});
    for (int k = 1; k < n; ++k) ++cards[k]->acc.loss_counts[Idx(id)];
  }

  void SpreadLosses() {
    if (group_of_.empty()) return;
    for (CardBuild& c : cards_)
      for (int i = 0; i < kIndicatorCount; ++i) c.acc.losses[i].reserve(std::size_t(c.acc.loss_counts[i]));
    for (int i = 0; i < kIndicatorCount; ++i)
      for (const Loss& loss : center_.acc.losses[i]) {
        const std::uint32_t card = group_of_[loss.record_index];
        if (card != kNoCard) cards_[card].acc.losses[i].push_back(loss);
      }
  }

  void Visit(std::uint32_t index) {
    const NationalRecord& r = records_[index];
    const bool received_in_period = r.received_at && InRange(*r.received_at, start_, end_);
    const bool not_received = r.status == NationalStatus::kRegistered || r.status == NationalStatus::kNotReceived;
    const std::optional<Instant>& seen_at = r.received_at ? r.received_at : r.submitted_at;
    const bool seen_in_period = seen_at && InRange(*seen_at, start_, end_);
    const bool carried_over = s_.progress_population == ScoringSettings::ProgressPopulation::kReceivedOrOpen &&
                              r.received_at && *r.received_at < start_ && !not_received;
    if (!seen_in_period && !carried_over) return;

    int proc_index = -1;
    const ProcedureFacts* facts = Facts(r.procedure_code, &proc_index);

    CardBuild* cards[2] = {&center_, nullptr};
    int n = 1;
    if (in_.grouping != Grouping::kCenter) {
      const std::size_t card = CardIndex(in_.grouping == Grouping::kUnit ? r.UnitKey() : r.procedure_code);
      CardBuild& c = cards_[card];
      if (in_.grouping == Grouping::kProcedure && c.label.empty())
        c.label = facts && !facts->name.empty() ? facts->name : r.procedure_name;
      cards[n++] = &c;
      if (!group_of_.empty()) group_of_[index] = std::uint32_t(card);
    }

    // Procedure-level flags (any dossier seen in the period, received or not).
    if (seen_in_period && proc_index >= 0) {
      std::uint8_t flags = kSeen;
      if (r.channel == Channel::kOnline) flags |= kOnlineDossier;
      if (AnyFeeLine(r)) flags |= kFeeDataSynced;
      if (PaidOnline(r)) flags |= kOnlinePaid;
      for (int k = 0; k < n; ++k) cards[k]->acc.proc_flags[std::size_t(proc_index)] |= flags;
    }

    if (not_received) return;
    if (!received_in_period) {
      if (!carried_over) return;
      // Carried over (kReceivedOrOpen): only 2.1 judges it, and only if still open at the start.
      TimelinessContext ctx{judge_at_, facts, &in_.is_working_day};
      const TimelinessVerdict v = Judge(r, ctx);
      if (v.finished && v.end_at && *v.end_at < start_) return;
      for (int k = 0; k < n; ++k) {
        ++cards[k]->acc.progress_den;
        if (v.on_time) ++cards[k]->acc.progress_num;
      }
      if (!v.on_time) AddLoss(cards, n, IndicatorId::k2_1, index, *v.reason);
      return;
    }

    // --- the dossier is in the common population ---
    TimelinessContext ctx{judge_at_, facts, &in_.is_working_day};
    const TimelinessVerdict v = Judge(r, ctx);
    const bool paper = facts && facts->paper_result_required;
    const bool online = r.channel == Channel::kOnline;
    const bool online_counts = online && (!paper || HasCodedElectronicResult(r));
    const bool full_online_eligible = facts && facts->full_online_eligible;
    const bool full_online = full_online_eligible && online && facts->online_level == ProcedureFacts::OnlineLevel::kFull;
    const bool fee_obligation = HasFeeObligation(r, facts);
    const bool paid = PaidOnline(r);
    const bool eresult = HasElectronicResult(r);
    const bool completed = r.status == NationalStatus::kProcessed || r.status == NationalStatus::kReturned ||
                           ((r.processed_at || r.returned_at) && !r.refused_at);
    bool eresult_counted = true;
    switch (s_.electronic_result_scope) {
      case ScoringSettings::ResultScope::kAllDossiers: break;
      case ScoringSettings::ResultScope::kPaperResultProcedures: eresult_counted = paper; break;
      case ScoringSettings::ResultScope::kCompletedPaperResult: eresult_counted = paper && completed; break;
    }
    const bool components_ok = ComponentsDigitized(r);
    const bool digitized = components_ok && (!paper || eresult);
    const bool reused = Reused(r, s_.reuse_evidence);
    const bool store = FromCitizenStore(r);
    const bool citizen = UsesCitizenData(r, s_.population_db_codes);
    const bool synced = IsSynced(r, s_);
    const bool unsatisfied = r.local && r.local->rating_unsatisfied;
    const bool pakn = r.local && r.local->has_pakn;
    const bool satisfied = v.on_time && !unsatisfied && !pakn;
    const bool finished_normally = v.finished && completed && v.end_at;

    if (citizen && proc_index >= 0)
      for (int k = 0; k < n; ++k) cards[k]->acc.proc_flags[std::size_t(proc_index)] |= kCitizenData;

    for (int k = 0; k < n; ++k) {
      Acc& a = cards[k]->acc;
      ++a.received;
      ++a.progress_den;
      a.progress_num += v.on_time;
      if (finished_normally) {
        ++a.completed;
        const auto spent = *v.end_at - *r.received_at - seconds{v.supplement_seconds};
        a.completed_minutes += std::max<std::int64_t>(0, duration_cast<minutes>(spent).count());
      }
      a.synced += synced;
      a.online_num += online_counts;
      a.full_online_den += full_online_eligible;
      a.full_online_num += full_online;
      a.fee_den += fee_obligation;
      a.paid_num += fee_obligation && paid;
      a.eresult_den += eresult_counted;
      a.eresult_num += eresult_counted && eresult;
      a.digitized_num += digitized;
      a.reused_num += reused;
      a.store_num += store;
      a.citizen_num += citizen;
      a.satisfied_num += satisfied;
    }

    if (!s_.collect_losses) return;
    if (!v.on_time) AddLoss(cards, n, IndicatorId::k2_1, index, *v.reason);
    if (!synced)
      AddLoss(cards, n, IndicatorId::k1_4, index,
              s_.sync_counting == ScoringSettings::SyncCounting::kSyncedOnTime ? LossReason::kNotSyncedOnTime
                                                                               : LossReason::kNotSynced);
    if (!online_counts)
      AddLoss(cards, n, IndicatorId::k3_3, index,
              online ? LossReason::kOnlineWithoutElectronicResult : LossReason::kNotOnline);
    if (full_online_eligible && !full_online) AddLoss(cards, n, IndicatorId::k3_4, index, LossReason::kNotFullOnline);
    if (fee_obligation && !paid) AddLoss(cards, n, IndicatorId::k3_6, index, LossReason::kNotPaidOnline);
    if (eresult_counted && !eresult) AddLoss(cards, n, IndicatorId::k4_1, index, LossReason::kNoElectronicResult);
    if (!digitized)
      AddLoss(cards, n, IndicatorId::k4_2, index,
              components_ok ? LossReason::kNoElectronicResult : LossReason::kComponentNotDigitized);
    if (!reused) AddLoss(cards, n, IndicatorId::k4_3, index, LossReason::kNoReusedData);
    if (!store) AddLoss(cards, n, IndicatorId::k4_4, index, LossReason::kNotFromCitizenStore);
    if (!citizen) AddLoss(cards, n, IndicatorId::k4_5b, index, LossReason::kNoCitizenData);
    if (!satisfied)
      AddLoss(cards, n, IndicatorId::k5_4, index,
              !v.on_time ? *v.reason : unsatisfied ? LossReason::kUnsatisfiedRating : LossReason::kPakn);
  }

  // Whether catalog procedure `i` is in the remit of a card.
  bool InRemit(const CardBuild& c, CardKind kind, std::size_t i) const {
    const ProcedureFacts& p = in_.procedures[i];
    switch (kind) {
      case CardKind::kCenter: return true;
      case CardKind::kProcedure: return p.code == c.key;
      case CardKind::kUnit:
        if (p.unit_codes.empty()) return c.acc.proc_flags[i] & kSeen;
        return std::find(p.unit_codes.begin(), p.unit_codes.end(), c.key) != p.unit_codes.end();
    }
    return false;
  }

  // A month is 1/12 of a year and a quarter 1/4 (formula-document.ts 1.4); other periods pro rata.
  double PeriodShareOfYear() const {
    const year_month_day from{in_.period.from}, to{in_.period.to};
    const bool starts_month = from.day() == day{1};
    const bool ends_month = year_month_day{year_month_day_last{to.year(), month_day_last{to.month()}}} == to;
    if (starts_month && ends_month && from.year() == to.year()) {
      const int months_spanned = int(unsigned(to.month())) - int(unsigned(from.month())) + 1;
      if (months_spanned == 1) return 1.0 / 12;
      if (months_spanned == 3 && (unsigned(from.month()) - 1) % 3 == 0) return 1.0 / 4;
      if (months_spanned == 12) return 1.0;
    }
    return double((in_.period.to - in_.period.from).count() + 1) / 365.0;
  }

  void Publicity(ScoreCard& card, const CardBuild& c, CardKind kind) {
    Indicator& i11 = card.indicators[Idx(IndicatorId::k1_1)];
    Indicator& i12 = card.indicators[Idx(IndicatorId::k1_2)];
    Indicator& i13 = card.indicators[Idx(IndicatorId::k1_3)];
    std::int64_t n11 = 0, d11 = 0, n12 = 0, d12 = 0, n13 = 0, d13 = 0, missing_legal = 0;
    for (std::size_t i = 0; i < in_.procedures.size(); ++i) {
      if (!InRemit(c, kind, i)) continue;
      const ProcedureFacts& p = in_.procedures[i];
      if (p.announced_on && *p.announced_on >= in_.period.from && *p.announced_on <= in_.period.to) {
        if (!p.legal_effective_on) {
          ++missing_legal;
        } else {
          ++d11;
          // LEGAL: QĐ 766 description 1.1 (TH2 Tỉnh): QĐCB date <= latest effective date − 5 working days.
          const std::optional<LocalDate> latest =
              SubtractWorkingDays(*p.legal_effective_on, s_.announce_lead_working_days, working_);
          if (!latest && !calendar_error_) calendar_error_ = NoWorkingDay(*p.legal_effective_on);
          if (latest && *p.announced_on <= *latest)
            ++n11;
          else if (s_.collect_losses)
            i11.losing_procedures.push_back({p.code, LossReason::kAnnouncedLate});
        }
      }
      if (p.announced_on) {
        // 1.2: "Ngày click Công khai ... <= 5 ngày làm việc so với Ngày quyết định của QĐ Công bố".
        const std::optional<LocalDate> due = AddWorkingDays(*p.announced_on, s_.publicize_within_working_days, working_);
        if (!due && !calendar_error_) calendar_error_ = NoWorkingDay(*p.announced_on);
        const LocalDate deadline = due.value_or(LocalDate::max());
        const bool due_in_period = deadline >= in_.period.from && deadline <= in_.period.to;
        const bool done_in_period =
            p.publicized_on && *p.publicized_on >= in_.period.from && *p.publicized_on <= in_.period.to;
        if (due_in_period || done_in_period) {
          ++d12;
          if (p.publicized_on && *p.publicized_on <= deadline) ++n12;
          else if (s_.collect_losses) i12.losing_procedures.push_back({p.code, LossReason::kPublicizedLate});
        }
      }
      if (p.content_complete) {
        ++d13;
        if (*p.content_complete) ++n13;
        else if (s_.collect_losses) i13.losing_procedures.push_back({p.code, LossReason::kContentIncomplete});
      }
    }
    SetRatio(i11, n11, d11, s_.publicity_zero);
    SetRatio(i12, n12, d12, s_.publicity_zero);
    SetRatio(i13, n13, d13, s_.publicity_zero);
    if (missing_legal) AppendNote(i11.note, std::to_string(missing_legal) + " procedures lack legal_effective_on");
  }

  ScoreCard Finish(CardBuild& c, CardKind kind, const ScoreCard* center) {
    ScoreCard card;
    card.key = c.key;
    card.label = c.label.empty() ? c.key : c.label;
    Acc& a = c.acc;
    card.dossiers = a.received;
    card.indicators.resize(kIndicatorCount);
    for (int i = 0; i < kIndicatorCount; ++i) {
      Indicator& ind = card.indicators[i];
      const IndicatorRule& rule = rules_->indicators[i];
      ind.id = rule.id;
      ind.group = rule.group;
      ind.code = rule.code.c_str();
      ind.metric_code = rule.metric_code.c_str();
      ind.name = rule.name.c_str();
      ind.max_points = rule.max_points;
      ind.full_at = rule.full_at;
      ind.losses = std::move(a.losses[i]);
    }
    auto& I = card.indicators;
    // Thresholds a setting overrides (ScoringSettings: sources in conflict).
    const std::pair<IndicatorId, const std::optional<double>*> overrides[] = {
        {IndicatorId::k3_3, &s_.online_share_full_at},
        {IndicatorId::k4_2, &s_.digitized_full_at},
        {IndicatorId::k4_3, &s_.reuse_full_at},
        {IndicatorId::k5_4, &s_.satisfaction_full_at}};
    for (const auto& [id, full_at] : overrides)
      if (*full_at) I[Idx(id)].full_at = **full_at;
    // Of an indicator and its alternative (3.3 / 3.4) one is scored, by the setting: the other tracks.
    const bool full_online_group = s_.online_group == ScoringSettings::OnlineGroup::kFullOnlineShare2026;
    for (Indicator& ind : I)
      if (const auto& alt = rules_->Get(ind.id).alternative_to)
        (full_online_group ? I[Idx(*alt)] : ind).max_points = 0;

    // Group 1.
    if (kind == CardKind::kUnit && center) {
      // The portal shows the province's publicity values on every unit (transparency fixture 08/2026).
      for (IndicatorId id : {IndicatorId::k1_1, IndicatorId::k1_2, IndicatorId::k1_3}) {
        Indicator& dst = I[Idx(id)];
        const Indicator& src = center->Get(id);
        dst.numerator = src.numerator;
        dst.denominator = src.denominator;
        dst.ratio = src.ratio;
        dst.points = src.points;
        dst.note = src.note;
        dst.losing_procedures = src.losing_procedures;
      }
    } else {
      Publicity(card, c, kind);
    }
    {
      std::int64_t den = a.received;
      Indicator& i14 = I[Idx(IndicatorId::k1_4)];
      if (kind == CardKind::kCenter) {
        if (in_.national_report_received && *in_.national_report_received > den) {
          den = *in_.national_report_received;
          AppendNote(i14.note, "denominator from the national report");
        }
        if (den == 0 && in_.prior_year_received_total && *in_.prior_year_received_total > 0) {
          den = std::llround(double(*in_.prior_year_received_total) * PeriodShareOfYear());
          AppendNote(i14.note, "denominator from last year's total");
        }
      }
      SetRatio(i14, a.synced, den, s_.sync_zero);
    }

    // Group 2.
    SetRatio(I[Idx(IndicatorId::k2_1)], a.progress_num, a.progress_den, s_.progress_zero);
    {
      Indicator& i22 = I[Idx(IndicatorId::k2_2)];
      i22.numerator = a.completed_minutes;
      i22.denominator = a.completed;
      if (a.completed > 0) i22.ratio = double(a.completed_minutes) / 1440.0 / double(a.completed);
      AppendNote(i22.note, "numerator in minutes; ratio = average days (calendar time, supplement time excluded)");
    }

    // Procedure-level counts over the card's remit.
    std::int64_t remit = 0, online_services = 0, online_used = 0, fee_procs = 0, fee_synced = 0, fee_paid = 0,
                 citizen_procs = 0, citizen_connected = 0;
    Indicator& i31 = I[Idx(IndicatorId::k3_1)];
    Indicator& i32 = I[Idx(IndicatorId::k3_2)];
    Indicator& i35 = I[Idx(IndicatorId::k3_5)];
    Indicator& i35b = I[Idx(IndicatorId::k3_5b)];
    Indicator& i45a = I[Idx(IndicatorId::k4_5a)];
    for (std::size_t i = 0; i < in_.procedures.size(); ++i) {
      if (!InRemit(c, kind, i)) continue;
      const ProcedureFacts& p = in_.procedures[i];
      const std::uint8_t f = a.proc_flags[i];
      ++remit;
      const bool has_service = p.online_level != ProcedureFacts::OnlineLevel::kNone;
      online_services += has_service;
      if (has_service) {
        if (f & kOnlineDossier) ++online_used;
        else if (s_.collect_losses) i32.losing_procedures.push_back({p.code, LossReason::kNoOnlineDossier});
      } else if (s_.collect_losses) {
        i31.losing_procedures.push_back({p.code, LossReason::kNoOnlineService});
      }
      if (p.has_fee) {
        ++fee_procs;
        if (f & kFeeDataSynced) ++fee_synced;
        else if (s_.collect_losses) i35.losing_procedures.push_back({p.code, LossReason::kNoFeeDataSynced});
        if (f & kOnlinePaid) ++fee_paid;
        else if (s_.collect_losses) i35b.losing_procedures.push_back({p.code, LossReason::kNoOnlinePayment});
      }
      if (p.citizen_subject) {
        ++citizen_procs;
        if (f & kCitizenData) ++citizen_connected;
        else if (s_.collect_losses)
          i45a.losing_procedures.push_back({p.code, LossReason::kNoCitizenDataConnection});
      }
    }

    // Group 3: online service. 3.3 = online share × sync rate (formula-document.ts 3.3).
    Track(i31, online_services, remit);
    Track(i32, online_used, online_services);
    {
      Indicator& i33 = I[Idx(IndicatorId::k3_3)];
      i33.numerator = a.online_num;
      i33.denominator = a.received;
      if (a.received > 0) {
        double share = double(a.online_num) / double(a.received);
        if (s_.online_share_times_sync_rate) share *= double(a.synced) / double(a.received);
        i33.ratio = share;
        i33.points = PointsFor(i33, share);
      } else {
        i33.points = ZeroScore(s_.online_zero, i33.max_points);
      }
      if (s_.online_share_times_sync_rate) AppendNote(i33.note, "ratio = online share × sync rate (1.4)");
      Indicator& i34 = I[Idx(IndicatorId::k3_4)];
      SetRatio(i34, a.full_online_num, a.full_online_den, s_.online_zero);
      if (full_online_group) {
        AppendNote(i34.note, "2026 API formula unresolved; scored linearly");
        i33.points.reset();
      } else {
        i34.points.reset();
        i34.losses.clear();
      }
      if (full_online_group) i33.losses.clear();
    }

    // Group 3: payment = 6·A + min(2, 2.5·B) + 2.5·C (SCORING_ANALYSIS_M0.md, 984 observations): the
    // rules give 3.5 and 3.5b a maximum of 2 reached at 80%, that is min(2, 2.5 × ratio).
    if (fee_procs > 0 && !s_.cap_fee_procedure_points) {  // 2.5·C uncapped
      i35.max_points /= i35.full_at;
      i35.full_at = 1.0;
    }
    SetRatio(i35, fee_synced, fee_procs, s_.payment_zero);      // C
    SetRatio(i35b, fee_paid, fee_procs, s_.payment_zero);       // B
    SetRatio(I[Idx(IndicatorId::k3_6)], a.paid_num, a.fee_den, s_.payment_zero);  // A

    // Group 4.
    SetRatio(I[Idx(IndicatorId::k4_1)], a.eresult_num, a.eresult_den, s_.digitization_zero);
    SetRatio(I[Idx(IndicatorId::k4_2)], a.digitized_num, a.received, s_.digitization_zero);
    {
      Indicator& i46 = I[Idx(IndicatorId::k4_6)];
      if (kind != CardKind::kProcedure && in_.certified_copies) {
        SetRatio(i46, in_.certified_copies->communes_offering, in_.certified_copies->communes_total, s_.digitization_zero);
      } else {
        i46.points.reset();
        AppendNote(i46.note, kind == CardKind::kProcedure ? "not per procedure" : "no certified-copy counts given");
      }
    }
    SetRatio(I[Idx(IndicatorId::k4_3)], a.reused_num, a.received, s_.digitization_zero);
    SetRatio(I[Idx(IndicatorId::k4_4)], a.store_num, a.received, s_.digitization_zero);
    SetRatio(i45a, citizen_connected, citizen_procs, s_.digitization_zero);
    SetRatio(I[Idx(IndicatorId::k4_5b)], a.citizen_num, a.received, s_.digitization_zero);

    // Group 5.
    Satisfaction(card, c, kind);

    // Totals.
    double total = 0;
    card.groups.resize(kGroupCount);
    for (int g = 0; g < kGroupCount; ++g) {
      GroupTotal& gt = card.groups[g];
      gt.group = IndicatorGroup(g);
      const GroupRule& rule = rules_->Group(gt.group);
      gt.max_points = rule.max_points;
      double sum = 0, available_max = 0;
      for (const Indicator& ind : card.indicators) {
        if (int(ind.group) != g || ind.max_points <= 0) continue;
        if (ind.points) {
          // Metric groups sum the rounded metric scores ("Tổng điểm nhóm bằng tổng score của các
          // metric"); a group rounded once (payment: one formula) sums the unrounded ones.
          sum += rule.rounded_once ? *ind.points : RoundPoints(*ind.points);
          available_max += ind.max_points;
        }
      }
      if (s_.null_in_group == ScoringSettings::NullInGroup::kRescaleToAvailable && available_max > 0 &&
          available_max < gt.max_points)
        sum = sum * gt.max_points / available_max;
      gt.points = std::clamp(RoundPoints(sum), 0.0, gt.max_points);
      total += gt.points;
    }
    card.total_points = RoundPoints(total);
    for (Indicator& ind : card.indicators)
      if (ind.points) ind.points = RoundPoints(*ind.points);
    return card;
  }

  void Satisfaction(ScoreCard& card, const CardBuild& c, CardKind kind) {
    auto& I = card.indicators;
    const Acc& a = c.acc;
    Indicator& i51a = I[Idx(IndicatorId::k5_1a)];
    Indicator& i51b = I[Idx(IndicatorId::k5_1b)];
    Indicator& i52 = I[Idx(IndicatorId::k5_2)];
    Indicator& i53 = I[Idx(IndicatorId::k5_3)];
    Indicator& i54 = I[Idx(IndicatorId::k5_4)];

    std::optional<PaknCounts> pakn;
    bool pakn_known = true;
    if (kind == CardKind::kCenter) {
      if (in_.center_pakn) {
        pakn = in_.center_pakn;
      } else if (!in_.pakn_by_unit.empty()) {
        PaknCounts sum;
        for (const auto& [unit, p] : in_.pakn_by_unit) {
          sum.total += p.total;
          sum.on_time += p.on_time;
          sum.satisfied += p.satisfied;
          sum.about_procedures += p.about_procedures;
          sum.about_staff += p.about_staff;
        }
        pakn = sum;
      }
    } else if (kind == CardKind::kUnit) {
      auto it = in_.pakn_by_unit.find(c.key);
      if (it != in_.pakn_by_unit.end()) pakn = it->second;
    }
    if (!pakn) {
      pakn_known = false;
      pakn = PaknCounts{};
    }

    double max52 = rules_->Get(IndicatorId::k5_2).max_points, max53 = rules_->Get(IndicatorId::k5_3).max_points,
           max54 = rules_->Get(IndicatorId::k5_4).max_points;
    const bool per_procedure = kind == CardKind::kProcedure;
    const bool no_score = per_procedure || (!pakn_known && s_.unknown_pakn == ScoringSettings::UnknownPakn::kNoScore);
    const bool zero = !no_score && pakn->total == 0;
    if (zero && s_.zero_pakn == ScoringSettings::ZeroPakn::kSplitTo52And54) {  // 5.3's share to 5.2 and 5.4
      max52 += max53 / 2;
      max54 += max53 / 2;
      max53 = 0;
    }
    i52.max_points = max52;
    i53.max_points = max53;
    i54.max_points = max54;

    Track(i51a, pakn->about_procedures, pakn->total);
    Track(i51b, pakn->about_staff, pakn->total);
    if (no_score) {
      for (Indicator* ind : {&i51a, &i51b, &i52, &i53}) {
        ind->ratio.reset();
        ind->points.reset();
        AppendNote(ind->note, per_procedure ? "not per procedure" : "pakn_unknown");
      }
    } else {
      // 5.2, 5.3: 6 × ratio; with no PAKN, full points (observed, 492 observations each).
      SetRatio(i52, pakn->on_time, pakn->total, ZeroDenominator::kFullPoints);
      SetRatio(i53, pakn->satisfied, pakn->total, ZeroDenominator::kFullPoints);
      if (max53 == 0) i53.points.reset();
      if (!pakn_known) {
        AppendNote(i52.note, "pakn_unknown");
        AppendNote(i53.note, "pakn_unknown");
      }
    }
    SetRatio(i54, a.satisfied_num, a.received, s_.satisfaction_zero);
  }

  const ScoreInput& in_;
  const ScoringSettings& s_;
  const std::shared_ptr<const RuleSet> rules_;
  const std::vector<NationalRecord>& records_;
  std::optional<Error> calendar_error_;  // the first working-day count the calendar could not answer
  WorkingDays working_;
  Instant start_{}, end_{}, judge_at_{};
  std::unordered_map<std::string_view, int> facts_index_;
  CardBuild center_;
  std::vector<CardBuild> cards_;  // addressed by index: pointers are held only within one Visit
  std::unordered_map<std::string_view, std::size_t> card_index_;
  static constexpr std::uint32_t kNoCard = 0xFFFFFFFFu;
  std::vector<std::uint32_t> group_of_;  // per record: its unit / procedure card, or kNoCard
};

Status Validate(const ScoreInput& in) {
  if (!in.records) return Invalid("records", "required", "ScoreInput::records is null");
  if (in.records->size() > kMaxRecords)
    return Invalid("records", "too_many", "more than 134,217,728 records in one Score call");
  if (in.period.to < in.period.from) return Invalid("period", "bad_period", "the period ends before it starts");
  std::unordered_map<std::string_view, std::size_t> seen;
  for (std::size_t i = 0; i < in.procedures.size(); ++i) {
    const std::string field = "procedures[" + std::to_string(i) + "].code";
    if (in.procedures[i].code.empty()) return Invalid(field, "required", "a procedure needs its MaTTHC code");
    if (!seen.emplace(in.procedures[i].code, i).second)
      return Invalid(field, "duplicate", "procedure " + in.procedures[i].code + " is listed twice");
  }
  auto check_pakn = [](const PaknCounts& p, const std::string& prefix) -> Status {
    const std::pair<const char*, std::int64_t> parts[] = {{"on_time", p.on_time},
                                                          {"satisfied", p.satisfied},
                                                          {"about_procedures", p.about_procedures},
                                                          {"about_staff", p.about_staff}};
    if (p.total < 0) return Invalid(prefix + "total", "out_of_range", "a PAKN count must be >= 0");
    for (auto [name, v] : parts)
      if (v < 0 || v > p.total)
        return Invalid(prefix + name, "out_of_range", std::string("PAKN ") + name + " must be in 0..total");
    return Ok();
  };
  if (in.center_pakn) MOTCUA_TRY(check_pakn(*in.center_pakn, "pakn."));
  for (const auto& [unit, p] : in.pakn_by_unit) MOTCUA_TRY(check_pakn(p, "pakn[" + unit + "]."));
  if (in.national_report_received && *in.national_report_received < 0)
    return Invalid("national_report_received", "out_of_range", "a count must be >= 0");
  if (in.prior_year_received_total && *in.prior_year_received_total < 0)
    return Invalid("prior_year_received_total", "out_of_range", "a count must be >= 0");
  if (in.certified_copies) {
    const auto& cc = *in.certified_copies;
    if (cc.communes_total < 0 || cc.communes_offering < 0 || cc.communes_offering > cc.communes_total)
      return Invalid("certified_copies.communes_offering", "out_of_range", "must be in 0..communes_total");
  }
  const ScoringSettings& s = in.settings;
  const std::pair<const char*, std::optional<double>> thresholds[] = {{"online_share_full_at", s.online_share_full_at},
                                                                      {"digitized_full_at", s.digitized_full_at},
                                                                      {"reuse_full_at", s.reuse_full_at},
                                                                      {"satisfaction_full_at", s.satisfaction_full_at}};
  for (auto [name, v] : thresholds)
    if (v && !(*v > 0 && *v <= 1))
      return Invalid(std::string("settings.") + name, "out_of_range", "a full-points threshold must be in (0, 1]");
  if (s.max_supplement_requests < 0)
    return Invalid("settings.max_supplement_requests", "out_of_range", "must be >= 0");
  if (s.announce_lead_working_days < 0 || s.announce_lead_working_days > 365)
    return Invalid("settings.announce_lead_working_days", "out_of_range", "must be in 0..365");
  if (s.publicize_within_working_days < 0 || s.publicize_within_working_days > 365)
    return Invalid("settings.publicize_within_working_days", "out_of_range", "must be in 0..365");
  return Ok();
}

}  // namespace

// ---------------------------------------------------------------------------------------------

const char* ReasonKey(LossReason reason) {
  switch (reason) {
    case LossReason::kOverdue: return "overdue";
    case LossReason::kOverdueUnfinished: return "overdue_unfinished";
    case LossReason::kPendingSupplementLate: return "pending_supplement_late";
    case LossReason::kTooManySupplements: return "too_many_supplements";
    case LossReason::kOverMaxDuration: return "over_max_duration";
    case LossReason::kUndatable: return "undatable";
    case LossReason::kUnsatisfiedRating: return "unsatisfied_rating";
    case LossReason::kPakn: return "pakn";
    case LossReason::kNotSynced: return "not_synced";
    case LossReason::kNotSyncedOnTime: return "not_synced_on_time";
    case LossReason::kNotOnline: return "not_online";
    case LossReason::kOnlineWithoutElectronicResult: return "online_without_electronic_result";
    case LossReason::kNotFullOnline: return "not_full_online";
    case LossReason::kNotPaidOnline: return "not_paid_online";
    case LossReason::kNoElectronicResult: return "no_electronic_result";
    case LossReason::kComponentNotDigitized: return "component_not_digitized";
    case LossReason::kNoReusedData: return "no_reused_data";
    case LossReason::kNotFromCitizenStore: return "not_from_citizen_store";
    case LossReason::kNoCitizenData: return "no_citizen_data";
    case LossReason::kAnnouncedLate: return "announced_late";
    case LossReason::kPublicizedLate: return "publicized_late";
    case LossReason::kContentIncomplete: return "content_incomplete";
    case LossReason::kNoOnlineService: return "no_online_service";
    case LossReason::kNoOnlineDossier: return "no_online_dossier";
    case LossReason::kNoFeeDataSynced: return "no_fee_data_synced";
    case LossReason::kNoOnlinePayment: return "no_online_payment";
    case LossReason::kNoCitizenDataConnection: return "no_citizen_data_connection";
  }
  return "";
}


Period MonthPeriod(int y, unsigned m) {
  const year_month ym{year{y}, month{m}};
  return Period{local_days{ym / day{1}}, local_days{ym / last}};
}

Period QuarterPeriod(int y, unsigned q) {
  const unsigned first = (q - 1) * 3 + 1;
  return Period{local_days{year{y} / month{first} / day{1}}, local_days{year{y} / month{first + 2} / last}};
}

Period YearPeriod(int y) { return Period{local_days{year{y} / January / day{1}}, local_days{year{y} / December / day{31}}}; }

Result<Period> MakePeriod(LocalDate from, LocalDate to) {
  if (to < from) return Invalid("period", "bad_period", "the period ends before it starts");
  return Period{from, to};
}

Result<TimelinessVerdict> JudgeTimeliness(const NationalRecord& r, const TimelinessContext& ctx,
                                          const ScoringSettings& s) {
  TimelinessVerdict v;
  if (!r.received_at) {
    v.reason = LossReason::kUndatable;
    return v;
  }
  const Instant received = *r.received_at;

  // The end of processing: the preferred terminal date, else an open supplement request, else the
  // instant an unfinished dossier is judged at.
  std::optional<Instant> terminal;
  if (s.terminal_time == ScoringSettings::TerminalTime::kProcessedFirst)
    terminal = r.processed_at ? r.processed_at : r.returned_at ? r.returned_at : r.refused_at;
  else
    terminal = r.returned_at ? r.returned_at : r.processed_at ? r.processed_at : r.refused_at;

  int requests = 0;
  std::optional<Instant> pending;
  for (const auto& sup : r.supplements) {
    ++requests;
    if (sup.requested_at && !sup.answered_at && (!pending || *sup.requested_at > *pending)) pending = sup.requested_at;
  }

  bool ended_by_supplement = false;
  Instant end;
  if (terminal) {
    end = *terminal;
    v.finished = true;
  } else if (pending) {
    // "Nếu hồ sơ đang yêu cầu bổ sung, công dân chưa quay lại bổ sung hồ sơ thì lấy ngày cán bộ yêu
    // cầu bổ sung hồ sơ là Thời gian kết thúc xử lý" (formula-document.ts 2.1).
    end = *pending;
    v.finished = true;
    ended_by_supplement = true;
  } else {
    end = std::max(ctx.judge_unfinished_at, received);
  }
  v.end_at = end;

  // Citizen time: answered requests, "hoàn thành bổ sung − yêu cầu bổ sung", within [received, end].
  std::int64_t supplement = 0;
  for (const auto& sup : r.supplements) {
    if (!sup.requested_at || !sup.answered_at) continue;
    const Instant from = std::max(*sup.requested_at, received);
    const Instant to = std::min(*sup.answered_at, end);
    if (to > from) supplement += (to - from).count();
  }
  v.supplement_seconds = supplement;
  const Instant effective_end = end - seconds{supplement};

  if (r.due_at) {
    v.on_time = effective_end <= *r.due_at;
    if (!v.on_time)
      v.reason = ended_by_supplement ? LossReason::kPendingSupplementLate
                 : v.finished        ? LossReason::kOverdue
                                     : LossReason::kOverdueUnfinished;
  } else if (ctx.procedure && ctx.procedure->max_duration) {
    // "Nếu không có ngày hẹn trả: Thời gian kết thúc xử lý − Thời gian bắt đầu xử lý − Thời gian bổ
    // sung hồ sơ <= Thời hạn tối đa giải quyết TTHC".
    WorkingDays wd{ctx.is_working_day};
    const std::optional<Instant> deadline = DurationDeadline(received, *ctx.procedure->max_duration, wd);
    if (!deadline) return NoWorkingDay(LocalDateVn(received));
    v.on_time = effective_end <= *deadline;
    if (!v.on_time) v.reason = LossReason::kOverMaxDuration;
  } else {
    v.on_time = s.undatable_counts_on_time;
    if (!v.on_time) v.reason = LossReason::kUndatable;
  }

  if (requests > s.max_supplement_requests) {
    v.on_time = false;
    v.reason = LossReason::kTooManySupplements;
  }
  return v;
}

Result<ScoreReport> Score(const ScoreInput& input) {
  MOTCUA_TRY(Validate(input));
  std::shared_ptr<const RuleSet> rules = input.rules;
  if (!rules) {
    MOTCUA_ASSIGN_OR_RETURN(rules, BuiltInRules().For(input.period.from));
  }
  Scorer scorer(input, std::move(rules));
  return scorer.Run();
}

Result<ScoreReport> Score(const std::vector<dvc::NationalRecord>& records, const std::vector<ProcedureFacts>& procedures,
                          Period period, Grouping grouping, const ScoringSettings& settings) {
  ScoreInput in;
  in.records = &records;
  in.procedures = procedures;
  in.period = period;
  in.grouping = grouping;
  in.settings = settings;
  return Score(in);
}

}  // namespace motcua::indicators
