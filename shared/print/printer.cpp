#include "print/printer.h"

#include <cups/cups.h>
#include <cups/ipp.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <fstream>
#include <iterator>
#include <sstream>
#include <thread>

#include "common/number_parse.h"

namespace motcua::print {
namespace {

// libcups would ask for a password on the terminal when a server demands one; a kiosk has no
// terminal, so every request answers "no password" and fails instead of blocking.
const char* NoPassword(const char*, http_t*, const char*, const char*, void*) { return nullptr; }

// RAII for one connection to the scheduler.
class Connection {
 public:
  static Result<Connection> Open(const CupsServer& server) {
    cupsSetPasswordCB2(NoPassword, nullptr);
    std::string host = server.address;
    int port = ippPort();
    if (host.empty()) {
      host = cupsServer();
    } else if (host[0] != '/') {
      // "host:port" (an IPv6 literal must be bracketed: "[::1]:631").
      const auto colon = host.rfind(':');
      const auto bracket = host.rfind(']');
      if (colon != std::string::npos && (bracket == std::string::npos || colon > bracket)) {
        port = ParseDigits<int>(std::string_view(host).substr(colon + 1)).value_or(0);  // 0: refused by httpConnect2
        host.resize(colon);
      }
      if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    }
    http_t* http = httpConnect2(host.c_str(), port, nullptr, AF_UNSPEC, cupsEncryption(), 1,
                                server.connect_timeout_ms, nullptr);
    if (!http)
      return Unavailable("server", "cups_unreachable",
                         "cannot connect to the CUPS scheduler at " + host +
                             (host[0] == '/' ? "" : ":" + std::to_string(port)) + ": " + cupsLastErrorString());
    httpSetTimeout(http, server.io_timeout_ms / 1000.0, nullptr, nullptr);
    return Connection(http, host);
  }
  Connection(Connection&& o) noexcept : http_(o.http_), host_(std::move(o.host_)) { o.http_ = nullptr; }
  ~Connection() {
    if (http_) httpClose(http_);
  }
  http_t* get() const { return http_; }
  const std::string& host() const { return host_; }

