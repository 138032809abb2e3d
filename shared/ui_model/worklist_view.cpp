#include "ui_model/worklist_view.h"

#include "ui_model/shell_view.h"

namespace motcua::ui {

WorklistView MakeWorklistView(const CounterModel& model, Instant now) {
  (void)now;
  const Lang lang = model.lang;
  const WorklistModel& w = model.worklist;
  WorklistView v;
  v.title = Tr(lang, "worklist.title");
  v.search_label = Tr(lang, "worklist.search");
  v.search_hint = Tr(lang, "worklist.search_hint");
  v.search = w.search;

  int all = 0;
  for (int c : w.urgency_counts) all += c;
  v.chips.push_back({std::nullopt, FormatText(Tr(lang, "worklist.all_urgencies"), {{"n", std::to_string(all)}}),
                     Tone::kNeutral, !w.urgency});
  for (workflow::Urgency u : {workflow::Urgency::kOverdue, workflow::Urgency::kDueToday,
                              workflow::Urgency::kDueWithinOneWorkingDay, workflow::Urgency::kOnTrack,
                              workflow::Urgency::kPaused}) {
    const int n = w.urgency_counts[static_cast<int>(u)];
    v.chips.push_back({u, UrgencyLabel(lang, u) + " (" + std::to_string(n) + ")", ToneForUrgency(u), w.urgency == u});
  }

  v.state_label = Tr(lang, "worklist.state");
  v.states.push_back({"open", Tr(lang, "worklist.state_open"), w.state_key == "open"});
  v.states.push_back({"all", Tr(lang, "worklist.state_all"), w.state_key == "all"});
  for (int i = 0; i < dossier::kStateCount; ++i) {
    const auto s = static_cast<dossier::State>(i);
    v.states.push_back({dossier::StateKey(s), StateLabel(lang, s), w.state_key == dossier::StateKey(s)});
    v.state_labels[i] = StateLabel(lang, s);
  }
  v.procedure_label = Tr(lang, "worklist.procedure");
  v.procedures.push_back({"", Tr(lang, "worklist.procedure_any"), w.procedure_code.empty()});
  for (const auto& [code, name] : w.procedures)
    v.procedures.push_back({code, code + " · " + name, w.procedure_code == code});

  if (model.session && !model.session->unit.empty()) {
    v.shows_own_unit = true;
    v.own_unit_label = FormatText(Tr(lang, "worklist.own_unit"), {{"unit", model.session->unit}});
    v.only_own_unit = w.only_own_unit;
  }
  v.refresh_label = Tr(lang, "worklist.refresh");
  v.print_book_label = Tr(lang, "worklist.print_book");
  v.open_label = Tr(lang, "worklist.open");
  v.scan_hint = Tr(lang, "worklist.scan_hint");

  v.col_code = Tr(lang, "worklist.col.code");
  v.col_applicant = Tr(lang, "worklist.col.applicant");
  v.col_procedure = Tr(lang, "worklist.col.procedure");
  v.col_received = Tr(lang, "worklist.col.received");
  v.col_due = Tr(lang, "worklist.col.due");
  v.col_state = Tr(lang, "worklist.col.state");
  v.col_urgency = Tr(lang, "worklist.col.urgency");
  v.rows = &w.rows;
  v.visible = &w.visible;
  for (int i = 0; i < kUrgencyCount; ++i) {
    const auto u = static_cast<workflow::Urgency>(i);
    v.urgency_labels[i] = UrgencyLabel(lang, u);
    v.urgency_tones[i] = ToneForUrgency(u);
  }
  v.selected_code = w.selected_code;
  v.count_text = FormatText(Tr(lang, "worklist.count"),
                            {{"shown", std::to_string(w.visible.size())}, {"total", std::to_string(w.rows.size())}});
  v.empty_text = Tr(lang, w.rows.empty() ? "worklist.empty" : "worklist.no_match");
  if (w.error) v.error_text = ErrorMessage(lang, *w.error);
  return v;
}

}  // namespace motcua::ui
