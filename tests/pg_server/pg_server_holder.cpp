// A test process that starts a server, prints "<postmaster pid> <server dir>" and then either waits to
// be killed (`hold`, for the SIGKILL test) or returns from main (`exit`: Shared()'s server must be
// stopped by the normal-exit path). Exit code 2 and the reason on stderr if the server did not start.
#include <unistd.h>

#include <cstdio>
#include <cstring>

#include "support/pg_server.h"

using motcua::testing::PgServer;

int main(int argc, char** argv) {
  const bool hold = argc > 1 && std::strcmp(argv[1], "hold") == 0;
  if (hold) {
    auto server = PgServer::StartPrimary();
    if (!server) {
      std::fprintf(stderr, "%s\n", server.error().Describe().c_str());
      return 2;
    }
    std::printf("%d %s\n", int((*server)->postmaster_pid()), (*server)->dir().c_str());
    std::fflush(stdout);
    for (;;) ::pause();
  }
  PgServer& shared = PgServer::Shared();
  if (!shared.status()) {
    std::fprintf(stderr, "%s\n", shared.status().error().Describe().c_str());
    return 2;
  }
  std::printf("%d %s\n", int(shared.postmaster_pid()), shared.dir().c_str());
  std::fflush(stdout);
  return 0;
}
