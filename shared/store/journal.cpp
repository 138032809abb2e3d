#include "store/journal.h"

#include <nlohmann/json.hpp>

#include "common/crypto.h"

namespace motcua::store {
namespace {

void Field(std::string& out, std::string_view v) {
  out += std::to_string(v.size());
  out += ':';
  out.append(v.data(), v.size());
}

// The fields in their order; the keyed form (schema 3) adds recorded_at and the seals.
std::string Canonical(const JournalEvent& e, bool keyed) {
  std::string out;
  out.reserve(160 + e.payload_json.size() + e.seals_json.size());
  Field(out, std::to_string(e.seq));
  Field(out, e.uuid);
  Field(out, e.type);
  Field(out, e.dossier_code);
  Field(out, e.actor);
  Field(out, e.station);
  Field(out, std::to_string(ToUnixSeconds(e.at)));
  if (keyed) Field(out, std::to_string(ToUnixSeconds(e.recorded_at)));
  Field(out, e.payload_json);
  if (keyed) Field(out, e.seals_json);
  Field(out, e.prev_hash);
  return out;
}

}  // namespace

std::string CanonicalBytes(const JournalEvent& e) { return Canonical(e, true); }

std::string HashEvent(const JournalEvent& e, std::string_view chain_key) {
  return ToHex(HmacSha256(chain_key, CanonicalBytes(e)));
}

std::string LegacyHashEvent(const JournalEvent& e) { return ToHex(Sha256(Canonical(e, false))); }

std::string FormatSeals(const std::vector<Seal>& seals) {
  nlohmann::json out = nlohmann::json::array();
  for (const Seal& s : seals) out.push_back({s.entity, s.digest});
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<std::vector<Seal>> ParseSeals(std::string_view text) {
  std::vector<Seal> out;
  if (text.empty()) return out;
  const auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_array()) return Corrupt("seals", "bad_seals", "an event's seals are not a JSON array");
  for (const auto& pair : j) {
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string())
      return Corrupt("seals", "bad_seals", "a seal is not an [entity, digest] pair");
    out.push_back({pair[0].get<std::string>(), pair[1].get<std::string>()});
  }
  return out;
}

}  // namespace motcua::store
