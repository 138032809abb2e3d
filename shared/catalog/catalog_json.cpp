#include "catalog/catalog_json.h"

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <map>
#include <sstream>
#include <system_error>
#include <utility>

#include <nlohmann/json.hpp>

#include "common/text.h"

namespace motcua::catalog {
namespace {

using Json = nlohmann::json;
using OJson = nlohmann::ordered_json;

constexpr std::string_view kSubjects[] = {"", "citizen", "organization", "both"};
constexpr std::string_view kChannels[] = {"", "online", "counter", "postal"};
constexpr std::string_view kCollectedWhen[] = {"", "reception", "supplement", "result"};

template <std::size_t N>
bool OneOf(std::string_view v, const std::string_view (&allowed)[N]) {
  return std::find(std::begin(allowed), std::end(allowed), v) != std::end(allowed);
}

template <std::size_t N>
std::string AllowedList(const std::string_view (&allowed)[N]) {
  std::string s;
  for (std::string_view a : allowed) {
    if (!s.empty()) s += ", ";
    s += "\"" + std::string(a) + "\"";
  }
  return s;
}

std::string Join(std::string_view path, std::string_view key) {
  if (path.empty()) return std::string(key);
  std::string s(path);
  s += '.';
  s += key;
  return s;
}

std::string At(std::string_view path, std::size_t i) {
  return std::string(path) + "[" + std::to_string(i) + "]";
}

bool IsCode(std::string_view code) {
  if (code.size() != 8 || code[1] != '.') return false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (i == 1) continue;
    if (code[i] < '0' || code[i] > '9') return false;
  }
  return true;
}

const char* JsonTypeName(const Json& j) {
  if (j.is_null()) return "null";
  if (j.is_boolean()) return "a boolean";
  if (j.is_number_integer() || j.is_number_unsigned()) return "an integer";
  if (j.is_number()) return "a number";
  if (j.is_string()) return "a string";
  if (j.is_array()) return "an array";
  return "an object";
}

// Parsing context: which procedure the errors are about, for `detail`.
struct Ctx {
  std::string who = "catalog";  // "procedure 1.001193" once the code is known, "procedures[3]" before

  Error Fail(std::string field, std::string rule, const std::string& what) const {
    return Invalid(std::move(field), std::move(rule), who + ": " + what);
  }
  Error WrongType(const std::string& field, const char* want, const Json& got) const {
    return Fail(field, "wrong_type", field + " must be " + want + ", not " + JsonTypeName(got));
  }
};

Status CheckKeys(const Json& obj, std::initializer_list<std::string_view> keys, std::string_view path,
                 const Ctx& ctx) {
  for (const auto& item : obj.items()) {
    if (std::find(keys.begin(), keys.end(), std::string_view(item.key())) == keys.end()) {
      std::string field = Join(path, item.key());
      return ctx.Fail(field, "unknown_key", "unknown key \"" + item.key() + "\"");
    }
  }
  return Ok();
}

Status ExpectObject(const Json& j, const std::string& field, const Ctx& ctx) {
  if (!j.is_object()) return ctx.WrongType(field, "an object", j);
  return Ok();
}

// Text members: absent keeps the default; present must be a string; stored as NFC.
Status ReadText(const Json& obj, std::string_view key, std::string_view path, const Ctx& ctx,
                std::string& out) {
  auto it = obj.find(key);
  if (it == obj.end()) return Ok();
  std::string field = Join(path, key);
  if (!it->is_string()) return ctx.WrongType(field, "a string", *it);
  const std::string& s = it->get_ref<const std::string&>();
  if (!IsValidUtf8(s)) return ctx.Fail(field, "bad_utf8", field + " is not valid UTF-8");
  out = NormalizeNfc(s);
  return Ok();
}

Status ReadBool(const Json& obj, std::string_view key, std::string_view path, const Ctx& ctx, bool& out) {
  auto it = obj.find(key);
  if (it == obj.end()) return Ok();
  if (!it->is_boolean()) return ctx.WrongType(Join(path, key), "true or false", *it);
  out = it->get<bool>();
  return Ok();
}

// Whole numbers only: 8000.0 and "8000" are rejected so a typo never becomes a fee.
Status ReadInt64(const Json& obj, std::string_view key, std::string_view path, const Ctx& ctx,
                 std::int64_t& out) {
  auto it = obj.find(key);
  if (it == obj.end()) return Ok();
  std::string field = Join(path, key);
  // nlohmann keeps every non-negative integer as unsigned, and is_number_integer() is true for it too:
  // check the range first, or 9223372036854775808 reads as INT64_MIN.
  if (it->is_number_unsigned() && it->get<std::uint64_t>() > std::uint64_t(std::numeric_limits<std::int64_t>::max())) {
    return ctx.Fail(field, "wrong_type", field + " is too large");
  }
  if (it->is_number_integer()) {
    out = it->get<std::int64_t>();
    return Ok();
  }
  return ctx.WrongType(field, "a whole number", *it);
}

Status ReadInt(const Json& obj, std::string_view key, std::string_view path, const Ctx& ctx, int& out) {
  std::int64_t v = out;
  MOTCUA_TRY(ReadInt64(obj, key, path, ctx, v));
  if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) {
    std::string field = Join(path, key);
    return ctx.Fail(field, "wrong_type", field + " is out of range");
  }
  out = static_cast<int>(v);
  return Ok();
}

