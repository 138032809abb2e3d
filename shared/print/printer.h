// Printing through CUPS (libcups 2.4, stack.md §12.3): submit a PDF to a configured queue, then
// watch the job and the printer over IPP for a bounded time and say plainly what happened.
//
// What PrintPdf reports (the counter app turns each into a Vietnamese message and, on an error,
// offers a reprint that keeps the same dossier code):
//   PrintOutcome::kPrinted  the job reached "completed": every byte went to the printer;
//   PrintOutcome::kQueued   accepted and still waiting or printing when wait_ms ran out with no
//                           fault seen (other jobs ahead, a slow printer); poll GetJobStatus;
//   errors, all on field "queue" unless noted:
//     kInvalid/"bad_queue_name"         not a CUPS queue name (empty, space, '/', '#', > 127 bytes);
//     kInvalid/"out_of_range"           field "copies": not within 1..99;
//     kInvalid/"empty_document"         field "document": no bytes to print;
//     kUnavailable/"cups_unreachable"   field "server": the CUPS scheduler cannot be reached (not
//                                       running, wrong address, timed out);
//     kNotFound/"no_such_printer"       no queue by that name on the server;
//     kUnavailable/"printer_stopped"    the queue is stopped (disabled, or stopped by a backend
//                                       error); the detail carries CUPS' state message;
//     kUnavailable/"printer_not_accepting"  the queue rejects new jobs;
//     kUnavailable/"printer_unreachable"    the job was still being sent after wait_ms (> 0) and CUPS
//                                       reports a device problem, e.g. "The printer may not exist
//                                       or is unavailable at this time." (the printer is off,
//                                       unplugged or its address is wrong);
//     kUnavailable/"job_canceled", "job_aborted"  field "job": someone cancelled the job, or CUPS
//                                       gave up on it (filter or backend failure);
//     kUnavailable/"submit_failed"      any other IPP refusal while creating or sending the job.
// With cancel_unprinted (the default), a job reported as printer_stopped or printer_unreachable is
// cancelled first, so a reprint never comes out twice once the printer is back.
//
// Blocking and threads: every call opens its own connection and keeps no global state besides
// libcups' per-thread settings, so calls may run on any thread. Each IPP exchange is bounded by
// io_timeout_ms and the first one that times out ends the call with cups_unreachable, so a call
// blocks for at most about connect_timeout_ms + 2 * io_timeout_ms, plus wait_ms for PrintPdf: with
// the defaults about 23 s in the worst case (a scheduler that stops answering), about wait_ms when
// the printer is off, a few ms for a queue listing or a job query. Never call them on the UI
// thread: run them on a worker (std::async) and poll the future each frame, or call PrintPdf with
// wait_ms = 0 and then GetJobStatus from a timer.
// The waiting uses a monotonic clock for timeouts only; nothing here reads civil time.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace motcua::print {

struct CupsServer {
  // "" = libcups' default ($CUPS_SERVER, client.conf, else the local scheduler); "/path/cups.sock"
  // = a scheduler's domain socket; "host" or "host:port" = TCP (port default 631).
  std::string address;
  int connect_timeout_ms = 3000;  // default 3000: connecting to the scheduler
  int io_timeout_ms = 5000;       // default 5000: each IPP request and its response
};

enum class PrinterState { kIdle, kProcessing, kStopped };

struct QueueInfo {
  std::string name;            // queue name, what PrintPdf takes
  std::string info;            // description set by the administrator ("Máy in quầy 3")
  std::string location;
  std::string make_and_model;
  PrinterState state = PrinterState::kIdle;
  std::string state_message;   // CUPS' last message for the printer; may be empty
  std::vector<std::string> state_reasons;  // IPP keywords; "none" is dropped
  bool is_accepting_jobs = true;
  bool is_default = false;     // the server's default destination
};

// Every queue on the server, sorted by name (may be empty). Errors: cups_unreachable, or
// kUnavailable/"submit_failed" if the server refuses the request.
Result<std::vector<QueueInfo>> ListQueues(const CupsServer& server = {});

// One queue's state. Errors: bad_queue_name, cups_unreachable, no_such_printer.
Result<QueueInfo> GetQueue(const CupsServer& server, std::string_view queue);

enum class JobState { kPending, kHeld, kProcessing, kStopped, kCanceled, kAborted, kCompleted };

const char* JobStateName(JobState state);  // "pending", "held", ..., "completed"

struct JobStatus {
  int job_id = 0;
  JobState state = JobState::kPending;
  std::vector<std::string> state_reasons;  // IPP keywords, "none" dropped
  std::string state_message;               // job-printer-state-message: the backend's last word
};

// Errors: cups_unreachable; kNotFound/"no_such_job" on field "job_id".
Result<JobStatus> GetJobStatus(const CupsServer& server, int job_id);

// Cancels a job that has not finished. Cancelling a finished job is not an error.
// Errors: cups_unreachable; no_such_job; kUnavailable/"submit_failed".
Status CancelJob(const CupsServer& server, int job_id);

struct PrintOptions {
  int copies = 1;                         // default 1, 1..99 (Mẫu 01 is 2 pages already: one per copy)
  std::string title = "motcua";           // job name shown in the queue, e.g. "Mẫu 01 <code>"
  std::string document_format = "application/pdf";  // MIME type of the bytes (default PDF)
  int wait_ms = 10000;                    // default 10000: how long to watch the job; 0 = return after submitting
  int poll_interval_ms = 200;             // default 200: between two job checks
  bool cancel_unprinted = true;           // default true: cancel the job when reporting a printer fault
};

struct PrintOutcome {
  enum class Kind { kPrinted, kQueued };
  Kind kind = Kind::kQueued;
  int job_id = 0;
  JobState job_state = JobState::kPending;
  std::string state_message;  // the last message CUPS gave for the job or printer; may be empty
};

// Submits `document` to `queue` and watches it for up to options.wait_ms (see the top of this
// file for outcomes and errors). A preflight query refuses a missing, stopped or rejecting queue
// before a job exists.
Result<PrintOutcome> PrintPdf(const CupsServer& server, std::string_view queue, std::string_view document,
                              const PrintOptions& options = {});

// Reads the file at `path` and prints it like PrintPdf.
// Extra error: kNotFound/"no_such_file" on field "path" when it cannot be read.
Result<PrintOutcome> PrintPdfFile(const CupsServer& server, std::string_view queue, const std::string& path,
                                  const PrintOptions& options = {});

}  // namespace motcua::print
