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

// The score card's strings, sorted by key (byte order). Literals are plain UTF-8 (stack.md §4).
constexpr std::array kScoreCardStrings = {
    UiString{"scorecard.action.apologize_and_finish",
             "Gửi ngay phiếu xin lỗi, hẹn lại ngày trả (Mẫu 04) và giải quyết xong",
             "Send the apology with a new date (form 04) now, and finish"},
    UiString{"scorecard.action.attach_result",
             "Số hóa, đính kèm kết quả giải quyết điện tử",
             "Digitize and attach the electronic result"},
    UiString{"scorecard.action.contact_applicant",
             "Liên hệ người nộp, tìm hiểu lý do không hài lòng và khắc phục",
             "Call the applicant, find out why, and put it right"},
    UiString{"scorecard.action.finish_before_due",
             "Giải quyết xong trước hạn; nếu không kịp, gửi phiếu xin lỗi, hẹn lại ngày trả (Mẫu 04) trước hạn ít nhất 1 ngày",
             "Finish before the due time; if that cannot be done, send the apology with a new date (form 04) at least one day before"},
    UiString{"scorecard.action.guide_online_payment",
             "Hướng dẫn người nộp thanh toán trực tuyến (VietQR, Cổng DVCQG)",
             "Guide the applicant to pay online (VietQR, national portal)"},
    UiString{"scorecard.action.nothing_to_recover",
             "Hồ sơ đã kết thúc, không còn bổ sung được: rút kinh nghiệm cho hồ sơ sau",
             "Closed, nothing can be added: do better on the next ones"},
    UiString{"scorecard.action.paid_at_counter",
             "Đã thu tại quầy: lần sau hướng dẫn thanh toán trực tuyến",
             "Paid at the counter: guide online payment next time"},
    UiString{"scorecard.action.scan_components",
             "Quét, số hóa thành phần hồ sơ còn thiếu",
             "Scan the papers still missing"},
    UiString{"scorecard.action.sync",
             "Đồng bộ hồ sơ lên Cổng DVCQG (kiểm tra hàng đợi đồng bộ)",
             "Sync the dossier to the national portal (check the sync queue)"},
    UiString{"scorecard.as_of",
             "Cập nhật lúc {time}",
             "As of {time}"},
    UiString{"scorecard.center",
             "Toàn trung tâm",
             "Whole center"},
    UiString{"scorecard.col.applicant",
             "Người nộp",
             "Applicant"},
    UiString{"scorecard.col.code",
             "Mã",
             "Code"},
    UiString{"scorecard.col.counts",
             "Tử số / mẫu số",
             "Count"},
    UiString{"scorecard.col.dossier",
             "Mã hồ sơ",
             "Dossier"},
    UiString{"scorecard.col.dossiers",
             "Số hồ sơ",
             "Dossiers"},
    UiString{"scorecard.col.due",
             "Hạn trả",
             "Due"},
    UiString{"scorecard.col.indicator",
             "Chỉ số",
             "Indicator"},
    UiString{"scorecard.col.lost",
             "Điểm mất",
             "Lost"},
    UiString{"scorecard.col.points",
             "Điểm",
             "Points"},
    UiString{"scorecard.col.procedure",
             "Thủ tục",
             "Procedure"},
    UiString{"scorecard.col.rank",
             "Hạng",
             "Rank"},
    UiString{"scorecard.col.ratio",
             "Tỷ lệ",
             "Ratio"},
    UiString{"scorecard.col.stake",
             "Điểm",
             "Points"},
    UiString{"scorecard.col.todo",
             "Việc cần làm",
             "To do"},
    UiString{"scorecard.col.total",
             "Tổng điểm",
             "Total"},
    UiString{"scorecard.col.unit",
             "Đơn vị",
             "Unit"},
    UiString{"scorecard.comparison",
             "So sánh giữa các đơn vị",
             "Comparison between units"},
    UiString{"scorecard.denied",
             "Chỉ lãnh đạo, giám sát được xem phiếu điểm Bộ chỉ số 766.",
             "Only supervisors may view the 766 score card."},
    UiString{"scorecard.dossiers",
             "{n} hồ sơ tiếp nhận trong kỳ",
             "{n} dossiers received in the period"},
    UiString{"scorecard.empty",
             "Không có hồ sơ nào được tiếp nhận trong tháng này.",
             "No dossier was received this month."},
    UiString{"scorecard.expand.dossiers",
             "{n} hồ sơ làm mất điểm",
             "{n} dossiers cost points"},
    UiString{"scorecard.expand.procedures",
             "{n} thủ tục làm mất điểm",
             "{n} procedures cost points"},
    UiString{"scorecard.export.communes_pdf",
             "Kết quả cấp xã (PDF)",
             "Communes' results (PDF)"},
    UiString{"scorecard.export.csv",
             "Xuất CSV",
             "Export CSV"},
    UiString{"scorecard.export.officers_pdf",
             "Cán bộ để chậm (PDF)",
             "Officers with late dossiers (PDF)"},
    UiString{"scorecard.export.pdf",
             "Xuất PDF",
             "Export PDF"},
    UiString{"scorecard.export.today_xlsx",
             "Việc cần làm (XLSX)",
             "Work to do (XLSX)"},
    UiString{"scorecard.export.xlsx",
             "Xuất XLSX",
             "Export XLSX"},
    UiString{"scorecard.exports",
             "Xuất báo cáo",
             "Reports"},
    UiString{"scorecard.group.digitization",
             "Số hóa hồ sơ",
             "Digitization"},
    UiString{"scorecard.group.online",
             "Dịch vụ công trực tuyến",
             "Online public services"},
    UiString{"scorecard.group.payment",
             "Thanh toán trực tuyến",
             "Online payment"},
    UiString{"scorecard.group.progress",
             "Tiến độ giải quyết",
             "Processing on time"},
    UiString{"scorecard.group.publicity",
             "Công khai, minh bạch",
             "Publicity and transparency"},
    UiString{"scorecard.group.satisfaction",
             "Mức độ hài lòng",
             "Satisfaction"},
    UiString{"scorecard.indicator.1.1",
             "Tỷ lệ TTHC công bố đúng hạn",
             "Procedures announced on time"},
    UiString{"scorecard.indicator.1.2",
             "Tỷ lệ TTHC cập nhật, công khai đúng hạn",
             "Procedures updated and published on time"},
    UiString{"scorecard.indicator.1.3",
             "Tỷ lệ TTHC công khai đầy đủ nội dung",
             "Procedures published in full"},
    UiString{"scorecard.indicator.1.4",
             "Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG",
             "Dossiers synced to the national portal"},
    UiString{"scorecard.indicator.2.1",
             "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn",
             "Dossiers processed early or on time"},
    UiString{"scorecard.indicator.2.2",
             "Thời gian giải quyết trung bình (ngày)",
             "Average processing time (days)"},
    UiString{"scorecard.indicator.3.1",
             "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến",
             "Procedures offered as online services"},
    UiString{"scorecard.indicator.3.2",
             "Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ",
             "Online services with dossiers filed"},
    UiString{"scorecard.indicator.3.3",
             "Tỷ lệ hồ sơ nộp trực tuyến (× tỷ lệ đồng bộ)",
             "Dossiers filed online (× sync rate)"},
    UiString{"scorecard.indicator.3.4",
             "Tỷ lệ hồ sơ DVCTT toàn trình trên tổng hồ sơ TTHC đủ điều kiện toàn trình",
             "Fully online dossiers of eligible procedures"},
    UiString{"scorecard.indicator.3.5",
             "Tỷ lệ TTHC có nghĩa vụ tài chính được cung cấp trên Cổng DVCQG",
             "Fee procedures offered on the national portal"},
    UiString{"scorecard.indicator.3.5b",
             "Tỷ lệ TTHC có giao dịch thanh toán trực tuyến",
             "Fee procedures with online payments"},
    UiString{"scorecard.indicator.3.6",
             "Tỷ lệ hồ sơ thanh toán trực tuyến",
             "Dossiers paid online"},
    UiString{"scorecard.indicator.4.1",
             "Tỷ lệ hồ sơ thủ tục hành chính có cấp kết quả giải quyết thủ tục hành chính điện tử",
             "Dossiers with an electronic result"},
    UiString{"scorecard.indicator.4.2",
             "Tỷ lệ hồ sơ thủ tục hành chính thực hiện số hóa hồ sơ",
             "Digitized dossiers"},
    UiString{"scorecard.indicator.4.3",
             "Tỷ lệ hồ sơ khai thác, sử dụng lại thông tin, dữ liệu số hóa",
             "Dossiers reusing digitized data"},
    UiString{"scorecard.indicator.4.4",
             "Tỷ lệ hồ sơ TTHC được số hóa có kết nối, chia sẻ dữ liệu phục vụ tái sử dụng",
             "Digitized dossiers shared for reuse"},
    UiString{"scorecard.indicator.4.5a",
             "Tỷ lệ TTHC triển khai kết nối, chia sẻ dữ liệu dân cư phục vụ GQ TTHC",
             "Procedures connected to population data"},
    UiString{"scorecard.indicator.4.5b",
             "Tỷ lệ hồ sơ TTHC có sử dụng thông tin, dữ liệu dân cư",
             "Dossiers using population data"},
    UiString{"scorecard.indicator.4.6",
             "Tỷ lệ cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính",
             "Electronic certified copies offered"},
    UiString{"scorecard.indicator.5.1a",
             "Tỷ lệ PAKN về quy định, thủ tục hành chính",
             "PAKN about rules and procedures"},
    UiString{"scorecard.indicator.5.1b",
             "Tỷ lệ PAKN về hành vi cán bộ, công chức, viên chức",
             "PAKN about staff behaviour"},
    UiString{"scorecard.indicator.5.2",
             "Tỷ lệ PAKN xử lý đúng hạn",
             "PAKN handled on time"},
    UiString{"scorecard.indicator.5.3",
             "Tỷ lệ hài lòng trong xử lý PAKN",
             "Satisfaction with PAKN handling"},
    UiString{"scorecard.indicator.5.4",
             "Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC",
             "Satisfaction with receiving and processing"},
    UiString{"scorecard.indicators",
             "Các chỉ số",
             "Indicators"},
    UiString{"scorecard.language",
             "English",
             "Tiếng Việt"},
    UiString{"scorecard.lost",
             "Mất {points} điểm",
             "{points} points lost"},
    UiString{"scorecard.month",
             "Tháng {month}",
             "Month {month}"},
    UiString{"scorecard.more",
             "… và {n} dòng khác (xuất XLSX để xem đủ)",
             "… and {n} more (export XLSX to see all)"},
    UiString{"scorecard.next_month",
             "Tháng sau >",
             "Next month >"},
    UiString{"scorecard.no_data",
             "Chưa có dữ liệu",
             "No data"},
    UiString{"scorecard.no_data_counted",
             "Mẫu số bằng 0: Cổng DVCQG tính {points} điểm cho chỉ số này",
             "Empty denominator: the national portal counts {points} points for it"},
    UiString{"scorecard.no_score",
             "không có điểm",
             "no score"},
    UiString{"scorecard.points_already_lost",
             "đã mất {points}",
             "{points} already lost"},
    UiString{"scorecard.points_at_stake",
             "+{points} điểm",
             "+{points} points"},
    UiString{"scorecard.points_method",
             "Điểm ước tính: mức tăng điểm của chỉ số nếu thêm một hồ sơ đạt yêu cầu (tử số + 1), theo công thức chấm; việc sắp đến hạn: số điểm sẽ mất nếu trễ hạn.",
             "Estimated points: what the indicator gains if one more dossier meets its rule (numerator + 1), by the scoring formula; for work due soon, what is lost if it runs late."},
    UiString{"scorecard.previous_month",
             "< Tháng trước",
             "< Previous month"},
    UiString{"scorecard.reason.announced_late",
             "Công bố chậm",
             "Announced late"},
    UiString{"scorecard.reason.component_not_digitized",
             "Thành phần chưa số hóa",
             "Papers not digitized"},
    UiString{"scorecard.reason.content_incomplete",
             "Công khai chưa đầy đủ",
             "Published incompletely"},
    UiString{"scorecard.reason.no_citizen_data",
             "Không dùng dữ liệu dân cư",
             "No population data used"},
    UiString{"scorecard.reason.no_citizen_data_connection",
             "Chưa kết nối dữ liệu dân cư",
             "Not connected to population data"},
    UiString{"scorecard.reason.no_electronic_result",
             "Chưa có kết quả điện tử",
             "No electronic result"},
    UiString{"scorecard.reason.no_fee_data_synced",
             "Chưa đồng bộ dữ liệu phí",
             "No fee data synced"},
    UiString{"scorecard.reason.no_online_dossier",
             "DVC trực tuyến chưa phát sinh hồ sơ",
             "Online service without dossiers"},
    UiString{"scorecard.reason.no_online_payment",
             "Chưa có giao dịch thanh toán trực tuyến",
             "No online payment yet"},
    UiString{"scorecard.reason.no_online_service",
             "Chưa cung cấp DVC trực tuyến",
             "No online service"},
    UiString{"scorecard.reason.no_reused_data",
             "Không tái sử dụng dữ liệu số hóa",
             "No reused digitized data"},
    UiString{"scorecard.reason.not_from_citizen_store",
             "Không lấy từ kho dữ liệu công dân",
             "Not from the citizen's data store"},
    UiString{"scorecard.reason.not_full_online",
             "Không toàn trình",
             "Not fully online"},
    UiString{"scorecard.reason.not_online",
             "Không nộp trực tuyến",
             "Not filed online"},
    UiString{"scorecard.reason.not_paid_online",
             "Chưa thanh toán trực tuyến",
             "Not paid online"},
    UiString{"scorecard.reason.not_synced",
             "Chưa đồng bộ",
             "Not synced"},
    UiString{"scorecard.reason.not_synced_on_time",
             "Chưa đồng bộ đúng hạn",
             "Not synced on time"},
    UiString{"scorecard.reason.online_without_electronic_result",
             "Trực tuyến nhưng chưa có kết quả điện tử",
             "Online, but no electronic result"},
    UiString{"scorecard.reason.over_max_duration",
             "Vượt thời hạn tối đa của thủ tục",
             "Longer than the procedure's maximum"},
    UiString{"scorecard.reason.overdue",
             "Giải quyết quá hạn",
             "Finished late"},
    UiString{"scorecard.reason.overdue_unfinished",
             "Quá hạn, chưa giải quyết xong",
             "Overdue, not finished"},
    UiString{"scorecard.reason.pakn",
             "Có phản ánh, kiến nghị",
             "A complaint (PAKN) concerns it"},
    UiString{"scorecard.reason.pending_supplement_late",
             "Yêu cầu bổ sung sau khi đã quá hạn",
             "Supplement requested after the due time"},
    UiString{"scorecard.reason.publicized_late",
             "Công khai chậm",
             "Published late"},
    UiString{"scorecard.reason.too_many_supplements",
             "Yêu cầu bổ sung quá 1 lần",
             "More than one supplement request"},
    UiString{"scorecard.reason.undatable",
             "Không có ngày hẹn trả",
             "No due date"},
    UiString{"scorecard.reason.unsatisfied_rating",
             "Đánh giá không hài lòng",
             "Rated unsatisfied"},
    UiString{"scorecard.recoverable",
             "Có thể lấy lại khoảng {points} điểm",
             "About {points} points can be won back"},
    UiString{"scorecard.refresh",
             "Tính lại",
             "Recompute"},
    UiString{"scorecard.title",
             "Phiếu điểm Bộ chỉ số 766",
             "766 indicator score card"},
    UiString{"scorecard.total",
             "Tổng điểm",
             "Total"},
    UiString{"scorecard.tracking",
             "theo dõi",
             "tracking"},
    UiString{"scorecard.trend",
             "Xu hướng theo tháng",
             "Monthly trend"},
    UiString{"scorecard.units",
             "Đơn vị",
             "Units"},
    UiString{"scorecard.work",
             "Việc cần làm hôm nay",
             "Work to do today"},
    UiString{"scorecard.work.components_not_digitized",
             "Thành phần hồ sơ chưa số hóa",
             "Papers not digitized"},
    UiString{"scorecard.work.due_soon",
             "Sắp đến hạn (trong 1 ngày làm việc)",
             "Due within one working day"},
    UiString{"scorecard.work.fee_not_paid_online",
             "Phí, lệ phí chưa thanh toán trực tuyến",
             "Fees not paid online"},
    UiString{"scorecard.work.not_synced",
             "Chưa đồng bộ lên Cổng DVCQG",
             "Not synced to the national portal"},
    UiString{"scorecard.work.overdue_no_apology",
             "Quá hạn chưa xin lỗi",
             "Overdue, no apology yet"},
    UiString{"scorecard.work.result_not_digitized",
             "Kết quả chưa số hóa",
             "Result not digitized"},
    UiString{"scorecard.work.unsatisfied_rating",
             "Đánh giá không hài lòng",
             "Rated unsatisfied"},
    UiString{"scorecard.work_empty",
             "Không có việc tồn đọng.",
             "Nothing waiting."},
};

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

const UiString* LookupLocal(std::string_view key) {
  auto it = std::lower_bound(kScoreCardStrings.begin(), kScoreCardStrings.end(), key,
                             [](const UiString& s, std::string_view k) { return s.key < k; });
  return it != kScoreCardStrings.end() && it->key == key ? &*it : nullptr;
}

struct Text {
  Lang lang;
  const char* operator()(std::string_view key) const { return ScoreCardText(lang, key); }
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

std::span<const UiString> ScoreCardStrings() { return kScoreCardStrings; }

const char* ScoreCardText(Lang lang, std::string_view key) {
  if (const char* t = FindString(lang, key)) return t;
  if (const UiString* s = LookupLocal(key)) return lang == Lang::kEn ? s->en.data() : s->vi.data();
  return Tr(lang, key);
}

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
    v.last_export_text = FormatText(ScoreCardText(model.lang, "scorecard.exported"), {{"arg", sc.export_path}});
  return v;
}

}  // namespace motcua::ui
