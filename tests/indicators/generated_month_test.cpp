// A generated month of a center's activity (month_generator.h), scored with the default settings and
// checked against totals counted here, from what the generator meant each dossier to be, with plain
// loops that share nothing with the scorer. Seeds are fixed and printed on failure.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "indicators/month_generator.h"
#include "indicators/scorer.h"

namespace motcua::indicators {
namespace {

using testing::DossierTruth;
using testing::GeneratedMonth;

// Independent counts for one card ("" = the whole center).
struct Expected {
  std::int64_t received = 0, on_time = 0, synced = 0, online_counts = 0, full_elig = 0, full_online = 0;
  std::int64_t fee_obligation = 0, paid = 0, eresult = 0, digitized = 0, reused = 0, store = 0, citizen = 0;
  std::int64_t satisfied = 0;
  // Procedure level.
  std::int64_t remit = 0, online_services = 0, online_used = 0, fee_procs = 0, fee_synced = 0, fee_paid = 0;
  std::int64_t citizen_procs = 0, citizen_connected = 0;
};

Expected Count(const GeneratedMonth& m, const std::string& unit) {
  Expected e;
  std::set<int> seen_online, seen_fee, seen_paid, pop_citizen;
  for (std::size_t i = 0; i < m.truth.size(); ++i) {
    const DossierTruth& t = m.truth[i];
    if (!unit.empty() && t.unit != unit) continue;
    if (t.seen_in_period) {
      if (t.online) seen_online.insert(t.procedure);
      if (t.any_fee_line) seen_fee.insert(t.procedure);
      if (t.paid_online) seen_paid.insert(t.procedure);
    }
    if (!t.in_population) continue;
    ++e.received;
    e.on_time += t.on_time;
    e.synced += t.synced;
    e.online_counts += t.online_counts;
    e.full_elig += t.full_online_eligible;
    e.full_online += t.full_online;
    e.fee_obligation += t.fee_obligation;
    e.paid += t.fee_obligation && t.paid_online;
    e.eresult += t.eresult;
    e.digitized += t.digitized;
    e.reused += t.reused;
    e.store += t.from_store;
    e.citizen += t.citizen_data;
    e.satisfied += t.on_time && !t.unsatisfied && !t.pakn;
    if (t.citizen_data) pop_citizen.insert(t.procedure);
  }
  for (int p = 0; p < int(m.procedures.size()); ++p) {
    const ProcedureFacts& f = m.procedures[std::size_t(p)];
    bool in_remit = unit.empty();
    for (const std::string& u : f.unit_codes) in_remit = in_remit || u == unit;
    if (!in_remit) continue;
    ++e.remit;
    if (f.online_level != ProcedureFacts::OnlineLevel::kNone) {
      ++e.online_services;
      e.online_used += seen_online.count(p);
    }
    if (f.has_fee) {
      ++e.fee_procs;
      e.fee_synced += seen_fee.count(p);
      e.fee_paid += seen_paid.count(p);
    }
    if (f.citizen_subject) {
      ++e.citizen_procs;
      e.citizen_connected += pop_citizen.count(p);
    }
  }
  return e;
}

double Round2(double x) { return std::round(x * 100.0 + 1e-9) / 100.0; }
double Frac(std::int64_t n, std::int64_t d) { return d ? double(n) / double(d) : 0.0; }

void ExpectCounts(const Indicator& ind, std::int64_t num, std::int64_t den) {
  EXPECT_EQ(ind.numerator, num) << ind.code;
  EXPECT_EQ(ind.denominator, den) << ind.code;
}
void ExpectPoints(const Indicator& ind, double expected) {
  ASSERT_TRUE(ind.points.has_value()) << ind.code;
  EXPECT_NEAR(*ind.points, Round2(expected), 0.0101) << ind.code;
}

void CheckCard(const GeneratedMonth& m, const ScoreCard& card, const std::string& unit) {
  SCOPED_TRACE("card '" + unit + "'");
  const Expected e = Count(m, unit);
  ASSERT_GT(e.received, 0);
  EXPECT_EQ(card.dossiers, e.received);

  ExpectCounts(card.Get(IndicatorId::k2_1), e.on_time, e.received);
  ExpectPoints(card.Get(IndicatorId::k2_1), 20.0 * Frac(e.on_time, e.received));
  ExpectCounts(card.Get(IndicatorId::k1_4), e.synced, e.received);
  ExpectPoints(card.Get(IndicatorId::k1_4), 6.0 * Frac(e.synced, e.received));
  ExpectCounts(card.Get(IndicatorId::k3_3), e.online_counts, e.received);
  ExpectPoints(card.Get(IndicatorId::k3_3),
               12.0 * std::min(1.0, Frac(e.online_counts, e.received) * Frac(e.synced, e.received) / 0.5));
  ExpectCounts(card.Get(IndicatorId::k3_4), e.full_online, e.full_elig);
  ExpectCounts(card.Get(IndicatorId::k3_1), e.online_services, e.remit);
  ExpectCounts(card.Get(IndicatorId::k3_2), e.online_used, e.online_services);

  const double a = Frac(e.paid, e.fee_obligation), b = Frac(e.fee_paid, e.fee_procs), c = Frac(e.fee_synced, e.fee_procs);
  ExpectCounts(card.Get(IndicatorId::k3_6), e.paid, e.fee_obligation);
  ExpectCounts(card.Get(IndicatorId::k3_5b), e.fee_paid, e.fee_procs);
  ExpectCounts(card.Get(IndicatorId::k3_5), e.fee_synced, e.fee_procs);
  EXPECT_NEAR(card.Group(IndicatorGroup::kPayment).points,
              Round2(6 * a + std::min(2.0, 2.5 * b) + std::min(2.0, 2.5 * c)), 0.0101);

  ExpectCounts(card.Get(IndicatorId::k4_1), e.eresult, e.received);
  ExpectPoints(card.Get(IndicatorId::k4_1), 6.0 * Frac(e.eresult, e.received));
  ExpectCounts(card.Get(IndicatorId::k4_2), e.digitized, e.received);
  ExpectPoints(card.Get(IndicatorId::k4_2), 4.0 * Frac(e.digitized, e.received));
  ExpectCounts(card.Get(IndicatorId::k4_3), e.reused, e.received);
  ExpectPoints(card.Get(IndicatorId::k4_3), std::min(2.0, 2.0 * Frac(e.reused, e.received) / 0.8));
  ExpectCounts(card.Get(IndicatorId::k4_4), e.store, e.received);
  ExpectPoints(card.Get(IndicatorId::k4_4), 4.0 * Frac(e.store, e.received));
  ExpectCounts(card.Get(IndicatorId::k4_5a), e.citizen_connected, e.citizen_procs);
  ExpectCounts(card.Get(IndicatorId::k4_5b), e.citizen, e.received);
  ExpectPoints(card.Get(IndicatorId::k4_5b), 2.0 * Frac(e.citizen, e.received));

  ExpectCounts(card.Get(IndicatorId::k5_4), e.satisfied, e.received);
  ExpectPoints(card.Get(IndicatorId::k5_4), std::min(6.0, 6.0 * Frac(e.satisfied, e.received) / 0.9));

  // PAKN: the unit's own counts; the center sums the units.
  PaknCounts p;
  for (const auto& [key, c] : m.pakn_by_unit) {
    if (!unit.empty() && key != unit) continue;
    p.total += c.total;
    p.on_time += c.on_time;
    p.satisfied += c.satisfied;
  }
  ExpectPoints(card.Get(IndicatorId::k5_2), p.total ? 6.0 * Frac(p.on_time, p.total) : 6.0);
  ExpectPoints(card.Get(IndicatorId::k5_3), p.total ? 6.0 * Frac(p.satisfied, p.total) : 6.0);
}

TEST(GeneratedMonth, ScoresMatchIndependentCountsForEveryUnit) {
  for (std::uint64_t seed : {766u, 2024u, 31337u}) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const GeneratedMonth m = testing::GenerateMonth({.seed = seed, .dossiers = 5000, .units = 5, .procedures = 30});
    ScoreInput in;
    in.records = &m.records;
    in.procedures = m.procedures;
    in.pakn_by_unit = m.pakn_by_unit;
    in.certified_copies = m.certified_copies;
    in.period = m.period;
    in.grouping = Grouping::kUnit;
    auto scored = Score(in);
    ASSERT_TRUE(scored.has_value()) << scored.error().Describe();
    CheckCard(m, scored->center, "");
    ASSERT_EQ(scored->breakdown.size(), m.unit_keys.size());
    for (const ScoreCard& card : scored->breakdown) CheckCard(m, card, card.key);
  }
}

TEST(GeneratedMonth, EveryTimelinessScenarioIsJudgedAsIntended) {
  // Per dossier rather than per total: a disagreement names the dossier and its scenario.
  const GeneratedMonth m = testing::GenerateMonth({.seed = 99, .dossiers = 3000});
  ScoreInput in;
  in.records = &m.records;
  in.procedures = m.procedures;
  in.period = m.period;
  auto scored = Score(in);
  ASSERT_TRUE(scored.has_value());
  std::vector<bool> late(m.records.size(), false);
  for (const Loss& l : scored->center.Get(IndicatorId::k2_1).losses) late[l.record_index] = true;
  std::set<std::string> scenarios;
  for (std::size_t i = 0; i < m.records.size(); ++i) {
    if (!m.truth[i].in_population) {
      EXPECT_FALSE(late[i]) << m.records[i].dossier_code << " is outside the population";
      continue;
    }
    scenarios.insert(m.truth[i].scenario);
    EXPECT_EQ(!late[i], m.truth[i].on_time) << m.records[i].dossier_code << " scenario " << m.truth[i].scenario;
  }
  EXPECT_EQ(scenarios.size(), 15u) << "every scenario drawn at least once";
}

TEST(GeneratedMonth, IsDeterministicForASeed) {
  const GeneratedMonth a = testing::GenerateMonth({.seed = 5, .dossiers = 200});
  const GeneratedMonth b = testing::GenerateMonth({.seed = 5, .dossiers = 200});
  ASSERT_EQ(a.records.size(), b.records.size());
  for (std::size_t i = 0; i < a.records.size(); ++i) {
    EXPECT_EQ(a.records[i].dossier_code, b.records[i].dossier_code);
    EXPECT_EQ(a.records[i].received_at, b.records[i].received_at);
  }
  const GeneratedMonth c = testing::GenerateMonth({.seed = 6, .dossiers = 200});
  int same = 0;
  for (std::size_t i = 0; i < a.records.size(); ++i) same += a.records[i].procedure_code == c.records[i].procedure_code;
  EXPECT_LT(same, 100) << "another seed draws another month";
}

}  // namespace
}  // namespace motcua::indicators
