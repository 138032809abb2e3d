#include "cli/cli.h"

#include <cstdlib>
#include <unistd.h>
#include <ostream>

#include <nlohmann/json.hpp>

#include "common/number_parse.h"

namespace motcua::cli {

Instant Context::Now() const { return now ? *now : SystemClock().Now(); }

Result<std::optional<std::string>> Args::Flag(std::string_view name) {
  const std::string flag = "--" + std::string(name);
  for (std::size_t i = 0; i < args_.size(); ++i) {
    if (args_[i] == flag) {
      if (i + 1 >= args_.size())
        return Invalid(std::string(name), "missing_value", flag + " needs a value");
      std::string value = args_[i + 1];
      args_.erase(args_.begin() + i, args_.begin() + i + 2);
      return std::optional<std::string>(std::move(value));
    }
    if (args_[i].rfind(flag + "=", 0) == 0) {
      std::string value = args_[i].substr(flag.size() + 1);
      args_.erase(args_.begin() + i);
      return std::optional<std::string>(std::move(value));
    }
  }
  return std::optional<std::string>();
}

Result<std::string> Args::RequiredFlag(std::string_view name) {
  MOTCUA_ASSIGN_OR_RETURN(auto value, Flag(name));
  if (!value) return Invalid(std::string(name), "missing_flag", "--" + std::string(name) + " is required");
  return *value;
}

bool Args::Switch(std::string_view name) {
  const std::string flag = "--" + std::string(name);
  for (std::size_t i = 0; i < args_.size(); ++i)
    if (args_[i] == flag) {
      args_.erase(args_.begin() + i);
      return true;
    }
  return false;
}

Result<std::vector<std::string>> Args::Positional() {
  for (const auto& a : args_)
    if (a.size() > 2 && a.rfind("--", 0) == 0)
      return Invalid(a.substr(2), "unknown_flag", "unknown option " + a);
  return args_;
}

namespace {
std::vector<Command>& Registry() {
  static std::vector<Command> commands;
  return commands;
}
}  // namespace

bool RegisterCommand(const Command& command) {
  Registry().push_back(command);
  return true;
}

const std::vector<Command>& Commands() { return Registry(); }

Result<std::pair<int, unsigned>> ParseMonthFlag(std::string_view text) {
  const std::optional<int> y = text.size() == 7 && text[4] == '-' ? ParseDigits<int>(text.substr(0, 4)) : std::nullopt;
  const std::optional<int> m = y ? ParseDigits<int>(text.substr(5, 2)) : std::nullopt;
  if (!m || *m < 1 || *m > 12)
    return Invalid("month", "bad_month", "expected --month YYYY-MM, got \"" + std::string(text) + "\"");
  return std::pair<int, unsigned>{*y, unsigned(*m)};
}

std::string DumpJson(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

void PrintJson(Context& ctx, const nlohmann::json& j, int indent) { *ctx.out << DumpJson(j, indent) << "\n"; }

void PrintJson(Context& ctx, const nlohmann::ordered_json& j, int indent) {
  *ctx.out << j.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

int ReportError(Context& ctx, const Error& error) {
  if (ctx.json) {
    nlohmann::json j = {{"error",
                         {{"code", ErrorCodeName(error.code)},
                          {"field", error.field},
                          {"rule", error.rule},
                          {"detail", error.detail}}}};
    PrintJson(ctx, j);
  }
  *ctx.err << "motcua: error: " << error.Describe() << "\n";
  const bool bad_input = error.code == ErrorCode::kInvalid || error.code == ErrorCode::kNotFound;
  return bad_input ? kExitBadInput : kExitFailure;
}

}  // namespace motcua::cli
