#include "reports/document.h"

#include "common/number_format.h"

#include <cmath>
#include <cstdio>

namespace motcua::reports {
namespace {

using indicators::Indicator;
using indicators::IndicatorGroup;
using indicators::IndicatorId;
using indicators::ScoreCard;
using indicators::ScoreReport;

constexpr int kGroups = indicators::kGroupCount;

// The documents' Vietnamese words for the scorer's groups: full names, and short ones for table headers.
constexpr const char* kGroupNames[kGroups] = {"Công khai, minh bạch", "Tiến độ giải quyết", "Dịch vụ công trực tuyến",
                                              "Thanh toán trực tuyến", "Số hóa hồ sơ", "Mức độ hài lòng"};
constexpr const char* kGroupShort[kGroups] = {"Công khai", "Tiến độ", "DVC trực tuyến", "Thanh toán TT", "Số hóa",
                                              "Hài lòng"};

// What to do about a work item (reports/lists.h WorkAction, in its order).
constexpr const char* kWorkActionTexts[] = {
    "Giải quyết xong trước hạn; nếu không kịp, gửi phiếu xin lỗi, hẹn lại ngày trả (Mẫu 04) trước hạn ít nhất 1 ngày",
    "Gửi ngay phiếu xin lỗi, hẹn lại ngày trả (Mẫu 04) và giải quyết xong",
    "Quét, số hóa thành phần hồ sơ còn thiếu",
    "Số hóa, đính kèm kết quả giải quyết điện tử",
    "Hồ sơ đã kết thúc, không còn bổ sung được: rút kinh nghiệm cho hồ sơ sau",
    "Đồng bộ hồ sơ lên Cổng DVCQG (kiểm tra hàng đợi đồng bộ)",
    "Hướng dẫn người nộp thanh toán trực tuyến (VietQR, Cổng DVCQG)",
    "Đã thu tại quầy: lần sau hướng dẫn thanh toán trực tuyến",
    "Liên hệ người nộp, tìm hiểu lý do không hài lòng và khắc phục",
};
static_assert(std::size(kWorkActionTexts) == std::size_t(WorkAction::kContactApplicant) + 1);

constexpr const char* kWorkKindTitles[kWorkKindCount] = {
    "Sắp đến hạn (trong 1 ngày làm việc)",
    "Quá hạn chưa xin lỗi",
    "Thành phần hồ sơ chưa số hóa",
    "Kết quả chưa số hóa",
    "Chưa đồng bộ lên Cổng DVCQG",
    "Phí, lệ phí chưa thanh toán trực tuyến",
    "Đánh giá không hài lòng",
};

// "Tiến độ (20)": a group's short name and its maximum.
std::string GroupHeader(int g, double max_points) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s (%g)", kGroupShort[g], max_points);
  return buf;
}

// A group's maximum under the built-in rules in force in a month (the stored months are scored by them);
// 0 when none applies (the header then says so).
double GroupMaxIn(int year, unsigned month, int g) {
  const auto rules = indicators::BuiltInRules().For(indicators::MonthPeriod(year, month).from);
  return rules.has_value() ? (*rules)->groups[g].max_points : 0;
}

// The card a report limited to one unit shows; the center otherwise.
const ScoreCard& ScopeCard(const ScoreReport& report, const std::string& unit) {
  if (!unit.empty())
    for (const ScoreCard& c : report.breakdown)
      if (c.key == unit) return c;
  return report.center;
}

std::string ScopeLabel(const ScoreCard& card) {
  return card.key.empty() ? std::string("Toàn trung tâm") : (card.label.empty() ? card.key : card.label);
}

std::string UnitLabel(const std::string& unit, const std::string& label) {
  if (unit.empty() && label.empty()) return "Toàn trung tâm";
  return label.empty() ? unit : label;
}

Document Start(const char* kind, const std::string& title, const ReportHeader& h, const std::string& period_text) {
  Document d;
  d.kind = kind;
  d.title = title;
  d.subtitle = (h.center_name.empty() ? std::string() : h.center_name + " — ") +
               (h.unit.empty() ? std::string() : "Đơn vị: " + h.unit + " — ") + period_text;
  d.generated = "Lập lúc " + FormatInstantVi(h.now);
  d.journal_anchor = h.journal_anchor;
  d.created_at = h.now;
  return d;
}

std::vector<Cell> IndicatorCells(const Indicator& ind) {
  std::vector<Cell> row;
  row.push_back(TextCell(ind.code));
  row.push_back(TextCell(ind.name));
  row.push_back(IntegerCell(ind.numerator));
  row.push_back(IntegerCell(ind.denominator));
  if (ind.id == IndicatorId::k2_2) row.push_back(TextCell(ind.ratio ? FormatPointsVi(*ind.ratio) + " ngày" : "—"));
  else row.push_back(PercentCell(ind.ratio));
  if (ind.max_points <= 0) {
    row.push_back(TextCell("theo dõi"));
    row.push_back(TextCell(""));
    row.push_back(TextCell(""));
  } else {
    if (ind.denominator == 0) {  // nothing to score, as the score card says; the number the portal counts kept
      Cell c = ind.points ? PointsCell(*ind.points) : TextCell("");
      c.text = ind.points && *ind.points > 0 ? "Chưa có dữ liệu (tính " + c.text + ")" : "Chưa có dữ liệu";
      row.push_back(std::move(c));
    } else {
      row.push_back(ind.points ? PointsCell(*ind.points) : TextCell("không có điểm"));
    }
    row.push_back(PointsCell(ind.max_points));
    row.push_back(ind.points ? PointsCell(indicators::RoundPoints(ind.max_points - *ind.points)) : TextCell(""));
  }
  row.push_back(IntegerCell(std::int64_t(ind.losses.size() + ind.losing_procedures.size())));
  return row;
}

Table ScopeIndicatorTable(const ScoreCard& card) {
  Table t;
  t.sheet = "Bảng chỉ số";
  t.title = "Bảng chỉ số — " + ScopeLabel(card);
  t.columns = {{"Mã", 0.6}, {"Chỉ số", 5.2}, {"Tử số", 0.9, true}, {"Mẫu số", 0.9, true}, {"Tỷ lệ (%)", 1.1, true},
               {"Điểm", 1.1, true}, {"Tối đa", 0.8, true}, {"Điểm mất", 0.9, true}, {"Hồ sơ/TTHC mất điểm", 1.2, true}};
  for (const Indicator& ind : card.indicators) t.rows.push_back(IndicatorCells(ind));
  t.in_xlsx = false;  // the flat table below carries every card
  t.note = "Điểm mất = tối đa − điểm; \"Chưa có dữ liệu\": mẫu số bằng 0 (trong ngoặc: điểm Cổng DVCQG vẫn tính cho chỉ số).";
  return t;
}

Table FlatIndicatorTable(const ScoreReport& report, const std::string& unit) {
  Table t;
  t.sheet = "Chỉ số";
  t.title = "Chỉ số theo đơn vị";
  t.columns = {{"Đơn vị", 2},       {"Nhóm", 2},          {"Mã", 0.6},         {"Chỉ số", 4},
               {"Tử số", 1, true},  {"Mẫu số", 1, true},  {"Tỷ lệ (%)", 1, true}, {"Điểm", 1, true},
               {"Tối đa", 1, true}, {"Điểm mất", 1, true}, {"Hồ sơ/TTHC mất điểm", 1, true}};
  auto add = [&](const ScoreCard& card) {
    for (const Indicator& ind : card.indicators) {
      std::vector<Cell> row{TextCell(ScopeLabel(card)), TextCell(kGroupNames[int(ind.group)])};
      std::vector<Cell> rest = IndicatorCells(ind);
      row.insert(row.end(), rest.begin(), rest.end());
      t.rows.push_back(std::move(row));
    }
  };
  if (unit.empty()) add(report.center);
  for (const ScoreCard& card : report.breakdown)
    if (unit.empty() || card.key == unit) add(card);
  t.in_pdf = false;
  return t;
}

BarChart GroupBars(const ScoreCard& card) {
  BarChart chart;
  chart.title = "Điểm theo nhóm — " + ScopeLabel(card);
  for (const indicators::GroupTotal& g : card.groups)
    chart.bars.push_back({kGroupNames[int(g.group)], g.points, g.max_points,
                          FormatPointsVi(g.points) + " / " + FormatPointsVi(g.max_points)});
  chart.bars.push_back({"TỔNG ĐIỂM", card.total_points, card.total_max,
                        FormatPointsVi(card.total_points) + " / " + FormatPointsVi(card.total_max)});
  return chart;
}

Table UnitTable(const std::vector<UnitRow>& rows, const char* sheet, const std::string& title, const char* unit_header) {
  Table t;
  t.sheet = sheet;
  t.title = title;
  t.columns = {{"Hạng", 0.6, true}, {unit_header, 3}, {"Số hồ sơ", 1, true}, {"Tổng điểm", 1, true}};
  for (int g = 0; g < kGroups; ++g) t.columns.push_back({GroupHeader(g, rows.empty() ? 0 : rows.front().group_max[g]), 1.05, true});
  t.columns.push_back({"Điểm mất", 0.9, true});
  t.columns.push_back({"Hồ sơ chậm", 0.9, true});
  for (const UnitRow& r : rows) {
    std::vector<Cell> row{IntegerCell(r.rank), TextCell(UnitLabel(r.unit, r.label)), IntegerCell(r.dossiers),
                          PointsCell(r.total)};
    for (int g = 0; g < kGroups; ++g) row.push_back(PointsCell(r.groups[g]));
    row.push_back(PointsCell(r.lost));
    row.push_back(IntegerCell(r.late));
    t.rows.push_back(std::move(row));
  }
  return t;
}

BarChart TrendBars(const TrendReport& trend, const std::string& unit) {
  BarChart chart;
  chart.title = "Tổng điểm toàn trung tâm theo tháng";
  const std::vector<MonthScore>* months = &trend.center;
  if (!unit.empty())
    for (const UnitTrend& u : trend.units)
      if (u.unit == unit) {
        months = &u.months;
        chart.title = "Tổng điểm " + UnitLabel(u.unit, u.label) + " theo tháng";
      }
  for (const MonthScore& m : *months)
    chart.bars.push_back({MonthLabelVi(m.year, m.month), m.total, 100,
                          m.has_data ? FormatPointsVi(m.total) : std::string("không có hồ sơ")});
  return chart;
}

Table TrendTable(const TrendReport& trend, const std::string& unit) {
  Table t;
  t.sheet = "Xu hướng";
  t.title = "Tổng điểm và điểm nhóm theo tháng";
  t.columns = {{"Đơn vị", 3}, {"Tháng", 1}, {"Số hồ sơ", 1, true}, {"Tổng điểm", 1, true}};
  for (int g = 0; g < kGroups; ++g)
    t.columns.push_back({GroupHeader(g, trend.center.empty() ? 0 : GroupMaxIn(trend.center.back().year, trend.center.back().month, g)),
                         1.05, true});
  auto add = [&](const std::string& label, const MonthScore& m) {
    std::vector<Cell> row{TextCell(label), TextCell(MonthLabelVi(m.year, m.month)), IntegerCell(m.dossiers)};
    if (!m.has_data) {
      row.push_back(TextCell("—"));
      for (int g = 0; g < kGroups; ++g) row.push_back(TextCell("—"));
    } else {
      row.push_back(PointsCell(m.total));
      for (int g = 0; g < kGroups; ++g) row.push_back(PointsCell(m.groups[g]));
    }
    t.rows.push_back(std::move(row));
  };
  if (unit.empty())
    for (const MonthScore& m : trend.center) add("Toàn trung tâm", m);
  for (const UnitTrend& u : trend.units)
    if (unit.empty() || u.unit == unit)
      for (const MonthScore& m : u.months) add(UnitLabel(u.unit, u.label), m);
  t.note = "\"—\": đơn vị không tiếp nhận hồ sơ nào trong tháng (không có phiếu điểm).";
  return t;
}

Table WorkSummaryTable(const WorkToday& today) {
  Table t;
  t.sheet = "Tóm tắt việc cần làm";
  t.title = "Việc cần làm hôm nay — tóm tắt theo đơn vị";
  t.columns = {{"Đơn vị", 3}};
  const char* short_titles[kWorkKindCount] = {"Sắp đến hạn", "Quá hạn chưa xin lỗi", "TP chưa số hóa",
                                              "KQ chưa số hóa", "Chưa đồng bộ", "Chưa TT trực tuyến",
                                              "Không hài lòng"};
  for (int k = 0; k < kWorkKindCount; ++k) t.columns.push_back({short_titles[k], 1, true});
  t.columns.push_back({"Điểm có thể lấy lại (đơn vị)", 1.3, true});
  for (const UnitWork& u : today.units) {
    std::vector<Cell> row{TextCell(UnitLabel(u.unit, u.label))};
    for (int k = 0; k < kWorkKindCount; ++k) row.push_back(IntegerCell(u.counts[k]));
    row.push_back(PointsCell(u.recoverable_points_unit));
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::string IndicatorCodes(const std::vector<IndicatorId>& ids) {
  static const char* const kCodes[] = {"1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "3.1", "3.2", "3.3",
                                       "3.4", "3.5", "3.5b", "3.6", "4.1", "4.2", "4.6", "4.3", "4.4",
                                       "4.5a", "4.5b", "5.1a", "5.1b", "5.2", "5.3", "5.4"};
  std::string out;
  for (IndicatorId id : ids) out += (out.empty() ? "" : ", ") + std::string(kCodes[int(id)]);
  return out;
}

Table WorkItemsTable(const WorkToday& today, std::size_t pdf_limit) {
  Table t;
  t.sheet = "Việc cần làm";
  t.title = "Việc cần làm hôm nay — từng hồ sơ";
  t.columns = {{"Đơn vị", 1.6},   {"Loại việc", 1.6},     {"Mã hồ sơ", 1.9, false, true}, {"Người nộp", 1.5},
               {"Thủ tục", 2.0},  {"Hạn trả hiện tại", 1.2}, {"Việc cần làm", 2.6},     {"Chi tiết", 1.6},
               {"Chỉ số", 0.8},   {"Điểm (đơn vị)", 0.9, true}, {"Điểm (toàn TT)", 0.9, true},
               {"Còn lấy lại được", 0.8}};
  for (const UnitWork& u : today.units)
    for (const WorkItem& item : u.items) {
      t.rows.push_back({TextCell(UnitLabel(u.unit, u.label)), TextCell(WorkKindTitleVi(item.kind)),
                        TextCell(item.dossier_code), TextCell(item.applicant_name), TextCell(item.procedure_name),
                        TextCell(item.due_at ? FormatInstantVi(*item.due_at) : std::string()),
                        TextCell(WorkActionTextVi(item.action)), TextCell(item.detail),
                        TextCell(IndicatorCodes(item.indicators)), PointsCell(item.points_unit),
                        PointsCell(item.points_center), TextCell(item.recoverable ? "Có" : "Không")});
    }
  t.pdf_row_limit = pdf_limit;
  t.note = kPointsMethodVi;
  return t;
}

Table OfficerTable(const LateOfficers& officers) {
  Table t;
  t.sheet = "Cán bộ để chậm";
  t.title = "Danh sách cán bộ, công chức để hồ sơ chậm giải quyết";
  t.columns = {{"STT", 0.5, true}, {"Đơn vị", 2.4}, {"Cán bộ", 2}, {"Tài khoản", 1.4}, {"Số hồ sơ chậm", 1, true},
               {"Mã hồ sơ", 4.5, false, true}};
  int n = 0;
  for (const OfficerLate& r : officers.rows) {
    std::string codes;
    for (const std::string& c : r.dossier_codes) codes += (codes.empty() ? "" : ", ") + c;
    t.rows.push_back({IntegerCell(++n), TextCell(r.unit), TextCell(r.officer.empty() ? "(chưa phân công)" : r.officer_name),
                      TextCell(r.officer), IntegerCell(r.late), TextCell(codes)});
  }
  t.note =
      "Cán bộ chịu trách nhiệm: người đang giữ hồ sơ khi đến hạn trả (người thực hiện bước xử lý cuối cùng trước "
      "hạn); nếu bước đó là chuyển hồ sơ sang đơn vị xử lý thì là người nhận xử lý tiếp theo. Hồ sơ chậm theo chỉ số "
      "2.1 (QĐ 766). Danh sách công khai: không có thông tin người nộp.";
  return t;
}

Table OfficerDetailTable(const LateOfficers& officers) {
  Table t;
  t.sheet = "Chi tiết hồ sơ chậm";
  t.title = "Chi tiết hồ sơ chậm giải quyết";
  t.columns = {{"Đơn vị", 2},        {"Cán bộ", 1.5},       {"Mã hồ sơ", 2, false, true}, {"Thủ tục", 2.6},
               {"Hạn trả", 1.3},     {"Kết thúc xử lý", 1.3}, {"Lý do", 1.6},             {"Căn cứ xác định", 1.6}};
  for (const LateDossier& d : officers.dossiers)
    t.rows.push_back({TextCell(d.unit), TextCell(d.responsible.officer.empty() ? "(chưa phân công)" : d.responsible.officer),
                      TextCell(d.dossier_code), TextCell(d.procedure_name),
                      TextCell(d.due_at ? FormatInstantVi(*d.due_at) : std::string("không có")),
                      TextCell(d.end_at ? FormatInstantVi(*d.end_at) : std::string("đang xử lý")),
                      TextCell(LossReasonTextVi(d.reason)), TextCell(ResponsibleBasisTextVi(d.responsible.basis))});
  return t;
}

std::string CommuneRuleText(CommuneRule rule) {
  return rule == CommuneRule::kSetting
             ? "Đơn vị cấp xã: theo danh sách trong cài đặt reports.commune_units."
             : "Đơn vị cấp xã: mọi thủ tục của hồ sơ trong kỳ đều thuộc cấp xã (hoặc cả hai cấp) trong danh mục, ít "
               "nhất một thủ tục cấp xã.";
}

}  // namespace

const char* const kPointsMethodVi =
    "Điểm ước tính: mức tăng điểm của chỉ số nếu thêm một hồ sơ đạt yêu cầu (tử số + 1, mẫu số giữ nguyên), theo "
    "đúng công thức chấm: tối đa × min(1, tỷ lệ ÷ ngưỡng) — tức tối đa ÷ mẫu số mỗi hồ sơ với chỉ số tuyến tính; "
    "bằng 0 khi chỉ số đã đạt tối đa. Việc sắp đến hạn: số điểm sẽ mất nếu trễ hạn. Cộng các chỉ số liên quan, "
    "không tính tương tác giữa các chỉ số.";

std::vector<const Table*> Document::Tables() const {
  std::vector<const Table*> out;
  for (const Block& b : blocks)
    if (const Table* t = std::get_if<Table>(&b)) out.push_back(t);
  return out;
}

const Table* Document::CsvTable() const {
  const auto tables = Tables();
  if (tables.empty()) return nullptr;
  return tables[csv_table < tables.size() ? csv_table : 0];
}

Cell TextCell(std::string text) { return Cell{std::move(text), std::nullopt, NumberFormat::kText}; }
Cell IntegerCell(std::int64_t value) { return Cell{FormatIntegerVi(value), double(value), NumberFormat::kInteger}; }
Cell PointsCell(double points) { return Cell{FormatPointsVi(points), points, NumberFormat::kPoints}; }
Cell PercentCell(std::optional<double> ratio) {
  if (!ratio) return Cell{"—", std::nullopt, NumberFormat::kText};
  return Cell{FormatPercentVi(ratio), *ratio, NumberFormat::kPercent};
}

std::string FormatIntegerVi(std::int64_t value) { return FormatInteger(value, NumberStyle::kVi); }

std::string FormatPointsVi(double points) { return FormatDecimal(points, 2, NumberStyle::kVi); }

std::string FormatPercentVi(std::optional<double> r) { return r ? FormatPercent(*r, NumberStyle::kVi) : "—"; }

std::string FormatInstantVi(Instant at) {
  const LocalMinute t = ToLocalVn(at);
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{t - day};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%02d:%02d %02u/%02u/%04d", int(hms.hours().count()), int(hms.minutes().count()),
                unsigned(ymd.day()), unsigned(ymd.month()), int(ymd.year()));
  return buf;
}

std::string MonthLabelVi(int year, unsigned month) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u/%04d", month, year);
  return buf;
}

