// Who may do what (roles/roles.h): every role against the permission table, the kiosk's station role
// holding exactly the four citizen-facing permissions, role and permission keys, and Require's error.
#include "roles/roles.h"

#include <gtest/gtest.h>

namespace motcua::roles {
namespace {

const Actor kKiosk{"kiosk.sanh.a", Role::kKiosk, "kiosk-1"};

TEST(KioskRole, ParsesAndPrintsItsKey) {
  auto role = ParseRole("kiosk");
  ASSERT_TRUE(role) << role.error().Describe();
  EXPECT_EQ(*role, Role::kKiosk);
  EXPECT_STREQ(RoleKey(Role::kKiosk), "kiosk");
  auto bad = ParseRole("citizen");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().rule, "unknown_role");
  EXPECT_NE(bad.error().detail.find("kiosk"), std::string::npos) << bad.error().detail;
}

TEST(KioskRole, HoldsExactlyTheFourCitizenPermissions) {
  const Permission citizen[] = {Permission::kCitizenLookup, Permission::kRate, Permission::kRegisterPostalReturn,
                                Permission::kTakeTicket};
  const Permission officers_only[] = {Permission::kReceive,       Permission::kProcess,        Permission::kDigitize,
                                      Permission::kReturnResult,  Permission::kPostalHandover, Permission::kViewScores,
                                      Permission::kManageUsers,   Permission::kManageCatalog,  Permission::kResendSync};
  for (Permission p : citizen) {
    EXPECT_TRUE(Can(Role::kKiosk, p)) << PermissionKey(p);
    // Officers, supervisors and administrators act for citizens at the counter too; postal staff do not.
    EXPECT_TRUE(Can(Role::kOfficer, p)) << PermissionKey(p);
    EXPECT_TRUE(Can(Role::kSupervisor, p)) << PermissionKey(p);
    EXPECT_TRUE(Can(Role::kAdmin, p)) << PermissionKey(p);
    EXPECT_FALSE(Can(Role::kPostal, p)) << PermissionKey(p);
  }
  for (Permission p : officers_only) EXPECT_FALSE(Can(Role::kKiosk, p)) << PermissionKey(p);
  EXPECT_STREQ(PermissionKey(Permission::kCitizenLookup), "citizen_lookup");
  EXPECT_STREQ(PermissionKey(Permission::kRate), "rate");
  EXPECT_STREQ(PermissionKey(Permission::kRegisterPostalReturn), "register_postal_return");
  EXPECT_STREQ(PermissionKey(Permission::kTakeTicket), "take_ticket");
  auto denied = Require(kKiosk, Permission::kReceive);
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().field, "role");
  EXPECT_EQ(denied.error().rule, "not_allowed");
  EXPECT_EQ(denied.error().detail, "a kiosk account may not receive");
}

TEST(Permissions, FollowTheRoleTable) {
  EXPECT_TRUE(Can(Role::kOfficer, Permission::kReceive));
  EXPECT_FALSE(Can(Role::kOfficer, Permission::kViewScores));
  EXPECT_FALSE(Can(Role::kOfficer, Permission::kManageUsers));
  EXPECT_TRUE(Can(Role::kPostal, Permission::kPostalHandover));
  EXPECT_FALSE(Can(Role::kPostal, Permission::kReceive));
  EXPECT_FALSE(Can(Role::kPostal, Permission::kProcess));
  EXPECT_TRUE(Can(Role::kSupervisor, Permission::kViewScores));
  EXPECT_FALSE(Can(Role::kSupervisor, Permission::kManageUsers));
  EXPECT_TRUE(Can(Role::kAdmin, Permission::kManageCatalog));
  auto denied = Require({"buu.dien", Role::kPostal, "s"}, Permission::kProcess);
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().field, "role");
  EXPECT_EQ(denied.error().rule, "not_allowed");
}

TEST(Roles, EveryRoleKeyParsesBackToItsRole) {
  for (Role r : {Role::kOfficer, Role::kPostal, Role::kSupervisor, Role::kAdmin, Role::kKiosk}) {
    auto parsed = ParseRole(RoleKey(r));
    ASSERT_TRUE(parsed) << RoleKey(r);
    EXPECT_EQ(*parsed, r);
  }
  EXPECT_EQ(ParseRole("Officer", "--role").error().field, "--role") << "case matters; the field is the caller's";
}

}  // namespace
}  // namespace motcua::roles
