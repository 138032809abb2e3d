// Reading JSON objects field by field, with errors that name the field by its full path
// ("dossier.applicant.name", "items[2].parcel_number"). Internal to the postal module.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "common/time.h"

namespace motcua::postal::internal {

class Reader {
 public:
  explicit Reader(std::string prefix) : prefix_(std::move(prefix)) {}

  std::string Field(const std::string& key) const { return prefix_.empty() ? key : prefix_ + "." + key; }
  Reader Sub(const std::string& key) const { return Reader(Field(key)); }

  Status Object(const nlohmann::json& j) const {
    if (j.is_object()) return Ok();
    return Invalid(prefix_.empty() ? "json" : prefix_, "not_an_object", "expected a JSON object");
  }

  // "" when absent or null, unless required.
  Result<std::string> String(const nlohmann::json& j, const char* key, bool required = false) const {
    if (!j.contains(key) || j[key].is_null()) {
      if (required) return Invalid(Field(key), "missing", std::string(key) + " is required");
      return std::string();
    }
    if (!j[key].is_string()) return Invalid(Field(key), "not_a_string", std::string(key) + " must be a string");
    return j[key].get<std::string>();
  }

  Result<std::optional<std::int64_t>> OptionalInt64(const nlohmann::json& j, const char* key) const {
    if (!j.contains(key) || j[key].is_null()) return std::optional<std::int64_t>();
    if (!j[key].is_number_integer())
      return Invalid(Field(key), "not_an_integer", std::string(key) + " must be a whole number");
    return std::optional<std::int64_t>(j[key].get<std::int64_t>());
  }

  Result<std::optional<int>> OptionalInt(const nlohmann::json& j, const char* key) const {
    MOTCUA_ASSIGN_OR_RETURN(auto v, OptionalInt64(j, key));
    if (v && (*v < -2147483647 || *v > 2147483647))
      return Invalid(Field(key), "not_an_integer", std::string(key) + " is out of range");
    return v ? std::optional<int>(static_cast<int>(*v)) : std::optional<int>();
  }

  Result<int> Int(const nlohmann::json& j, const char* key, int fallback) const {
    MOTCUA_ASSIGN_OR_RETURN(auto v, OptionalInt(j, key));
    return v.value_or(fallback);
  }

  Result<std::int64_t> Int64(const nlohmann::json& j, const char* key, std::int64_t fallback) const {
    MOTCUA_ASSIGN_OR_RETURN(auto v, OptionalInt64(j, key));
    return v.value_or(fallback);
  }

  Result<bool> Bool(const nlohmann::json& j, const char* key) const {
    if (!j.contains(key) || j[key].is_null()) return false;
    if (!j[key].is_boolean()) return Invalid(Field(key), "not_a_boolean", std::string(key) + " must be true or false");
    return j[key].get<bool>();
  }

  // nullptr when absent or null.
  Result<const nlohmann::json*> Array(const nlohmann::json& j, const char* key) const {
    if (!j.contains(key) || j[key].is_null()) return static_cast<const nlohmann::json*>(nullptr);
    if (!j[key].is_array()) return Invalid(Field(key), "not_an_array", std::string(key) + " must be a list");
    return &j[key];
  }

  // A UTC instant "YYYY-MM-DDTHH:MM:SSZ"; unset when absent or null.
  Result<std::optional<Instant>> Time(const nlohmann::json& j, const char* key) const {
    MOTCUA_ASSIGN_OR_RETURN(std::string text, String(j, key));
    if (text.empty()) return std::optional<Instant>();
    MOTCUA_ASSIGN_OR_RETURN(Instant t, ParseInstantUtc(text, Field(key)));
    return std::optional<Instant>(t);
  }

 private:
  std::string prefix_;
};

}  // namespace motcua::postal::internal