Status ReadTextArray(const Json& obj, std::string_view key, std::string_view path, const Ctx& ctx,
                     std::vector<std::string>& out) {
  auto it = obj.find(key);
  if (it == obj.end()) return Ok();
  std::string field = Join(path, key);
  if (!it->is_array()) return ctx.WrongType(field, "an array of strings", *it);
  out.clear();
  for (std::size_t i = 0; i < it->size(); ++i) {
    const Json& e = (*it)[i];
    std::string ef = At(field, i);
    if (!e.is_string()) return ctx.WrongType(ef, "a string", e);
    const std::string& s = e.get_ref<const std::string&>();
    if (!IsValidUtf8(s)) return ctx.Fail(ef, "bad_utf8", ef + " is not valid UTF-8");
    out.push_back(NormalizeNfc(s));
  }
  return Ok();
}

// null or absent = not recorded.
Status ReadDuration(const Json& obj, std::string_view key, std::string_view path, const Ctx& ctx,
                    std::optional<calendar::Duration>& out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    out.reset();
    return Ok();
  }
  std::string field = Join(path, key);
  if (!it->is_string()) return ctx.WrongType(field, "a duration string like \"3wd\" or null", *it);
  auto d = calendar::ParseDuration(it->get_ref<const std::string&>(), field);
  if (!d) return ctx.Fail(field, "bad_duration", d.error().detail);
  out = *d;
  return Ok();
}

Status ReadProcessing(const Json& j, const std::string& path, const Ctx& ctx, ProcessingTime& out) {
  MOTCUA_TRY(ExpectObject(j, path, ctx));
  MOTCUA_TRY(CheckKeys(j, {"standard", "online", "no_due_date", "as_published"}, path, ctx));
  MOTCUA_TRY(ReadDuration(j, "standard", path, ctx, out.standard));
  MOTCUA_TRY(ReadDuration(j, "online", path, ctx, out.online));
  MOTCUA_TRY(ReadBool(j, "no_due_date", path, ctx, out.no_due_date));
  MOTCUA_TRY(ReadText(j, "as_published", path, ctx, out.as_published));
  return Ok();
}

Status ReadFee(const Json& j, const std::string& path, const Ctx& ctx, Fee& out) {
  MOTCUA_TRY(ExpectObject(j, path, ctx));
  MOTCUA_TRY(CheckKeys(j, {"name", "amount_vnd", "channel", "collected_when", "note"}, path, ctx));
  if (!j.contains("amount_vnd")) {
    return ctx.Fail(Join(path, "amount_vnd"), "required", "a fee needs amount_vnd (whole đồng)");
  }
  MOTCUA_TRY(ReadText(j, "name", path, ctx, out.name));
  MOTCUA_TRY(ReadInt64(j, "amount_vnd", path, ctx, out.amount_vnd));
  MOTCUA_TRY(ReadText(j, "channel", path, ctx, out.channel));
  MOTCUA_TRY(ReadText(j, "collected_when", path, ctx, out.collected_when));
  MOTCUA_TRY(ReadText(j, "note", path, ctx, out.note));
  return Ok();
}

