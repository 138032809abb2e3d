// Command-line arguments in the motcua CLI's style (shared/cli/cli.h Args): "--flag VALUE" or
// "--flag=VALUE", switches, and an error for anything left over. The stand-in is its own program and
// does not link the CLI, so it carries this small copy.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace motcua::provincial {

class Args {
 public:
  explicit Args(std::vector<std::string> args) : args_(std::move(args)) {}
  // Value of --name, removing it. Missing: nullopt. Given without a value: kInvalid/"missing_value".
  Result<std::optional<std::string>> Flag(std::string_view name);
  // Errors: kInvalid/"missing_flag" when absent.
  Result<std::string> RequiredFlag(std::string_view name);
  // Every value of a repeatable --name, in order.
  Result<std::vector<std::string>> Flags(std::string_view name);
  bool Switch(std::string_view name);
  // Ok when nothing is left; else kInvalid/"unknown_flag" or "unexpected" naming the first leftover.
  Status Done() const;

 private:
  std::vector<std::string> args_;
};

// A whole number in [lowest, highest], optionally negative when lowest < 0; nothing else (no spaces,
// no "+"). Errors: kInvalid/"bad_number" on `field`.
Result<long long> ParseWhole(std::string_view text, std::string_view field, long long lowest, long long highest);

}  // namespace motcua::provincial
