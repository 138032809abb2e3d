// The dossier screen as plain data: what the dossier is and where it stands, its papers and results
// with their digitization, the timeline from the journal, and the actions the lifecycle allows now
// (dossier::LegalActions) that the signed-in role may take (the core checks the role again).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ui_model/counter_app.h"
#include "ui_model/intake_view.h"
#include "ui_model/tone.h"

namespace motcua::ui {

struct LabeledValue {
  std::string label;
  std::string value;
};

struct DossierComponentView {
  int index = 0;
  std::string name;
  std::string status;      // "Đã số hóa (3 trang)", "Xuất trình", "Chưa số hóa"
  Tone tone = Tone::kNeutral;
  bool can_digitize = false;
};

struct DossierResultView {
  int index = 0;
  std::string name;
  std::string result_code;
  std::string status;      // "Đã số hóa, ký số", "Chưa có bản điện tử", ...
  Tone tone = Tone::kNeutral;
  bool paper_required = false;
  bool has_file = false;
  bool e_signed = false;
};

struct TimelineEntry {
  std::string when;        // "12/03/2026 08:30"
  std::string who;         // user name, station
  std::string what;        // the step's Vietnamese text, or the event's label
};

// One lifecycle action the screen offers, with the fields its form needs.
struct DossierActionView {
  dossier::Action action = dossier::Action::kTransfer;
  std::string key;          // dossier::ActionKey: the form's name for errors
  std::string label;
  Tone tone = Tone::kNeutral;
  bool needs_reason = false;
  bool needs_items = false;           // supplement: the papers to add, one per line
  bool needs_unit = false;            // transfer
  bool needs_receiver = false;        // return result: name, ID, originals returned
  bool needs_payment_channel = false; // record payment
  bool needs_digital_reason = false;  // return result: a paper result with no digitized copy
  std::string default_unit;
  // Return result: the form opens prefilled with the applicant (who usually collects); the officer
  // overwrites them when someone else comes. The ID is the applicant's only when it is a person's
  // document (CCCD, CMND, passport), else "" with CCCD.
  std::string default_receiver_name;
  dossier::IdType default_receiver_id_type = dossier::IdType::kCccd;
  std::string default_receiver_id;
};

struct DossierView {
  std::string title;            // "Hồ sơ 000.00.00.X00-261124-0001"
  std::string back_label;       // "Quay lại (Esc)"
  std::string state_text;
  Tone state_tone = Tone::kNeutral;
  std::string urgency_text;     // "" when it would repeat state_text ("Chờ bổ sung"; a finished dossier)
  Tone urgency_tone = Tone::kNeutral;
  std::vector<LabeledValue> facts;

  std::string components_title;
  std::vector<DossierComponentView> components;
  std::string results_title;
  std::vector<DossierResultView> results;
  bool can_digitize = false;
  std::string scan_label, import_label, reuse_label, result_code_label, e_signed_label, result_name_label,
      add_result_label, import_hint;

  std::string timeline_title;
  std::vector<TimelineEntry> timeline;

  std::string actions_title;
  std::vector<DossierActionView> actions;
  std::string reason_label, items_label, unit_label, receiver_name_label, receiver_id_label, originals_label,
      digital_reason_label, payment_label, run_label;
  std::vector<std::string> payment_channels;  // 0 at the counter, 1 national portal, 2 provincial
  std::string receiver_id_type_label;
  std::vector<ChoiceItem> receiver_id_types;  // CCCD, CMND, passport (value = IdType); none selected: the
                                              // screen state holds the choice

  bool can_apologize = false;
  std::string apology_label;
  std::string apology_note;      // "Đã hẹn lại một lần (chỉ được hẹn lại một lần)."
  std::string new_due_label;
  std::string default_new_due;   // "YYYY-MM-DD HH:MM", 5 working days after the current due date

  bool can_hand_to_postal = false;
  std::string postal_label;
  std::string parcel_label;

  std::vector<std::pair<DossierForm, std::string>> prints;  // the forms this dossier can print

  std::string error_text;
  std::string error_form;        // the form the error belongs to (an ActionKey, "apology", ...)
  std::string error_field;       // the core's field
  int error_serial = 0;
  std::string notice_text;
  bool is_busy = false;          // a scan or import runs
};

// Requires model.dossier.dossier. `station` gives the calendar (urgency, suggested new date).
DossierView MakeDossierView(const CounterModel& model, const Station& station, Instant now);

}  // namespace motcua::ui