Status ReadComponent(const Json& j, const std::string& path, const Ctx& ctx, Component& out) {
  MOTCUA_TRY(ExpectObject(j, path, ctx));
  MOTCUA_TRY(CheckKeys(j, {"code", "name", "group", "originals", "copies", "shown_only", "required"}, path,
                       ctx));
  MOTCUA_TRY(ReadText(j, "code", path, ctx, out.code));
  MOTCUA_TRY(ReadText(j, "name", path, ctx, out.name));
  MOTCUA_TRY(ReadText(j, "group", path, ctx, out.group));
  MOTCUA_TRY(ReadInt(j, "originals", path, ctx, out.originals));
  MOTCUA_TRY(ReadInt(j, "copies", path, ctx, out.copies));
  MOTCUA_TRY(ReadBool(j, "shown_only", path, ctx, out.shown_only));
  MOTCUA_TRY(ReadBool(j, "required", path, ctx, out.required));
  return Ok();
}

Status ReadResult(const Json& j, const std::string& path, const Ctx& ctx, ResultDocument& out) {
  MOTCUA_TRY(ExpectObject(j, path, ctx));
  MOTCUA_TRY(CheckKeys(j, {"name", "code", "paper_required"}, path, ctx));
  MOTCUA_TRY(ReadText(j, "name", path, ctx, out.name));
  MOTCUA_TRY(ReadText(j, "code", path, ctx, out.code));
  MOTCUA_TRY(ReadBool(j, "paper_required", path, ctx, out.paper_required));
  return Ok();
}

template <class T, class Fn>
Status ReadArray(const Json& obj, std::string_view key, std::string_view path, const Ctx& ctx,
                 std::vector<T>& out, Fn read_one) {
  auto it = obj.find(key);
  if (it == obj.end()) return Ok();
  std::string field = Join(path, key);
  if (!it->is_array()) return ctx.WrongType(field, "an array", *it);
  out.clear();
  out.reserve(it->size());
  for (std::size_t i = 0; i < it->size(); ++i) {
    T value;
    MOTCUA_TRY(read_one((*it)[i], At(field, i), ctx, value));
    out.push_back(std::move(value));
  }
  return Ok();
}

