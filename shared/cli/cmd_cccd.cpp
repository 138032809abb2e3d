// motcua cccd "TEXT": parses the QR of a chip CCCD (as a scanner typed it) and prints the fields as
// JSON with ISO dates. Exit 2 naming the field when the text is not a valid CCCD QR.
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/cli.h"
#include "codes/cccd.h"

namespace motcua::cli {
namespace {

int RunCccd(Context& ctx, Args& args) {
  auto positional = args.Positional();
  if (!positional) return ReportError(ctx, positional.error());
  if (positional->size() != 1)
    return ReportError(ctx, Invalid("cccd_qr", "missing_text", "usage: motcua cccd \"TEXT\" (the scanned QR text, quoted)"));
  auto data = codes::ParseCccdQr((*positional)[0]);
  if (!data) return ReportError(ctx, data.error());
  nlohmann::ordered_json j;
  j["id"] = data->id;
  j["old_id"] = data->old_id;
  j["name"] = data->name;
  j["birth_date"] = FormatLocalDate(data->birth_date);
  j["sex"] = data->sex;
  j["address"] = data->address;
  j["issue_date"] = FormatLocalDate(data->issue_date);
  PrintJson(ctx, j);
  return kExitOk;
}

}  // namespace
}  // namespace motcua::cli

MOTCUA_CLI_COMMAND("cccd", "cccd \"TEXT\"",
                   "Parse a chip CCCD QR text and print its fields as JSON (ISO dates)", motcua::cli::RunCccd);