 private:
  Connection(http_t* http, std::string host) : http_(http), host_(std::move(host)) {}
  http_t* http_;
  std::string host_;
};

struct IppFree {
  void operator()(ipp_t* p) const { ippDelete(p); }
};
using IppPtr = std::unique_ptr<ipp_t, IppFree>;

bool IsTransportFailure() {
  const ipp_status_t s = cupsLastError();
  return s == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE || s == IPP_STATUS_ERROR_INTERNAL;
}

Error Unreachable(const Connection& c, const std::string& what) {
  return Unavailable("server", "cups_unreachable",
                     what + " at " + c.host() + " failed: " + cupsLastErrorString());
}

Status ValidateQueueName(std::string_view queue) {
  // CUPS allows printable characters except space, '/', '\\', '#', quotes; 127 bytes at most.
  bool ok = !queue.empty() && queue.size() <= 127;
  for (char ch : queue)
    ok = ok && static_cast<unsigned char>(ch) > 0x20 && ch != 0x7f && ch != '/' && ch != '\\' && ch != '#' &&
         ch != '\'' && ch != '"';
  if (!ok) return Invalid("queue", "bad_queue_name", "not a CUPS queue name: \"" + std::string(queue) + "\"");
  return Ok();
}

std::string PrinterUri(std::string_view queue) {
  char uri[HTTP_MAX_URI];
  httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", 0, "/printers/%s",
                   std::string(queue).c_str());
  return uri;
}

std::string JobUri(int job_id) {
  return "ipp://localhost/jobs/" + std::to_string(job_id);
}

std::string StringAttr(ipp_t* group, const char* name) {
  ipp_attribute_t* a = ippFindAttribute(group, name, IPP_TAG_ZERO);
  if (!a) return "";
  const char* s = ippGetString(a, 0, nullptr);
  return s ? s : "";
}

std::vector<std::string> Keywords(ipp_t* group, const char* name) {
  std::vector<std::string> out;
  ipp_attribute_t* a = ippFindAttribute(group, name, IPP_TAG_ZERO);
  if (!a) return out;
  for (int i = 0; i < ippGetCount(a); ++i) {
    const char* s = ippGetString(a, i, nullptr);
    if (s && std::string_view(s) != "none") out.emplace_back(s);
  }
  return out;
}

int IntAttr(ipp_t* group, const char* name, int fallback) {
  ipp_attribute_t* a = ippFindAttribute(group, name, IPP_TAG_ZERO);
  return a ? ippGetInteger(a, 0) : fallback;
}

PrinterState ToPrinterState(int v) {
  switch (v) {
    case IPP_PSTATE_PROCESSING: return PrinterState::kProcessing;
    case IPP_PSTATE_STOPPED: return PrinterState::kStopped;
    default: return PrinterState::kIdle;
  }
}

JobState ToJobState(int v) {
  switch (v) {
    case IPP_JSTATE_HELD: return JobState::kHeld;
    case IPP_JSTATE_PROCESSING: return JobState::kProcessing;
    case IPP_JSTATE_STOPPED: return JobState::kStopped;
    case IPP_JSTATE_CANCELED: return JobState::kCanceled;
    case IPP_JSTATE_ABORTED: return JobState::kAborted;
    case IPP_JSTATE_COMPLETED: return JobState::kCompleted;
    default: return JobState::kPending;
  }
}

const char* const kPrinterAttrs[] = {"printer-name",          "printer-info",
                                     "printer-location",      "printer-make-and-model",
                                     "printer-state",         "printer-state-message",
                                     "printer-state-reasons", "printer-is-accepting-jobs"};

QueueInfo ReadQueue(ipp_t* group) {
  QueueInfo q;
  q.name = StringAttr(group, "printer-name");
  q.info = StringAttr(group, "printer-info");
  q.location = StringAttr(group, "printer-location");
  q.make_and_model = StringAttr(group, "printer-make-and-model");
  q.state = ToPrinterState(IntAttr(group, "printer-state", IPP_PSTATE_IDLE));
  q.state_message = StringAttr(group, "printer-state-message");
  q.state_reasons = Keywords(group, "printer-state-reasons");
  ipp_attribute_t* acc = ippFindAttribute(group, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN);
  q.is_accepting_jobs = acc ? ippGetBoolean(acc, 0) != 0 : true;
  return q;
}

Result<QueueInfo> QueryQueue(const Connection& c, std::string_view queue) {
  ipp_t* req = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
  ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, PrinterUri(queue).c_str());
  ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                int(std::size(kPrinterAttrs)), nullptr, kPrinterAttrs);
  IppPtr resp(cupsDoRequest(c.get(), req, "/"));  // frees req
  if (cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND)
    return NotFound("queue", "no_such_printer",
                    "no printer queue \"" + std::string(queue) + "\" on the CUPS server " + c.host());
  if (!resp || cupsLastError() > IPP_STATUS_OK_CONFLICTING) {
    if (!resp || IsTransportFailure()) return Unreachable(c, "asking for printer \"" + std::string(queue) + "\"");
    return Unavailable("queue", "submit_failed",
                       "CUPS refused to describe \"" + std::string(queue) + "\": " + cupsLastErrorString());
  }
  QueueInfo q = ReadQueue(resp.get());
  if (q.name.empty()) q.name = std::string(queue);
  return q;
}