// `path` is "" for a lone procedure and "procedures[i]" inside a catalog.
Result<Procedure> ReadProcedure(const Json& j, const std::string& path) {
  Ctx ctx;
  ctx.who = path.empty() ? "procedure" : path;
  if (!j.is_object()) return ctx.WrongType(path.empty() ? std::string("procedure") : path, "an object", j);
  Procedure p;
  MOTCUA_TRY(ReadText(j, "code", path, ctx, p.code));
  if (!p.code.empty()) ctx.who = "procedure " + p.code;
  MOTCUA_TRY(CheckKeys(j,
                       {"code", "name", "group", "field_code", "field_name", "level", "agency", "subject",
                        "processing", "fees", "fees_as_published", "components", "results", "online_level",
                        "postal_allowed", "legal_basis", "announced_on", "announcing_decision", "sources"},
                       path, ctx));
  MOTCUA_TRY(ReadText(j, "name", path, ctx, p.name));
  MOTCUA_TRY(ReadText(j, "group", path, ctx, p.group));
  MOTCUA_TRY(ReadText(j, "field_code", path, ctx, p.field_code));
  MOTCUA_TRY(ReadText(j, "field_name", path, ctx, p.field_name));
  if (auto it = j.find("level"); it != j.end()) {
    std::string field = Join(path, "level");
    if (!it->is_string()) return ctx.WrongType(field, "a string", *it);
    auto level = ParseLevel(it->get_ref<const std::string&>(), field);
    if (!level) return ctx.Fail(field, "bad_enum", level.error().detail);
    p.level = *level;
  }
  MOTCUA_TRY(ReadText(j, "agency", path, ctx, p.agency));
  MOTCUA_TRY(ReadText(j, "subject", path, ctx, p.subject));
  if (auto it = j.find("processing"); it != j.end()) {
    MOTCUA_TRY(ReadProcessing(*it, Join(path, "processing"), ctx, p.processing));
  }
  MOTCUA_TRY(ReadArray(j, "fees", path, ctx, p.fees, ReadFee));
  MOTCUA_TRY(ReadText(j, "fees_as_published", path, ctx, p.fees_as_published));
  MOTCUA_TRY(ReadArray(j, "components", path, ctx, p.components, ReadComponent));
  MOTCUA_TRY(ReadArray(j, "results", path, ctx, p.results, ReadResult));
  if (auto it = j.find("online_level"); it != j.end() && !it->is_null()) {
    std::string field = Join(path, "online_level");
    if (!it->is_string()) return ctx.WrongType(field, "a string or null", *it);
    auto level = ParseOnlineLevel(it->get_ref<const std::string&>(), field);
    if (!level) return ctx.Fail(field, "bad_enum", level.error().detail);
    p.online_level = *level;
    p.online_level_recorded = true;
  }
  if (auto it = j.find("postal_allowed"); it != j.end() && !it->is_null()) {
    if (!it->is_boolean()) return ctx.WrongType(Join(path, "postal_allowed"), "true, false or null", *it);
    p.postal_allowed = it->get<bool>();
    p.postal_recorded = true;
  }
  MOTCUA_TRY(ReadTextArray(j, "legal_basis", path, ctx, p.legal_basis));
  if (auto it = j.find("announced_on"); it != j.end() && !it->is_null()) {
    std::string field = Join(path, "announced_on");
    if (!it->is_string()) return ctx.WrongType(field, "a date string or null", *it);
    auto date = ParseLocalDate(it->get_ref<const std::string&>(), field);
    if (!date) return ctx.Fail(field, "bad_date", date.error().detail);
    p.announced_on = *date;
  }
  MOTCUA_TRY(ReadText(j, "announcing_decision", path, ctx, p.announcing_decision));
  MOTCUA_TRY(ReadTextArray(j, "sources", path, ctx, p.sources));

  if (Status s = ValidateProcedure(p); !s) {
    Error e = std::move(s.error());
    e.field = Join(path, e.field);
    return e;
  }
  return p;
}

Status ReadAbout(const Json& j, const Ctx& ctx, CatalogAbout& out) {
  MOTCUA_TRY(ExpectObject(j, "about", ctx));
  MOTCUA_TRY(CheckKeys(j, {"title", "scope", "generated_by", "generated_from", "sources"}, "about", ctx));
  MOTCUA_TRY(ReadText(j, "title", "about", ctx, out.title));
  MOTCUA_TRY(ReadText(j, "scope", "about", ctx, out.scope));
  MOTCUA_TRY(ReadText(j, "generated_by", "about", ctx, out.generated_by));
  MOTCUA_TRY(ReadText(j, "generated_from", "about", ctx, out.generated_from));
  auto read_source = [](const Json& s, const std::string& path, const Ctx& c, CatalogSource& src) -> Status {
    MOTCUA_TRY(ExpectObject(s, path, c));
    MOTCUA_TRY(CheckKeys(s, {"id", "title", "location", "date", "procedures"}, path, c));
    MOTCUA_TRY(ReadText(s, "id", path, c, src.id));
    MOTCUA_TRY(ReadText(s, "title", path, c, src.title));
    MOTCUA_TRY(ReadText(s, "location", path, c, src.location));
    MOTCUA_TRY(ReadText(s, "date", path, c, src.date));
    MOTCUA_TRY(ReadInt(s, "procedures", path, c, src.procedures));
    return Ok();
  };
  return ReadArray(j, "sources", "about", ctx, out.sources, read_source);
}

