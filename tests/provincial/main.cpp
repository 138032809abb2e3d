// motcua-provincial: a stand-in for the provincial one-stop system, for tests and demos
// (tests/provincial/README.md). main only dispatches to the commands.
#include <exception>
#include <iostream>

#include "commands.h"

namespace motcua::provincial {

int ReportError(std::ostream& err, const Error& error) {
  err << "motcua-provincial: " << error.Describe() << std::endl;
  return error.code == ErrorCode::kInvalid || error.code == ErrorCode::kNotFound ? kExitBadInput : kExitFailure;
}

}  // namespace motcua::provincial

namespace {

using namespace motcua::provincial;

constexpr const char* kUsage =
    "usage:\n"
    "  motcua-provincial serve --db FILE --port N --dstcode CODE --user NAME --password-file FILE\n"
    "        [--host 127.0.0.1] [--auth-path /api/auth/login] [--integration-path /api/integration]\n"
    "        [--session-ttl SECONDS] [--clock-offset-seconds N] [--catalog FILE] [--fault KIND[:COUNT]]\n"
    "        [--port-file FILE]\n"
    "      serve the provincial protocol on a loopback address (--port 0 picks a free port); prints\n"
    "      \"listening on HOST:PORT\"; SIGTERM or SIGINT stops it\n"
    "  motcua-provincial records --db FILE\n"
    "      the stored records as a JSON array, each with its \"QuaTrinhXuLy\" steps\n"
    "  motcua-provincial score --db FILE --from YYYY-MM-DD --to YYYY-MM-DD [--json]\n"
    "        [--setting NAME=VALUE]... [--catalog FILE]\n"
    "      the Decision 766 indicators of the stored records (indicators/scorer.h)\n"
    "exit codes: 0 ok, 2 bad input, 1 other errors\n";

int Main(int argc, char** argv) {
  std::vector<std::string> rest(argv + 1, argv + argc);
  if (rest.empty() || rest[0] == "help" || rest[0] == "--help" || rest[0] == "-h") {
    (rest.empty() ? std::cerr : std::cout) << kUsage;
    return rest.empty() ? kExitBadInput : kExitOk;
  }
  const std::string command = rest[0];
  Args args(std::vector<std::string>(rest.begin() + 1, rest.end()));
  if (command == "serve") return RunServe(args, std::cout, std::cerr);
  if (command == "records") return RunRecords(args, std::cout, std::cerr);
  if (command == "score") return RunScore(args, std::cout, std::cerr);
  std::cerr << "motcua-provincial: unknown command \"" << command << "\"\n" << kUsage;
  return kExitBadInput;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "motcua-provincial: unexpected failure: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "motcua-provincial: unexpected failure\n";
  }
  return kExitFailure;
}
