#include "dossier/lifecycle.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace motcua::dossier {
namespace {

struct StateInfo {
  State state;
  const char* key;
  const char* name_vi;
  const char* name_en;
  bool terminal;
};

constexpr StateInfo kStates[kStateCount] = {
    {State::kSubmitted, "submitted", "Mới đăng ký", "Submitted online", false},
    {State::kReceived, "received", "Đã tiếp nhận", "Received", false},
    {State::kRefused, "refused", "Không được tiếp nhận", "Refused", true},
    {State::kTransferred, "transferred", "Đã chuyển xử lý", "Transferred", false},
    {State::kInProgress, "in_progress", "Đang xử lý", "In progress", false},
    {State::kAwaitingSupplement, "awaiting_supplement", "Chờ bổ sung", "Awaiting supplement", false},
    {State::kAwaitingPayment, "awaiting_payment", "Chờ thực hiện nghĩa vụ tài chính", "Awaiting payment", false},
    {State::kWithdrawalRequested, "withdrawal_requested", "Công dân yêu cầu rút", "Withdrawal requested", false},
    {State::kWithdrawn, "withdrawn", "Đã rút hồ sơ", "Withdrawn", true},
    {State::kStopped, "stopped", "Dừng xử lý", "Stopped", true},
    {State::kDone, "done", "Đã xử lý xong", "Done", false},
    {State::kReturned, "returned", "Đã trả kết quả", "Returned", true},
};

struct ActionInfo {
  Action action;
  const char* key;
};

constexpr ActionInfo kActions[] = {
    {Action::kAccept, "accept"},
    {Action::kRefuse, "refuse"},
    {Action::kTransfer, "transfer"},
    {Action::kStartProcessing, "start_processing"},
    {Action::kRequestSupplement, "request_supplement"},
    {Action::kReceiveSupplement, "receive_supplement"},
    {Action::kRequestPayment, "request_payment"},
    {Action::kRecordPayment, "record_payment"},
    {Action::kMarkDone, "mark_done"},
    {Action::kReturnResult, "return_result"},
    {Action::kRequestWithdrawal, "request_withdrawal"},
    {Action::kConfirmWithdrawal, "confirm_withdrawal"},
    {Action::kStop, "stop"},
};

struct Transition {
  State from;
  Action action;
  State to;
};

using S = State;
using A = Action;

// The lifecycle, one row per legal move (see the diagram in lifecycle.h).
constexpr Transition kTransitions[] = {
    {S::kSubmitted, A::kAccept, S::kReceived},
    {S::kSubmitted, A::kRefuse, S::kRefused},
    {S::kReceived, A::kRefuse, S::kRefused},
    {S::kTransferred, A::kRefuse, S::kRefused},
    {S::kInProgress, A::kRefuse, S::kRefused},

    {S::kReceived, A::kTransfer, S::kTransferred},
    {S::kReceived, A::kStartProcessing, S::kInProgress},
    {S::kTransferred, A::kStartProcessing, S::kInProgress},

    {S::kSubmitted, A::kRequestSupplement, S::kAwaitingSupplement},
    {S::kReceived, A::kRequestSupplement, S::kAwaitingSupplement},
    {S::kTransferred, A::kRequestSupplement, S::kAwaitingSupplement},
    {S::kInProgress, A::kRequestSupplement, S::kAwaitingSupplement},
    {S::kAwaitingSupplement, A::kReceiveSupplement, S::kInProgress},

    {S::kReceived, A::kRequestPayment, S::kAwaitingPayment},
    {S::kTransferred, A::kRequestPayment, S::kAwaitingPayment},
    {S::kInProgress, A::kRequestPayment, S::kAwaitingPayment},
    {S::kAwaitingPayment, A::kRecordPayment, S::kInProgress},

    {S::kReceived, A::kMarkDone, S::kDone},
    {S::kTransferred, A::kMarkDone, S::kDone},
    {S::kInProgress, A::kMarkDone, S::kDone},
    {S::kAwaitingPayment, A::kMarkDone, S::kDone},
    {S::kDone, A::kReturnResult, S::kReturned},

    {S::kSubmitted, A::kRequestWithdrawal, S::kWithdrawalRequested},
    {S::kReceived, A::kRequestWithdrawal, S::kWithdrawalRequested},
    {S::kTransferred, A::kRequestWithdrawal, S::kWithdrawalRequested},
    {S::kInProgress, A::kRequestWithdrawal, S::kWithdrawalRequested},
    {S::kAwaitingSupplement, A::kRequestWithdrawal, S::kWithdrawalRequested},
    {S::kAwaitingPayment, A::kRequestWithdrawal, S::kWithdrawalRequested},
    {S::kWithdrawalRequested, A::kConfirmWithdrawal, S::kWithdrawn},

    {S::kReceived, A::kStop, S::kStopped},
    {S::kTransferred, A::kStop, S::kStopped},
    {S::kInProgress, A::kStop, S::kStopped},
    {S::kAwaitingSupplement, A::kStop, S::kStopped},
    {S::kAwaitingPayment, A::kStop, S::kStopped},
    {S::kWithdrawalRequested, A::kStop, S::kStopped},
};

const StateInfo& Info(State s) { return kStates[static_cast<int>(s)]; }

}  // namespace

