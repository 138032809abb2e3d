// The work list as plain data. The rows themselves are not copied: the view points at the model's
// cached rows and visible indices (a 2,000-row list is rebuilt only when the store is read again, and
// the screen draws only the rows on screen), with the per-state and per-urgency labels ready to use.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "dossier/lifecycle.h"
#include "ui_model/counter_app.h"
#include "ui_model/tone.h"

namespace motcua::ui {

struct UrgencyChip {
  std::optional<workflow::Urgency> urgency;  // unset = "all"
  std::string label;                         // "Quá hạn (12)"
  Tone tone = Tone::kNeutral;
  bool is_selected = false;
};

struct FilterOption {
  std::string key;    // state key / procedure code; "" = any
  std::string label;
  bool is_selected = false;
};

struct WorklistView {
  std::string title;
  std::string search_label;
  std::string search_hint;
  std::string search;
  std::vector<UrgencyChip> chips;
  std::string state_label;
  std::vector<FilterOption> states;      // "Đang giải quyết", "Tất cả", every state
  std::string procedure_label;
  std::vector<FilterOption> procedures;  // "Tất cả thủ tục", then those present
  bool shows_own_unit = false;           // the account has a unit
  std::string own_unit_label;            // "Chỉ đơn vị: Sở Tư pháp"
  bool only_own_unit = false;
  std::string refresh_label;
  std::string print_book_label;
  std::string open_label;
  std::string scan_hint;

  // columns
  std::string col_code, col_applicant, col_procedure, col_received, col_due, col_state, col_urgency;
  const std::vector<WorklistRow>* rows = nullptr;  // the model's cache
  const std::vector<int>* visible = nullptr;       // indices into rows, in display order
  std::array<std::string, dossier::kStateCount> state_labels;
  std::array<std::string, kUrgencyCount> urgency_labels;
  std::array<Tone, kUrgencyCount> urgency_tones{};
  std::string selected_code;

  std::string count_text;   // "25 / 2.000 hồ sơ"
  std::string empty_text;   // shown when nothing is visible
  std::string error_text;
};

WorklistView MakeWorklistView(const CounterModel& model, Instant now);

}  // namespace motcua::ui
