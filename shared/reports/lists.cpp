#include "reports/lists.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "common/number_format.h"
#include "common/text.h"
#include "indicators/catalog_facts.h"
#include "scoring/store_scoring.h"

namespace motcua::reports {
namespace {

using dossier::State;
using indicators::Indicator;
using indicators::IndicatorId;
using indicators::LossReason;
using indicators::ScoreCard;
using indicators::ScoreReport;
using indicators::ScoringSettings;

constexpr const char* kWorkKindKeys[kWorkKindCount] = {
    "due_soon",  "overdue_no_apology",  "components_not_digitized", "result_not_digitized",
    "not_synced", "fee_not_paid_online", "unsatisfied_rating"};

// What to do, as keys: the apps say it in words (ui_model strings "scorecard.action.<key>").
constexpr const char* kActions[] = {"finish_before_due", "apologize_and_finish", "scan_components", "attach_result", "nothing_to_recover", "sync", "guide_online_payment", "paid_at_counter", "contact_applicant"};
static_assert(std::size(kActions) == std::size_t(WorkAction::kContactApplicant) + 1);

constexpr const char* kBasisKeys[] = {"held_at_due", "took_over_after_handover", "unassigned", "no_steps"};

Error Missing(const char* what) { return Invalid("sources", "required", std::string("reports need ") + what); }

Status CheckSources(const Sources& s, bool needs_calendar) {
  if (!s.report) return Missing("the score report");
  if (!s.records) return Missing("the records");
  if (!s.store) return Missing("the store");
  if (needs_calendar && !s.calendar) return Missing("the working calendar");
  return Ok();
}

Instant DayStart(LocalDate d) { return FromLocalVn(LocalMinute{d.time_since_epoch()}); }

bool InPeriod(const std::optional<Instant>& at, const indicators::Period& p) {
  return at && *at >= DayStart(p.from) && *at < DayStart(p.to + std::chrono::days(1));
}

// 3.3's multiplier: the card's sync rate when 3.3 is multiplied by it.
double SyncMultiplier(const ScoreCard& card, const ScoringSettings& s, std::int64_t extra_synced = 0) {
  if (!s.online_share_times_sync_rate) return 1.0;
  const Indicator& i33 = card.Get(IndicatorId::k3_3);
  if (i33.denominator <= 0) return 0.0;
  const std::int64_t synced =
      std::clamp<std::int64_t>(card.Get(IndicatorId::k1_4).numerator + extra_synced, 0, i33.denominator);
  return double(synced) / double(i33.denominator);
}

bool IsOpen(State s) { return !dossier::IsFinished(s); }


std::optional<Instant> TerminalInstant(const dvc::NationalRecord& r, const ScoringSettings& s) {
  if (s.terminal_time == ScoringSettings::TerminalTime::kProcessedFirst)
    return r.processed_at ? r.processed_at : r.returned_at ? r.returned_at : r.refused_at;
  return r.returned_at ? r.returned_at : r.processed_at ? r.processed_at : r.refused_at;
}

// Loss lookups of one card.
struct CardIndex {
  const ScoreCard* card = nullptr;
  std::unordered_set<std::uint32_t> late;                       // 2.1
  std::unordered_map<std::uint32_t, LossReason> satisfaction;   // 5.4
  std::unordered_map<std::uint32_t, LossReason> digitized;      // 4.2
};

CardIndex IndexCard(const ScoreCard& card) {
  CardIndex x;
  x.card = &card;
  for (const auto& l : card.Get(IndicatorId::k2_1).losses) x.late.insert(l.record_index);
  for (const auto& l : card.Get(IndicatorId::k5_4).losses) x.satisfaction.emplace(l.record_index, l.reason);
  for (const auto& l : card.Get(IndicatorId::k4_2).losses) x.digitized.emplace(l.record_index, l.reason);
  return x;
}

// Points of the timeliness indicators (2.1 and 5.4) for one dossier on one card: the gain if it is
// lost now and were on time, or what it would lose if it went late.
double TimelinessPoints(const CardIndex& x, std::uint32_t index, const ScoringSettings& s) {
  const ScoreCard& card = *x.card;
  const bool lost = x.late.count(index) > 0;
  const auto sat = x.satisfaction.find(index);
  // 5.4 moves with timeliness only when nothing else (a rating, a PAKN) already costs it.
  const bool other_54 = sat != x.satisfaction.end() && (sat->second == LossReason::kUnsatisfiedRating ||
                                                        sat->second == LossReason::kPakn);
  if (lost) {
    double p = PointsPerDossier(card, IndicatorId::k2_1, s, +1);
    if (!other_54 && sat != x.satisfaction.end()) p += PointsPerDossier(card, IndicatorId::k5_4, s, +1);
    return p;
  }
  double p = -PointsPerDossier(card, IndicatorId::k2_1, s, -1);
  if (sat == x.satisfaction.end()) p -= PointsPerDossier(card, IndicatorId::k5_4, s, -1);
  return p;
}

struct ItemOrder {
  bool operator()(const WorkItem& a, const WorkItem& b) const {
    if (a.kind != b.kind) return a.kind < b.kind;
    const Instant far = Instant::max();
    const Instant da = a.due_at.value_or(far), db = b.due_at.value_or(far);
    if (da != db) return da < db;
    return a.dossier_code < b.dossier_code;
  }
};

// Competition ranking by total (1, 2, 2, 4), ties in key order.
void Rank(std::vector<UnitRow>& rows) {
  std::sort(rows.begin(), rows.end(), [](const UnitRow& a, const UnitRow& b) {
    return a.total != b.total ? a.total > b.total : a.unit < b.unit;
  });
  for (std::size_t i = 0; i < rows.size(); ++i)
    rows[i].rank = (i > 0 && rows[i].total == rows[i - 1].total) ? rows[i - 1].rank : int(i) + 1;
}

UnitRow RowOf(const ScoreCard& card) {
  UnitRow r;
  r.unit = card.key;
  r.label = card.label.empty() ? card.key : card.label;
  r.dossiers = card.dossiers;
  r.total = card.total_points;
  r.lost = indicators::RoundPoints(card.total_max - card.total_points);
  for (int g = 0; g < indicators::kGroupCount; ++g) {
    r.groups[g] = card.groups[g].points;
    r.group_max[g] = card.groups[g].max_points;
  }
  const Indicator& i21 = card.Get(IndicatorId::k2_1);
  r.late = i21.denominator - i21.numerator;
  return r;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

double PointsPerDossier(const ScoreCard& card, IndicatorId id, const ScoringSettings& s, int delta) {
  const Indicator& ind = card.Get(id);
  if (ind.max_points <= 0 || !ind.points || ind.denominator <= 0) return 0;
  const double den = double(ind.denominator);
  const double mult = id == IndicatorId::k3_3 ? SyncMultiplier(card, s) : 1.0;
  const std::int64_t n1 = std::clamp<std::int64_t>(ind.numerator + delta, 0, ind.denominator);
  return indicators::PointsFor(ind, double(n1) / den * mult) - indicators::PointsFor(ind, double(ind.numerator) / den * mult);
}

double PointsPerSyncedDossier(const ScoreCard& card, const ScoringSettings& s) {
  double p = PointsPerDossier(card, IndicatorId::k1_4, s, +1);
  const Indicator& i33 = card.Get(IndicatorId::k3_3);
  if (s.online_share_times_sync_rate && i33.points && i33.max_points > 0 && i33.denominator > 0) {
    const double share = double(i33.numerator) / double(i33.denominator);
    p += indicators::PointsFor(i33, share * SyncMultiplier(card, s, 1)) - indicators::PointsFor(i33, share * SyncMultiplier(card, s));
  }
  return p;
}

const char* WorkKindKey(WorkKind kind) { return kWorkKindKeys[int(kind)]; }
const char* WorkActionKey(WorkAction action) { return kActions[int(action)]; }
const char* ResponsibleBasisKey(ResponsibleBasis basis) { return kBasisKeys[int(basis)]; }

Result<WorkToday> BuildWorkToday(const Sources& src, Instant now, const WorkOptions& options) {
  MOTCUA_TRY(CheckSources(src, true));
  const ScoreReport& report = *src.report;
  const std::vector<dvc::NationalRecord>& records = *src.records;
  const ScoringSettings& settings = report.settings;
  const bool by_unit = report.grouping == indicators::Grouping::kUnit;

  WorkToday out;
  out.now = now;
  out.period = report.period;

  // Cards and their loss indexes; units keyed by their card key.
  std::map<std::string, UnitWork> units;
  std::map<std::string, CardIndex> card_index;
  const CardIndex center = IndexCard(report.center);
  auto wanted = [&](const std::string& unit) { return options.unit.empty() || unit == options.unit; };
  if (by_unit) {
    for (const ScoreCard& card : report.breakdown) {
      if (!wanted(card.key)) continue;
      units[card.key] = UnitWork{card.key, card.label.empty() ? card.key : card.label, true, {}, {}, 0};
      card_index.emplace(card.key, IndexCard(card));
    }
  } else {
    units[""] = UnitWork{"", "Toàn trung tâm", true, {}, {}, 0};
    card_index.emplace("", center);
  }
  auto unit_of = [&](const std::string& processing_unit) { return by_unit ? processing_unit : std::string(); };
  auto unit_for = [&](const std::string& key) -> UnitWork& {
    auto it = units.find(key);
    if (it == units.end()) it = units.emplace(key, UnitWork{key, key, false, {}, {}, 0}).first;
    return it->second;
  };

  std::unordered_map<std::string, std::uint32_t> index_of;
  index_of.reserve(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) index_of.emplace(records[i].dossier_code, std::uint32_t(i));

  // The dossiers of the period as they are now (state, current due date, apology count).
  std::unordered_map<std::string, store::DossierSummary> now_state;
  {
    store::DossierQuery q;
    q.received_from = DayStart(report.period.from);
    q.received_before = DayStart(report.period.to + std::chrono::days(1));
    q.limit = std::numeric_limits<int>::max();
    MOTCUA_ASSIGN_OR_RETURN(auto rows, src.store->ListDossiers(q));
    for (auto& row : rows) now_state.emplace(row.code, std::move(row));
  }

  auto base_item = [&](WorkKind kind, const std::string& code, const std::string& unit) {
    WorkItem item;
    item.kind = kind;
    item.dossier_code = code;
    item.unit = unit;
    if (auto it = index_of.find(code); it != index_of.end()) {
      const dvc::NationalRecord& r = records[it->second];
      item.record_index = it->second;
      item.applicant_name = r.applicant_name;
      item.procedure_code = r.procedure_code;
      item.procedure_name = r.procedure_name;
      item.judged_due_at = r.due_at;
    }
    if (auto it = now_state.find(code); it != now_state.end()) {
      const store::DossierSummary& s = it->second;
      item.state = s.state;
      item.due_at = s.due_at;
      if (item.applicant_name.empty()) item.applicant_name = s.applicant_name;
      if (item.procedure_code.empty()) item.procedure_code = s.procedure_code;
      if (item.procedure_name.empty()) item.procedure_name = s.procedure_name;
    }
    return item;
  };

  // --- due soon and overdue without an apology: every open dossier, whenever received ---
  {
    store::DossierQuery q;
    for (int s = 0; s < dossier::kStateCount; ++s)
      if (IsOpen(State(s)) && State(s) != State::kSubmitted) q.states.push_back(State(s));
    q.limit = std::numeric_limits<int>::max();
    if (by_unit) q.processing_unit = options.unit;
    MOTCUA_ASSIGN_OR_RETURN(auto open, src.store->ListDossiers(q));
    for (const store::DossierSummary& s : open) {
      if (!by_unit && !options.unit.empty() && s.processing_unit != options.unit) continue;
      const workflow::Urgency u = workflow::ClassifyUrgency(*src.calendar, s.state, s.due_at, now);
      WorkKind kind;
      if (u == workflow::Urgency::kDueToday || u == workflow::Urgency::kDueWithinOneWorkingDay)
        kind = WorkKind::kDueSoon;
      else if (u == workflow::Urgency::kOverdue && s.apology_count == 0) kind = WorkKind::kOverdueNoApology;
      else continue;
      const std::string unit = unit_of(s.processing_unit);
      if (!wanted(unit) && by_unit) continue;
      now_state.emplace(s.code, s);
      WorkItem item = base_item(kind, s.code, unit);
      item.state = s.state;
      item.due_at = s.due_at;
      item.action = kind == WorkKind::kDueSoon ? WorkAction::kFinishBeforeDue : WorkAction::kApologizeAndFinish;
      item.indicators = {IndicatorId::k2_1, IndicatorId::k5_4};
      // Points only for a dossier in the report's 2.1 population (received in the period).
      if (item.record_index && InPeriod(records[*item.record_index].received_at, report.period)) {
        auto ci = card_index.find(unit);
        if (ci != card_index.end()) item.points_unit = TimelinessPoints(ci->second, *item.record_index, settings);
        item.points_center = TimelinessPoints(center, *item.record_index, settings);
      }
      item.recoverable = kind == WorkKind::kDueSoon;
      unit_for(unit).items.push_back(std::move(item));
    }
  }

  // --- the losses of each card ---
  for (auto& [unit_key, x] : card_index) {
    const ScoreCard& card = *x.card;
    UnitWork& uw = unit_for(unit_key);
    auto state_of = [&](const std::string& code) -> std::optional<State> {
      auto it = now_state.find(code);
      return it == now_state.end() ? std::nullopt : std::optional<State>(it->second.state);
    };
    const bool times_sync = settings.online_share_times_sync_rate;
    const double sync_unit = PointsPerSyncedDossier(card, settings);
    const double sync_center = PointsPerSyncedDossier(report.center, settings);

    for (const auto& loss : card.Get(IndicatorId::k4_2).losses) {
      if (loss.reason != LossReason::kComponentNotDigitized) continue;
      const dvc::NationalRecord& r = records[loss.record_index];
      WorkItem item = base_item(WorkKind::kComponentsNotDigitized, r.dossier_code, unit_key);
      std::vector<std::string> names;
      for (const auto& doc : r.documents)
        if (!doc.digitized && doc.file_url.empty() && !doc.is_deleted &&
            std::find(names.begin(), names.end(), doc.name) == names.end())
          names.push_back(doc.name);
      if (r.documents.empty()) names.push_back("(không có thành phần nào được ghi nhận)");
      for (std::size_t i = 0; i < names.size(); ++i) item.detail += (i ? "; " : "") + names[i];
      const auto st = state_of(r.dossier_code);
      item.recoverable = !st || !dossier::IsTerminal(*st);
      item.action = item.recoverable ? WorkAction::kScanComponents : WorkAction::kNothingToRecover;
      item.indicators = {IndicatorId::k4_2};
      item.points_unit = PointsPerDossier(card, IndicatorId::k4_2, settings);
      item.points_center = PointsPerDossier(report.center, IndicatorId::k4_2, settings);
      uw.items.push_back(std::move(item));
    }

    for (const auto& loss : card.Get(IndicatorId::k4_1).losses) {
      const dvc::NationalRecord& r = records[loss.record_index];
      const auto st = state_of(r.dossier_code);
      const bool completed = st ? (*st == State::kDone || *st == State::kReturned)
                                : (r.status == dvc::NationalStatus::kProcessed || r.status == dvc::NationalStatus::kReturned);
      if (!completed) continue;  // no result to digitize yet
      WorkItem item = base_item(WorkKind::kResultNotDigitized, r.dossier_code, unit_key);
      item.recoverable = !st || *st == State::kDone;
      item.action = item.recoverable ? WorkAction::kAttachResult : WorkAction::kNothingToRecover;
      item.indicators = {IndicatorId::k4_1};
      item.points_unit = PointsPerDossier(card, IndicatorId::k4_1, settings);
      item.points_center = PointsPerDossier(report.center, IndicatorId::k4_1, settings);
      auto d42 = x.digitized.find(loss.record_index);
      if (d42 != x.digitized.end() && d42->second == LossReason::kNoElectronicResult) {
        item.indicators.push_back(IndicatorId::k4_2);
        item.points_unit += PointsPerDossier(card, IndicatorId::k4_2, settings);
        item.points_center += PointsPerDossier(report.center, IndicatorId::k4_2, settings);
      }
      std::vector<std::string> names;
      for (const auto& res : r.results)
        if (res.file_url.empty()) names.push_back(res.name);
      for (std::size_t i = 0; i < names.size(); ++i) item.detail += (i ? "; " : "") + names[i];
      uw.items.push_back(std::move(item));
    }

    for (const auto& loss : card.Get(IndicatorId::k1_4).losses) {
      const dvc::NationalRecord& r = records[loss.record_index];
      WorkItem item = base_item(WorkKind::kNotSynced, r.dossier_code, unit_key);
      item.action = WorkAction::kSync;
      item.recoverable = true;
      item.indicators = {IndicatorId::k1_4};
      if (times_sync) item.indicators.push_back(IndicatorId::k3_3);
      item.points_unit = sync_unit;
      item.points_center = sync_center;
      uw.items.push_back(std::move(item));
    }

    for (const auto& loss : card.Get(IndicatorId::k3_6).losses) {
      const dvc::NationalRecord& r = records[loss.record_index];
      WorkItem item = base_item(WorkKind::kFeeNotPaidOnline, r.dossier_code, unit_key);
      MOTCUA_ASSIGN_OR_RETURN(auto d, src.store->GetDossier(r.dossier_code));
      std::int64_t due_vnd = 0, paid_vnd = 0;
      bool unpaid = false;
      if (d) {
        for (const auto& fee : d->fees) {
          due_vnd += fee.amount_vnd;
          if (fee.paid_at) paid_vnd += fee.amount_vnd;
          else if (fee.amount_vnd > 0) unpaid = true;
        }
      } else {
        for (const auto& fee : r.fees) due_vnd += fee.amount_vnd;
        unpaid = true;
      }
      const auto st = state_of(r.dossier_code);
      item.recoverable = unpaid && (!st || IsOpen(*st));
      item.action = item.recoverable ? WorkAction::kGuideOnlinePayment
                                     : (paid_vnd > 0 ? WorkAction::kPaidAtCounter : WorkAction::kNothingToRecover);
      item.detail = "Phí, lệ phí: " + FormatVnd(due_vnd) + (paid_vnd > 0 ? " (đã thu tại quầy " + FormatVnd(paid_vnd) + ")" : "");
      item.indicators = {IndicatorId::k3_6};
      item.points_unit = PointsPerDossier(card, IndicatorId::k3_6, settings);
      item.points_center = PointsPerDossier(report.center, IndicatorId::k3_6, settings);
      uw.items.push_back(std::move(item));
    }

    for (const auto& loss : card.Get(IndicatorId::k5_4).losses) {
      const dvc::NationalRecord& r = records[loss.record_index];
      if (!r.local || !r.local->rating_unsatisfied) continue;
      WorkItem item = base_item(WorkKind::kUnsatisfiedRating, r.dossier_code, unit_key);
      item.action = WorkAction::kContactApplicant;
      item.recoverable = false;
      item.indicators = {IndicatorId::k5_4};
      if (loss.reason == LossReason::kUnsatisfiedRating) {
        item.points_unit = PointsPerDossier(card, IndicatorId::k5_4, settings);
        item.points_center = PointsPerDossier(report.center, IndicatorId::k5_4, settings);
      }
      if (r.local->has_pakn) item.detail = "Kèm phản ánh, kiến nghị";
      uw.items.push_back(std::move(item));
    }
  }

  for (auto& [key, uw] : units) {
    std::sort(uw.items.begin(), uw.items.end(), ItemOrder{});
    for (const WorkItem& item : uw.items) {
      ++uw.counts[int(item.kind)];
      if (item.recoverable) uw.recoverable_points_unit += item.points_unit;
    }
    out.units.push_back(std::move(uw));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

Responsible ResponsibleAt(const dossier::Dossier& d, Instant reference) {
  Responsible r;
  if (d.steps.empty()) return r;
  // The last step at or before the reference instant (steps are in time order, dossier.h (5)).
  std::size_t held = 0;
  bool found = false;
  for (std::size_t i = 0; i < d.steps.size(); ++i) {
    if (d.steps[i].at > reference) break;
    held = i;
    found = true;
  }
  if (!found) held = 0;  // the reference precedes every step: the first actor held it
  if (d.steps[held].state == State::kTransferred) {
    for (std::size_t j = held + 1; j < d.steps.size(); ++j)
      if (!d.steps[j].actor.empty()) {
        r.officer = d.steps[j].actor;
        r.basis = ResponsibleBasis::kTookOverAfterHandover;
        r.step_at = d.steps[j].at;
        return r;
      }
    r.basis = ResponsibleBasis::kUnassigned;
    r.step_at = d.steps[held].at;
    return r;
  }
  r.officer = d.steps[held].actor;
  r.basis = d.steps[held].actor.empty() ? ResponsibleBasis::kUnassigned : ResponsibleBasis::kHeldAtDue;
  r.step_at = d.steps[held].at;
  return r;
}

std::optional<Instant> LateReferenceInstant(const dvc::NationalRecord& r, LossReason reason, const ScoringSettings& s) {
  switch (reason) {
    case LossReason::kTooManySupplements: {
      std::vector<Instant> requests;
      for (const auto& sup : r.supplements)
        if (sup.requested_at) requests.push_back(*sup.requested_at);
      std::sort(requests.begin(), requests.end());
      const std::size_t n = std::size_t(std::max(0, s.max_supplement_requests));
      if (requests.size() > n) return requests[n];
      return r.due_at;
    }
    case LossReason::kOverMaxDuration:
    case LossReason::kUndatable:
      return TerminalInstant(r, s);
    default:
      return r.due_at ? r.due_at : TerminalInstant(r, s);
  }
}

Result<LateOfficers> BuildLateOfficers(const Sources& src, const OfficerOptions& options) {
  MOTCUA_TRY(CheckSources(src, false));
  const ScoreReport& report = *src.report;
  const std::vector<dvc::NationalRecord>& records = *src.records;
  LateOfficers out;
  out.period = report.period;
  std::map<std::pair<std::string, std::string>, OfficerLate> rows;
  for (const auto& loss : report.center.Get(IndicatorId::k2_1).losses) {
    const dvc::NationalRecord& r = records[loss.record_index];
    if (!options.unit.empty() && r.UnitKey() != options.unit) continue;
    LateDossier ld;
    ld.dossier_code = r.dossier_code;
    ld.procedure_code = r.procedure_code;
    ld.procedure_name = r.procedure_name;
    ld.unit = r.UnitKey();
    ld.due_at = r.due_at;
    ld.end_at = TerminalInstant(r, report.settings);
    ld.reason = loss.reason;
    const std::optional<Instant> reference = LateReferenceInstant(r, loss.reason, report.settings);
    if (options.now && reference && *reference > *options.now) {
      ++out.not_yet_late;
      continue;
    }
    MOTCUA_ASSIGN_OR_RETURN(auto d, src.store->GetDossier(r.dossier_code));
    if (d) ld.responsible = ResponsibleAt(*d, reference.value_or(Instant::max()));
    OfficerLate& row = rows[{ld.unit, ld.responsible.officer}];
    row.unit = ld.unit;
    row.officer = ld.responsible.officer;
    ++row.late;
    row.dossier_codes.push_back(ld.dossier_code);
    out.dossiers.push_back(std::move(ld));
  }
  for (auto& [key, row] : rows) {
    std::sort(row.dossier_codes.begin(), row.dossier_codes.end());
    auto name = options.officer_names.find(row.officer);
    row.officer_name = name != options.officer_names.end() && !name->second.empty() ? name->second : row.officer;
    out.rows.push_back(std::move(row));
  }
  std::sort(out.rows.begin(), out.rows.end(), [](const OfficerLate& a, const OfficerLate& b) {
    if (a.unit != b.unit) return a.unit < b.unit;
    if (a.late != b.late) return a.late > b.late;
    return a.officer < b.officer;
  });
  std::sort(out.dossiers.begin(), out.dossiers.end(), [](const LateDossier& a, const LateDossier& b) {
    if (a.unit != b.unit) return a.unit < b.unit;
    if (a.responsible.officer != b.responsible.officer) return a.responsible.officer < b.responsible.officer;
    return a.dossier_code < b.dossier_code;
  });
  return out;
}

Result<std::map<std::string, std::string>> LoadOfficerNames(store::Store& store) {
  store::RecordQuery q;
  q.kind = "user";
  q.limit = 1'000'000;
  MOTCUA_ASSIGN_OR_RETURN(auto records, store.ListRecords(q));
  std::map<std::string, std::string> names;
  for (const store::Record& rec : records) {
    const nlohmann::json j = nlohmann::json::parse(rec.body_json, nullptr, false);
    if (j.is_discarded() || !j.is_object()) continue;
    auto it = j.find("display_name");
    if (it != j.end() && it->is_string()) names[rec.key] = it->get<std::string>();
  }
  return names;
}

// ---------------------------------------------------------------------------------------------

std::vector<UnitRow> CompareUnits(const ScoreReport& report) {
  std::vector<UnitRow> rows;
  if (report.grouping != indicators::Grouping::kUnit) return rows;
  for (const ScoreCard& card : report.breakdown) rows.push_back(RowOf(card));
  Rank(rows);
  return rows;
}

CommuneTable BuildCommuneTable(const ScoreReport& report, const std::vector<dvc::NationalRecord>& records,
                               const std::vector<catalog::Procedure>& procedures,
                               const std::vector<std::string>& commune_units) {
  CommuneTable out;
  out.period = report.period;
  out.rule = commune_units.empty() ? CommuneRule::kCatalog : CommuneRule::kSetting;
  std::set<std::string> communes;
  if (out.rule == CommuneRule::kSetting) {
    communes.insert(commune_units.begin(), commune_units.end());
  } else {
    std::map<std::string, catalog::Level> level;
    for (const auto& p : procedures) level.emplace(p.code, p.level);
    // Per unit: whether every procedure is commune-level (or both), and whether one is commune-level.
    std::map<std::string, std::pair<bool, bool>> seen;  // unit -> (all commune-or-both, any commune)
    for (const auto& r : records) {
      if (!InPeriod(r.received_at, report.period)) continue;
      auto& [all, any] = seen.try_emplace(r.UnitKey(), true, false).first->second;
      auto it = level.find(r.procedure_code);
      if (it == level.end() || (it->second != catalog::Level::kCommune && it->second != catalog::Level::kBoth)) all = false;
      if (it != level.end() && it->second == catalog::Level::kCommune) any = true;
    }
    for (const auto& [unit, flags] : seen)
      if (flags.first && flags.second) communes.insert(unit);
  }
  for (const ScoreCard& card : report.breakdown)
    if (communes.count(card.key)) out.rows.push_back(RowOf(card));
  Rank(out.rows);
  return out;
}

Result<std::vector<std::string>> LoadCommuneUnits(store::Store& store) {
  MOTCUA_ASSIGN_OR_RETURN(auto value, store.GetSetting(kCommuneUnitsSetting));
  std::vector<std::string> out;
  if (!value) return out;
  std::string cur;
  auto flush = [&] {
    std::string t{Trim(cur)};
    if (!t.empty() && std::find(out.begin(), out.end(), t) == out.end()) out.push_back(NormalizeNfc(t));
    cur.clear();
  };
  for (char c : *value) {
    if (c == ';' || c == '\n' || c == '\r') flush();
    else cur += c;
  }
  flush();
  return out;
}

// ---------------------------------------------------------------------------------------------

std::string MonthKey(int year, unsigned month) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u", year, month);
  return buf;
}

Result<TrendReport> BuildTrend(const indicators::ScoreInput& base, int last_year, unsigned last_month, int months,
                               const std::map<std::string, MonthPakn>& pakn) {
  if (months < 1 || months > 60) return Invalid("months", "out_of_range", "the trend covers 1 to 60 months");
  if (last_month < 1 || last_month > 12) return Invalid("month", "bad_month", "month must be 1-12");
  TrendReport out;
  std::map<std::string, UnitTrend> units;
  const int last = last_year * 12 + int(last_month) - 1;
  for (int k = months - 1; k >= 0; --k) {
    const int m = last - k;
    const int year = m / 12;
    const unsigned month = unsigned(m % 12 + 1);
    indicators::ScoreInput input = base;
    input.period = indicators::MonthPeriod(year, month);
    input.grouping = indicators::Grouping::kUnit;
    input.settings.collect_losses = false;
    input.center_pakn.reset();
    input.pakn_by_unit.clear();
    if (auto it = pakn.find(MonthKey(year, month)); it != pakn.end()) {
      input.center_pakn = it->second.center;
      input.pakn_by_unit = it->second.by_unit;
    }
    Result<ScoreReport> scored = indicators::Score(input);
    if (!scored.has_value() && scored.error().rule == "no_rules") {
      // A month before the 766 rules (QĐ 766 of 23/06/2022): nothing to score, shown as a month without data.
      out.center.push_back(MonthScore{.year = year, .month = month});
      continue;
    }
    if (!scored.has_value()) return std::move(scored.error());
    const ScoreReport& report = *scored;
    auto score_of = [&](const ScoreCard& card) {
      MonthScore s;
      s.year = year;
      s.month = month;
      s.has_data = card.dossiers > 0;
      s.dossiers = card.dossiers;
      s.total = card.total_points;
      for (int g = 0; g < indicators::kGroupCount; ++g) s.groups[g] = card.groups[g].points;
      return s;
    };
    out.center.push_back(score_of(report.center));
    const std::size_t slot = out.center.size() - 1;
    for (const ScoreCard& card : report.breakdown) {
      UnitTrend& t = units[card.key];
      t.unit = card.key;
      t.label = card.label.empty() ? card.key : card.label;
      t.months.resize(slot + 1);
      t.months[slot] = score_of(card);
    }
  }
  for (auto& [key, t] : units) {
    t.months.resize(out.center.size());
    for (std::size_t i = 0; i < t.months.size(); ++i) {
      t.months[i].year = out.center[i].year;
      t.months[i].month = out.center[i].month;
    }
    out.units.push_back(std::move(t));
  }
  return out;
}

Result<TrendReport> BuildStoreTrend(store::Store& store, const dossier::StatusMap& status_map,
                                    const calendar::WorkingCalendar& calendar, int last_year, unsigned last_month,
                                    int months, const ScoringSettings& settings) {
  if (months < 1 || months > 60) return Invalid("months", "out_of_range", "the trend covers 1 to 60 months");
  if (last_month < 1 || last_month > 12) return Invalid("month", "bad_month", "month must be 1-12");
  const indicators::Period last = indicators::MonthPeriod(last_year, last_month);
  MOTCUA_ASSIGN_OR_RETURN(auto records, scoring::LoadNationalRecords(store, status_map, last));
  MOTCUA_ASSIGN_OR_RETURN(auto procedures, store.LoadProcedures());
  indicators::ScoreInput base;
  base.records = &records;
  base.procedures = indicators::FactsFromCatalog(procedures);
  base.settings = settings;
  base.is_working_day = [&calendar](LocalDate d) { return calendar::IsWorkingDay(calendar, d); };
  std::map<std::string, MonthPakn> pakn;
  const int end = last_year * 12 + int(last_month) - 1;
  for (int m = end - months + 1; m <= end; ++m) {
    const int y = m / 12;
    const unsigned mo = unsigned(m % 12 + 1);
    MOTCUA_ASSIGN_OR_RETURN(auto counts, scoring::LoadPaknCounts(store, indicators::MonthPeriod(y, mo)));
    pakn[MonthKey(y, mo)] = MonthPakn{counts.center, std::move(counts.by_unit)};
  }
  return BuildTrend(base, last_year, last_month, months, pakn);
}

}  // namespace motcua::reports
