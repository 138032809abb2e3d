#include "faults.h"

#include <array>
#include <charconv>
#include <limits>

namespace motcua::provincial {
namespace {

struct KindName {
  FaultKind kind;
  const char* name;
};
constexpr std::array<KindName, 10> kKindNames = {{
    {FaultKind::kHttp500, "http500"},
    {FaultKind::kHttp503, "http503"},
    {FaultKind::kTimeout, "timeout"},
    {FaultKind::kReset, "reset"},
    {FaultKind::kSlow, "slow"},
    {FaultKind::kInvalidJson, "invalid_json"},
    {FaultKind::kTruncated, "truncated"},
    {FaultKind::kHuge, "huge"},
    {FaultKind::kExpireSessions, "expire_sessions"},
    {FaultKind::kFailAfterStore, "fail_after_store"},
}};

// A JSON integer in [lowest, highest]; absent keeps `out`.
Status ReadInt(const Json& body, const char* key, int lowest, int highest, int& out) {
  if (!body.contains(key)) return Ok();
  const Json& v = body[key];
  if (!v.is_number_integer() || v.get<std::int64_t>() < lowest || v.get<std::int64_t>() > highest)
    return Invalid(key, "bad_number",
                   std::string(key) + " must be a whole number from " + std::to_string(lowest) + " to " +
                       std::to_string(highest));
  out = static_cast<int>(v.get<std::int64_t>());
  return Ok();
}

}  // namespace

const char* FaultKindName(FaultKind kind) {
  for (const KindName& k : kKindNames)
    if (k.kind == kind) return k.name;
  return "?";
}

std::optional<FaultKind> ParseFaultKind(std::string_view name) {
  for (const KindName& k : kKindNames)
    if (name == k.name) return k.kind;
  return std::nullopt;
}

std::string FaultKindNames() {
  std::string out;
  for (const KindName& k : kKindNames) out += (out.empty() ? "" : ", ") + std::string(k.name);
  return out;
}

int Fault::EffectiveDelayMs() const {
  if (delay_ms > 0) return delay_ms;
  return kind == FaultKind::kSlow ? kDefaultSlowDelayMs : kDefaultTimeoutDelayMs;
}

Result<Fault> ParseFaultFlag(std::string_view text) {
  const std::size_t colon = text.find(':');
  const std::string_view name = text.substr(0, colon);
  Fault fault;
  const auto kind = ParseFaultKind(name);
  if (!kind) return Invalid("fault", "unknown_fault", "unknown fault \"" + std::string(name) + "\"; known: " + FaultKindNames());
  fault.kind = *kind;
  if (colon != std::string_view::npos) {
    const std::string_view count = text.substr(colon + 1);
    auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), fault.count);
    if (ec != std::errc() || end != count.data() + count.size() || fault.count < 1)
      return Invalid("fault", "bad_count", "expected --fault KIND[:COUNT] with COUNT >= 1, got \"" + std::string(text) + "\"");
  }
  return fault;
}

Result<Fault> ParseFaultRequest(const Json& body) {
  if (!body.is_object()) return Invalid("fault", "not_an_object", "the body must be a JSON object");
  if (!body.contains("fault") || !body["fault"].is_string())
    return Invalid("fault", "required", "\"fault\" (a string) is required; known: " + FaultKindNames());
  const std::string& name = body["fault"].get_ref<const std::string&>();
  const auto kind = ParseFaultKind(name);
  if (!kind) return Invalid("fault", "unknown_fault", "unknown fault \"" + name + "\"; known: " + FaultKindNames());
  Fault fault{.kind = *kind};
  constexpr int kMax = std::numeric_limits<int>::max();
  MOTCUA_TRY(ReadInt(body, "count", 1, kMax, fault.count));
  MOTCUA_TRY(ReadInt(body, "retry_after", 0, kMax, fault.retry_after_seconds));
  MOTCUA_TRY(ReadInt(body, "delay_ms", 0, 10 * 60 * 1000, fault.delay_ms));
  return fault;
}

Json FaultToJson(const Fault& fault) {
  Json j{{"fault", FaultKindName(fault.kind)}, {"count", fault.count}};
  if (fault.kind == FaultKind::kHttp503) j["retry_after"] = fault.retry_after_seconds;
  if (fault.kind == FaultKind::kTimeout || fault.kind == FaultKind::kSlow) j["delay_ms"] = fault.EffectiveDelayMs();
  return j;
}

void FaultBoard::Arm(const Fault& fault) {
  std::lock_guard lock(mutex_);
  armed_ = fault;
}

void FaultBoard::Clear() {
  std::lock_guard lock(mutex_);
  armed_.reset();
}

std::optional<Fault> FaultBoard::Take() {
  std::lock_guard lock(mutex_);
  if (!armed_) return std::nullopt;
  Fault taken = *armed_;
  if (--armed_->count <= 0) armed_.reset();
  return taken;
}

std::optional<Fault> FaultBoard::Armed() const {
  std::lock_guard lock(mutex_);
  return armed_;
}

}  // namespace motcua::provincial
