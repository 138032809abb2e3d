#include "ui_model/tone.h"

namespace motcua::ui {

Tone ToneForUrgency(Urgency urgency) {
  switch (urgency) {
    case Urgency::kOverdue: return Tone::kDanger;
    case Urgency::kDueToday: return Tone::kWarning;
    case Urgency::kDueWithinOneWorkingDay: return Tone::kInfo;
    case Urgency::kOnTrack: return Tone::kSuccess;
    case Urgency::kPaused:
    case Urgency::kNoDueDate:
    case Urgency::kFinished: return Tone::kNeutral;
  }
  return Tone::kNeutral;
}

std::string_view UrgencyLabelKey(Urgency urgency) {
  switch (urgency) {
    case Urgency::kOverdue: return "urgency.overdue";
    case Urgency::kDueToday: return "urgency.due_today";
    case Urgency::kDueWithinOneWorkingDay: return "urgency.due_soon";
    case Urgency::kOnTrack: return "urgency.on_track";
    case Urgency::kPaused: return "urgency.paused";
    case Urgency::kNoDueDate: return "urgency.no_due_date";
    case Urgency::kFinished: return "urgency.finished";
  }
  return "urgency.on_track";
}

}  // namespace motcua::ui