Result<Json> ParseJsonText(std::string_view text) {
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const Json::exception& e) {
    return Invalid("", "bad_json", std::string("not valid JSON: ") + e.what());
  }
}

Result<CatalogDocument> ReadDocument(const Json& root) {
  Ctx ctx;
  CatalogDocument doc;
  const Json* procedures = &root;
  if (root.is_object()) {
    MOTCUA_TRY(CheckKeys(root, {"format", "version", "about", "procedures"}, "", ctx));
    if (auto it = root.find("format"); it != root.end()) {
      if (!it->is_string() || it->get_ref<const std::string&>() != kCatalogFormat) {
        return ctx.Fail("format", "unsupported_format",
                        "format must be \"" + std::string(kCatalogFormat) + "\"");
      }
    }
    if (auto it = root.find("version"); it != root.end()) {
      if (!it->is_number_integer()) return ctx.WrongType("version", "an integer", *it);
      auto v = it->get<std::int64_t>();
      if (v < 1 || v > kCatalogFormatVersion) {
        return ctx.Fail("version", "unsupported_version",
                        "version " + std::to_string(v) + " is not supported (this program reads up to " +
                            std::to_string(kCatalogFormatVersion) + ")");
      }
    }
    if (auto it = root.find("about"); it != root.end()) MOTCUA_TRY(ReadAbout(*it, ctx, doc.about));
    auto it = root.find("procedures");
    if (it == root.end()) return ctx.Fail("procedures", "required", "a catalog needs a \"procedures\" array");
    procedures = &*it;
    if (!procedures->is_array()) return ctx.WrongType("procedures", "an array", *procedures);
  } else if (!root.is_array()) {
    return ctx.WrongType("", "an object or an array of procedures", root);
  }

  std::map<std::string, std::size_t, std::less<>> seen;  // code -> first index
  doc.procedures.reserve(procedures->size());
  for (std::size_t i = 0; i < procedures->size(); ++i) {
    std::string path = At("procedures", i);
    MOTCUA_ASSIGN_OR_RETURN(Procedure p, ReadProcedure((*procedures)[i], path));
    auto [pos, inserted] = seen.emplace(p.code, i);
    if (!inserted) {
      return Conflict(path + ".code", "duplicate_code",
                      "procedure " + p.code + ": code already used by " + At("procedures", pos->second));
    }
    doc.procedures.push_back(std::move(p));
  }
  return doc;
}

// ---- export -----------------------------------------------------------------------------------

OJson DurationJson(const std::optional<calendar::Duration>& d) {
  return d ? OJson(calendar::FormatDuration(*d)) : OJson(nullptr);
}

OJson ProcedureObject(const Procedure& p) {
  OJson o = OJson::object();
  o["code"] = p.code;
  o["name"] = p.name;
  o["group"] = p.group;
  o["field_code"] = p.field_code;
  o["field_name"] = p.field_name;
  o["level"] = LevelName(p.level);
  o["agency"] = p.agency;
  o["subject"] = p.subject;
  OJson proc = OJson::object();
  proc["standard"] = DurationJson(p.processing.standard);
  proc["online"] = DurationJson(p.processing.online);
  proc["no_due_date"] = p.processing.no_due_date;
  proc["as_published"] = p.processing.as_published;
  o["processing"] = std::move(proc);
  OJson fees = OJson::array();
  for (const Fee& f : p.fees) {
    OJson fo = OJson::object();
    fo["name"] = f.name;
    fo["amount_vnd"] = f.amount_vnd;
    fo["channel"] = f.channel;
    fo["collected_when"] = f.collected_when;
    fo["note"] = f.note;
    fees.push_back(std::move(fo));
  }
  o["fees"] = std::move(fees);
  o["fees_as_published"] = p.fees_as_published;
  OJson components = OJson::array();
  for (const Component& c : p.components) {
    OJson co = OJson::object();
    co["code"] = c.code;
    co["name"] = c.name;
    co["group"] = c.group;
    co["originals"] = c.originals;
    co["copies"] = c.copies;
    co["shown_only"] = c.shown_only;
    co["required"] = c.required;
    components.push_back(std::move(co));
  }
  o["components"] = std::move(components);
  OJson results = OJson::array();
  for (const ResultDocument& r : p.results) {
    OJson ro = OJson::object();
    ro["name"] = r.name;
    ro["code"] = r.code;
    ro["paper_required"] = r.paper_required;
    results.push_back(std::move(ro));
  }
  o["results"] = std::move(results);
  o["online_level"] = p.online_level_recorded ? OJson(OnlineLevelName(p.online_level)) : OJson(nullptr);
  o["postal_allowed"] = p.postal_recorded ? OJson(p.postal_allowed) : OJson(nullptr);
  o["legal_basis"] = p.legal_basis;
  o["announced_on"] = p.announced_on ? OJson(FormatLocalDate(*p.announced_on)) : OJson(nullptr);
  o["announcing_decision"] = p.announcing_decision;
  o["sources"] = p.sources;
  return o;
}

