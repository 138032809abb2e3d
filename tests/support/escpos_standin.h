// A stand-in ESC/POS printer for tests: it answers the real-time status requests DLE EOT 1..4 with
// the bytes a real Epson-compatible printer sends in the chosen state and records every other byte
// it receives (the jobs). Two ways to reach it, both real I/O: a TCP listener on loopback (as a
// network printer's port 9100) and a pseudo-terminal whose slave path plays the device file.
//
// Like a real printer, it acts on DLE EOT wherever it appears in the byte stream (even inside
// image data; escpos.h's encoder never sends such a sequence inside a job).
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace motcua::testing {

enum class StandinState {
  kOk,                // online, paper present
  kPaperOut,          // offline, printing stopped by the paper end, roll paper end sensor set
  kCoverOpen,         // offline, cover open
  kOffline,           // accepts connections and data but never answers a status request
  kPaperOutAfterJob,  // kOk until it has received job bytes, then kPaperOut
};

// "ok", "paper_out", "cover_open", "offline", "paper_out_after_job"; nullopt for anything else.
std::optional<StandinState> ParseStandinState(std::string_view text);

// The printer's side of the byte stream, shared by both transports. Not thread-safe by itself.
class StandinPrinter {
 public:
  explicit StandinPrinter(StandinState state) : state_(state) {}
  // Takes received bytes; returns the answers to send back (status bytes), in order.
  std::string Feed(std::string_view bytes);
  // The non-status bytes received since the last call (the job), and clears them.
  std::string TakeJob();
  const std::string& job() const { return job_; }  // the non-status bytes received so far
  int status_requests() const { return status_requests_; }

 private:
  std::string Answer(int n);
  StandinState state_;
  bool got_job_bytes_ = false;
  std::string pending_;  // a DLE or DLE EOT split across reads
  std::string job_;
  int status_requests_ = 0;
};

struct StandinOptions {
  int port = 0;             // TCP port on 127.0.0.1 (default 0: the system picks one; see port())
  std::string dir;          // if set, each connection's job bytes are saved as dir/job-N.bin (N = 1, 2, ...)
  StandinState state = StandinState::kOk;
};

// The TCP stand-in: one thread serving one connection at a time on 127.0.0.1.
class EscposStandin {
 public:
  // nullptr and *error set if the port cannot be bound.
  static std::unique_ptr<EscposStandin> Start(const StandinOptions& options, std::string* error);
  ~EscposStandin();  // stops the thread, closes everything
  EscposStandin(const EscposStandin&) = delete;
  EscposStandin& operator=(const EscposStandin&) = delete;

  int port() const { return port_; }
  // Each finished connection's job bytes (connections that sent only status requests add nothing).
  std::vector<std::string> jobs() const;
  int status_requests() const;
  int connections() const;

 private:
  EscposStandin(const StandinOptions& options, int listen_fd, int port);
  void Run();
  void Serve(int fd);

  StandinOptions options_;
  int listen_fd_;
  int port_;
  int wake_[2] = {-1, -1};  // a pipe: writing to it stops the thread
  mutable std::mutex mu_;
  StandinPrinter printer_;  // guarded by mu_
  std::vector<std::string> jobs_;  // guarded by mu_
  int connections_ = 0;            // guarded by mu_
  std::thread thread_;
};

// The device-file stand-in: a pseudo-terminal. device_path() (/dev/pts/N) is what the client
// opens. The line is left in its default (cooked) mode: a client that does not switch it to raw
// mode gets its bytes translated and echoed, as it would on a real serial printer.
class EscposPtyStandin {
 public:
  static std::unique_ptr<EscposPtyStandin> Start(StandinState state, std::string* error);
  ~EscposPtyStandin();
  EscposPtyStandin(const EscposPtyStandin&) = delete;
  EscposPtyStandin& operator=(const EscposPtyStandin&) = delete;

  const std::string& device_path() const { return path_; }
  std::string job() const;  // every non-status byte received so far
  int status_requests() const;

 private:
  EscposPtyStandin(StandinState state, int master_fd, int slave_fd, std::string path);
  void Run();

  int master_fd_;
  int slave_fd_;  // kept open so the master never sees a hang-up between client opens
  std::string path_;
  int wake_[2] = {-1, -1};
  mutable std::mutex mu_;
  StandinPrinter printer_;  // guarded by mu_
  std::thread thread_;
};

}  // namespace motcua::testing