Result<JobStatus> QueryJob(const Connection& c, int job_id) {
  static const char* const kJobAttrs[] = {"job-id", "job-state", "job-state-reasons", "job-printer-state-message"};
  ipp_t* req = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
  ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "job-uri", nullptr, JobUri(job_id).c_str());
  ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", int(std::size(kJobAttrs)),
                nullptr, kJobAttrs);
  IppPtr resp(cupsDoRequest(c.get(), req, "/"));
  if (cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND)
    return NotFound("job_id", "no_such_job", "no job " + std::to_string(job_id) + " on the CUPS server");
  if (!resp || cupsLastError() > IPP_STATUS_OK_CONFLICTING) {
    if (!resp || IsTransportFailure()) return Unreachable(c, "asking for job " + std::to_string(job_id));
    return Unavailable("job_id", "submit_failed",
                       "CUPS refused to describe job " + std::to_string(job_id) + ": " + cupsLastErrorString());
  }
  JobStatus s;
  s.job_id = job_id;
  s.state = ToJobState(IntAttr(resp.get(), "job-state", IPP_JSTATE_PENDING));
  s.state_reasons = Keywords(resp.get(), "job-state-reasons");
  s.state_message = StringAttr(resp.get(), "job-printer-state-message");
  return s;
}

// queue empty = address the job by its job URI alone.
Status Cancel(const Connection& c, std::string_view queue, int job_id) {
  const std::string name(queue);
  if (cupsCancelJob2(c.get(), name.empty() ? nullptr : name.c_str(), job_id, 0) == IPP_STATUS_OK) return Ok();
  const ipp_status_t s = cupsLastError();
  // Already finished (completed, cancelled or aborted): nothing left to cancel.
  if (s == IPP_STATUS_ERROR_NOT_POSSIBLE) return Ok();
  if (s == IPP_STATUS_ERROR_NOT_FOUND)
    return NotFound("job_id", "no_such_job", "no job " + std::to_string(job_id) + " on the CUPS server");
  if (IsTransportFailure()) return Unreachable(c, "cancelling job " + std::to_string(job_id));
  return Unavailable("job_id", "submit_failed",
                     "CUPS refused to cancel job " + std::to_string(job_id) + ": " + cupsLastErrorString());
}

std::string Joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

Error StoppedError(std::string_view queue, const QueueInfo& q) {
  return Unavailable("queue", "printer_stopped",
                     "printer \"" + std::string(queue) + "\" is stopped" +
                         (q.state_message.empty() ? "" : ": " + q.state_message) +
                         (q.state_reasons.empty() ? "" : " (" + Joined(q.state_reasons) + ")"));
}

}  // namespace

const char* JobStateName(JobState state) {
  switch (state) {
    case JobState::kPending: return "pending";
    case JobState::kHeld: return "held";
    case JobState::kProcessing: return "processing";
    case JobState::kStopped: return "stopped";
    case JobState::kCanceled: return "canceled";
    case JobState::kAborted: return "aborted";
    case JobState::kCompleted: return "completed";
  }
  return "unknown";
}

Result<std::vector<QueueInfo>> ListQueues(const CupsServer& server) {
  MOTCUA_ASSIGN_OR_RETURN(Connection c, Connection::Open(server));
  std::string default_name;
  {
    ipp_t* req = ippNewRequest(IPP_OP_CUPS_GET_DEFAULT);
    IppPtr resp(cupsDoRequest(c.get(), req, "/"));
    if (resp && cupsLastError() <= IPP_STATUS_OK_CONFLICTING) default_name = StringAttr(resp.get(), "printer-name");
  }
  ipp_t* req = ippNewRequest(IPP_OP_CUPS_GET_PRINTERS);
  ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", int(std::size(kPrinterAttrs)),
                nullptr, kPrinterAttrs);
  IppPtr resp(cupsDoRequest(c.get(), req, "/"));
  std::vector<QueueInfo> out;
  // An empty server answers "not found": no queues, not an error.
  if (cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND) return out;
  if (!resp || cupsLastError() > IPP_STATUS_OK_CONFLICTING) {
    if (!resp || IsTransportFailure()) return Unreachable(c, "listing printers");
    return Unavailable("server", "submit_failed", std::string("CUPS refused to list printers: ") + cupsLastErrorString());
  }
  // The response holds one printer attribute group per queue, separated by group-tag changes.
  ipp_t* group = ippNew();
  auto flush = [&] {
    if (ippFindAttribute(group, "printer-name", IPP_TAG_ZERO)) {
      QueueInfo q = ReadQueue(group);
      q.is_default = q.name == default_name;
      out.push_back(std::move(q));
    }
    ippDelete(group);
    group = ippNew();
  };
  for (ipp_attribute_t* a = ippFirstAttribute(resp.get()); a; a = ippNextAttribute(resp.get())) {
    if (ippGetGroupTag(a) != IPP_TAG_PRINTER) {
      flush();
      continue;
    }
    if (ippGetName(a) == nullptr) {  // separator between two printers
      flush();
      continue;
    }
    ippCopyAttribute(group, a, 0);
  }
  flush();
  ippDelete(group);
  std::sort(out.begin(), out.end(), [](const QueueInfo& a, const QueueInfo& b) { return a.name < b.name; });
  return out;
}

