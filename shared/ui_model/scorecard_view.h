// The supervisor's 766 score card as plain data (issue 6, "score card in the counter app"): the
// month's total, group and indicator points and the points lost, per unit; behind each lost point the
// dossiers that cost it, each one click from its dossier view; the work to do today; the monthly
// trend's bar values; the comparison between units; export buttons. Built by a pure function from the
// score report (indicators/scorer.h) and the lists (reports/lists.h); the Draw function (counter app)
// only lays the view out with ImGui and queues ScoreCardActions.
//
// Supervisor-only: for a role without workflow::Permission::kViewScores the view has allowed == false
// and says so (denied_text); nothing else is filled, so no score data reaches that screen.
//
// Sized for a supervisor's 1366×768 display (ScoreCardLayout): every width is computed here so that
// Draw needs no arithmetic of its own.
//
// Text. Vietnamese by default, English with Lang::kEn. The keys ("scorecard.*") are in the one string
// table (ui_model/strings.h, strings.cpp) with every other screen's.
//
// In the counter: CounterModel::scorecard (counter_app.h) holds the scored month and its lists;
// MakeScoreCardView(model, now) builds the view from it, and the screen's ScoreCardActions come back
// wrapped in ScoreCardCommand (counter_actions.h) to ApplyCounterAction.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/time.h"
#include "dvc/national_record.h"
#include "indicators/scorer.h"
#include "reports/export.h"
#include "reports/lists.h"
#include "ui_model/strings.h"
#include "ui_model/tone.h"
#include "workflow/desk.h"

namespace motcua::ui {

// ---- actions --------------------------------------------------------------------------------------

namespace scorecard {
struct OpenDossier {  // open the dossier view (the counter's dossier screen)
  std::string code;
};
struct ExportScoreCard {  // write a report file (motcua report's kinds and formats)
  reports::ExportFormat format = reports::ExportFormat::kPdf;
  std::string kind = "scorecard";  // "scorecard", "today", "officers", "communes", "trend"
};
struct SelectUnit {  // show one unit's card; "" = the whole center
  std::string unit;
};
struct ChangeMonth {  // -1 the previous month, +1 the next
  int delta = 0;
};
struct SwitchLanguage {
  Lang lang = Lang::kVi;
};
struct Refresh {};  // score again from the store
}  // namespace scorecard

using ScoreCardAction = std::variant<scorecard::OpenDossier, scorecard::ExportScoreCard, scorecard::SelectUnit,
                                     scorecard::ChangeMonth, scorecard::SwitchLanguage, scorecard::Refresh>;

// ---- input ----------------------------------------------------------------------------------------

struct ScoreCardViewOptions {
  int width_px = 1366;                   // the display (default 1366×768, a supervisor's laptop)
  int height_px = 768;
  std::size_t max_dossiers_per_indicator = 200;  // rows behind one lost point (default 200; the export has all)
  std::size_t max_rows_per_work_kind = 200;      // rows per work list (default 200)
};

// Not owning. report and records are required for an allowed view; today and trend are optional.
struct ScoreCardInput {
  workflow::Role role = workflow::Role::kOfficer;
  Lang lang = Lang::kVi;
  const indicators::ScoreReport* report = nullptr;            // Grouping::kUnit for per-unit cards
  const std::vector<dvc::NationalRecord>* records = nullptr;  // the report's losses index into these
  const reports::WorkToday* today = nullptr;
  const reports::TrendReport* trend = nullptr;
  std::string selected_unit;     // "" = the center
  Instant now{};                 // "as of", and whether the next month exists yet
  std::string error_text;        // an error from the last action, shown in a banner
  ScoreCardViewOptions options;
};

// ---- view -----------------------------------------------------------------------------------------

struct GroupBar {
  std::string label;       // "Tiến độ giải quyết"
  double points = 0;
  double max_points = 0;
  float fraction = 0;      // points / max in [0, 1]: the bar's filled share
  std::string value_text;  // "19,10 / 20"
  std::string lost_text;   // "-0,90" (ASCII minus: U+2212 is not in the UI font's glyph ranges); "" if none
  Tone tone = Tone::kNeutral;
};

struct LossRow {
  std::string code;        // dossier code, or the procedure code for procedure-level losses
  std::string applicant;   // "" for a procedure
  std::string reason;      // "Quá hạn, chưa giải quyết xong"
  bool is_procedure = false;
  std::optional<scorecard::OpenDossier> open;  // set for dossiers
};

// An indicator whose denominator is empty (no PAKN in the period for 5.2 and 5.3, no dossier for 2.1 or
// 5.4, no procedure to judge for 1.1-1.3) has no data to score: has_data == false, points_text says
// "Chưa có dữ liệu" instead of a score and the tone is neutral. What the scorer still counts for it in
// the group total follows the portal's observed behaviour (indicators::ScoringSettings: 5.2 and 5.3
// count their full 6 with no PAKN, 2.1 and 5.4 count 0, 1.x and 4.x nothing, domain.md §1.2 "Zero
// denominators"); no_data_note says so ("Cổng DVCQG tính 6,00 điểm khi mẫu số bằng 0"), and lost_text
// still shows what it costs.
struct IndicatorRow {
  std::string code;         // "2.1"
  std::string name;
  std::string counts_text;  // "45 / 50"
  std::string ratio_text;   // "90,00%"; "—" with an empty denominator
  std::string points_text;  // "18,00 / 20", "theo dõi", "Chưa có dữ liệu", "không có điểm"
  std::string lost_text;    // "-2,00"
  double lost_points = 0;
  Tone tone = Tone::kNeutral;
  bool is_tracking = false;
  bool has_data = true;          // false: empty denominator (tracking rows are always true)
  std::string no_data_note;      // with !has_data: the points the total counts anyway; "" when none
  std::string expand_label;       // "12 hồ sơ làm mất điểm"; "" when nothing to expand
  std::vector<LossRow> losses;    // at most options.max_dossiers_per_indicator
  std::string more_text;          // "… và 340 hồ sơ khác (xuất XLSX để xem đủ)"; "" when all shown
};

struct IndicatorGroupView {
  std::string title;        // "2. Tiến độ giải quyết"
  std::string points_text;  // "18,00 / 20"
  std::vector<IndicatorRow> rows;
};

struct UnitTab {
  std::string key;
  std::string label;
  std::string total_text;  // "72,40"
  Tone tone = Tone::kNeutral;
  bool is_selected = false;
  scorecard::SelectUnit select;
};

struct WorkRow {
  std::string code;
  std::string applicant;
  std::string procedure;
  std::string unit;
  std::string due_text;     // the current due time, "" if none
  std::string todo;         // what to do
  std::string detail;
  std::string points_text;  // "+0,40 điểm" / "đã mất 0,40 điểm"
  Tone tone = Tone::kNeutral;
  scorecard::OpenDossier open;
};

struct WorkSection {
  reports::WorkKind kind = reports::WorkKind::kDueSoon;
  std::string title;        // "Sắp đến hạn (trong 1 ngày làm việc) (3)"
  int count = 0;
  Tone tone = Tone::kNeutral;
  std::vector<WorkRow> rows;
  std::string more_text;
};

struct TrendBar {
  std::string label;       // "08/2026"
  double value = 0;        // total points
  float fraction = 0;      // value / 100
  std::string value_text;  // "67,70", or "—" with no dossiers
  bool has_data = false;
};

struct ComparisonRow {
  std::string rank_text;
  std::string unit;
  std::string label;
  std::string dossiers_text;
  std::string total_text;
  std::array<std::string, indicators::kGroupCount> group_texts;
  std::string lost_text;
  Tone tone = Tone::kNeutral;
  bool is_selected = false;
  scorecard::SelectUnit select;
};

struct ExportButton {
  std::string label;  // "Xuất PDF"
  scorecard::ExportScoreCard action;
};

// Widths for a 1366×768 display, in pixels.
struct ScoreCardLayout {
  float width_px = 1366;
  float height_px = 768;
  float top_bar_height_px = 44;
  float unit_list_width_px = 240;    // left: the units and their totals
  float content_width_px = 1110;     // right of the unit list
  float group_bar_width_px = 360;    // the bars' full length
  float bar_height_px = 16;
  float trend_chart_height_px = 150;
  float trend_bar_width_px = 48;
  // The indicator table's columns (sum = content_width_px minus padding).
  float col_code_px = 48, col_name_px = 520, col_counts_px = 110, col_ratio_px = 90, col_points_px = 130,
        col_lost_px = 80;
};

struct ScoreCardView {
  bool allowed = false;
  std::string denied_text;   // set when !allowed
  std::string title;         // "Phiếu điểm Bộ chỉ số 766"
  std::string period_text;   // "Tháng 08/2026"
  std::string as_of_text;    // "Cập nhật lúc 14:30 20/08/2026"
  std::string error_text;

