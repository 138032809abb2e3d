// The commands of build/bin/motcua-provincial (main.cpp dispatches; one file per command).
// Exit codes: 0 ok, 2 bad input (the message names the flag or field and the rule), 1 anything else.
#pragma once

#include <iosfwd>

#include "args.h"
#include "common/result.h"

namespace motcua::provincial {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

// Prints "motcua-provincial: <field>: <detail> [<rule>]" and returns 2 for kInvalid and kNotFound,
// 1 otherwise.
int ReportError(std::ostream& err, const Error& error);

int RunServe(Args& args, std::ostream& out, std::ostream& err);    // cmd_serve.cpp
int RunRecords(Args& args, std::ostream& out, std::ostream& err);  // cmd_records.cpp
int RunScore(Args& args, std::ostream& out, std::ostream& err);    // cmd_score.cpp

}  // namespace motcua::provincial