bool IsEmpty(const CatalogAbout& a) { return a == CatalogAbout{}; }

std::string Dump(const OJson& j) {
  // `replace` never throws: invalid UTF-8 (only in unvalidated structs) becomes U+FFFD.
  return j.dump(2, ' ', false, OJson::error_handler_t::replace) + "\n";
}

Status CheckText(std::string_view field, const std::string& s, const std::string& who) {
  if (!IsValidUtf8(s)) return Invalid(std::string(field), "bad_utf8", who + ": " + std::string(field) + " is not valid UTF-8");
  if (NormalizeNfc(s) != s) {
    return Invalid(std::string(field), "not_nfc", who + ": " + std::string(field) + " is not NFC-normalised");
  }
  return Ok();
}

}  // namespace

const char* LevelName(Level level) {
  switch (level) {
    case Level::kProvince: return "province";
    case Level::kCommune: return "commune";
    case Level::kBoth: return "both";
    case Level::kCentral: return "central";
  }
  return "?";
}

const char* OnlineLevelName(OnlineLevel level) {
  switch (level) {
    case OnlineLevel::kNone: return "none";
    case OnlineLevel::kPartial: return "partial";
    case OnlineLevel::kFull: return "full";
  }
  return "?";
}

Result<Level> ParseLevel(std::string_view name, std::string_view field) {
  for (Level l : {Level::kProvince, Level::kCommune, Level::kBoth, Level::kCentral}) {
    if (name == LevelName(l)) return l;
  }
  return Invalid(std::string(field), "bad_enum",
                 "level must be \"province\", \"commune\", \"both\" or \"central\", not \"" + std::string(name) +
                     "\"");
}

Result<OnlineLevel> ParseOnlineLevel(std::string_view name, std::string_view field) {
  for (OnlineLevel l : {OnlineLevel::kNone, OnlineLevel::kPartial, OnlineLevel::kFull}) {
    if (name == OnlineLevelName(l)) return l;
  }
  return Invalid(std::string(field), "bad_enum",
                 "online_level must be \"none\", \"partial\", \"full\" or null, not \"" + std::string(name) + "\"");
}

