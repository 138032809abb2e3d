#include "args.h"

#include <charconv>

namespace motcua::provincial {

Result<std::optional<std::string>> Args::Flag(std::string_view name) {
  const std::string flag = "--" + std::string(name);
  for (std::size_t i = 0; i < args_.size(); ++i) {
    if (args_[i] == flag) {
      if (i + 1 >= args_.size()) return Invalid(std::string(name), "missing_value", flag + " needs a value");
      std::string value = args_[i + 1];
      args_.erase(args_.begin() + static_cast<std::ptrdiff_t>(i), args_.begin() + static_cast<std::ptrdiff_t>(i) + 2);
      return std::optional<std::string>(std::move(value));
    }
    if (args_[i].starts_with(flag + "=")) {
      std::string value = args_[i].substr(flag.size() + 1);
      args_.erase(args_.begin() + static_cast<std::ptrdiff_t>(i));
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

Result<std::vector<std::string>> Args::Flags(std::string_view name) {
  std::vector<std::string> values;
  for (;;) {
    MOTCUA_ASSIGN_OR_RETURN(auto value, Flag(name));
    if (!value) return values;
    values.push_back(std::move(*value));
  }
}

bool Args::Switch(std::string_view name) {
  const std::string flag = "--" + std::string(name);
  for (std::size_t i = 0; i < args_.size(); ++i)
    if (args_[i] == flag) {
      args_.erase(args_.begin() + static_cast<std::ptrdiff_t>(i));
      return true;
    }
  return false;
}

Status Args::Done() const {
  if (args_.empty()) return Ok();
  const std::string& first = args_.front();
  if (first.starts_with("--")) return Invalid(first.substr(2), "unknown_flag", "unknown option " + first);
  return Invalid("arguments", "unexpected", "unexpected argument \"" + first + "\"");
}

Result<long long> ParseWhole(std::string_view text, std::string_view field, long long lowest, long long highest) {
  long long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < lowest || value > highest)
    return Invalid(std::string(field), "bad_number",
                   "--" + std::string(field) + " must be a whole number from " + std::to_string(lowest) + " to " +
                       std::to_string(highest) + ", got \"" + std::string(text) + "\"");
  return value;
}

}  // namespace motcua::provincial