  // Month navigation and language.
  std::string previous_month_label;
  std::string next_month_label;
  bool has_next_month = false;   // false for the current month
  scorecard::ChangeMonth previous_month{-1};
  scorecard::ChangeMonth next_month{+1};
  std::string language_label;    // "English" / "Tiếng Việt"
  scorecard::SwitchLanguage switch_language;
  std::string refresh_label;

  // Units (the center first).
  std::string units_title;
  std::vector<UnitTab> units;

  // The selected card.
  std::string scope_label;    // "Toàn trung tâm" or the unit
  std::string total_label;
  std::string total_text;     // "67,70 / 100"
  std::string lost_text;      // "Mất 32,30 điểm"
  std::string dossiers_text;  // "1.234 hồ sơ tiếp nhận trong kỳ"
  Tone total_tone = Tone::kNeutral;
  std::vector<GroupBar> groups;
  std::string indicators_title;
  std::array<std::string, 6> indicator_columns;  // code, name, counts, ratio, points, lost
  std::vector<IndicatorGroupView> indicator_groups;

  // Work to do today (the selected unit's, or every unit's for the center).
  std::string work_title;
  std::string work_points_text;  // "Có thể lấy lại khoảng 3,20 điểm"
  std::string points_method;     // how points are estimated
  std::array<std::string, 6> work_columns;  // code, applicant, procedure, due, todo, points
  std::vector<WorkSection> work;
  std::string work_empty_text;

  // Trend of the selected card.
  std::string trend_title;
  std::vector<TrendBar> trend;

  // Unit comparison.
  std::string comparison_title;
  std::vector<std::string> comparison_columns;  // rank, unit, dossiers, total, 6 groups, lost
  std::vector<ComparisonRow> comparison;

  std::string exports_title;
  std::vector<ExportButton> exports;
  std::string last_export_text;  // "Đã xuất báo cáo: <path>" after an export (counter); "" before

  std::string empty_text;  // set when the month has no dossiers
  ScoreCardLayout layout;
};

ScoreCardView MakeScoreCardView(const ScoreCardInput& input);

struct CounterModel;  // counter_app.h
// The counter's score card: the session's role, the model's language, month, unit, lists and last
// error; `now` decides whether a next month exists. No score data without Permission::kViewScores.
ScoreCardView MakeScoreCardView(const CounterModel& model, Instant now,
                                const ScoreCardViewOptions& options = {});

}  // namespace motcua::ui
