#include "procedures.h"

#include <string>

namespace motcua::provincial {

Json ProcedureList(const std::vector<catalog::Procedure>& procedures) {
  Json list = Json::array();
  for (const catalog::Procedure& p : procedures)
    list.push_back(Json{{"MATTHC", p.code}, {"TENTTHC", p.name}, {"MALINHVUC", p.field_code}, {"TENLINHVUC", p.field_name}});
  return list;
}

std::string DurationText(const catalog::ProcessingTime& processing) {
  if (processing.no_due_date) return "Không có ngày hẹn trả";
  if (!processing.standard) return processing.as_published;
  const std::string n = std::to_string(processing.standard->amount);
  switch (processing.standard->unit) {
    case calendar::DurationUnit::kWorkingHours: return n + " giờ làm việc";
    case calendar::DurationUnit::kWorkingDays: return n + " ngày làm việc";
    case calendar::DurationUnit::kCalendarDays: return n + " ngày";
    case calendar::DurationUnit::kMonths: return n + " tháng";
  }
  return processing.as_published;
}

std::optional<Json> ProcedureDetail(const std::vector<catalog::Procedure>& procedures, std::string_view code) {
  for (const catalog::Procedure& p : procedures) {
    if (p.code != code) continue;
    Json fees = Json::array();
    for (const catalog::Fee& f : p.fees)
      fees.push_back(Json{{"TENPHILEPHI", f.name}, {"MUCPHI", std::to_string(f.amount_vnd)}, {"GHICHU", f.note}});
    return Json{{"MATTHC", p.code},
                {"TENTTHC", p.name},
                {"LINHVUCTHUCHIEN", Json::array({Json{{"MALINHVUC", p.field_code}, {"TENLINHVUC", p.field_name}}})},
                {"THOIHANGIAIQUYET", DurationText(p.processing)},
                {"PHILEPHI", fees}};
  }
  return std::nullopt;
}

}  // namespace motcua::provincial