const char* StateKey(State s) { return Info(s).key; }
const char* StateNameVi(State s) { return Info(s).name_vi; }
const char* StateNameEn(State s) { return Info(s).name_en; }
bool IsTerminal(State s) { return Info(s).terminal; }
bool IsFinished(State s) { return IsTerminal(s) || s == State::kDone; }

Result<State> ParseState(std::string_view key, std::string_view field) {
  for (const auto& info : kStates)
    if (key == info.key) return info.state;
  std::string known;
  for (const auto& info : kStates) known += std::string(known.empty() ? "" : ", ") + info.key;
  return Invalid(std::string(field), "unknown_state",
                 "unknown state \"" + std::string(key) + "\"; expected one of " + known);
}

const char* ActionKey(Action a) {
  for (const auto& info : kActions)
    if (info.action == a) return info.key;
  return "?";
}

Result<Action> ParseAction(std::string_view key, std::string_view field) {
  for (const auto& info : kActions)
    if (key == info.key) return info.action;
  return Invalid(std::string(field), "unknown_action", "unknown action \"" + std::string(key) + "\"");
}

Result<State> NextState(State from, Action action) {
  for (const auto& t : kTransitions)
    if (t.from == from && t.action == action) return t.to;
  return Conflict("state", "transition_not_allowed",
                  std::string("cannot ") + ActionKey(action) + " a dossier that is " + StateKey(from));
}

std::vector<Action> LegalActions(State from) {
  std::vector<Action> out;
  for (const auto& t : kTransitions)
    if (t.from == from) out.push_back(t.action);
  return out;
}

Result<Action> ActionTo(State from, State to) {
  for (const auto& t : kTransitions)
    if (t.from == from && t.to == to) return t.action;
  return Conflict("state", "transition_not_allowed",
                  std::string("cannot go from ") + StateKey(from) + " to " + StateKey(to));
}

Result<StatusMap> ParseStatusMap(std::string_view json) {
  nlohmann::json j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || !j.contains("map") || !j["map"].is_object())
    return Invalid("status_map", "bad_status_map", "expected a JSON object with a \"map\" object");
  StatusMap map;
  for (const auto& info : kStates) {
    const auto& m = j["map"];
    if (!m.contains(info.key) || !m[info.key].is_number_integer())
      return Invalid(std::string("status_map.") + info.key, "bad_status_map",
                     std::string("state ") + info.key + " has no national code");
    const std::int64_t code = m[info.key].get<std::int64_t>();  // get<int> would cut 4294967298 to 2
    if (code < 1 || code > 10)
      return Invalid(std::string("status_map.") + info.key, "bad_status_map",
                     "national codes run from 1 to 10, got " + std::to_string(code));
    map.national[static_cast<int>(info.state)] = static_cast<int>(code);
  }
  return map;
}

Result<StatusMap> LoadStatusMap(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return NotFound("status_map", "file_not_found", "cannot read " + file.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ParseStatusMap(ss.str());
}

const char* NationalStatusNameVi(int code) {
  static const char* kNames[] = {"",
                                 "Mới đăng ký",
                                 "Được tiếp nhận",
                                 "Không được tiếp nhận",
                                 "Đang xử lý",
                                 "Yêu cầu bổ sung giấy tờ",
                                 "Yêu cầu thực hiện nghĩa vụ tài chính",
                                 "Công dân yêu cầu rút hồ sơ",
                                 "Dừng xử lý",
                                 "Đã xử lý xong",
                                 "Đã trả kết quả"};
  return code >= 1 && code <= 10 ? kNames[code] : "";
}

Status ValidateDossier(const Dossier& d) {
  if (d.code.empty()) return Invalid("code", "missing", "a dossier needs a code");
  if (d.procedure_code.empty()) return Invalid("procedure_code", "missing", "a dossier needs a procedure");
  if (d.apology_count > 1)
    return Invalid("apology_count", "apology_already_issued", "the return date may be re-set only once");
  if (d.due_at.has_value() != d.original_due_at.has_value())
    return Invalid("due_at", "due_without_original", "due_at and original_due_at are set together");
  for (std::size_t i = 0; i + 1 < d.supplements.size(); ++i)
    if (!d.supplements[i].received_at)
      return Invalid("supplements", "earlier_supplement_open", "only the last supplement request may be open");
  const bool open = !d.supplements.empty() && !d.supplements.back().received_at;
  // A withdrawal or stop may end a dossier while a supplement request is open.
  if (open != (d.state == State::kAwaitingSupplement) && !IsTerminal(d.state) &&
      d.state != State::kWithdrawalRequested)
    return Invalid("supplements", "supplement_state_mismatch",
                   "an open supplement request must go with the awaiting_supplement state");
  for (std::size_t i = 0; i + 1 < d.steps.size(); ++i)
    if (d.steps[i + 1].at < d.steps[i].at)
      return Invalid("steps", "steps_out_of_order", "processing steps must be in time order");
  if (d.applicant.name.empty()) return Invalid("applicant.name", "missing", "the applicant needs a name");
  return Ok();
}

}  // namespace motcua::dossier
