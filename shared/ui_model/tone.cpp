#include "ui_model/tone.h"

namespace motcua::ui {

Tone ToneForUrgency(Urgency urgency) {
  switch (urgency) {
    case Urgency::kOverdue: return Tone::kDanger;
    case Urgency::kDueToday: return Tone::kWarning;
    case Urgency::kDueSoon: return Tone::kInfo;
    case Urgency::kOnTrack: return Tone::kSuccess;
  }
  return Tone::kNeutral;
}

std::string_view UrgencyLabelKey(Urgency urgency) {
  switch (urgency) {
    case Urgency::kOverdue: return "urgency.overdue";
    case Urgency::kDueToday: return "urgency.due_today";
    case Urgency::kDueSoon: return "urgency.due_soon";
    case Urgency::kOnTrack: return "urgency.on_track";
  }
  return "urgency.on_track";
}

}  // namespace motcua::ui
