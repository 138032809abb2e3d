// motcua vietqr --bin BIN --account ACCOUNT --amount VND --purpose TEXT: prints the VietQR (NAPAS
// 247, EMVCo) payload text for a transfer of a whole number of đồng. Diacritics in the purpose are
// folded to ASCII (codes/vietqr.h). Exit 2 naming the flag on bad input.
#include <ostream>

#include "cli/cli.h"
#include "codes/vietqr.h"
#include "common/number_parse.h"

namespace motcua::cli {
namespace {

// Core field names → the flags the operator typed.
Error ForCli(Error e) {
  if (e.field == "bank_bin") e.field = "bin";
  else if (e.field == "amount_vnd") e.field = "amount";
  return e;
}

int RunVietQr(Context& ctx, Args& args) {
  codes::VietQrRequest req;
  auto bin = args.RequiredFlag("bin");
  if (!bin) return ReportError(ctx, bin.error());
  auto account = args.RequiredFlag("account");
  if (!account) return ReportError(ctx, account.error());
  auto amount = args.RequiredFlag("amount");
  if (!amount) return ReportError(ctx, amount.error());
  auto purpose = args.RequiredFlag("purpose");
  if (!purpose) return ReportError(ctx, purpose.error());
  auto rest = args.Positional();
  if (!rest) return ReportError(ctx, rest.error());
  if (!rest->empty()) return ReportError(ctx, Invalid((*rest)[0], "unexpected_argument", "unexpected argument " + (*rest)[0]));

  const std::string& a = *amount;
  const std::optional<std::int64_t> amount_vnd = ParseDigits<std::int64_t>(a);
  if (!amount_vnd)
    return ReportError(ctx, Invalid("amount", "bad_amount",
                                    "--amount must be a whole number of dong without separators, got \"" + a + "\""));
  req.amount_vnd = *amount_vnd;
  req.bank_bin = *bin;
  req.account = *account;
  req.purpose = *purpose;
  auto payload = codes::MakeVietQrPayload(req);
  if (!payload) return ReportError(ctx, ForCli(payload.error()));
  *ctx.out << *payload << "\n";
  return kExitOk;
}

}  // namespace
}  // namespace motcua::cli

MOTCUA_CLI_COMMAND("vietqr", "vietqr --bin BIN --account ACCOUNT --amount VND --purpose TEXT",
                   "Print the VietQR payment payload for a transfer (amount in whole dong)", motcua::cli::RunVietQr);