std::string PeriodTextVi(const indicators::Period& p) {
  const std::chrono::year_month_day from{p.from}, to{p.to};
  const std::chrono::year_month_day last{std::chrono::year_month_day_last{to.year(), std::chrono::month_day_last{to.month()}}};
  if (from.day() == std::chrono::day{1} && to == last && from.year() == to.year() && from.month() == to.month())
    return "tháng " + MonthLabelVi(int(from.year()), unsigned(from.month()));
  char buf[64];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d – %02u/%02u/%04d", unsigned(from.day()), unsigned(from.month()),
                int(from.year()), unsigned(to.day()), unsigned(to.month()), int(to.year()));
  return buf;
}

const char* WorkKindTitleVi(WorkKind kind) { return kWorkKindTitles[int(kind)]; }
const char* WorkActionTextVi(WorkAction action) { return kWorkActionTexts[int(action)]; }

const char* LossReasonTextVi(indicators::LossReason r) {
  using R = indicators::LossReason;
  switch (r) {
    case R::kOverdue: return "Giải quyết quá hạn";
    case R::kOverdueUnfinished: return "Quá hạn, chưa giải quyết xong";
    case R::kPendingSupplementLate: return "Yêu cầu bổ sung sau khi đã quá hạn";
    case R::kTooManySupplements: return "Yêu cầu bổ sung quá 1 lần";
    case R::kOverMaxDuration: return "Vượt thời hạn tối đa của thủ tục";
    case R::kUndatable: return "Không có ngày hẹn trả";
    case R::kUnsatisfiedRating: return "Đánh giá không hài lòng";
    case R::kPakn: return "Có phản ánh, kiến nghị";
    case R::kNotSynced: return "Chưa đồng bộ";
    case R::kNotSyncedOnTime: return "Chưa đồng bộ đúng hạn";
    case R::kNotOnline: return "Không nộp trực tuyến";
    case R::kOnlineWithoutElectronicResult: return "Trực tuyến nhưng chưa có kết quả điện tử";
    case R::kNotFullOnline: return "Không toàn trình";
    case R::kNotPaidOnline: return "Chưa thanh toán trực tuyến";
    case R::kNoElectronicResult: return "Chưa có kết quả điện tử";
    case R::kComponentNotDigitized: return "Thành phần chưa số hóa";
    case R::kNoReusedData: return "Không tái sử dụng dữ liệu số hóa";
    case R::kNotFromCitizenStore: return "Không lấy từ kho dữ liệu công dân";
    case R::kNoCitizenData: return "Không dùng dữ liệu dân cư";
    case R::kAnnouncedLate: return "Công bố chậm";
    case R::kPublicizedLate: return "Công khai chậm";
    case R::kContentIncomplete: return "Công khai chưa đầy đủ";
    case R::kNoOnlineService: return "Chưa cung cấp DVC trực tuyến";
    case R::kNoOnlineDossier: return "DVC trực tuyến chưa phát sinh hồ sơ";
    case R::kNoFeeDataSynced: return "Chưa đồng bộ dữ liệu phí";
    case R::kNoOnlinePayment: return "Chưa có giao dịch thanh toán trực tuyến";
    case R::kNoCitizenDataConnection: return "Chưa kết nối dữ liệu dân cư";
  }
  return "";
}

