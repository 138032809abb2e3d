// build/bin/motcua-escpos-standin as a program: its "listening on PORT" line, --dir job files,
// --status states, SIGTERM, and bad arguments (exit 2).
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <thread>

#include "escpos/sample_ticket.h"
#include "print/escpos.h"
#include "print/pdf_tools.h"

namespace motcua::print {
namespace {

using namespace std::chrono_literals;

const std::string kTool = std::string(MOTCUA_BIN_DIR) + "/motcua-escpos-standin";

// The program with its stdout on a pipe; SIGKILLed on destruction if still running.
class Child {
 public:
  explicit Child(std::vector<std::string> args) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fds[1], 1);
      std::vector<char*> argv{const_cast<char*>(kTool.c_str())};
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(kTool.c_str(), argv.data());
      _exit(127);
    }
    close(fds[1]);
    out_ = fds[0];
  }
  ~Child() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (out_ >= 0) close(out_);
  }
  std::optional<std::string> ReadLine(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::string line;
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      pollfd p{out_, POLLIN, 0};
      if (left.count() <= 0 || poll(&p, 1, int(left.count())) <= 0) return std::nullopt;
      char c;
      if (read(out_, &c, 1) != 1) return std::nullopt;
      if (c == '\n') return line;
      line += c;
    }
  }
  // Sends `sig` and waits for the exit code (-1 on timeout or death by a signal).
  int Stop(int sig, std::chrono::milliseconds timeout) {
    kill(pid_, sig);
    return Wait(timeout);
  }
  int Wait(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(10ms);
    }
    return -1;
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
};

int PortFrom(const std::optional<std::string>& line) {
  const std::string prefix = "listening on ";
  if (!line || line->rfind(prefix, 0) != 0) return 0;
  return std::atoi(line->c_str() + prefix.size());
}

TEST(EscposStandinProgram, SavesEachJobAndStopsOnSigterm) {
  testing::TempDir dir;
  Child child({"--port", "0", "--dir", dir.path(), "--status", "ok"});
  const auto line = child.ReadLine(5s);
  const int port = PortFrom(line);
  ASSERT_GT(port, 0) << (line ? *line : "no line");
  const PrinterTarget target{.kind = PrinterKind::kTcp, .host = "127.0.0.1", .port = port};
  ASSERT_TRUE(PrintTicket(target, testing::SampleTicket()).has_value());
  TicketSlip second = testing::SampleTicket();
  second.number = "A1024";
  ASSERT_TRUE(PrintTicket(target, second).has_value());
  ASSERT_TRUE(QueryStatus(target, 1s).has_value());  // status only: no job file

  const auto deadline = std::chrono::steady_clock::now() + 3s;
  while (!std::filesystem::exists(dir.File("job-2.bin")) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(10ms);
  EXPECT_EQ(child.Stop(SIGTERM, 3s), 0);
  for (const auto& [file, slip] : {std::pair{"job-1.bin", testing::SampleTicket()}, std::pair{"job-2.bin", second}}) {
    auto printed = DecodeRasterJob(testing::ReadFile(dir.File(file)));
    ASSERT_TRUE(printed.has_value()) << file << ": " << printed.error().Describe();
    EXPECT_EQ(printed->pixels, RenderTicketRaster(slip).value().pixels) << file;
  }
  EXPECT_FALSE(std::filesystem::exists(dir.File("job-3.bin")));
}

TEST(EscposStandinProgram, StatusFlagSetsTheAnswers) {
  Child child({"--status", "cover_open"});
  const int port = PortFrom(child.ReadLine(5s));
  ASSERT_GT(port, 0);
  Status r = PrintTicket({.kind = PrinterKind::kTcp, .host = "127.0.0.1", .port = port}, testing::SampleTicket());
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().rule, "printer_cover_open");
  EXPECT_EQ(child.Stop(SIGINT, 3s), 0);
}

TEST(EscposStandinProgram, BadArgumentsExitTwo) {
  for (std::vector<std::string> args : {std::vector<std::string>{"--status", "jammed"}, {"--port", "x"},
                                        {"--port", "70000"}, {"--colour", "red"}, {"--port"}}) {
    Child child(args);
    EXPECT_EQ(child.Wait(5s), 2) << args[0];
  }
}

}  // namespace
}  // namespace motcua::print
