// The dossier screen: facts, papers and results (with their digitization), the actions the lifecycle
// allows now with the form each needs, the apology, the postal handover, the dossier's forms and its
// history. Keyboard: Tab moves through the buttons and fields, Enter presses, Esc goes back.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "counter/screens/shell.h"
#include "ui_model/counter_app.h"
#include "ui_model/dossier_view.h"
#include "ui_model/shell_view.h"

namespace motcua::counter {

struct DossierScreenState {
  std::string code;                 // the dossier these buffers belong to
  std::string active_form;          // an ActionKey, "apology" or "postal"; "" = none open
  std::string reason, items, unit, receiver_name, receiver_id, digital_reason, new_due, parcel;
  bool originals_returned = false;
  int receiver_id_type = 0;         // dossier::IdType of receiver_id (set from the view when the form opens)
  int payment_channel = 0;
  std::map<int, std::string> result_codes;  // per result slot
  std::map<int, bool> e_signed;
  std::string extra_result_name;
  int reuse_index = -1;
  std::string reuse_code;
  bool open_reuse = false;
  int import_component = -1;
  int import_result = -2;           // -2 = none; -1 = the extra result
  bool open_picker = false;
  FilePickerState picker;
  bool focus_form = false;
};

void DrawDossier(const ui::DossierView& view, const ui::FileBrowserView& files, DossierScreenState& state,
                 std::vector<ui::CounterAction>& actions);

}  // namespace motcua::counter
