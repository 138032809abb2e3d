// A dossier as JSON for `show --json` and other CLI output (English keys, ISO-like local times).
#pragma once

#include <nlohmann/json.hpp>

#include "dossier/dossier.h"
#include "dossier/lifecycle.h"

namespace motcua::cli {

nlohmann::json DossierToJson(const dossier::Dossier& d, const dossier::StatusMap& map);
std::string LocalText(const std::optional<Instant>& t);  // "YYYY-MM-DD HH:MM" or ""

}  // namespace motcua::cli
