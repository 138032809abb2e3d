#include "ui_model/scorecard_view.h"

#include "ui_model/counter_app.h"
#include "reports/document.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>

namespace motcua::ui {
namespace {

using indicators::Indicator;
using indicators::IndicatorGroup;
using indicators::IndicatorId;
using indicators::LossReason;
using indicators::ScoreCard;
using reports::WorkKind;

// Keys by enum value. They mirror indicators::GroupKey / ReasonKey and reports::WorkKindKey /
// WorkActionKey, copied here so that this file calls nothing in those libraries (see the header's
// link note); tests/ui_model_scorecard checks that they agree.
constexpr const char* kGroupKeys[indicators::kGroupCount] = {"publicity", "progress", "online",
                                                             "payment", "digitization", "satisfaction"};
constexpr const char* kReasonKeys[] = {
    "overdue", "overdue_unfinished", "pending_supplement_late", "too_many_supplements", "over_max_duration",
    "undatable", "unsatisfied_rating", "pakn", "not_synced", "not_synced_on_time", "not_online",
    "online_without_electronic_result", "not_full_online", "not_paid_online", "no_electronic_result",
    "component_not_digitized", "no_reused_data", "not_from_citizen_store", "no_citizen_data", "announced_late",
    "publicized_late", "content_incomplete", "no_online_service", "no_online_dossier", "no_fee_data_synced",
    "no_online_payment", "no_citizen_data_connection"};
static_assert(std::size(kReasonKeys) == std::size_t(LossReason::kNoCitizenDataConnection) + 1);
constexpr const char* kWorkKindKeys[reports::kWorkKindCount] = {
    "due_soon", "overdue_no_apology", "components_not_digitized", "result_not_digitized",
    "not_synced", "fee_not_paid_online", "unsatisfied_rating"};
constexpr const char* kActionKeys[] = {"finish_before_due", "apologize_and_finish", "scan_components",
                                       "attach_result",     "nothing_to_recover",   "sync",
                                       "guide_online_payment", "paid_at_counter",   "contact_applicant"};
static_assert(std::size(kActionKeys) == std::size_t(reports::WorkAction::kContactApplicant) + 1);

// The score card's text in one language, from the one table (ui_model/strings.h).
struct Text {
  Lang lang;
  const char* operator()(std::string_view key) const { return Tr(lang, key); }
  std::string Key(const char* prefix, const char* key) const { return (*this)(std::string(prefix) + key); }
};

// "67,70" in Vietnamese, "67.70" in English; never "-0,00" (common/number_format.h, shared with the CLI
// and the reports).
std::string Points(double v, Lang lang) { return FormatDecimal(v, 2, NumberStyleFor(lang)); }

std::string Integer(std::int64_t v, Lang lang) { return FormatInteger(v, NumberStyleFor(lang)); }

std::string Percent(std::optional<double> r, Lang lang) { return r ? FormatPercent(*r, NumberStyleFor(lang)) : "—"; }

std::string Max(double v, Lang lang) {
  if (v == std::floor(v)) return std::to_string(static_cast<long>(v));
  return Points(v, lang);
}

// Green from 90% of the maximum, amber from 70%, red below; grey with no score.
Tone ToneFor(std::optional<double> points, double max) {
  if (!points || max <= 0) return Tone::kNeutral;
  const double f = *points / max;
  return f >= 0.9 ? Tone::kSuccess : f >= 0.7 ? Tone::kWarning : Tone::kDanger;
}

const ScoreCard* FindCard(const indicators::ScoreReport& report, const std::string& unit) {
  if (unit.empty()) return &report.center;
  for (const ScoreCard& c : report.breakdown)
    if (c.key == unit) return &c;
  return nullptr;
}

std::string CardLabel(const ScoreCard& card, const Text& tr) {
  if (card.key.empty()) return tr("scorecard.center");
  return card.label.empty() ? card.key : card.label;
}

std::string IndicatorName(const Indicator& ind, const Text& tr) {
  if (tr.lang == Lang::kVi) return ind.name;
  return tr.Key("scorecard.indicator.", ind.code);
}

IndicatorRow MakeIndicatorRow(const Indicator& ind, const std::vector<dvc::NationalRecord>& records,
                              const Text& tr, const ScoreCardViewOptions& options) {
  const Lang lang = tr.lang;
  IndicatorRow row;
  row.code = ind.code;
  row.name = IndicatorName(ind, tr);
  row.is_tracking = ind.max_points <= 0;
  if (ind.id == IndicatorId::k2_2) {
    row.counts_text = Integer(ind.denominator, lang);
    row.ratio_text = ind.ratio ? Points(*ind.ratio, lang) : "—";
  } else {
    row.counts_text = Integer(ind.numerator, lang) + " / " + Integer(ind.denominator, lang);
    row.ratio_text = Percent(ind.ratio, lang);
  }
  if (row.is_tracking) {
    row.points_text = tr("scorecard.tracking");
  } else if (ind.denominator == 0) {  // nothing to score: say so, and what the total counts anyway
    row.has_data = false;
    row.points_text = tr("scorecard.no_data");
    if (ind.points) {
      row.no_data_note = FormatText(tr("scorecard.no_data_counted"), {{"points", Points(*ind.points, lang)}});
      row.lost_points = std::max(0.0, ind.max_points - *ind.points);
      if (row.lost_points >= 0.005) row.lost_text = "-" + Points(row.lost_points, lang);
    }
    return row;  // neutral tone; no dossier can be behind an empty denominator
  } else if (!ind.points) {
    row.points_text = std::string(tr("scorecard.no_score")) + " / " + Max(ind.max_points, lang);
  } else {
    row.points_text = Points(*ind.points, lang) + " / " + Max(ind.max_points, lang);
    row.lost_points = std::max(0.0, ind.max_points - *ind.points);
    if (row.lost_points >= 0.005) row.lost_text = "-" + Points(row.lost_points, lang);
  }
  row.tone = ToneFor(ind.points, ind.max_points);
  if (row.is_tracking) return row;
  const std::size_t total = ind.losses.size() + ind.losing_procedures.size();
  if (total == 0) return row;
  row.expand_label = FormatText(tr(ind.losses.empty() ? "scorecard.expand.procedures" : "scorecard.expand.dossiers"),
                                {{"n", Integer(std::int64_t(ind.losses.empty() ? ind.losing_procedures.size()
                                                                                 : ind.losses.size()),
                                               lang)}});
  const std::size_t limit = options.max_dossiers_per_indicator;
  for (const indicators::Loss& loss : ind.losses) {
    if (row.losses.size() >= limit) break;
    if (loss.record_index >= records.size()) continue;
    const dvc::NationalRecord& r = records[loss.record_index];
    LossRow lr;
    lr.code = r.dossier_code;
    lr.applicant = r.applicant_name;
    lr.reason = tr.Key("scorecard.reason.", kReasonKeys[int(loss.reason)]);
    lr.open = scorecard::OpenDossier{r.dossier_code};
    row.losses.push_back(std::move(lr));
  }
  for (const indicators::ProcedureLoss& pl : ind.losing_procedures) {
    if (row.losses.size() >= limit) break;
    LossRow lr;
    lr.code = pl.procedure_code;
    lr.reason = tr.Key("scorecard.reason.", kReasonKeys[int(pl.reason)]);
    lr.is_procedure = true;
    row.losses.push_back(std::move(lr));
  }
  if (total > row.losses.size())
    row.more_text = FormatText(tr("scorecard.more"), {{"n", Integer(std::int64_t(total - row.losses.size()), lang)}});
  return row;
}

Tone WorkTone(WorkKind kind) {
  switch (kind) {
    case WorkKind::kDueSoon: return Tone::kWarning;
    case WorkKind::kOverdueNoApology: return Tone::kDanger;
    case WorkKind::kUnsatisfiedRating: return Tone::kDanger;
    default: return Tone::kInfo;
  }
}

void FillWork(ScoreCardView& v, const reports::WorkToday& today, const std::string& unit, const Text& tr,
              const ScoreCardViewOptions& options) {
  const Lang lang = tr.lang;
  std::array<std::vector<const reports::WorkItem*>, reports::kWorkKindCount> by_kind;
  double recoverable = 0;
  for (const reports::UnitWork& uw : today.units) {
    if (!unit.empty() && uw.unit != unit) continue;
    for (const reports::WorkItem& item : uw.items) {
      by_kind[int(item.kind)].push_back(&item);
      if (item.recoverable) recoverable += unit.empty() ? item.points_center : item.points_unit;
    }
  }
  v.work_points_text = FormatText(tr("scorecard.recoverable"), {{"points", Points(recoverable, lang)}});
  for (int k = 0; k < reports::kWorkKindCount; ++k) {
    auto& items = by_kind[k];
    if (items.empty()) continue;
    std::stable_sort(items.begin(), items.end(), [](const reports::WorkItem* a, const reports::WorkItem* b) {
      const Instant far = Instant::max();
      return a->due_at.value_or(far) < b->due_at.value_or(far);
    });
    WorkSection s;
    s.kind = WorkKind(k);
    s.count = int(items.size());
    s.title = std::string(tr.Key("scorecard.work.", kWorkKindKeys[k])) + " (" + Integer(s.count, lang) + ")";
    s.tone = WorkTone(s.kind);
    for (const reports::WorkItem* item : items) {
      if (s.rows.size() >= options.max_rows_per_work_kind) break;
      WorkRow row;
      row.code = item->dossier_code;
      row.applicant = item->applicant_name;
      row.procedure = item->procedure_name;
      row.unit = item->unit;
      row.due_text = item->due_at ? reports::FormatInstantVi(*item->due_at) : std::string();
      row.todo = tr.Key("scorecard.action.", kActionKeys[int(item->action)]);
      row.detail = item->detail;
      const double points = unit.empty() ? item->points_center : item->points_unit;
      if (points >= 0.005)
        row.points_text = FormatText(tr(item->recoverable ? "scorecard.points_at_stake" : "scorecard.points_already_lost"),
                                     {{"points", Points(points, lang)}});
      row.tone = s.tone;
      row.open = scorecard::OpenDossier{item->dossier_code};
      s.rows.push_back(std::move(row));
    }
    if (items.size() > s.rows.size())
      s.more_text = FormatText(tr("scorecard.more"), {{"n", Integer(std::int64_t(items.size() - s.rows.size()), lang)}});
    v.work.push_back(std::move(s));
  }
  if (v.work.empty()) v.work_empty_text = tr("scorecard.work_empty");
}

void FillTrend(ScoreCardView& v, const reports::TrendReport& trend, const std::string& unit, const Lang lang) {
  const std::vector<reports::MonthScore>* months = &trend.center;
  if (!unit.empty()) {
    months = nullptr;
    for (const reports::UnitTrend& u : trend.units)
      if (u.unit == unit) months = &u.months;
  }
  if (!months) return;
  for (const reports::MonthScore& m : *months) {
    TrendBar b;
    b.label = reports::MonthLabelVi(m.year, m.month);
    b.has_data = m.has_data;
    b.value = m.has_data ? m.total : 0;
    b.fraction = float(std::clamp(b.value / 100.0, 0.0, 1.0));
    b.value_text = m.has_data ? Points(m.total, lang) : "—";
    v.trend.push_back(std::move(b));
  }
}

void FillComparison(ScoreCardView& v, const indicators::ScoreReport& report, const std::string& selected,
                    const Text& tr) {
  const Lang lang = tr.lang;
  v.comparison_columns = {tr("scorecard.col.rank"), tr("scorecard.col.unit"), tr("scorecard.col.dossiers"),
                          tr("scorecard.col.total")};
  for (int g = 0; g < indicators::kGroupCount; ++g)
    v.comparison_columns.push_back(std::string(tr.Key("scorecard.group.", kGroupKeys[g])) + " (" +
                                   Max(report.center.groups[g].max_points, lang) + ")");
  v.comparison_columns.push_back(tr("scorecard.col.lost"));
  std::vector<const ScoreCard*> cards;
  for (const ScoreCard& c : report.breakdown) cards.push_back(&c);
  std::sort(cards.begin(), cards.end(), [](const ScoreCard* a, const ScoreCard* b) {
    return a->total_points != b->total_points ? a->total_points > b->total_points : a->key < b->key;
  });
  int rank = 0;
  for (std::size_t i = 0; i < cards.size(); ++i) {
    const ScoreCard& c = *cards[i];
    if (i == 0 || c.total_points != cards[i - 1]->total_points) rank = int(i) + 1;
    ComparisonRow row;
    row.rank_text = std::to_string(rank);
    row.unit = c.key;
    row.label = CardLabel(c, tr);
    row.dossiers_text = Integer(c.dossiers, lang);
    row.total_text = Points(c.total_points, lang);
    for (int g = 0; g < indicators::kGroupCount; ++g) row.group_texts[g] = Points(c.groups[g].points, lang);
    row.lost_text = Points(c.total_max - c.total_points, lang);
    row.tone = ToneFor(c.total_points, c.total_max);
    row.is_selected = c.key == selected;
    row.select = scorecard::SelectUnit{c.key};
    v.comparison.push_back(std::move(row));
  }
}

ScoreCardLayout LayoutFor(const ScoreCardViewOptions& o) {
  ScoreCardLayout l;
  l.width_px = float(std::max(800, o.width_px));
  l.height_px = float(std::max(600, o.height_px));
  l.unit_list_width_px = std::round(l.width_px * 0.175f);  // 240 at 1366
  l.content_width_px = l.width_px - l.unit_list_width_px - 16;
  l.group_bar_width_px = std::round(l.content_width_px * 0.33f);
  l.trend_chart_height_px = std::round(l.height_px * 0.2f);
  const float fixed = l.col_code_px + l.col_counts_px + l.col_ratio_px + l.col_points_px + l.col_lost_px + 24;
  l.col_name_px = std::max(200.0f, l.content_width_px - fixed);
  return l;
}

}  // namespace

ScoreCardView MakeScoreCardView(const ScoreCardInput& in) {
  const Text tr{in.lang};
  const Lang lang = in.lang;
  ScoreCardView v;
  v.title = tr("scorecard.title");
  v.layout = LayoutFor(in.options);
  v.language_label = tr("scorecard.language");
  v.switch_language = scorecard::SwitchLanguage{lang == Lang::kVi ? Lang::kEn : Lang::kVi};
  v.error_text = in.error_text;
  v.allowed = workflow::Can(in.role, workflow::Permission::kViewScores);
  if (!v.allowed) {
    v.denied_text = tr("scorecard.denied");
    return v;
  }
  v.previous_month_label = tr("scorecard.previous_month");
  v.next_month_label = tr("scorecard.next_month");
  v.refresh_label = tr("scorecard.refresh");
  v.as_of_text = FormatText(tr("scorecard.as_of"), {{"time", reports::FormatInstantVi(in.now)}});
  v.units_title = tr("scorecard.units");
  v.indicators_title = tr("scorecard.indicators");
  v.indicator_columns = {tr("scorecard.col.code"),  tr("scorecard.col.indicator"), tr("scorecard.col.counts"),
                         tr("scorecard.col.ratio"), tr("scorecard.col.points"),    tr("scorecard.col.lost")};
  v.work_title = tr("scorecard.work");
  v.points_method = tr("scorecard.points_method");
  v.work_columns = {tr("scorecard.col.dossier"), tr("scorecard.col.applicant"), tr("scorecard.col.procedure"),
                    tr("scorecard.col.due"),     tr("scorecard.col.todo"),      tr("scorecard.col.stake")};
  v.trend_title = tr("scorecard.trend");
  v.comparison_title = tr("scorecard.comparison");
  v.exports_title = tr("scorecard.exports");
  using reports::ExportFormat;
  v.exports = {{tr("scorecard.export.pdf"), {ExportFormat::kPdf, "scorecard"}},
               {tr("scorecard.export.xlsx"), {ExportFormat::kXlsx, "scorecard"}},
               {tr("scorecard.export.csv"), {ExportFormat::kCsv, "scorecard"}},
               {tr("scorecard.export.today_xlsx"), {ExportFormat::kXlsx, "today"}},
               {tr("scorecard.export.officers_pdf"), {ExportFormat::kPdf, "officers"}},
               {tr("scorecard.export.communes_pdf"), {ExportFormat::kPdf, "communes"}}};
  if (!in.report || !in.records) {
    v.empty_text = tr("scorecard.empty");
    return v;
  }
  const indicators::ScoreReport& report = *in.report;
  const std::chrono::year_month_day from{report.period.from};
  v.period_text = FormatText(tr("scorecard.month"), {{"month", reports::MonthLabelVi(int(from.year()), unsigned(from.month()))}});
  const std::chrono::year_month_day today{LocalDateVn(in.now)};
  v.has_next_month = (from.year() < today.year()) || (from.year() == today.year() && from.month() < today.month());

  // Units: the center first, then each unit card.
  const ScoreCard* selected = FindCard(report, in.selected_unit);
  if (!selected) selected = &report.center;
  auto tab = [&](const ScoreCard& c) {
    UnitTab t;
    t.key = c.key;
    t.label = CardLabel(c, tr);
    t.total_text = Points(c.total_points, lang);
    t.tone = ToneFor(c.total_points, c.total_max);
    t.is_selected = &c == selected;
    t.select = scorecard::SelectUnit{c.key};
    return t;
  };
  v.units.push_back(tab(report.center));
  for (const ScoreCard& c : report.breakdown) v.units.push_back(tab(c));

  const ScoreCard& card = *selected;
  v.scope_label = CardLabel(card, tr);
  v.total_label = tr("scorecard.total");
  v.total_text = Points(card.total_points, lang) + " / " + Max(card.total_max, lang);
  v.lost_text = FormatText(tr("scorecard.lost"), {{"points", Points(card.total_max - card.total_points, lang)}});
  v.dossiers_text = FormatText(tr("scorecard.dossiers"), {{"n", Integer(card.dossiers, lang)}});
  v.total_tone = ToneFor(card.total_points, card.total_max);
  if (card.dossiers == 0) v.empty_text = tr("scorecard.empty");

  for (const indicators::GroupTotal& g : card.groups) {
    GroupBar b;
    b.label = tr.Key("scorecard.group.", kGroupKeys[int(g.group)]);
    b.points = g.points;
    b.max_points = g.max_points;
    b.fraction = g.max_points > 0 ? float(std::clamp(g.points / g.max_points, 0.0, 1.0)) : 0.0f;
    b.value_text = Points(g.points, lang) + " / " + Max(g.max_points, lang);
    if (g.max_points - g.points >= 0.005) b.lost_text = "-" + Points(g.max_points - g.points, lang);
    b.tone = ToneFor(g.points, g.max_points);
    v.groups.push_back(std::move(b));

    IndicatorGroupView gv;
    gv.title = std::to_string(int(g.group) < 3 ? int(g.group) + 1 : int(g.group)) + ". " +
               tr.Key("scorecard.group.", kGroupKeys[int(g.group)]);
    gv.points_text = Points(g.points, lang) + " / " + Max(g.max_points, lang);
    for (const Indicator& ind : card.indicators)
      if (ind.group == g.group) gv.rows.push_back(MakeIndicatorRow(ind, *in.records, tr, in.options));
    v.indicator_groups.push_back(std::move(gv));
  }

  if (in.today) FillWork(v, *in.today, card.key, tr, in.options);
  else v.work_empty_text = tr("scorecard.work_empty");
  if (in.trend) FillTrend(v, *in.trend, card.key, lang);
  if (report.grouping == indicators::Grouping::kUnit) FillComparison(v, report, card.key, tr);
  return v;
}

ScoreCardView MakeScoreCardView(const CounterModel& model, Instant now, const ScoreCardViewOptions& options) {
  const ScoreCardModel& sc = model.scorecard;
  ScoreCardInput in;
  // A session without a known role may see nothing: kPostal has no kViewScores.
  in.role = SessionRole(model.session).value_or(workflow::Role::kPostal);
  in.lang = model.lang;
  if (sc.scored && workflow::Can(in.role, workflow::Permission::kViewScores)) {
    in.report = &sc.scored->report;
    in.records = &sc.scored->records;
    in.today = sc.today ? &*sc.today : nullptr;
    in.trend = sc.trend ? &*sc.trend : nullptr;
  }
  in.selected_unit = sc.selected_unit;
  in.now = now;
  if (sc.error) in.error_text = ErrorMessage(model.lang, *sc.error);
  in.options = options;
  ScoreCardView v = MakeScoreCardView(in);
  if (v.allowed && !sc.export_path.empty())
    v.last_export_text = FormatText(Tr(model.lang, "scorecard.exported"), {{"arg", sc.export_path}});
  return v;
}

}  // namespace motcua::ui
