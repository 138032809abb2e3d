// Citizens' satisfaction ratings (đánh giá mức độ hài lòng), per dossier and per counter, and the
// monthly PAKN counts (phản ánh, kiến nghị) a supervisor enters, both as store Records so that the
// 766 scorer sees them (scoring/store_scoring.h: indicator 5.4's "không hài lòng" and PAKN flags,
// 5.2 and 5.3 from the counts).
//
// A rating (domain.md §8):
//   - the overall answer, TraLoi11 in Thanh Hóa's implementation: 2 rất hài lòng, 1 hài lòng,
//     0 không hài lòng. Only 0 lowers 766 indicator 5.4;
//   - optionally the nine criteria of TT 01/2018 Art. 13, each 2 / 1 / 0 (LEGAL: TT 01/2018/TT-VPCP,
//     Art. 13-14: nine criteria, each scored 2, 1 or 0, maximum 18);
//   - where it came from (kiosk, counter device, online, a paper form transcribed by an officer), the
//     counter and the officer rated, when it was given, and whether the citizen also filed a PAKN
//     about the dossier (it lowers 5.4 like an unsatisfied rating, domain.md §1.2).
//
// Storage and journal (architecture.md rule 2). A rating is one Record of kind "rating", key = the
// dossier code, status = the value key ("unsatisfied", "satisfied", "very_satisfied"); writing it
// appends one journal event in the same transaction: "rating.recorded" (first rating) or
// "rating.replaced". PAKN counts are Records of kind "pakn", key "YYYY-MM/<unit>", journaled as
// "pakn.recorded".
//
// One rating per dossier. A second rating for the same dossier is refused (kConflict
// "dossier_code"/"already_rated"): a kiosk must not let one citizen outvote another, and an officer
// must not be able to overwrite a citizen's "không hài lòng". It can replace the first only when the
// caller gives a reason AND the actor holds Permission::kViewScores (a supervisor correcting an entry
// error, e.g. a paper form transcribed against the wrong dossier). The replaced rating is kept in the
// record's history and in the "rating.replaced" event, so nothing is silently rewritten.
//
// PAKN counts are per processing unit and month, entered by a supervisor (Permission::kViewScores)
// because no PAKN system feeds motcua yet. Entering a unit's month again replaces the counts (a
// correction), and the event carries the previous values.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "roles/roles.h"
#include "store/store.h"

