// Signing an inbound manifest against receiving the same dossiers one transaction each, in the same
// run, on the same kind of SQLite file (synchronous=FULL, motcua's default).
//
//   sign:      postal::SignManifest of a draft of N items: one transaction receives all N dossiers
//              (workflow::Receive + the "dossier.postal_handover" note each) and writes the manifest
//   baseline:  the same N Receive + AppendNote calls, each its own transaction (what signing would cost
//              without the joined transaction, and without its all-or-nothing guarantee)
//   add:       postal::AddInboundItem at the k-th item of a draft (the manifest record is rewritten
//              whole on every change, so the cost grows with the draft)
//
// Medians over the rounds; the ratio is baseline / sign (how much the one transaction saves).
// Usage: bench_postal [rounds=5] [items per manifest=30]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "postal/manifest.h"
#include "support/fixtures.h"

using namespace motcua;
using Steady = std::chrono::steady_clock;

namespace {

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double Ms(Steady::time_point t0) { return std::chrono::duration<double, std::milli>(Steady::now() - t0).count(); }

std::string S10(int serial) {
  std::string digits = std::to_string(serial % 100000000);
  digits.insert(0, 8 - digits.size(), '0');
  return "EB" + digits + std::to_string(postal::S10CheckDigit(digits)) + "VN";
}

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "bench_postal: %s failed\n", what);
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::atoi(argv[1]) : 5;
  const int items = argc > 2 ? std::atoi(argv[2]) : 30;
  const Instant day = motcua::testing::At("2026-11-27 08:00");
  std::vector<double> sign_ms, baseline_ms, add_first_ms, add_last_ms;
  for (int round = 0; round < rounds; ++round) {
    motcua::testing::TempDir dir;
    auto t = motcua::testing::MakeTestDesk(dir.path());
    Check(t != nullptr, "desk");
    const postal::Party post{"Bưu điện tỉnh Tuyên Quang", "Trần Văn Bưu"};
    const postal::Party center{"", "Lê Thị Nhận"};
    Instant now = day + std::chrono::hours(round);  // each round on its own hour: codes never collide

    auto m = postal::CreateManifest(t->desk, t->officer, postal::Direction::kInbound, post, center, now);
    Check(m.has_value(), "create");
    for (int i = 0; i < items; ++i) {
      auto t0 = Steady::now();
      Check(postal::AddInboundItem(t->desk, t->officer, m->id, {S10(round * 1000 + i), motcua::testing::SampleIntake(), ""},
                                   {}, now).has_value(), "add");
      const double ms = Ms(t0);
      if (i == 0) add_first_ms.push_back(ms);
      if (i == items - 1) add_last_ms.push_back(ms);
    }
    auto t0 = Steady::now();
    auto s = postal::SignManifest(t->desk, t->officer, m->id, {}, now);
    sign_ms.push_back(Ms(t0));
    Check(s.has_value(), "sign");

    t0 = Steady::now();
    for (int i = 0; i < items; ++i) {
      workflow::IntakeRequest r = motcua::testing::SampleIntake();
      r.channel = dossier::Channel::kPostal;
      r.received_at = now;
      auto got = workflow::Receive(t->desk, t->officer, r, now);
      Check(got.has_value(), "receive");
      Check(workflow::AppendNote(t->desk, t->officer, got->dossier.code, workflow::Permission::kPostalHandover,
                                 "dossier.postal_handover", "Tiếp nhận qua bưu chính", "{}", now).has_value(),
            "note");
    }
    baseline_ms.push_back(Ms(t0));
  }
  const double sign = Median(sign_ms), baseline = Median(baseline_ms);
  std::printf("bench_postal: %d rounds, %d items per manifest, SQLite synchronous=FULL\n", rounds, items);
  std::printf("  sign (one transaction)       median %8.2f ms  (%.2f ms per item)\n", sign, sign / items);
  std::printf("  baseline (one tx per item)   median %8.2f ms  (%.2f ms per item)\n", baseline, baseline / items);
  std::printf("  ratio baseline / sign        %8.2f\n", baseline / sign);
  std::printf("  add item 1 / item %d          median %8.2f / %.2f ms\n", items, Median(add_first_ms), Median(add_last_ms));
  return 0;
}
