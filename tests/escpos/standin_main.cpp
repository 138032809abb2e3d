// motcua-escpos-standin: a stand-in ESC/POS network printer on 127.0.0.1 for tests and demos
// (tests/support/escpos_standin.h). Prints "listening on PORT" once it accepts connections;
// SIGTERM or SIGINT stops it (exit 0). Exit codes: 0 ok, 2 bad arguments, 1 cannot listen.
#include <signal.h>

#include <charconv>
#include <cstdio>
#include <iostream>
#include <string>

#include "support/escpos_standin.h"

namespace {

constexpr const char* kUsage =
    "usage: motcua-escpos-standin [--port N] [--dir DIR] [--status STATE]\n"
    "  --port N        TCP port on 127.0.0.1 (default 0: pick a free one; the line \"listening on PORT\"\n"
    "                  on stdout names it)\n"
    "  --dir DIR       save each connection's job bytes as DIR/job-N.bin (N = 1, 2, ...)\n"
    "  --status STATE  ok (default) | paper_out | cover_open | offline (never answers a status\n"
    "                  request) | paper_out_after_job (ok until a job arrives, then paper_out)\n";

int Usage(const std::string& why) {
  std::cerr << "motcua-escpos-standin: " << why << "\n" << kUsage;
  return 2;
}

int Main(int argc, char** argv) {
  motcua::testing::StandinOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--help" || flag == "-h") {
      std::cout << kUsage;
      return 0;
    }
    if (i + 1 >= argc) return Usage(flag + " needs a value");
    const std::string value = argv[++i];
    if (flag == "--port") {
      int port = -1;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), port);
      if (ec != std::errc() || end != value.data() + value.size() || port < 0 || port > 65535)
        return Usage("--port must be a number in 0..65535");
      options.port = port;
    } else if (flag == "--dir") {
      options.dir = value;
    } else if (flag == "--status") {
      const auto state = motcua::testing::ParseStandinState(value);
      if (!state) return Usage("unknown --status \"" + value + "\"");
      options.state = *state;
    } else {
      return Usage("unknown option " + flag);
    }
  }

  // Block the stop signals before the server thread starts, so only sigwait() sees them.
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGTERM);
  sigaddset(&stop, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);
  std::string error;
  auto standin = motcua::testing::EscposStandin::Start(options, &error);
  if (!standin) {
    std::cerr << "motcua-escpos-standin: " << error << "\n";
    return 1;
  }
  std::cout << "listening on " << standin->port() << std::endl;
  int signal_number = 0;
  sigwait(&stop, &signal_number);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "motcua-escpos-standin: unexpected failure: " << e.what() << "\n";
  }
  return 1;
}