namespace motcua::rating {

inline constexpr const char* kRatingKind = "rating";
inline constexpr const char* kPaknKind = "pakn";
inline constexpr int kCriteriaCount = 9;                 // TT 01/2018 Art. 13
inline constexpr std::size_t kMaxCommentBytes = 2000;    // a kiosk comment box, not an essay

// The overall answer (TraLoi11). The numeric values are the answers' own.
enum class RatingValue { kUnsatisfied = 0, kSatisfied = 1, kVerySatisfied = 2 };
const char* RatingValueKey(RatingValue v);     // "unsatisfied", "satisfied", "very_satisfied"
const char* RatingValueNameVi(RatingValue v);  // "Không hài lòng", "Hài lòng", "Rất hài lòng"
// "0", "1", "2" or a key. Errors: kInvalid/"bad_value" on `field`.
Result<RatingValue> ParseRatingValue(std::string_view text, std::string_view field = "value");

enum class RatingSource { kKiosk, kCounter, kOnline, kPaper };
const char* RatingSourceKey(RatingSource s);  // "kiosk", "counter", "online", "paper"
// Errors: kInvalid/"bad_value" on `field`.
Result<RatingSource> ParseRatingSource(std::string_view text, std::string_view field = "source");

// One of the nine criteria answered 2, 1 or 0; nullopt = not asked or not answered.
using Criteria = std::array<std::optional<int>, kCriteriaCount>;

// A rating that a later one replaced (kept in the record, never dropped).
struct ReplacedRating {
  RatingValue value = RatingValue::kSatisfied;
  RatingSource source = RatingSource::kKiosk;
  Instant rated_at{};
  std::string recorded_by;
  std::string reason;          // why it was replaced
  std::string replaced_by;     // the supervisor
  Instant replaced_at{};
};

struct Rating {
  std::string dossier_code;
  RatingValue value = RatingValue::kSatisfied;
  Criteria criteria{};
  RatingSource source = RatingSource::kKiosk;
  std::string counter_id;      // the counter (quầy) rated; "" = not known
  std::string officer;         // user name of the officer rated; "" = not known
  std::string unit;            // the dossier's processing unit when rated (for per-unit tallies)
  bool has_complaint = false;  // the citizen filed a PAKN about this dossier with the rating
  std::string comment;         // NFC
  Instant rated_at{};          // when the citizen answered (a paper form: the date written on it)
  std::string recorded_by;     // the actor who wrote it (the kiosk's station account, an officer)
  std::string station;
  std::vector<ReplacedRating> replaced;  // oldest first
  std::int64_t version = 0;    // the store record's version
};

struct NewRating {
  std::string dossier_code;
  RatingValue value = RatingValue::kSatisfied;
  Criteria criteria{};
  RatingSource source = RatingSource::kKiosk;
  std::string counter_id;
  std::string officer;
  bool has_complaint = false;
  std::string comment;
  std::optional<Instant> rated_at;  // default: now
  std::string replace_reason;       // non-empty: replace an existing rating (supervisors only)
};

// Records a rating: one Record and one journal event in one transaction. Requires
// Permission::kRate (a kiosk's station account, officers, supervisors, administrators; not postal staff).
// Errors (kind, field, rule):
//   kInvalid  "role" "not_allowed" (an actor without Permission::kRate);
//   kInvalid  "dossier_code" "required"; kNotFound "dossier_code" "no_such_dossier";
//   kInvalid  "criteria[i]" "out_of_range" (i 0-based; each answer 0, 1 or 2);
//   kInvalid  "comment" "bad_utf8" / "too_long"; "counter_id", "officer" "bad_utf8";
//   kInvalid  "rated_at" "in_the_future" (later than now + 5 minutes) / "before_receipt";
//   kConflict "dossier_code" "already_rated" (a rating exists and no replace_reason was given);
//   kInvalid  "role" "not_allowed" (replacing without Permission::kViewScores);
//   kConflict "dossier_code" "not_rated" (a replace_reason for a dossier with no rating yet);
//   the store's (kUnavailable "database_busy", ...). A failed call writes nothing.
Result<Rating> RecordRating(store::Store& store, const roles::Actor& actor, const NewRating& rating, Instant now);

Result<std::optional<Rating>> GetRating(store::Store& store, std::string_view dossier_code);

struct RatingQuery {
  std::optional<Instant> rated_from;    // rated_at >= this
  std::optional<Instant> rated_before;  // rated_at < this
  std::string unit;                     // "" = any
};
// Matching ratings, ordered by dossier code. Errors: the store's; kCorrupt "rating"/"bad_record" for a
// record that does not parse (naming its key).
Result<std::vector<Rating>> ListRatings(store::Store& store, const RatingQuery& query = {});

// Tallies: per counter, per officer or per unit. The share is of all ratings (rất hài lòng +
// hài lòng) ÷ total; criteria averages are over the answers given.
struct RatingTally {
  std::int64_t very_satisfied = 0;
  std::int64_t satisfied = 0;
  std::int64_t unsatisfied = 0;
  std::int64_t with_complaint = 0;
  std::array<std::int64_t, kCriteriaCount> criteria_points{};   // sum of answers
  std::array<std::int64_t, kCriteriaCount> criteria_answers{};  // answers given
  std::int64_t Total() const { return very_satisfied + satisfied + unsatisfied; }
  // (very_satisfied + satisfied) / Total(); nullopt when there is no rating.
  std::optional<double> SatisfiedShare() const;
};
enum class TallyBy { kCounter, kOfficer, kUnit };
struct TallyRow {
  std::string key;  // counter id, officer user name or unit ("" = not known)
  RatingTally tally;
};
// Rows sorted by key; a rating with no counter (officer, unit) is tallied under "".
std::vector<TallyRow> TallyRatings(const std::vector<Rating>& ratings, TallyBy by);

// ---------------------------------------------------------------------------------------------
// PAKN counts per unit and month (766 indicators 5.2 and 5.3, domain.md §1.2).

struct PaknMonth {
  std::string unit;             // the processing unit key, as dossiers carry it
  int year = 0;
  unsigned month = 0;           // 1..12
  std::int64_t received = 0;    // PAKN first received in the month
  std::int64_t on_time = 0;     // handled within 15 working days, or still within time
  std::int64_t unsatisfied = 0; // answers rated unsatisfied (more dislikes than likes on the Cổng)
  std::int64_t repeated = 0;    // PAKN received again on the same matter
  std::string entered_by;
  Instant entered_at{};
  std::int64_t version = 0;
};

// Stores (or corrects) a unit's counts for a month. Requires Permission::kViewScores.
// Errors: ("role", "not_allowed"); ("unit", "required" / "bad_utf8"); ("month", "bad_month");
// ("received" | "on_time" | "unsatisfied" | "repeated", "out_of_range") for a negative count;
// ("on_time" | "unsatisfied" | "repeated", "exceeds_received"); the store's.
Result<PaknMonth> RecordPaknCounts(store::Store& store, const roles::Actor& actor, const PaknMonth& counts,
                                   Instant now);

// Every unit's counts for the months from (from_year, from_month) to (to_year, to_month) inclusive,
// sorted by month then unit.
Result<std::vector<PaknMonth>> ListPaknCounts(store::Store& store, int from_year, unsigned from_month, int to_year,
                                              unsigned to_month);

// "YYYY-MM/<unit>": the record key.
std::string PaknKey(int year, unsigned month, std::string_view unit);

}  // namespace motcua::rating