Status ValidateProcedure(const Procedure& p) {
  const std::string who = p.code.empty() ? std::string("procedure") : "procedure " + p.code;
  auto fail = [&](std::string field, std::string rule, const std::string& what) {
    return Invalid(std::move(field), std::move(rule), who + ": " + what);
  };
  if (p.code.empty()) return fail("code", "required", "code is required");
  if (!IsCode(p.code)) return fail("code", "bad_code", "code must look like 1.001193 (d.dddddd), not \"" + p.code + "\"");
  if (p.name.empty()) return fail("name", "required", "name is required");

  // Text: valid UTF-8 and NFC (ImGui draws NFD marks on top of each other, stack.md §4).
  const std::pair<const char*, const std::string*> texts[] = {
      {"name", &p.name},       {"group", &p.group},
      {"field_code", &p.field_code}, {"field_name", &p.field_name},
      {"agency", &p.agency},   {"subject", &p.subject},
      {"processing.as_published", &p.processing.as_published},
      {"fees_as_published", &p.fees_as_published},
      {"announcing_decision", &p.announcing_decision},
  };
  for (const auto& [field, s] : texts) MOTCUA_TRY(CheckText(field, *s, who));

  if (p.level != Level::kProvince && p.level != Level::kCommune && p.level != Level::kBoth &&
      p.level != Level::kCentral) {
    return fail("level", "bad_enum", "level holds an unknown value");
  }
  if (p.online_level != OnlineLevel::kNone && p.online_level != OnlineLevel::kPartial &&
      p.online_level != OnlineLevel::kFull) {
    return fail("online_level", "bad_enum", "online_level holds an unknown value");
  }
  if (!OneOf(p.subject, kSubjects)) {
    return fail("subject", "bad_enum", "subject must be one of " + AllowedList(kSubjects) + ", not \"" + p.subject + "\"");
  }

  const std::pair<const char*, const std::optional<calendar::Duration>*> durations[] = {
      {"processing.standard", &p.processing.standard}, {"processing.online", &p.processing.online}};
  for (const auto& [field, d] : durations) {
    if (*d && ((*d)->amount < 0 || (*d)->amount > 9999)) {
      return fail(field, "bad_duration", std::string(field) + " amount must be 0..9999");
    }
  }
  if (p.processing.no_due_date && (p.processing.standard || p.processing.online)) {
    return fail("processing.no_due_date", "no_due_date_with_duration",
                "a procedure without a due date cannot also have a processing duration");
  }

  for (std::size_t i = 0; i < p.fees.size(); ++i) {
    const Fee& f = p.fees[i];
    const std::string base = At("fees", i);
    if (f.name.empty()) return fail(Join(base, "name"), "required", base + " needs a name");
    if (f.amount_vnd < 0) {
      return fail(Join(base, "amount_vnd"), "negative_amount",
                  base + ".amount_vnd is " + std::to_string(f.amount_vnd) + "; fees are >= 0 đồng");
    }
    if (!OneOf(f.channel, kChannels)) {
      return fail(Join(base, "channel"), "bad_enum",
                  base + ".channel must be one of " + AllowedList(kChannels) + ", not \"" + f.channel + "\"");
    }
    if (!OneOf(f.collected_when, kCollectedWhen)) {
      return fail(Join(base, "collected_when"), "bad_enum",
                  base + ".collected_when must be one of " + AllowedList(kCollectedWhen) + ", not \"" +
                      f.collected_when + "\"");
    }
    MOTCUA_TRY(CheckText(Join(base, "name"), f.name, who));
    MOTCUA_TRY(CheckText(Join(base, "note"), f.note, who));
  }

  std::map<std::string_view, std::size_t> component_codes;
  for (std::size_t i = 0; i < p.components.size(); ++i) {
    const Component& c = p.components[i];
    const std::string base = At("components", i);
    if (c.code.empty()) return fail(Join(base, "code"), "required", base + " needs a code");
    if (c.name.empty()) return fail(Join(base, "name"), "required", base + " needs a name");
    if (c.originals < 0 || c.copies < 0) {
      return fail(Join(base, c.originals < 0 ? "originals" : "copies"), "bad_count",
                  base + " counts of originals and copies are >= 0");
    }
    MOTCUA_TRY(CheckText(Join(base, "code"), c.code, who));
    MOTCUA_TRY(CheckText(Join(base, "name"), c.name, who));
    MOTCUA_TRY(CheckText(Join(base, "group"), c.group, who));
    auto [pos, inserted] = component_codes.emplace(c.code, i);
    if (!inserted) {
      return Conflict(Join(base, "code"), "duplicate_code",
                      who + ": component code \"" + c.code + "\" is already used by " + At("components", pos->second));
    }
  }

  for (std::size_t i = 0; i < p.results.size(); ++i) {
    const ResultDocument& r = p.results[i];
    const std::string base = At("results", i);
    if (r.name.empty()) return fail(Join(base, "name"), "required", base + " needs a name");
    MOTCUA_TRY(CheckText(Join(base, "name"), r.name, who));
    MOTCUA_TRY(CheckText(Join(base, "code"), r.code, who));
  }
  for (std::size_t i = 0; i < p.legal_basis.size(); ++i) {
    MOTCUA_TRY(CheckText(At("legal_basis", i), p.legal_basis[i], who));
  }
  for (std::size_t i = 0; i < p.sources.size(); ++i) MOTCUA_TRY(CheckText(At("sources", i), p.sources[i], who));
  return Ok();
}