const char* ResponsibleBasisTextVi(ResponsibleBasis b) {
  switch (b) {
    case ResponsibleBasis::kHeldAtDue: return "Đang giữ hồ sơ khi đến hạn";
    case ResponsibleBasis::kTookOverAfterHandover: return "Nhận xử lý sau khi được chuyển";
    case ResponsibleBasis::kUnassigned: return "Chưa phân công";
    case ResponsibleBasis::kNoSteps: return "Không có quá trình xử lý";
  }
  return "";
}

Document ScoreCardDocument(const ScoreCardParts& parts, const ReportHeader& header) {
  const ScoreReport& report = *parts.report;
  Document d = Start("scorecard", "BÁO CÁO BỘ CHỈ SỐ 766", header, PeriodTextVi(report.period));
  const ScoreCard& scope = ScopeCard(report, header.unit);
  d.blocks.push_back(Paragraph{"Tổng điểm " + ScopeLabel(scope) + ": " + FormatPointsVi(scope.total_points) + " / " +
                                   FormatPointsVi(scope.total_max) + " (" + FormatIntegerVi(scope.dossiers) +
                                   " hồ sơ tiếp nhận trong kỳ)",
                               true});
  d.blocks.push_back(GroupBars(scope));
  d.blocks.push_back(ScopeIndicatorTable(scope));
  d.blocks.push_back(FlatIndicatorTable(report, header.unit));
  d.csv_table = 1;
  if (report.grouping == indicators::Grouping::kUnit && header.unit.empty()) {
    const auto rows = CompareUnits(report);
    if (!rows.empty()) d.blocks.push_back(UnitTable(rows, "So sánh đơn vị", "So sánh giữa các đơn vị", "Đơn vị"));
  }
  if (parts.trend) {
    d.blocks.push_back(TrendBars(*parts.trend, header.unit));
    d.blocks.push_back(TrendTable(*parts.trend, header.unit));
  }
  if (parts.today) {
    d.blocks.push_back(WorkSummaryTable(*parts.today));
    d.blocks.push_back(WorkItemsTable(*parts.today, 40));
  }
  if (parts.officers) d.blocks.push_back(OfficerTable(*parts.officers));
  if (parts.communes && !parts.communes->rows.empty()) {
    Table t = UnitTable(parts.communes->rows, "Kết quả cấp xã", "Kết quả Bộ chỉ số của các xã, phường", "Xã, phường");
    t.note = CommuneRuleText(parts.communes->rule);
    d.blocks.push_back(std::move(t));
  }
  return d;
}

