// The postal screen (bưu chính công ích): the manifests and the results waiting to go out, or one
// manifest: its parties, its items (added by scanning the receipt QR or the parcel's number), signing,
// cancelling, the PDF, and for signed outbound manifests the delivery of each item.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "ui_model/counter_app.h"
#include "ui_model/postal_view.h"

namespace motcua::counter {

struct PostalScreenState {
  std::string organization, representative, staff_id, phone;   // a new manifest's postal side
  std::string lookup;             // outbound: code or parcel typed; inbound: parcel number
  std::string parcel;             // outbound: the result's new parcel number
  bool originals_returned = false;
  std::string digital_reason;
  std::string sign_postal, sign_staff_id, sign_center;
  std::string seen_manifest;      // the manifest these buffers belong to
  std::string cancel_reason;
  std::map<std::string, std::string> item_text;  // per item: receiver name or reason, or a parcel number
  bool focus_lookup = true;
};

void DrawPostal(const ui::PostalView& view, PostalScreenState& state, std::vector<ui::CounterAction>& actions);

}  // namespace motcua::counter
