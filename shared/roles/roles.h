// Who may do what: the station's roles, the permissions each role holds, and the Actor that every core
// operation is checked against (roles gate actions in the core, not only in the UI). A small module of
// its own so that a module needing only these (auth, rating, queue) does not link the desk's workflow;
// workflow/desk.h takes them over under its own namespace for the desk's operations and their callers.
//
// The table of who holds what is kPermissions in roles.cpp. Postal staff carry dossiers and results and
// never change a dossier's state except through a signed handover manifest; a kiosk acts for anonymous
// citizens and holds only the four citizen-facing permissions, which every desk role except postal holds too.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace motcua::roles {

enum class Role {
  kOfficer,     // cán bộ tiếp nhận và trả kết quả
  kPostal,      // nhân viên bưu chính
  kSupervisor,  // lãnh đạo, giám sát
  kAdmin,       // quản trị
  // The station account of a self-service kiosk (ki-ốt tự phục vụ): it acts for whichever citizen
  // stands in front of it, so it holds only the citizen-facing permissions below and is refused
  // every officer's action (receive, process, digitize, return, handover, scores, users, catalog).
  kKiosk,
};
const char* RoleKey(Role r);  // "officer", ..., "kiosk"
// Errors: kInvalid/"unknown_role" on `field`, listing the keys.
Result<Role> ParseRole(std::string_view key, std::string_view field = "role");

// What a role may do. Every core operation checks it.
enum class Permission {
  kReceive,         // receive dossiers
  kProcess,         // lifecycle actions: transfer, supplement, payment, done, refuse, stop, withdrawal, apology
  kDigitize,        // attach scans and results
  kReturnResult,    // hand results over
  kPostalHandover,  // postal handover manifests (postal staff and officers)
  kViewScores,      // the indicator score card
  kManageUsers,     // user accounts
  kManageCatalog,   // catalog import and settings (the sync's settings too)
  kResendSync,      // send a record the provincial system refused again, once the dossier is fixed
  // Citizen-facing permissions: what a kiosk may do (Role::kKiosk holds exactly these four). Officers,
  // supervisors and administrators hold them too (an officer looks a dossier up for a citizen at the
  // counter, transcribes a paper rating form, registers postal return on the citizen's behalf, and
  // hands out queue tickets); postal staff hold none of them.
  kCitizenLookup,          // look up a dossier's public status (citizen/public_status.h)
  kRate,                   // record a citizen's satisfaction rating (rating/rating.h)
  kRegisterPostalReturn,   // register postal return of a result (workflow::RegisterPostalReturn)
  kTakeTicket,             // take a queue ticket
};
const char* PermissionKey(Permission p);  // "receive", ..., "take_ticket"

bool Can(Role role, Permission p);

// Who does an operation: recorded on dossier steps and journal events.
struct Actor {
  std::string user;     // user name, recorded on steps and journal events
  Role role = Role::kOfficer;
  std::string station;  // station id
};

// Errors: kInvalid/"not_allowed" on field "role", naming the role and what it may not do.
Status Require(const Actor& actor, Permission p);

}  // namespace motcua::roles
