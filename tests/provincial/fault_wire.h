// How each fault of faults.h goes on the wire with cpp-httplib 0.11.4 (which the server uses).
//
// httplib gives a handler no access to its connection's socket, and some faults need it:
//   - truncated: a content provider declares the full Content-Length, writes half and returns false;
//     httplib then closes the connection normally (FIN), so the client reads a short body then EOF;
//   - reset: the same, but before returning false the provider resets the connection (an RST: the
//     client's read fails with ECONNRESET). The socket is found by its address pair among the
//     process's descriptors (FindConnectionSocket) and disconnected with connect(AF_UNSPEC), which
//     sends the RST and leaves the descriptor open for httplib to close as usual;
//   - timeout: the handler waits, then shuts the socket down before httplib writes anything.
// The server sets TCP_NODELAY, so what a provider writes leaves at once; reset also waits until the
// client has acknowledged it, or the RST would discard the half body still in flight.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include <httplib.h>

#include "faults.h"

namespace motcua::provincial {

// Sleeps up to `duration`; false when the server is stopping (the caller gives up at once).
using Waiter = std::function<bool(std::chrono::milliseconds duration)>;

struct FaultReplyBodies {
  std::string internal_error;  // JSON body of HTTP 500 (http500), with server_time
  std::string busy;            // JSON body of HTTP 503 (http503), with server_time
};

// Sets up the reply of a fault that does not process the call: http500, http503, timeout, reset,
// invalid_json, truncated, huge. (slow and fail_after_store process the call; expire_sessions is
// never armed.) May block for the timeout's delay.
void WriteUnprocessedFault(const Fault& fault, const httplib::Request& request, httplib::Response& response,
                           const FaultReplyBodies& bodies, const Waiter& wait);

// The slow fault: `body` written in ten pieces spread over `over`.
void SetTrickledBody(httplib::Response& response, std::string body, std::chrono::milliseconds over, Waiter wait);

// The accepted socket carrying `request` (matched by local and remote port), or -1.
int FindConnectionSocket(const httplib::Request& request);

}  // namespace motcua::provincial
