// Tones: the meaning of a colour, chosen by view builders and turned into colours only by the
// widget library. A view says "danger"; the theme decides which red.
//
// Urgency is the deadline state officers sort their work by (issue 3, work list): overdue, due
// today, due within 1 working day, on track. The core computes it from the calendar
// (workflow::ClassifyUrgency); this header gives each state its tone and label key.
#pragma once

#include <string_view>

#include "workflow/desk.h"

namespace motcua::ui {

enum class Tone {
  kNeutral,  // plain information, grey
  kInfo,     // something to notice, blue
  kSuccess,  // done, on track, green
  kWarning,  // act soon, amber (dark text: white on amber is unreadable)
  kDanger,   // act now or an error, red
};

using Urgency = workflow::Urgency;

// Overdue red, due today amber, due within a working day blue, on track green; paused (awaiting a
// supplement), no due date and finished grey.
Tone ToneForUrgency(Urgency urgency);
// String-table key of the urgency's short label, e.g. "urgency.overdue".
std::string_view UrgencyLabelKey(Urgency urgency);

}  // namespace motcua::ui
