// motcua demo: what the main job shows on a machine with no display. Receives the sample dossier
// (assets/samples/demo-dossier.json) now, writes its receipt PDF, shows its status, and prints this
// month's 766 score computed from the local database.
#include <cstdio>
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/dossier_json.h"
#include "cli/intake_json.h"
#include "cli/session.h"
#include "print/form_pdf.h"
#include "scoring/store_scoring.h"
#include "workflow/receipt_form.h"

namespace motcua::cli {
namespace {

namespace fs = std::filesystem;

std::string Points(const std::optional<double>& p) {
  if (!p) return "  —  ";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%5.2f", *p);
  return buf;
}

int RunDemo(Context& ctx, Args& args) {
  if (auto rest = args.Positional(); !rest || !rest->empty())
    return ReportError(ctx, rest ? Invalid("arguments", "unexpected", "unexpected argument " + rest->front()) : rest.error());
  auto session = OpenSession(ctx);
  if (!session) return ReportError(ctx, session.error());
  Session& s = **session;
  std::ostream& o = *ctx.out;
  const Instant now = ctx.Now();

  // 1. Receive the sample dossier.
  const fs::path sample = fs::path(ctx.assets_dir) / "samples" / "demo-dossier.json";
  auto text = ReadFile(sample, "sample");
  if (!text) return ReportError(ctx, text.error());
  auto request = ParseIntakeJson(*text, sample.parent_path(), s.desk.files_root, ctx.actor);
  if (!request) return ReportError(ctx, request.error());
  auto received = workflow::Receive(s.desk, s.actor, *request, now);
  if (!received) return ReportError(ctx, received.error());
  const dossier::Dossier& d = received->dossier;
  o << "1. Tiếp nhận hồ sơ " << d.code << " (" << d.procedure_name << ")\n"
    << "   hẹn trả " << (d.due_at ? LocalText(d.due_at) : "không có ngày hẹn trả")
    << (received->warnings.empty() ? "" : " (tạm tính: năm sau chưa có lịch nghỉ chính thức)") << "\n";

  // 2. Its receipt, Mẫu 01.
  const fs::path receipts = DbDir(ctx) / "receipts";
  std::error_code ec;
  fs::create_directories(receipts, ec);
  const fs::path pdf = receipts / (d.code + ".pdf");
  auto form = workflow::MakeReceiptForm(d, s.desk.settings, received->receipt_token, ctx.actor);
  if (auto w = print::WriteReceiptPdf(form, pdf.string()); !w) return ReportError(ctx, w.error());
  o << "2. Giấy tiếp nhận (Mẫu 01, A5, 2 liên): " << pdf.string() << "\n";

  // 3. Its status.
  auto stored = s.store->GetDossier(d.code);
  if (!stored || !*stored) return ReportError(ctx, stored ? NotFound("code", "no_such_dossier", d.code) : stored.error());
  const int national = s.status_map.National((*stored)->state);
  o << "3. Trạng thái: " << dossier::StateNameVi((*stored)->state) << " (mã quốc gia " << national << " "
    << dossier::NationalStatusNameVi(national) << "), " << (*stored)->components.size() << " thành phần hồ sơ\n";

  // 4. This month's score from the local database.
  const auto today = std::chrono::year_month_day{LocalDateVn(now)};
  const auto period = indicators::MonthPeriod(int(today.year()), unsigned(today.month()));
  auto scored = scoring::ScoreStore(*s.store, s.status_map, *s.calendar, period);
  if (!scored) return ReportError(ctx, scored.error());
  const auto& card = scored->report.center;
  o << "4. Điểm Bộ chỉ số 766 tháng " << unsigned(today.month()) << "/" << int(today.year()) << " (tính tại chỗ, "
    << card.dossiers << " hồ sơ tiếp nhận trong tháng): " << Points(card.total_points) << " / 100\n";
  for (const auto& g : card.groups) {
    o << "   " << Points(g.points) << " / " << g.max_points << "  " << indicators::GroupName(g.group) << "\n";
    for (const auto& i : card.indicators)
      if (i.group == g.group && i.max_points > 0)
        o << "        " << Points(i.points) << " / " << i.max_points << "  " << i.code << " " << i.name << "\n";
  }
  return kExitOk;
}

}  // namespace

MOTCUA_CLI_COMMAND("demo", "demo",
                   "receive the sample dossier, write its receipt PDF, show its status and this month's score",
                   RunDemo);

}  // namespace motcua::cli
