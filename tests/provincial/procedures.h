// The procedure services, LayDanhSachTTHC and LayThuTuc, answered from motcua's own catalog file
// (--catalog, assets/catalog/catalog.json read with catalog/catalog_json.h). The reply keys are the
// provincial system's upper-case ones (domain.md §4.1); every value is a string, as on the wire.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "catalog/procedure.h"
#include "validate.h"

namespace motcua::provincial {

// [{"MATTHC","TENTTHC","MALINHVUC","TENLINHVUC"}, ...] in catalog order.
Json ProcedureList(const std::vector<catalog::Procedure>& procedures);

// {"MATTHC","TENTTHC","LINHVUCTHUCHIEN":[{"MALINHVUC","TENLINHVUC"}],"THOIHANGIAIQUYET",
//  "PHILEPHI":[{"TENPHILEPHI","MUCPHI","GHICHU"}]} for `code`; nullopt when the catalog has none.
std::optional<Json> ProcedureDetail(const std::vector<catalog::Procedure>& procedures, std::string_view code);

// THOIHANGIAIQUYET: the standard duration in Vietnamese ("7 ngày làm việc", "8 giờ làm việc",
// "15 ngày", "1 tháng"), "Không có ngày hẹn trả" for procedures without a due date, else the
// source's wording (processing.as_published), else "".
std::string DurationText(const catalog::ProcessingTime& processing);

}  // namespace motcua::provincial