Document TodayDocument(const WorkToday& today, const ReportHeader& header) {
  Document d = Start("today", "VIỆC CẦN LÀM HÔM NAY THEO BỘ CHỈ SỐ 766", header, PeriodTextVi(today.period));
  d.blocks.push_back(WorkSummaryTable(today));
  d.blocks.push_back(WorkItemsTable(today, 0));
  d.csv_table = 1;
  return d;
}

Document OfficersDocument(const LateOfficers& officers, const ReportHeader& header) {
  Document d = Start("officers", "DANH SÁCH CÁN BỘ, CÔNG CHỨC ĐỂ XẢY RA CHẬM GIẢI QUYẾT TTHC", header,
                     PeriodTextVi(officers.period));
  d.blocks.push_back(Paragraph{
      "Công khai theo mục 1.2 văn bản chỉ đạo của Chủ tịch UBND tỉnh Tuyên Quang (tháng 3/2024) về nâng cao kết quả "
      "Bộ chỉ số 766.",
      false});
  d.blocks.push_back(OfficerTable(officers));
  d.blocks.push_back(OfficerDetailTable(officers));
  d.csv_table = 0;
  return d;
}

Document CommunesDocument(const CommuneTable& communes, const ReportHeader& header) {
  Document d = Start("communes", "KẾT QUẢ BỘ CHỈ SỐ 766 CỦA CÁC XÃ, PHƯỜNG", header, PeriodTextVi(communes.period));
  Table t = UnitTable(communes.rows, "Kết quả cấp xã", "Kết quả Bộ chỉ số của các xã, phường, xếp hạng", "Xã, phường");
  t.note = CommuneRuleText(communes.rule);
  d.blocks.push_back(std::move(t));
  if (!communes.rows.empty()) {
    BarChart chart;
    chart.title = "Tổng điểm các xã, phường";
    for (const UnitRow& r : communes.rows)
      chart.bars.push_back({UnitLabel(r.unit, r.label), r.total, 100, FormatPointsVi(r.total)});
    d.blocks.push_back(std::move(chart));
  }
  return d;
}

Document TrendDocument(const TrendReport& trend, const ReportHeader& header) {
  std::string period;
  if (!trend.center.empty())
    period = "từ tháng " + MonthLabelVi(trend.center.front().year, trend.center.front().month) + " đến tháng " +
             MonthLabelVi(trend.center.back().year, trend.center.back().month);
  Document d = Start("trend", "XU HƯỚNG BỘ CHỈ SỐ 766 THEO THÁNG", header, period);
  d.blocks.push_back(TrendBars(trend, header.unit));
  d.blocks.push_back(TrendTable(trend, header.unit));
  d.csv_table = 0;
  return d;
}

}  // namespace motcua::reports