Result<QueueInfo> GetQueue(const CupsServer& server, std::string_view queue) {
  MOTCUA_TRY(ValidateQueueName(queue));
  MOTCUA_ASSIGN_OR_RETURN(Connection c, Connection::Open(server));
  return QueryQueue(c, queue);
}

Result<JobStatus> GetJobStatus(const CupsServer& server, int job_id) {
  if (job_id <= 0) return NotFound("job_id", "no_such_job", "job ids start at 1, got " + std::to_string(job_id));
  MOTCUA_ASSIGN_OR_RETURN(Connection c, Connection::Open(server));
  return QueryJob(c, job_id);
}

Status CancelJob(const CupsServer& server, int job_id) {
  if (job_id <= 0) return NotFound("job_id", "no_such_job", "job ids start at 1, got " + std::to_string(job_id));
  MOTCUA_ASSIGN_OR_RETURN(Connection c, Connection::Open(server));
  return Cancel(c, "", job_id);
}

Result<PrintOutcome> PrintPdf(const CupsServer& server, std::string_view queue, std::string_view document,
                              const PrintOptions& options) {
  MOTCUA_TRY(ValidateQueueName(queue));
  if (options.copies < 1 || options.copies > 99)
    return Invalid("copies", "out_of_range", "copies must be 1..99, got " + std::to_string(options.copies));
  if (document.empty()) return Invalid("document", "empty_document", "nothing to print");

  MOTCUA_ASSIGN_OR_RETURN(Connection c, Connection::Open(server));
  const std::string name(queue);

  // Preflight: a clear error before any job exists.
  MOTCUA_ASSIGN_OR_RETURN(QueueInfo before, QueryQueue(c, queue));
  if (before.state == PrinterState::kStopped) return StoppedError(queue, before);
  if (!before.is_accepting_jobs)
    return Unavailable("queue", "printer_not_accepting",
                       "printer \"" + name + "\" is not accepting jobs" +
                           (before.state_message.empty() ? "" : ": " + before.state_message));

  cups_option_t* opts = nullptr;
  int num_opts = cupsAddOption("copies", std::to_string(options.copies).c_str(), 0, &opts);
  const int job_id = cupsCreateJob(c.get(), name.c_str(), options.title.c_str(), num_opts, opts);
  cupsFreeOptions(num_opts, opts);
  if (job_id == 0) {
    const ipp_status_t s = cupsLastError();
    if (s == IPP_STATUS_ERROR_NOT_FOUND)
      return NotFound("queue", "no_such_printer", "no printer queue \"" + name + "\" on the CUPS server " + c.host());
    if (s == IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS)
      return Unavailable("queue", "printer_not_accepting", "printer \"" + name + "\" is not accepting jobs");
    if (IsTransportFailure()) return Unreachable(c, "creating a job on \"" + name + "\"");
    return Unavailable("queue", "submit_failed",
                       "CUPS refused the job for \"" + name + "\": " + cupsLastErrorString());
  }
  auto send_failed = [&](const std::string& what) -> Error {
    Error e = Unavailable("queue", "submit_failed",
                          what + " (job " + std::to_string(job_id) + " on \"" + name + "\"): " + cupsLastErrorString());
    (void)Cancel(c, queue, job_id);
    return e;
  };
  if (cupsStartDocument(c.get(), name.c_str(), job_id, options.title.c_str(), options.document_format.c_str(), 1) !=
      HTTP_STATUS_CONTINUE)
    return send_failed("cannot start the document");
  constexpr std::size_t kChunk = 64 * 1024;
  for (std::size_t off = 0; off < document.size(); off += kChunk) {
    const std::size_t n = std::min(kChunk, document.size() - off);
    if (cupsWriteRequestData(c.get(), document.data() + off, n) != HTTP_STATUS_CONTINUE)
      return send_failed("cannot send the document");
  }
  if (cupsFinishDocument(c.get(), name.c_str()) > IPP_STATUS_OK_CONFLICTING)
    return send_failed("CUPS rejected the document");

  PrintOutcome out;
  out.job_id = job_id;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(std::max(options.wait_ms, 0));
  const auto interval = std::chrono::milliseconds(std::max(options.poll_interval_ms, 10));
  auto give_up = [&](Error e) -> Error {
    if (options.cancel_unprinted) (void)Cancel(c, queue, job_id);
    return e;
  };
  for (;;) {
    MOTCUA_ASSIGN_OR_RETURN(JobStatus job, QueryJob(c, job_id));
    out.job_state = job.state;
    if (!job.state_message.empty()) out.state_message = job.state_message;
    const std::string job_text = "job " + std::to_string(job_id) + " on \"" + name + "\"";
    switch (job.state) {
      case JobState::kCompleted:
        out.kind = PrintOutcome::Kind::kPrinted;
        return out;
      case JobState::kCanceled:
        return Unavailable("job", "job_canceled", job_text + " was cancelled" +
                                                      (job.state_reasons.empty() ? "" : " (" + Joined(job.state_reasons) + ")"));
      case JobState::kAborted:
        return Unavailable("job", "job_aborted",
                           job_text + " was aborted by CUPS" +
                               (job.state_message.empty() ? "" : ": " + job.state_message) +
                               (job.state_reasons.empty() ? "" : " (" + Joined(job.state_reasons) + ")"));
      default:
        break;
    }
    MOTCUA_ASSIGN_OR_RETURN(QueueInfo printer, QueryQueue(c, queue));
    if (!printer.state_message.empty()) out.state_message = printer.state_message;
    if (printer.state == PrinterState::kStopped || job.state == JobState::kStopped)
      return give_up(StoppedError(queue, printer));
    if (std::chrono::steady_clock::now() >= deadline) {
      // Still being sent after the whole wait, and the backend has complained (it cannot reach the
      // device: CUPS' socket backend retries forever, leaving the job "processing"). A caller that did
      // not wait (wait_ms 0) gets its queued job back: right after submission the backend is still
      // "Connecting to printer.", which says nothing yet about the device.
      const std::string complaint = !job.state_message.empty() ? job.state_message : printer.state_message;
      if (options.wait_ms > 0 && job.state == JobState::kProcessing && !complaint.empty())
        return give_up(Unavailable("queue", "printer_unreachable",
                                   job_text + " could not be sent to the printer: " + complaint));
      out.kind = PrintOutcome::Kind::kQueued;
      return out;
    }
    std::this_thread::sleep_for(interval);
  }
}

Result<PrintOutcome> PrintPdfFile(const CupsServer& server, std::string_view queue, const std::string& path,
                                  const PrintOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("path", "no_such_file", "cannot read \"" + path + "\"");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return NotFound("path", "no_such_file", "cannot read \"" + path + "\"");
  return PrintPdf(server, queue, bytes, options);
}

}  // namespace motcua::print