Result<CatalogDocument> ParseCatalogDocument(std::string_view json) {
  MOTCUA_ASSIGN_OR_RETURN(Json root, ParseJsonText(json));
  return ReadDocument(root);
}

Result<std::vector<Procedure>> ParseCatalogJson(std::string_view json) {
  MOTCUA_ASSIGN_OR_RETURN(CatalogDocument doc, ParseCatalogDocument(json));
  return std::move(doc.procedures);
}

Result<Procedure> ParseProcedureJson(std::string_view json) {
  MOTCUA_ASSIGN_OR_RETURN(Json root, ParseJsonText(json));
  return ReadProcedure(root, "");
}

std::string ProcedureToJson(const Procedure& procedure) { return Dump(ProcedureObject(procedure)); }

std::string CatalogDocumentToJson(const CatalogDocument& document) {
  OJson root = OJson::object();
  root["format"] = kCatalogFormat;
  root["version"] = kCatalogFormatVersion;
  if (!IsEmpty(document.about)) {
    const CatalogAbout& a = document.about;
    OJson about = OJson::object();
    about["title"] = a.title;
    about["scope"] = a.scope;
    about["generated_by"] = a.generated_by;
    about["generated_from"] = a.generated_from;
    OJson sources = OJson::array();
    for (const CatalogSource& s : a.sources) {
      OJson so = OJson::object();
      so["id"] = s.id;
      so["title"] = s.title;
      so["location"] = s.location;
      so["date"] = s.date;
      so["procedures"] = s.procedures;
      sources.push_back(std::move(so));
    }
    about["sources"] = std::move(sources);
    root["about"] = std::move(about);
  }
  OJson procedures = OJson::array();
  for (const Procedure& p : document.procedures) procedures.push_back(ProcedureObject(p));
  root["procedures"] = std::move(procedures);
  return Dump(root);
}

std::string CatalogToJson(const std::vector<Procedure>& procedures) {
  CatalogDocument doc;
  doc.procedures = procedures;
  return CatalogDocumentToJson(doc);
}

Result<CatalogDocument> LoadCatalogDocumentFile(const std::filesystem::path& path) {
  std::error_code ec;
  const std::string shown = path.string();
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    return NotFound("path", "file_not_found", "catalog file " + shown + " does not exist");
  }
  if (!std::filesystem::is_regular_file(status)) {
    return Unavailable("path", "file_unreadable", "catalog file " + shown + " is not a regular file");
  }
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return Unavailable("path", "file_unreadable", "cannot read " + shown + ": " + ec.message());
  if (size > kMaxCatalogFileBytes) {
    return Invalid("path", "file_too_large",
                   "catalog file " + shown + " has " + std::to_string(size) + " bytes; the limit is " +
                       std::to_string(kMaxCatalogFileBytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Unavailable("path", "file_unreadable", "cannot open " + shown);
  std::string text;
  text.resize(static_cast<std::size_t>(size));
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.gcount() != static_cast<std::streamsize>(text.size())) {
    return Unavailable("path", "file_unreadable", "short read from " + shown);
  }
  return ParseCatalogDocument(text);
}

Result<std::vector<Procedure>> LoadCatalogFile(const std::filesystem::path& path) {
  MOTCUA_ASSIGN_OR_RETURN(CatalogDocument doc, LoadCatalogDocumentFile(path));
  return std::move(doc.procedures);
}

}  // namespace motcua::catalog
