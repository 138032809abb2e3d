#include "roles/roles.h"

#include <algorithm>
#include <initializer_list>
#include <iterator>

namespace motcua::roles {
namespace {

constexpr const char* kRoleKeys[] = {"officer", "postal", "supervisor", "admin", "kiosk"};
constexpr int kRoleCount = static_cast<int>(std::size(kRoleKeys));

constexpr const char* kPermissionKeys[] = {
    "receive", "process", "digitize", "return_result", "postal_handover", "view_scores", "manage_users",
    "manage_catalog", "resend_sync", "citizen_lookup", "rate", "register_postal_return", "take_ticket"};
static_assert(std::size(kPermissionKeys) == static_cast<std::size_t>(Permission::kTakeTicket) + 1,
              "every Permission has a key");
static_assert(std::size(kRoleKeys) == static_cast<std::size_t>(Role::kKiosk) + 1, "every Role has a key");

// Who may do what (the header's comment says why).
struct PermissionRow {
  Role role;
  std::initializer_list<Permission> allowed;
};
using P = Permission;
const PermissionRow kPermissions[] = {
    {Role::kOfficer,
     {P::kReceive, P::kProcess, P::kDigitize, P::kReturnResult, P::kPostalHandover, P::kCitizenLookup, P::kRate,
      P::kRegisterPostalReturn, P::kTakeTicket}},
    {Role::kPostal, {P::kPostalHandover}},
    {Role::kSupervisor,
     {P::kReceive, P::kProcess, P::kDigitize, P::kReturnResult, P::kPostalHandover, P::kViewScores, P::kResendSync,
      P::kCitizenLookup, P::kRate, P::kRegisterPostalReturn, P::kTakeTicket}},
    {Role::kAdmin, {P::kReceive, P::kProcess, P::kDigitize, P::kReturnResult, P::kPostalHandover, P::kViewScores,
                    P::kManageUsers, P::kManageCatalog, P::kResendSync, P::kCitizenLookup, P::kRate,
                    P::kRegisterPostalReturn, P::kTakeTicket}},
    {Role::kKiosk, {P::kCitizenLookup, P::kRate, P::kRegisterPostalReturn, P::kTakeTicket}},
};

}  // namespace

const char* RoleKey(Role r) { return kRoleKeys[static_cast<int>(r)]; }

const char* PermissionKey(Permission p) { return kPermissionKeys[static_cast<int>(p)]; }

bool Can(Role role, Permission p) {
  for (const auto& row : kPermissions)
    if (row.role == role) return std::find(row.allowed.begin(), row.allowed.end(), p) != row.allowed.end();
  return false;
}

Status Require(const Actor& actor, Permission p) {
  if (Can(actor.role, p)) return Ok();
  return Invalid("role", "not_allowed",
                 std::string("a ") + RoleKey(actor.role) + " account may not " + PermissionKey(p));
}

Result<Role> ParseRole(std::string_view key, std::string_view field) {
  for (int i = 0; i < kRoleCount; ++i)
    if (key == kRoleKeys[i]) return static_cast<Role>(i);
  return Invalid(std::string(field), "unknown_role",
                 "unknown role \"" + std::string(key) + "\"; expected officer, postal, supervisor, admin or kiosk");
}

}  // namespace motcua::roles
