// motcua show CODE: everything about one dossier.
#include <ostream>

#include "cli/dossier_json.h"
#include "cli/session.h"
#include "common/text.h"

namespace motcua::cli {
namespace {

int RunShow(Context& ctx, Args& args) {
  if (args.Switch("json")) ctx.json = true;
  auto rest = args.Positional();
  if (!rest) return ReportError(ctx, rest.error());
  if (rest->size() != 1) return ReportError(ctx, Invalid("code", "missing", "usage: motcua show CODE"));
  auto session = OpenSession(ctx);
  if (!session) return ReportError(ctx, session.error());
  const std::string code(Trim((*rest)[0]));
  auto d = (*session)->store->GetDossier(code);
  if (!d) return ReportError(ctx, d.error());
  if (!*d) return ReportError(ctx, NotFound("code", "no_such_dossier", "no dossier " + code));
  const auto& map = (*session)->status_map;
  if (ctx.json) {
    auto j = DossierToJson(**d, map);
    j["demo_database"] = (*session)->is_demo;
    PrintJson(ctx, j, 2);
    return kExitOk;
  }
  const dossier::Dossier& x = **d;
  std::ostream& o = *ctx.out;
  if ((*session)->is_demo)
    o << "CƠ SỞ DỮ LIỆU TRÌNH DIỄN/THỬ NGHIỆM (demo): thời gian có thể do người chạy lệnh đặt (--now)\n";
  const int national = map.National(x.state);
  o << "Mã hồ sơ:        " << x.code << "\n"
    << "Thủ tục:         " << x.procedure_code << " " << x.procedure_name << "\n"
    << "Người nộp:       " << x.applicant.name << " (" << x.applicant.id_number << ")\n"
    << "Trạng thái:      " << dossier::StateNameVi(x.state) << " [" << dossier::StateKey(x.state) << "; national "
    << national << " " << dossier::NationalStatusNameVi(national) << "]\n"
    << "Tiếp nhận:       " << LocalText(x.received_at) << "\n"
    << "Hẹn trả:         " << (x.due_at ? LocalText(x.due_at) : "không có ngày hẹn trả") << "\n";
  if (x.original_due_at && x.due_at && *x.original_due_at != *x.due_at)
    o << "Hẹn trả ban đầu: " << LocalText(x.original_due_at) << "\n";
  if (x.apology_count) o << "Xin lỗi, hẹn lại: " << x.apology_reason << "\n";
  o << "Đơn vị xử lý:    " << x.processing_unit << "\n"
    << "Bổ sung:         " << x.SupplementCount() << " lần\n"
    << "Thành phần hồ sơ:\n";
  for (std::size_t i = 0; i < x.components.size(); ++i) {
    const auto& c = x.components[i];
    o << "  " << i + 1 << ". [" << (c.shown_only ? "xuất trình" : c.IsDigitized() ? "đã số hóa" : "chưa số hóa")
      << "] " << c.code << " " << c.name << " (" << c.originals << " bản chính, " << c.copies << " bản sao)\n";
  }
  o << "Quá trình xử lý:\n";
  for (const auto& s : x.steps) o << "  " << LocalText(s.at) << "  " << s.actor << "  " << s.content << "\n";
  return kExitOk;
}

}  // namespace

MOTCUA_CLI_COMMAND("show", "show CODE [--json]", "show a dossier: state, national status, dates, components, steps",
                   RunShow);

}  // namespace motcua::cli
