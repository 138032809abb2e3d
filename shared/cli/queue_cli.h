// The parts of `motcua queue` that live in their own files (cmd_queue.cpp dispatches).
#pragma once

#include "cli/cli.h"
#include "cli/session.h"
#include "queue/queue.h"

namespace motcua::cli {

// `queue announce` (cmd_queue_speech.cpp).
int Announce(Context& ctx, Args& args);

// `queue take --printer TARGET` (cmd_queue_print.cpp): prints the ticket inside its transaction, so a
// ticket whose print fails is not issued. Errors: the target's (ParsePrinterTarget), in the hook's result.
queue::IssueHook TicketPrinter(Session& session, const std::string& target,
                               const std::vector<queue::PriorityGroup>& groups);

}  // namespace motcua::cli
