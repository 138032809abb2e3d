// motcua demo: what the main job shows on a machine with no display. Receives the sample dossier
// (assets/samples/demo-dossier.json) now, writes its receipt PDF, shows its status, and prints this
// month's 766 score computed from the demo database.
//
// The demo never touches the center's database: it makes a new demo database (`init --demo`, always a
// SQLite file, also beside a center's PostgreSQL database) in <data dir>/demo/ at every run (removing the previous one, which it checks is a demo database), creates
// its administrator "demo" with a random password kept only in memory, and signs in as that account, so
// its dossier too is received by a signed-in account and journaled as such.
#include <cstdio>
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/dossier_json.h"
#include "auth/accounts.h"
#include "auth/login.h"
#include "cli/session.h"
#include "common/crypto.h"
#include "common/files.h"
#include "common/number_format.h"
#include "print/form_pdf.h"
#include "scoring/store_scoring.h"
#include "ui_model/strings.h"
#include "workflow/intake_json.h"
#include "workflow/receipt_form.h"

namespace motcua::cli {
namespace {

namespace fs = std::filesystem;

// Points as the Vietnamese score card writes them ("28,68"; the demo speaks Vietnamese only),
// right-aligned in 5 columns; "—" for no score.
std::string Points(const std::optional<double>& p) {
  if (!p) return "  —  ";
  const std::string text = FormatDecimal(*p, 2, NumberStyle::kVi);
  return text.size() >= 5 ? text : std::string(5 - text.size(), ' ') + text;
}

// A maximum as the score card writes it: "6", "2,5".
std::string Max(double max_points) { return FormatDecimal(max_points, max_points == double(long(max_points)) ? 0 : 2, NumberStyle::kVi); }

// Removes the previous demo database, after checking it is one.
Status RemoveOldDemo(const Context& demo) {
  std::error_code ec;
  if (!fs::exists(demo.db_path, ec)) return Ok();
  {
    MOTCUA_ASSIGN_OR_RETURN(auto store, OpenDatabase(demo, /*create=*/false));
    MOTCUA_ASSIGN_OR_RETURN(bool is_demo, IsDemoDatabase(*store));
    if (!is_demo)
      return Conflict("db", "not_a_demo_database", demo.db_path + " is not a demo database; the demo leaves it alone");
  }
  for (const std::string& path : {demo.db_path, demo.db_path + "-wal", demo.db_path + "-shm",
                                  store::ChainKeyPath(demo.db_path), store::AnchorPath(demo.db_path)})
    fs::remove(path, ec);
  return Ok();
}

// A new demo database with its own administrator, signed in.
Result<std::unique_ptr<Session>> OpenDemo(Context& demo) {
  MOTCUA_TRY(RemoveOldDemo(demo));
  MOTCUA_TRY(CreateDatabase(demo, {.demo = true}));
  MOTCUA_ASSIGN_OR_RETURN(auto session, OpenSession(demo));
  std::string password = ToBase32(RandomBytes(20));
  MOTCUA_ASSIGN_OR_RETURN(auth::AuthSettings settings, auth::LoadAuthSettings(*session->store, {.station = demo.station}));
  MOTCUA_TRY(auth::BootstrapAdmin(*session->store, {"demo", "Tài khoản trình diễn", workflow::Role::kAdmin, ""},
                                  password, demo.Now(), settings));
  auto account = auth::Login(*session->store, "demo", password, demo.Now(), settings);
  std::fill(password.begin(), password.end(), '\0');
  if (!account) return account.error();
  session->actor = {account->user_name, account->role, demo.station};
  return session;
}

int RunDemo(Context& ctx, Args& args) {
  if (auto rest = args.Positional(); !rest || !rest->empty())
    return ReportError(ctx, rest ? Invalid("arguments", "unexpected", "unexpected argument " + rest->front()) : rest.error());
  Context demo = ctx;
  demo.db_path = (DbDir(ctx) / "demo" / "motcua.db").string();
  auto session = OpenDemo(demo);
  if (!session) return ReportError(ctx, session.error());
  Session& s = **session;
  std::ostream& o = *ctx.out;
  const Instant now = ctx.Now();

  // 1. Receive the sample dossier.
  const fs::path sample = fs::path(ctx.assets_dir) / "samples" / "demo-dossier.json";
  auto text = ReadFile(sample, "sample", kMaxJsonFileBytes);
  if (!text) return ReportError(ctx, text.error());
  auto request = workflow::ParseIntakeJson(*text, sample.parent_path());
  if (!request) return ReportError(ctx, request.error());
  auto files = workflow::ReadIntakeFiles(*request);
  if (!files) return ReportError(ctx, files.error());
  auto received = workflow::ReceiveWithFiles(s.desk, s.actor, std::move(request->request), std::move(*files), now);
  if (!received) return ReportError(ctx, received.error());
  const dossier::Dossier& d = received->dossier;
  o << "1. Tiếp nhận hồ sơ " << d.code << " (" << d.procedure_name << ")\n"
    << "   hẹn trả " << (d.due_at ? LocalText(d.due_at) : "không có ngày hẹn trả")
    << (received->warnings.empty() ? "" : " (tạm tính: năm sau chưa có lịch nghỉ chính thức)") << "\n";

  // 2. Its receipt, Mẫu 01.
  const fs::path receipts = DbDir(demo) / "receipts";
  if (auto made = CreatePrivateDirectories(receipts, "receipts"); !made) return ReportError(ctx, made.error());
  const fs::path pdf = receipts / (d.code + ".pdf");
  auto form = workflow::MakeReceiptForm(d, s.desk.settings, received->receipt_token, s.actor.user);
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
    << card.dossiers << " hồ sơ tiếp nhận trong tháng): " << Points(card.total_points) << " / " << Max(card.total_max) << "\n";
  for (const auto& g : card.groups) {
    o << "   " << Points(g.points) << " / " << Max(g.max_points) << "  "
      << ui::Tr(ui::Lang::kVi, std::string("scorecard.group.") + indicators::GroupKey(g.group)) << "\n";
    for (const auto& i : card.indicators)
      if (i.group == g.group && i.max_points > 0)
        o << "        "
          << (i.denominator != 0 ? Points(i.points) + " / " + Max(i.max_points)
              : i.points         ? "Chưa có dữ liệu (tính " + FormatDecimal(*i.points, 2, NumberStyle::kVi) + " / " +
                                       Max(i.max_points) + ")"
                                 : "Chưa có dữ liệu (/ " + Max(i.max_points) + ")")
          << "  " << i.code << " " << i.name << "\n";
  }
  return kExitOk;
}

}  // namespace

MOTCUA_CLI_COMMAND("demo", "demo",
                   "receive the sample dossier, write its receipt PDF, show its status and this month's score",
                   RunDemo);

}  // namespace motcua::cli
