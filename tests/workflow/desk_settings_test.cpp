// workflow/desk_settings.h: the desk's stored settings, read by one function that refuses what it does
// not understand.
#include "workflow/desk_settings.h"
#include "workflow/receipt_form.h"

#include <gtest/gtest.h>

#include <map>

namespace motcua::workflow {
namespace {

Result<StationSettings> Parse(const std::map<std::string, std::string, std::less<>>& stored) {
  return ParseStationSettings([&](std::string_view key) -> Result<std::optional<std::string>> {
    auto it = stored.find(key);
    return it == stored.end() ? std::nullopt : std::optional<std::string>(it->second);
  });
}

void ExpectBad(const Result<StationSettings>& r, const std::string& key) {
  ASSERT_FALSE(r.has_value()) << key;
  EXPECT_EQ(r.error().code, ErrorCode::kCorrupt);
  EXPECT_EQ(r.error().rule, "bad_setting");
  EXPECT_EQ(r.error().field, key) << r.error().Describe();
}

TEST(ParseStationSettings, AbsentKeysTakeTheDefaults) {
  auto r = Parse({});
  ASSERT_TRUE(r) << r.error().Describe();
  EXPECT_EQ(r->desk.agency_id, "000.00.00.X00");
  EXPECT_EQ(r->desk.agency_name, "UBND TỈNH TUYÊN QUANG");  // what `motcua init` writes unless told
  EXPECT_EQ(r->desk.receiving_unit, "Trung tâm Phục vụ hành chính công tỉnh");
  EXPECT_EQ(r->desk.place_name, "Tuyên Quang");
  EXPECT_EQ(r->desk.station_slot, 0);
  EXPECT_EQ(r->desk.slot_count, 10);
  EXPECT_EQ(r->desk.supplement_policy, SupplementPolicy::kRestart);
  EXPECT_EQ(r->calendar_profile, "default");
  EXPECT_TRUE(r->calendar_provisional_beyond_data);
}

TEST(ParseStationSettings, ReadsEveryKey) {
  auto r = Parse({{"agency_id", "000.00.00.H56"}, {"station_slot", "9"}, {"slot_count", "10"},
                  {"supplement_policy", "shift"}, {"calendar_profile", "summer"},
                  {"calendar_provisional_beyond_data", "false"}});
  ASSERT_TRUE(r) << r.error().Describe();
  EXPECT_EQ(r->desk.agency_id, "000.00.00.H56");
  EXPECT_EQ(r->desk.station_slot, 9);
  EXPECT_EQ(r->desk.supplement_policy, SupplementPolicy::kShift);
  EXPECT_EQ(r->calendar_profile, "summer");
  EXPECT_FALSE(r->calendar_provisional_beyond_data);
}

// An unknown supplement policy used to become "restart" without a word, moving every due date.
TEST(ParseStationSettings, UnknownValuesAreErrorsNotFallbacks) {
  ExpectBad(Parse({{"supplement_policy", "Restart"}}), "supplement_policy");
  ExpectBad(Parse({{"calendar_provisional_beyond_data", "yes"}}), "calendar_provisional_beyond_data");
  ExpectBad(Parse({{"station_slot", "10"}, {"slot_count", "10"}}), "station_slot");  // slots are 0..9
  ExpectBad(Parse({{"station_slot", "-1"}}), "station_slot");
  ExpectBad(Parse({{"station_slot", "99999999999999999999"}}), "station_slot");
  ExpectBad(Parse({{"slot_count", "0"}}), "slot_count");
  ExpectBad(Parse({{"slot_count", "1001"}}), "slot_count");
  ExpectBad(Parse({{"agency_id", "h56 lower"}}), "agency_id");
  ExpectBad(Parse({{"agency_name", "UBND\x1b[2J"}}), "agency_name");
}

// One database, one header: every form the desk prints carries the stored names and the place of the date
// line (issue 16: the receipt's date line had no place; issue 17: the CLI and the counter read different
// defaults).
TEST(DeskFormHeader, CarriesTheStoredNamesAndThePlace) {
  auto r = Parse({{"agency_name", "UBND TỈNH HÀ GIANG"}, {"receiving_unit", "Bộ phận Một cửa xã Minh Tân"},
                  {"place_name", "Minh Tân"}});
  ASSERT_TRUE(r) << r.error().Describe();
  const print::FormHeader h = DeskFormHeader(r->desk, LocalDate{std::chrono::sys_days{std::chrono::year{2026} / 12 / 7}.time_since_epoch()});
  EXPECT_EQ(h.governing_body, "UBND TỈNH HÀ GIANG");
  EXPECT_EQ(h.agency, "Bộ phận Một cửa xã Minh Tân");
  EXPECT_EQ(h.unit, "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ");
  EXPECT_EQ(h.place, "Minh Tân");
  ASSERT_TRUE(h.dated_on.has_value());
  EXPECT_EQ(FormatLocalDate(*h.dated_on), "2026-12-07");
  ExpectBad(Parse({{"place_name", "Tuyên\nQuang"}}), "place_name");
}

}  // namespace
}  // namespace motcua::workflow
