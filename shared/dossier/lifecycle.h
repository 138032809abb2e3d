// The dossier lifecycle: states, the actions that move between them, and the data table mapping
// internal states to the national TrangThaiHoSo codes 1-10 (domain.md §2.4, §4.3).
//
// Allowed transitions (kTransitions in lifecycle.cpp is the only source of truth):
//   submitted ──accept──> received ──transfer──> transferred ──start──> in_progress
//   submitted | received | transferred | in_progress ──refuse──> refused
//   received | transferred | in_progress ──request_supplement──> awaiting_supplement (clock paused)
//   awaiting_supplement ──receive_supplement──> in_progress (due date restarts or shifts, workflow.h)
//   received | transferred | in_progress ──request_payment──> awaiting_payment ──record_payment──> in_progress
//   received | transferred | in_progress | awaiting_payment ──mark_done──> done ──return_result──> returned
//   any open state ──request_withdrawal──> withdrawal_requested ──confirm_withdrawal──> withdrawn
//   any open state | withdrawal_requested ──stop──> stopped
// "Open" = not yet done and not terminal. Nothing leaves refused, withdrawn, stopped or returned, and
// nothing but return_result leaves done: no result is returned before done, and no withdrawal once done.
// Anything else is kConflict/"transition_not_allowed" on field "state".
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "dossier/dossier.h"

namespace motcua::dossier {

inline constexpr int kStateCount = 12;

const char* StateKey(State s);     // "in_progress"
const char* StateNameVi(State s);  // "Đang xử lý"
const char* StateNameEn(State s);  // "In progress"
// Errors: kInvalid/"unknown_state" on `field`.
Result<State> ParseState(std::string_view key, std::string_view field = "state");

// Terminal: nothing can follow (refused, withdrawn, stopped, returned).
bool IsTerminal(State s);
// Finished for deadline purposes: terminal or done; the processing clock has stopped.
bool IsFinished(State s);

enum class Action {
  kAccept,
  kRefuse,
  kTransfer,
  kStartProcessing,
  kRequestSupplement,
  kReceiveSupplement,
  kRequestPayment,
  kRecordPayment,
  kMarkDone,
  kReturnResult,
  kRequestWithdrawal,
  kConfirmWithdrawal,
  kStop,
};

const char* ActionKey(Action a);  // "request_supplement"
Result<Action> ParseAction(std::string_view key, std::string_view field = "action");

// The state `action` leads to from `from`. Errors: kConflict/"transition_not_allowed" on "state".
Result<State> NextState(State from, Action action);
std::vector<Action> LegalActions(State from);
// The action that leads from `from` to `to`, for "advance --to STATE". Errors as NextState.
Result<Action> ActionTo(State from, State to);

// Internal state → national TrangThaiHoSo code (1-10). Law is data: the table is a file,
// assets/dvc/status-map.json, {"map": {"received": 2, ...}}, and every state must be mapped.
struct StatusMap {
  std::array<int, kStateCount> national{};
  int National(State s) const { return national[static_cast<int>(s)]; }
};
// Errors: kInvalid/"bad_status_map" naming the state that is missing or mapped outside 1-10.
Result<StatusMap> ParseStatusMap(std::string_view json);
Result<StatusMap> LoadStatusMap(const std::filesystem::path& file);

// National status names (domain.md §4.3), for display next to the code.
const char* NationalStatusNameVi(int code);

// Checks the invariants listed in dossier.h. Errors: kInvalid with the field at fault.
Status ValidateDossier(const Dossier& d);

}  // namespace motcua::dossier
