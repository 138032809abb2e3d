#include "store/journal.h"

#include "common/crypto.h"

namespace motcua::store {
namespace {

void Field(std::string& out, std::string_view v) {
  out += std::to_string(v.size());
  out += ':';
  out.append(v.data(), v.size());
}

}  // namespace

std::string CanonicalBytes(const JournalEvent& e) {
  std::string out;
  out.reserve(128 + e.payload_json.size());
  Field(out, std::to_string(e.seq));
  Field(out, e.uuid);
  Field(out, e.type);
  Field(out, e.dossier_code);
  Field(out, e.actor);
  Field(out, e.station);
  Field(out, std::to_string(ToUnixSeconds(e.at)));
  Field(out, e.payload_json);
  Field(out, e.prev_hash);
  return out;
}

std::string HashEvent(const JournalEvent& e) { return ToHex(Sha256(CanonicalBytes(e))); }

}  // namespace motcua::store
